// Surface nets, swept tubes, simplification and GPU ordering of the structures' meshes.
//
// Sections: mesh | surface nets | swept tubes | meshoptimizer | checks
#include "core/geometry/mesh.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <unordered_map>
#include <utility>

#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>
#include <meshoptimizer.h>

#include "core/geometry/parallel.hpp"

namespace thecaview {

using glm::vec3;

// ---- mesh -------------------------------------------------------------------------------
Box3 Mesh::bounds() const {
    Box3 b;
    for (const vec3& p : positions_mm) b.add(p);
    return b;
}

void Mesh::append(const Mesh& other) {
    const auto base = static_cast<std::uint32_t>(positions_mm.size());
    positions_mm.insert(positions_mm.end(), other.positions_mm.begin(), other.positions_mm.end());
    normals.insert(normals.end(), other.normals.begin(), other.normals.end());
    for (const std::uint32_t i : other.indices) indices.push_back(base + i);
}

// ---- surface nets -----------------------------------------------------------------------
namespace {

constexpr int kBlock = 8;  // cells per block side: blocks far from the surface are skipped whole

struct Grid {
    vec3 origin;
    float cell = 1.0f;
    int cells[3] = {0, 0, 0};
    [[nodiscard]] std::uint64_t key(int x, int y, int z) const {
        return static_cast<std::uint64_t>(x) +
               static_cast<std::uint64_t>(cells[0]) * (static_cast<std::uint64_t>(y) + static_cast<std::uint64_t>(cells[1]) * z);
    }
    [[nodiscard]] vec3 corner(int x, int y, int z) const {
        return origin + cell * vec3(static_cast<float>(x), static_cast<float>(y), static_cast<float>(z));
    }
};

// What one block contributes: vertices keyed by their cell, and quads as four cell keys.
struct BlockOutput {
    std::vector<std::pair<std::uint64_t, vec3>> vertices;
    std::vector<std::array<std::uint64_t, 4>> quads;
};

// The eight corners of a cell, as offsets, and its twelve edges as pairs of corners.
constexpr int kCorner[8][3] = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {0, 0, 1}, {1, 0, 1}, {0, 1, 1}, {1, 1, 1}};
constexpr int kEdge[12][2] = {{0, 1}, {2, 3}, {4, 5}, {6, 7}, {0, 2}, {1, 3}, {4, 6}, {5, 7}, {0, 4}, {1, 5}, {2, 6}, {3, 7}};

void mesh_block(const DistanceMap& f, const Grid& g, int bx, int by, int bz, BlockOutput& out) {
    constexpr int n = kBlock + 1;
    std::array<float, n * n * n> value{};
    const auto at = [&](int x, int y, int z) -> float& { return value[static_cast<std::size_t>(x + n * (y + n * z))]; };
    const int x0 = bx * kBlock, y0 = by * kBlock, z0 = bz * kBlock;
    for (int z = 0; z < n; ++z)
        for (int y = 0; y < n; ++y)
            for (int x = 0; x < n; ++x) at(x, y, z) = f(g.corner(x0 + x, y0 + y, z0 + z));

    for (int z = 0; z < kBlock; ++z) {
        for (int y = 0; y < kBlock; ++y) {
            for (int x = 0; x < kBlock; ++x) {
                const int gx = x0 + x, gy = y0 + y, gz = z0 + z;
                if (gx >= g.cells[0] || gy >= g.cells[1] || gz >= g.cells[2]) continue;
                float v[8];
                int inside = 0;
                for (int c = 0; c < 8; ++c) {
                    v[c] = at(x + kCorner[c][0], y + kCorner[c][1], z + kCorner[c][2]);
                    inside += v[c] < 0.0f ? 1 : 0;
                }
                if (inside == 0 || inside == 8) continue;
                // The vertex: the mean of the points where the surface crosses the cell's edges.
                vec3 sum(0.0f);
                int crossings = 0;
                for (const auto& e : kEdge) {
                    const float a = v[e[0]], b = v[e[1]];
                    if ((a < 0.0f) == (b < 0.0f)) continue;
                    const float t = a / (a - b);
                    const vec3 pa(kCorner[e[0]][0], kCorner[e[0]][1], kCorner[e[0]][2]);
                    const vec3 pb(kCorner[e[1]][0], kCorner[e[1]][1], kCorner[e[1]][2]);
                    sum += pa + t * (pb - pa);
                    ++crossings;
                }
                out.vertices.emplace_back(g.key(gx, gy, gz), g.corner(gx, gy, gz) + g.cell * sum / static_cast<float>(crossings));
                // Quads for the three edges leaving the cell's first corner along +x, +y, +z: each
                // joins the four cells around the edge (those below it in the other two axes).
                if (gx == 0 || gy == 0 || gz == 0) continue;
                const int corner_end[3] = {1, 2, 4};
                for (int axis = 0; axis < 3; ++axis) {
                    const float a = v[0], b = v[corner_end[axis]];
                    if ((a < 0.0f) == (b < 0.0f)) continue;
                    const int u = (axis + 1) % 3, w = (axis + 2) % 3;
                    std::array<std::uint64_t, 4> quad{};
                    const int du[4] = {-1, 0, 0, -1}, dw[4] = {-1, -1, 0, 0};  // counter-clockwise about +axis
                    for (int k = 0; k < 4; ++k) {
                        int c[3] = {gx, gy, gz};
                        c[u] += du[k];
                        c[w] += dw[k];
                        quad[k] = g.key(c[0], c[1], c[2]);
                    }
                    if (!(a < 0.0f)) std::swap(quad[1], quad[3]);  // the outside lies towards -axis
                    out.quads.push_back(quad);
                }
            }
        }
    }
}

// The outward unit normal from the map's gradient (the tetrahedron technique: four taps).
vec3 gradient_normal(const DistanceMap& f, vec3 p, float h) {
    const vec3 k0(1, -1, -1), k1(-1, -1, 1), k2(-1, 1, -1), k3(1, 1, 1);
    const vec3 n = k0 * f(p + k0 * h) + k1 * f(p + k1 * h) + k2 * f(p + k2 * h) + k3 * f(p + k3 * h);
    const float len = glm::length(n);
    return len > 1e-12f ? n / len : vec3(0.0f, 1.0f, 0.0f);
}

}  // namespace

Mesh mesh_surface(const DistanceMap& f, const SurfaceDesc& desc) {
    // Two cells to spare on every side: the first row of cells makes no quads.
    Grid g;
    g.origin = desc.box.lo - 2.0f * desc.cell_mm;
    g.cell = desc.cell_mm;
    const vec3 size = desc.box.size() + 4.0f * desc.cell_mm;
    for (int a = 0; a < 3; ++a) g.cells[a] = std::max(2, static_cast<int>(std::ceil(size[a] / g.cell)));
    int blocks[3];
    for (int a = 0; a < 3; ++a) blocks[a] = (g.cells[a] + kBlock - 1) / kBlock;
    const std::size_t block_count = static_cast<std::size_t>(blocks[0]) * blocks[1] * blocks[2];

    // A block is skipped when its centre lies further from the surface than the block reaches
    // (with room to spare: the maps are distance estimates, not exact distances).
    const float reach = 0.5f * std::sqrt(3.0f) * kBlock * g.cell;
    std::vector<BlockOutput> outputs(block_count);
    parallel_for(block_count, desc.threads, [&](std::size_t b) {
        const int bx = static_cast<int>(b % blocks[0]);
        const int by = static_cast<int>((b / blocks[0]) % blocks[1]);
        const int bz = static_cast<int>(b / (static_cast<std::size_t>(blocks[0]) * blocks[1]));
        const vec3 centre = g.corner(bx * kBlock, by * kBlock, bz * kBlock) + 0.5f * kBlock * g.cell;
        if (std::abs(f(centre)) > 1.5f * reach + std::max(g.cell, 4.0f)) return;
        mesh_block(f, g, bx, by, bz, outputs[b]);
    });

    Mesh mesh;
    std::unordered_map<std::uint64_t, std::uint32_t> index_of_cell;
    for (const BlockOutput& o : outputs) {
        for (const auto& [key, p] : o.vertices) {
            index_of_cell.emplace(key, static_cast<std::uint32_t>(mesh.positions_mm.size()));
            mesh.positions_mm.push_back(p);
        }
    }
    for (const BlockOutput& o : outputs) {
        for (const auto& quad : o.quads) {
            std::array<std::uint32_t, 4> q{};
            bool complete = true;
            for (int k = 0; k < 4; ++k) {
                const auto it = index_of_cell.find(quad[k]);
                if (it == index_of_cell.end()) { complete = false; break; }
                q[k] = it->second;
            }
            if (!complete) continue;  // the edge of the grid: the box was too small
            // Split along the shorter diagonal.
            const auto& P = mesh.positions_mm;
            if (glm::distance(P[q[0]], P[q[2]]) <= glm::distance(P[q[1]], P[q[3]])) {
                mesh.indices.insert(mesh.indices.end(), {q[0], q[1], q[2], q[0], q[2], q[3]});
            } else {
                mesh.indices.insert(mesh.indices.end(), {q[0], q[1], q[3], q[1], q[2], q[3]});
            }
        }
    }
    mesh.normals.resize(mesh.positions_mm.size());
    parallel_for(mesh.positions_mm.size(), desc.threads, [&](std::size_t i) {
        mesh.normals[i] = gradient_normal(f, mesh.positions_mm[i], 0.25f * g.cell);
    });
    return mesh;
}

// ---- swept tubes ------------------------------------------------------------------------
namespace {

vec3 any_perpendicular(vec3 t) {
    const vec3 helper = std::abs(t.y) < 0.9f ? vec3(0.0f, 1.0f, 0.0f) : vec3(1.0f, 0.0f, 0.0f);
    return glm::normalize(glm::cross(t, helper));
}

// One tube along a polyline: round (half sizes equal, the frame carried by parallel transport so
// that it does not twist) or flat (an elliptic section whose face looks along `facing`).
void sweep_one(const std::vector<vec3>& polyline, const std::vector<glm::vec2>& half_sizes, const std::vector<vec3>& facing,
               int sides, Mesh& mesh) {
    std::vector<vec3> points, faces;  // without repeated points, which have no direction
    std::vector<glm::vec2> sizes;
    for (std::size_t i = 0; i < polyline.size(); ++i) {
        if (!points.empty() && glm::distance(points.back(), polyline[i]) <= 1e-4f) continue;
        points.push_back(polyline[i]);
        sizes.push_back(half_sizes[i]);
        if (!facing.empty()) faces.push_back(facing[i]);
    }
    if (points.size() < 2) return;
    const float two_pi = glm::two_pi<float>();
    const auto base = static_cast<std::uint32_t>(mesh.positions_mm.size());
    const std::size_t n = points.size();
    std::vector<vec3> tangent(n);  // the mean of the segments on either side
    for (std::size_t i = 0; i < n; ++i) {
        const vec3 prev = points[i > 0 ? i - 1 : i], next = points[i + 1 < n ? i + 1 : i];
        tangent[i] = glm::normalize(next - prev);
    }
    // The frame at each point: `normal` through the section's thickness (its half size .y), the
    // binormal across it (.x).
    std::vector<vec3> normal(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (!faces.empty()) {
            const vec3 f = faces[i] - tangent[i] * glm::dot(faces[i], tangent[i]);
            normal[i] = glm::length(f) > 1e-6f ? glm::normalize(f) : any_perpendicular(tangent[i]);
            continue;
        }
        if (i == 0) {
            normal[i] = any_perpendicular(tangent[0]);
            continue;
        }
        // Rotate the frame from the last tangent to this one.
        vec3 nrm = normal[i - 1];
        const vec3 axis = glm::cross(tangent[i - 1], tangent[i]);
        const float s = glm::length(axis);
        if (s > 1e-6f) {
            const vec3 k = axis / s;
            const float c = glm::dot(tangent[i - 1], tangent[i]);
            const float angle = std::atan2(s, c);
            nrm = nrm * std::cos(angle) + glm::cross(k, nrm) * std::sin(angle) + k * glm::dot(k, nrm) * (1.0f - std::cos(angle));
        }
        normal[i] = glm::normalize(nrm - tangent[i] * glm::dot(nrm, tangent[i]));
    }
    const auto ring = [&](vec3 centre, vec3 t, vec3 nrm, glm::vec2 size, float scale_normal_out) {
        const vec3 bin = glm::cross(t, nrm);
        for (int s = 0; s < sides; ++s) {
            const float a = two_pi * static_cast<float>(s) / static_cast<float>(sides);
            const float c = std::cos(a), sn = std::sin(a);
            mesh.positions_mm.push_back(centre + nrm * (c * size.y) + bin * (sn * size.x));
            const vec3 out = glm::normalize(nrm * (c / size.y) + bin * (sn / size.x));  // the ellipse's normal
            mesh.normals.push_back(glm::normalize(out + t * scale_normal_out));
        }
    };
    // Rounded caps: a few rings shrinking towards a pole at each end, as deep as the section is thin.
    constexpr int kCapRings = 3;
    const auto cap_rings = [&](std::size_t i, bool start) {
        const float depth = std::min(sizes[i].x, sizes[i].y);
        for (int k = kCapRings; k >= 1; --k) {
            const int kk = start ? k : kCapRings + 1 - k;
            const float phi = glm::half_pi<float>() * static_cast<float>(kk) / static_cast<float>(kCapRings + 1);
            const float along = (start ? -1.0f : 1.0f) * depth * std::sin(phi);
            ring(points[i] + tangent[i] * along, tangent[i], normal[i], sizes[i] * std::cos(phi), (start ? -1.0f : 1.0f) * std::tan(phi));
        }
    };
    cap_rings(0, true);
    for (std::size_t i = 0; i < n; ++i) ring(points[i], tangent[i], normal[i], sizes[i], 0.0f);
    cap_rings(n - 1, false);
    const int rings = static_cast<int>(n) + 2 * kCapRings;
    const auto vtx = [&](int r, int s) { return base + static_cast<std::uint32_t>(r * sides + (s % sides)); };
    for (int r = 0; r + 1 < rings; ++r) {
        for (int s = 0; s < sides; ++s) {
            mesh.indices.insert(mesh.indices.end(), {vtx(r, s), vtx(r, s + 1), vtx(r + 1, s + 1), vtx(r, s), vtx(r + 1, s + 1),
                                                     vtx(r + 1, s)});
        }
    }
    // The poles close the two ends.
    const auto pole = [&](vec3 p, vec3 nrm) {
        mesh.positions_mm.push_back(p);
        mesh.normals.push_back(nrm);
        return static_cast<std::uint32_t>(mesh.positions_mm.size() - 1);
    };
    const std::uint32_t first = pole(points[0] - tangent[0] * std::min(sizes[0].x, sizes[0].y), -tangent[0]);
    const std::uint32_t last = pole(points[n - 1] + tangent[n - 1] * std::min(sizes[n - 1].x, sizes[n - 1].y), tangent[n - 1]);
    for (int s = 0; s < sides; ++s) {
        mesh.indices.insert(mesh.indices.end(), {first, vtx(0, s + 1), vtx(0, s)});
        mesh.indices.insert(mesh.indices.end(), {last, vtx(rings - 1, s), vtx(rings - 1, s + 1)});
    }
}

}  // namespace

Mesh box_mesh(const Box3& box) { return box_mesh(std::vector<Box3>{box}); }

Mesh box_mesh(const std::vector<Box3>& boxes) {
    Mesh m;
    for (const Box3& box : boxes) {
        const glm::vec3 lo = box.lo, hi = box.hi;
        // Each face: its normal and two axes spanning it, counter-clockwise seen from outside.
        for (int axis = 0; axis < 3; ++axis) {
            for (const float side : {-1.0f, 1.0f}) {
                glm::vec3 n(0.0f);
                n[axis] = side;
                const int u = (axis + 1) % 3, v = (axis + 2) % 3;
                const auto corner = [&](float a, float b) {
                    glm::vec3 p;
                    p[axis] = side < 0.0f ? lo[axis] : hi[axis];
                    p[u] = a < 0.0f ? lo[u] : hi[u];
                    p[v] = b < 0.0f ? lo[v] : hi[v];
                    return p;
                };
                const auto base = static_cast<std::uint32_t>(m.positions_mm.size());
                for (const glm::vec2 c : {glm::vec2(-1, -1), glm::vec2(1, -1), glm::vec2(1, 1), glm::vec2(-1, 1)}) {
                    m.positions_mm.push_back(corner(c.x, c.y));
                    m.normals.push_back(n);
                }
                // (u, v, n) is right-handed: the quad runs counter-clockwise round +n; flip for -n.
                if (side > 0.0f) m.indices.insert(m.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
                else m.indices.insert(m.indices.end(), {base, base + 2, base + 1, base, base + 3, base + 2});
            }
        }
    }
    return m;
}

Mesh sweep_tubes(const std::vector<CapsuleChain>& chains, int sides) {
    Mesh mesh;
    for (const CapsuleChain& c : chains) {
        const std::vector<glm::vec2> sizes =
            c.half_size_mm.empty() ? std::vector<glm::vec2>(c.points_mm.size(), glm::vec2(c.radius_mm)) : c.half_size_mm;
        sweep_one(c.points_mm, sizes, c.facing, sides, mesh);
        if (!c.mirrored) continue;
        std::vector<vec3> mirrored = c.points_mm, faces = c.facing;
        for (vec3& p : mirrored) p.x = -p.x;
        for (vec3& f : faces) f.x = -f.x;
        sweep_one(mirrored, sizes, faces, sides, mesh);  // swept afresh, so it faces out as well
    }
    return mesh;
}

// ---- refining ---------------------------------------------------------------------------
// Splits every edge longer than max_edge_mm at its middle, moved onto the surface along the map's
// gradient (its normal from the gradient), and each triangle into two, three or four to match,
// until none is longer: the simplifier leaves flat faces as a few long triangles, across which the
// vertices' normals and baked light would spread from a curved rim in bands.
void refine_long_edges(Mesh& mesh, const DistanceMap& distance, float max_edge_mm, float normal_step_mm) {
    if (max_edge_mm <= 0.0f) return;
    for (int pass = 0; pass < 8; ++pass) {
        std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> middle;  // split edge -> new vertex
        const auto key = [](std::uint32_t a, std::uint32_t b) { return std::make_pair(std::min(a, b), std::max(a, b)); };
        for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
            for (int e = 0; e < 3; ++e) {
                const std::uint32_t a = mesh.indices[t + e], b = mesh.indices[t + (e + 1) % 3];
                if (glm::distance(mesh.positions_mm[a], mesh.positions_mm[b]) <= max_edge_mm || middle.count(key(a, b))) continue;
                vec3 p = 0.5f * (mesh.positions_mm[a] + mesh.positions_mm[b]);
                for (int k = 0; k < 2; ++k) p -= gradient_normal(distance, p, normal_step_mm) * distance(p);
                middle[key(a, b)] = static_cast<std::uint32_t>(mesh.positions_mm.size());
                mesh.positions_mm.push_back(p);
                mesh.normals.push_back(gradient_normal(distance, p, normal_step_mm));
            }
        }
        if (middle.empty()) return;
        std::vector<std::uint32_t> out;
        out.reserve(mesh.indices.size() * 2);
        for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
            const std::uint32_t v[3] = {mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]};
            std::int64_t m[3];
            int splits = 0;
            for (int e = 0; e < 3; ++e) {
                const auto it = middle.find(key(v[e], v[(e + 1) % 3]));
                m[e] = it == middle.end() ? -1 : static_cast<std::int64_t>(it->second);
                splits += m[e] >= 0;
            }
            const auto tri = [&out](std::uint32_t a, std::uint32_t b, std::uint32_t c) { out.insert(out.end(), {a, b, c}); };
            const auto at = [&](int e) { return static_cast<std::uint32_t>(m[e]); };
            if (splits == 0) {
                tri(v[0], v[1], v[2]);
            } else if (splits == 3) {
                tri(v[0], at(0), at(2));
                tri(v[1], at(1), at(0));
                tri(v[2], at(2), at(1));
                tri(at(0), at(1), at(2));
            } else {
                // Turn the triangle so that edge 0 (v0-v1) is split, then fan from that middle.
                int r = 0;
                while (m[r] < 0) ++r;
                if (splits == 2 && m[(r + 2) % 3] >= 0) r = (r + 2) % 3;  // the first of two split edges in order
                const std::uint32_t a = v[r], b = v[(r + 1) % 3], c = v[(r + 2) % 3];
                const std::uint32_t mab = at(r);
                if (splits == 1) {
                    tri(a, mab, c);
                    tri(mab, b, c);
                } else {
                    const std::uint32_t mbc = at((r + 1) % 3);
                    tri(a, mab, c);
                    tri(mab, b, mbc);
                    tri(mab, mbc, c);
                }
            }
        }
        mesh.indices = std::move(out);
    }
}

// ---- meshoptimizer ----------------------------------------------------------------------
namespace {

// Keeps the vertices the triangles use, in the order they first use them.
void compact(Mesh& mesh) {
    std::vector<unsigned int> remap(mesh.positions_mm.size());
    const std::size_t count = meshopt_optimizeVertexFetchRemap(remap.data(), mesh.indices.data(), mesh.indices.size(),
                                                               mesh.positions_mm.size());
    std::vector<vec3> positions(count), normals(count);
    meshopt_remapVertexBuffer(positions.data(), mesh.positions_mm.data(), mesh.positions_mm.size(), sizeof(vec3), remap.data());
    meshopt_remapVertexBuffer(normals.data(), mesh.normals.data(), mesh.normals.size(), sizeof(vec3), remap.data());
    meshopt_remapIndexBuffer(mesh.indices.data(), mesh.indices.data(), mesh.indices.size(), remap.data());
    mesh.positions_mm = std::move(positions);
    mesh.normals = std::move(normals);
}

}  // namespace

std::vector<std::uint32_t> simplified_indices(const Mesh& mesh, float error_mm, std::size_t target_triangles) {
    if (mesh.indices.empty()) return {};
    const vec3 extent = mesh.bounds().size();
    const float scale = std::max({extent.x, extent.y, extent.z, 1e-3f});
    const std::size_t target = target_triangles > 0 ? target_triangles * 3 : 0;
    std::vector<std::uint32_t> out(mesh.indices.size());
    float achieved = 0.0f;
    const std::size_t count = meshopt_simplify(out.data(), mesh.indices.data(), mesh.indices.size(), &mesh.positions_mm[0].x,
                                               mesh.positions_mm.size(), sizeof(vec3), target, error_mm / scale, 0, &achieved);
    out.resize(count);
    return out;
}

void simplify(Mesh& mesh, float error_mm, std::size_t target_triangles) {
    if (mesh.indices.empty()) return;
    mesh.indices = simplified_indices(mesh, error_mm, target_triangles);
    compact(mesh);
}

void optimise_for_gpu(Mesh& mesh) {
    if (mesh.indices.empty()) return;
    meshopt_optimizeVertexCache(mesh.indices.data(), mesh.indices.data(), mesh.indices.size(), mesh.positions_mm.size());
    compact(mesh);
}

// ---- checks -----------------------------------------------------------------------------
bool is_closed(const Mesh& mesh) {
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> balance;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        for (int e = 0; e < 3; ++e) {
            const std::uint32_t a = mesh.indices[t + e], b = mesh.indices[t + (e + 1) % 3];
            if (a < b) ++balance[{a, b}];
            else --balance[{b, a}];
        }
    }
    return std::all_of(balance.begin(), balance.end(), [](const auto& kv) { return kv.second == 0; });
}

double enclosed_volume_mm3(const Mesh& mesh) {
    double volume = 0.0;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const glm::dvec3 a = mesh.positions_mm[mesh.indices[t]], b = mesh.positions_mm[mesh.indices[t + 1]],
                         c = mesh.positions_mm[mesh.indices[t + 2]];
        volume += glm::dot(a, glm::cross(b, c)) / 6.0;
    }
    return volume;
}

}  // namespace thecaview
