// Signed-distance primitives and operators (after Inigo Quilez's articles), in millimetres: the
// small named pieces each structure's shape is built from. Negative inside, positive outside.
#pragma once

#include <algorithm>
#include <cmath>

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

namespace thecaview::sdf {

inline float sphere(glm::vec3 p, float r) { return glm::length(p) - r; }

// Signed distance to a triangle in the plane.
inline float triangle(glm::vec2 p, glm::vec2 p0, glm::vec2 p1, glm::vec2 p2) {
    const glm::vec2 e0 = p1 - p0, e1 = p2 - p1, e2 = p0 - p2;
    const glm::vec2 v0 = p - p0, v1 = p - p1, v2 = p - p2;
    const auto edge = [](glm::vec2 v, glm::vec2 e) { return v - e * std::clamp(glm::dot(v, e) / glm::dot(e, e), 0.0f, 1.0f); };
    const glm::vec2 q0 = edge(v0, e0), q1 = edge(v1, e1), q2 = edge(v2, e2);
    const float side = e0.x * e2.y - e0.y * e2.x > 0.0f ? 1.0f : -1.0f;
    const glm::vec2 d = glm::min(glm::min(glm::vec2(glm::dot(q0, q0), side * (v0.x * e0.y - v0.y * e0.x)),
                                          glm::vec2(glm::dot(q1, q1), side * (v1.x * e1.y - v1.y * e1.x))),
                                 glm::vec2(glm::dot(q2, q2), side * (v2.x * e2.y - v2.y * e2.x)));
    return -std::sqrt(d.x) * (d.y > 0.0f ? 1.0f : -1.0f);
}

// Distance from p to the segment ab, and where along it (0..1) the closest point lies.
inline glm::vec2 segment(glm::vec3 p, glm::vec3 a, glm::vec3 b) {
    const glm::vec3 pa = p - a, ba = b - a;
    const float h = std::clamp(glm::dot(pa, ba) / std::max(glm::dot(ba, ba), 1e-12f), 0.0f, 1.0f);
    return {glm::length(pa - ba * h), h};
}

inline float capsule(glm::vec3 p, glm::vec3 a, glm::vec3 b, float r) { return segment(p, a, b).x - r; }

// A capsule whose radius goes from ra at a to rb at b (approximate, conservative for small tapers).
inline float tapered_capsule(glm::vec3 p, glm::vec3 a, glm::vec3 b, float ra, float rb) {
    const glm::vec2 s = segment(p, a, b);
    return s.x - glm::mix(ra, rb, s.y);
}

// Ellipse distance estimate (the implicit function over its gradient): exact on the curve and
// close to the true distance near it, so offset surfaces keep their depth all round.
// At the very centre the estimate is 0/0: there it is minus the smaller radius.
inline float ellipse(glm::vec2 p, glm::vec2 r) {
    const float k0 = glm::length(p / r);
    const float k1 = glm::length(p / (r * r));
    return k1 > 1e-6f ? k0 * (k0 - 1.0f) / k1 : -std::min(r.x, r.y);
}

inline float ellipsoid(glm::vec3 p, glm::vec3 r) {
    const float k0 = glm::length(p / r);
    const float k1 = glm::length(p / (r * r));
    return k1 > 1e-6f ? k0 * (k0 - 1.0f) / k1 : -std::min({r.x, r.y, r.z});
}

// An upright elliptic cylinder (axis y) of half height h with rounded rims of radius rr.
inline float round_elliptic_cylinder(glm::vec3 p, glm::vec2 r, float h, float rr) {
    const glm::vec2 d(ellipse(glm::vec2(p.x, p.z), r - rr), std::abs(p.y) - h + rr);
    return std::min(std::max(d.x, d.y), 0.0f) + glm::length(glm::max(d, glm::vec2(0.0f))) - rr;
}

inline float round_box(glm::vec3 p, glm::vec3 b, float r) {
    const glm::vec3 q = glm::abs(p) - b + r;
    return glm::length(glm::max(q, glm::vec3(0.0f))) + std::min(std::max(q.x, std::max(q.y, q.z)), 0.0f) - r;
}

// Capped cylinder along a unit axis, with rounded edges.
inline float round_cylinder(glm::vec3 p, glm::vec3 axis, float radius, float half_height, float rr) {
    const float y = glm::dot(p, axis);
    const float x = glm::length(p - axis * y);
    const glm::vec2 d(x - radius + rr, std::abs(y) - half_height + rr);
    return std::min(std::max(d.x, d.y), 0.0f) + glm::length(glm::max(d, glm::vec2(0.0f))) - rr;
}

// Polynomial smooth minimum: blends two shapes over a width k.
inline float smin(float a, float b, float k) {
    const float h = std::max(k - std::abs(a - b), 0.0f) / k;
    return std::min(a, b) - h * h * k * 0.25f;
}

}  // namespace thecaview::sdf
