// The raster passes: meshes and their baked lighting on the GPU, the frame's passes, accumulation,
// presenting, and the id targets behind picking, labels and coverage.
//
// Sections: shader prelude | meshes | init | frame uniforms | scene passes | ids | render | present and pick
#include "render/renderer.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <functional>
#include <iostream>

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/type_ptr.hpp>
#include <glm/mat4x4.hpp>

#include "core/colormap.hpp"
#include "core/structure_look.hpp"
#include "render/shader.hpp"

namespace thecaview {

namespace {

constexpr int kPassColour = 0, kPassIds = 1, kPassStencil = 2;
constexpr float kIvCannulaRadiusMm = 0.55f;  // a 20-22 gauge cannula is about 1 mm across
constexpr float kIvTubingRadiusMm = 2.0f;    // IV tubing, about 4 mm across
// The ids pass gives each see-through layer a slot, three to a target (GL 3.3 guarantees 8).
constexpr int kSlotTargets = 8, kSlots = 3 * kSlotTargets;

// The variants of the surface shader (surface.frag): each pass gets only the code it runs, as
// llvmpipe runs every branch of a shader for every pixel.
enum Variant : std::uint8_t { kOpaque, kLayer, kLayerSkin, kLayerCsf, kIds, kIdsSkin, kIdsCsf, kStencil, kVariants };
constexpr std::array<const char*, kVariants> kVariantDefines{
    "#define SURFACE_OPAQUE\n",
    "#define SURFACE_LAYER\n",
    "#define SURFACE_LAYER\n#define SKIN_EFFECTS\n",
    "#define SURFACE_LAYER\n#define CSF_DRUG\n",
    "#define SURFACE_IDS\n",
    "#define SURFACE_IDS\n#define SKIN_EFFECTS\n",
    "#define SURFACE_IDS\n#define CSF_DRUG\n",
    "#define SURFACE_STENCIL\n",
};

// The variant that draws a structure in a pass: the skin's and the drug's effects only where
// the view shows them (an open incision, relief; the drug).
Variant variant_for(Structure id, int pass, bool translucent, const SceneView& view) {
    if (pass == kPassStencil) return kStencil;
    if (pass == kPassColour && !translucent) return kOpaque;
    const int base = pass == kPassColour ? kLayer : kIds;
    const bool skin_effects = view.pose.back_incision_open > 0.0f || view.pose.belly_incision_open > 0.0f || view.pose.dressings > 0.0f ||
                              std::any_of(view.relief.begin(), view.relief.end(), [](bool on) { return on; });
    if (id == Structure::skin && skin_effects) return static_cast<Variant>(base + 1);
    if (id == Structure::csf && view.spread_on) return static_cast<Variant>(base + 2);
    return static_cast<Variant>(base);
}

// The vertex layout: position, normal, level, then the baked light as normalised bytes, and how
// much of the arms' turn at the shoulder the vertex follows (core's arm_weight).
struct Vertex {
    glm::vec3 position;
    glm::vec3 normal;
    float level;
    std::array<std::uint8_t, kOccluderGroups> ambient;
    std::array<std::array<std::uint8_t, kOccluderGroups>, kKeyLights> key;
    float arm;
};
constexpr GLuint kAttrAmbient = 3, kAttrKey = 5, kAttrLast = kAttrKey + 2 * kKeyLights, kAttrArm = kAttrLast;

// ---- shader prelude ----------------------------------------------------------------------
// #defines that tie the shaders to the core's one list of structures and its counts.
std::string shader_prelude() {
    std::string p;
    for (const auto& s : structures()) {
        std::string name(s.key);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::toupper(c); });
        p += "#define ID_" + name + " " + std::to_string(static_cast<int>(s.id)) + "\n";
    }
    p += "#define STRUCTURE_COUNT " + std::to_string(kStructureCount) + "\n";
    p += "#define LEVEL_COUNT " + std::to_string(kLevelCount) + "\n";
    p += "#define KEY_LIGHTS " + std::to_string(kKeyLights) + "\n";
    p += "#define ATTR_ARM " + std::to_string(kAttrArm) + "\n";
    p += "#define SLOT_TARGETS " + std::to_string(kSlotTargets) + "\n";
    return p;
}

// Sub-pixel offsets of successive samples: sample 0 at the centre (the ids are drawn with it), then
// a rotated grid of four (the classic pattern that resolves near-horizontal and near-vertical
// edges best for its count), then the Halton (2, 3) sequence.
glm::vec2 jitter(int sample) {
    static constexpr std::array<glm::vec2, 5> kFirst{
        glm::vec2(0.0f), glm::vec2(-0.125f, -0.375f), glm::vec2(0.375f, -0.125f), glm::vec2(0.125f, 0.375f),
        glm::vec2(-0.375f, 0.125f)};
    if (sample < static_cast<int>(kFirst.size())) return kFirst[static_cast<std::size_t>(sample)];
    const auto halton = [](int i, int base) {
        float f = 1.0f, r = 0.0f;
        for (; i > 0; i /= base) {
            f /= static_cast<float>(base);
            r += f * static_cast<float>(i % base);
        }
        return r;
    };
    return glm::vec2(halton(sample, 2), halton(sample, 3)) - 0.5f;
}


}  // namespace

// ---- meshes ---------------------------------------------------------------------------------
struct GpuMesh {
    GLuint vao = 0, vbo = 0, ebo = 0;
    GLsizei full_count = 0, moving_count = 0;  // indices: the full level first, then the moving one
    // Of each level, the last indices are faces that only the stencil counts (the fat's inner face,
    // which shows as the muscle's): colour and ids passes leave them out.
    GLsizei full_hidden = 0, moving_hidden = 0;
    Box3 bounds;
    ~GpuMesh() {
        if (ebo) glDeleteBuffers(1, &ebo);
        if (vbo) glDeleteBuffers(1, &vbo);
        if (vao) glDeleteVertexArrays(1, &vao);
    }
    void draw(Lod lod, bool hidden_faces = false) const {
        glBindVertexArray(vao);
        glDrawElements(GL_TRIANGLES, count(lod, hidden_faces), GL_UNSIGNED_INT,
                       reinterpret_cast<const void*>(static_cast<std::uintptr_t>(moving(lod) ? full_count : 0) *
                                                     sizeof(std::uint32_t)));
    }
    [[nodiscard]] std::size_t triangles(Lod lod, bool hidden_faces = false) const {
        return static_cast<std::size_t>(count(lod, hidden_faces)) / 3;
    }
    [[nodiscard]] bool moving(Lod lod) const { return lod == Lod::moving && moving_count > 0; }
    [[nodiscard]] GLsizei count(Lod lod, bool hidden_faces) const {
        if (moving(lod)) return moving_count - (hidden_faces ? 0 : moving_hidden);
        return full_count - (hidden_faces ? 0 : full_hidden);
    }
};

namespace {
// Triangles of a list whose vertices are all on a hidden face (level kInnerFace) moved to its end;
// returns how many indices they take.
GLsizei hidden_faces_last(std::vector<std::uint32_t>& indices, const std::vector<float>* levels) {
    if (!levels) return 0;
    std::vector<std::uint32_t> shown, hidden;
    for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
        bool inner = true;
        for (std::size_t k = 0; k < 3; ++k) inner = inner && (*levels)[indices[t + k]] < kInnerFace + 0.5f;
        auto& into = inner ? hidden : shown;
        into.insert(into.end(), indices.begin() + static_cast<std::ptrdiff_t>(t), indices.begin() + static_cast<std::ptrdiff_t>(t + 3));
    }
    indices = std::move(shown);
    indices.insert(indices.end(), hidden.begin(), hidden.end());
    return static_cast<GLsizei>(hidden.size());
}

// A mesh on the GPU. Without baked light (a part that moves), the light attributes are left
// disabled and read the constant 1 set at init: fully lit. With `arms`, its vertices follow the
// arms' pose by their weights.
std::unique_ptr<GpuMesh> upload_mesh(const Mesh& mesh, const std::vector<float>* levels, const StructureMesh* baked,
                                               const std::vector<std::uint32_t>* moving, const Limbs* arms = nullptr) {
    auto gpu = std::make_unique<GpuMesh>();
    std::vector<Vertex> vertices(mesh.positions_mm.size());
    for (std::size_t v = 0; v < vertices.size(); ++v) {
        Vertex& x = vertices[v];
        x.position = mesh.positions_mm[v];
        x.normal = mesh.normals[v];
        x.level = levels ? (*levels)[v] : 0.0f;
        x.arm = arms ? arm_weight(*arms, x.position) : 0.0f;
        x.ambient.fill(255);
        for (auto& k : x.key) k.fill(255);
        if (baked) {
            x.ambient = baked->ambient[v];
            for (int l = 0; l < kKeyLights; ++l) x.key[static_cast<std::size_t>(l)] = baked->key[static_cast<std::size_t>(l)][v];
        }
        gpu->bounds.add(x.position);
        if (x.arm > 0.0f) gpu->bounds.add(posed_by_arms(*arms, kArmBoardForwardRad, x.position));  // culled where it may be
    }
    std::vector<std::uint32_t> indices = mesh.indices;
    gpu->full_hidden = hidden_faces_last(indices, levels);
    gpu->full_count = static_cast<GLsizei>(indices.size());
    if (moving) {
        std::vector<std::uint32_t> moving_indices = *moving;
        gpu->moving_hidden = hidden_faces_last(moving_indices, levels);
        gpu->moving_count = static_cast<GLsizei>(moving_indices.size());
        indices.insert(indices.end(), moving_indices.begin(), moving_indices.end());
    }
    glGenVertexArrays(1, &gpu->vao);
    glBindVertexArray(gpu->vao);
    glGenBuffers(1, &gpu->vbo);
    glBindBuffer(GL_ARRAY_BUFFER, gpu->vbo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(Vertex)), vertices.data(), GL_STATIC_DRAW);
    glGenBuffers(1, &gpu->ebo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gpu->ebo);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(std::uint32_t)), indices.data(),
                 GL_STATIC_DRAW);
    const auto offset = [](std::size_t o) { return reinterpret_cast<const void*>(o); };
    constexpr auto stride = static_cast<GLsizei>(sizeof(Vertex));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, stride, offset(offsetof(Vertex, position)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, stride, offset(offsetof(Vertex, normal)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, stride, offset(offsetof(Vertex, level)));
    glEnableVertexAttribArray(kAttrArm);
    glVertexAttribPointer(kAttrArm, 1, GL_FLOAT, GL_FALSE, stride, offset(offsetof(Vertex, arm)));
    if (baked) {
        for (GLuint k = 0; k < 2; ++k) {
            glEnableVertexAttribArray(kAttrAmbient + k);
            glVertexAttribPointer(kAttrAmbient + k, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, offset(offsetof(Vertex, ambient) + 4 * k));
        }
        for (GLuint k = 0; k < 2 * kKeyLights; ++k) {
            glEnableVertexAttribArray(kAttrKey + k);
            glVertexAttribPointer(kAttrKey + k, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, offset(offsetof(Vertex, key) + 4 * k));
        }
    }
    glBindVertexArray(0);
    return gpu;
}
}  // namespace

// ---- init -----------------------------------------------------------------------------------
struct Renderer::Programs {
    std::array<GLuint, kVariants> surface{};
    GLuint resolve = 0, accumulate = 0, present = 0, flat = 0;
    GLuint present_outline = 0;  // built the first time a still view outlines what its step points at
    bool outline_failed = false;
    std::filesystem::path present_vertex, present_fragment;
    std::string prelude;
    ~Programs() {
        for (GLuint p : surface) {
            if (p) glDeleteProgram(p);
        }
        for (GLuint p : {resolve, accumulate, present, flat, present_outline}) {
            if (p) glDeleteProgram(p);
        }
    }
};

Renderer::Renderer() = default;

Renderer::~Renderer() {
    if (depth_stencil_) glDeleteRenderbuffers(1, &depth_stencil_);
    if (slots_texture_) glDeleteTextures(1, &slots_texture_);
    if (slots_fbo_) glDeleteFramebuffers(1, &slots_fbo_);
    if (fullscreen_vao_) glDeleteVertexArrays(1, &fullscreen_vao_);
}

bool Renderer::init(const std::filesystem::path& shader_dir, std::string& error) {
    const std::string prelude = shader_prelude();
    programs_ = std::make_unique<Programs>();
    const auto fullscreen = shader_dir / "fullscreen.vert";
    struct Build {
        GLuint* program;
        std::filesystem::path vertex, fragment;
    };
    for (int v = 0; v < kVariants; ++v) {
        programs_->surface[static_cast<std::size_t>(v)] =
            build_program(shader_dir / "mesh.vert", shader_dir / "surface.frag", prelude + kVariantDefines[static_cast<std::size_t>(v)], error);
        if (!programs_->surface[static_cast<std::size_t>(v)]) return false;
    }
    for (const Build& b : std::initializer_list<Build>{                                                       {&programs_->resolve, fullscreen, shader_dir / "resolve_ids.frag"},
                                                       {&programs_->accumulate, fullscreen, shader_dir / "accumulate.frag"},
                                                       {&programs_->present, fullscreen, shader_dir / "present.frag"},
                                                       {&programs_->flat, fullscreen, shader_dir / "flat.frag"}}) {
        *b.program = build_program(b.vertex, b.fragment, prelude, error);
        if (!*b.program) return false;
    }
    programs_->present_vertex = fullscreen;
    programs_->present_fragment = shader_dir / "present.frag";
    programs_->prelude = prelude;
    glGenVertexArrays(1, &fullscreen_vao_);
    // Parts without baked light read these constants: fully lit.
    for (GLuint a = kAttrAmbient; a < kAttrLast; ++a) glVertexAttrib4f(a, 1.0f, 1.0f, 1.0f, 1.0f);
    return true;
}

void Renderer::set_anatomy(const Anatomy& anatomy, BodyMeshes meshes) {
    anatomy_ = anatomy;
    pending_ = std::move(meshes);
    anatomy_dirty_ = true;
}

void Renderer::upload() {
    meshes_.clear();
    meshes_.resize(kStructureCount + 1);
    Box3 bounds;
    for (const StructureMesh& part : pending_.parts) {
        auto gpu = upload_mesh(part.mesh, &part.levels, &part, &part.moving_indices,
                               moves_with_the_arms(part.id) ? &anatomy_->limbs : nullptr);
        bounds.add(gpu->bounds);
        meshes_[static_cast<std::size_t>(part.id)] = std::move(gpu);
    }
    pending_ = {};
    bounds_min_ = bounds.lo;
    bounds_max_ = bounds.hi;
    incisions_ = incisions(*anatomy_);
    table_ = upload_mesh(box_mesh(operating_table(*anatomy_)), nullptr, nullptr, nullptr);  // and the arm boards
    moving_parts_pose_.reset();
    anatomy_dirty_ = false;
}

const GpuMesh* Renderer::mesh_of(Structure s) const {
    if (s == Structure::catheter && catheter_) return catheter_.get();
    const auto i = static_cast<std::size_t>(s);
    return i < meshes_.size() ? meshes_[i].get() : nullptr;
}

void Renderer::pass_done(const char* pass) {
    if (!timing_) return;
    glFinish();
    const double now = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
    if (pass) pass_times_.push_back({pass, now - pass_start_ms_});
    pass_start_ms_ = now;
}

// Frustum culling: true when nothing of the mesh can be in this sample's view (its box, widened
// for the thin tubes the vertex shader thickens, lies beyond a plane): the draw is skipped.
bool Renderer::culled(const GpuMesh& mesh) const {
    Box3 box = mesh.bounds;
    box.add(box.lo, 2.0f);
    box.add(box.hi, 2.0f);
    return box.outside_view(view_proj_);
}

bool Renderer::see_through(Structure s, const SceneView& view) const {
    return look(s).always_see_through || (view.xray_mask & bit(s)) != 0;
}

// The catheter as far as the procedure has threaded it, and the needle: regenerated when the
// pose changes (small meshes, fully lit).
void Renderer::update_moving_parts(const ProcedurePose& pose) {
    if (moving_parts_pose_ && *moving_parts_pose_ == pose) return;
    moving_parts_pose_ = pose;
    const float last = static_cast<float>(anatomy_->catheter_path_mm.size() - 1);
    const bool whole = pose.catheter_from <= 0.0f && pose.catheter_to >= last;
    catheter_.reset();
    if (!whole) {
        const Mesh m = catheter_mesh(*anatomy_, pose.catheter_from, pose.catheter_to);
        if (!m.indices.empty()) catheter_ = upload_mesh(m, nullptr, nullptr, nullptr);
        else catheter_ = std::make_unique<GpuMesh>();  // nothing threaded yet: draw nothing
    }
    needle_.reset();
    if (pose.needle) {
        const Mesh m = sweep_tubes({CapsuleChain{.points_mm = {pose.needle_from, pose.needle_to}, .radius_mm = 0.55f}}, 8);
        needle_ = upload_mesh(m, nullptr, nullptr, nullptr);
    }
    iv_cannula_.reset();
    iv_tubing_.reset();
    iv_bag_.reset();
    if (pose.iv) {
        const IvLine iv = iv_line(*anatomy_);
        iv_cannula_ = upload_mesh(sweep_tubes({CapsuleChain{.points_mm = {iv.hub_mm, iv.cannula_tip_mm}, .radius_mm = kIvCannulaRadiusMm}}, 8),
                                  nullptr, nullptr, nullptr);
        iv_tubing_ = upload_mesh(sweep_tubes({CapsuleChain{.points_mm = iv.tubing_mm, .radius_mm = kIvTubingRadiusMm}}, 10), nullptr, nullptr, nullptr);
        Box3 bag;
        bag.add(iv.bag_lo_mm);
        bag.add(iv.bag_hi_mm);
        iv_bag_ = upload_mesh(box_mesh(bag), nullptr, nullptr, nullptr);
    }
}

// ---- frame uniforms -----------------------------------------------------------------------
namespace {
GLint loc(GLuint program, const char* name) { return glGetUniformLocation(program, name); }
}  // namespace

void Renderer::set_frame_uniforms(const FrameRequest& r, glm::vec2 offset) {
    const SceneView& view = r.view;
    const float aspect = static_cast<float>(r.width) / static_cast<float>(r.height);
    glm::mat4 projection = view.camera.projection(aspect);
    projection[2][0] += 2.0f * offset.x / static_cast<float>(r.width);  // the sample's sub-pixel jitter
    projection[2][1] += 2.0f * offset.y / static_cast<float>(r.height);
    view_proj_ = projection * view.camera.view();
    const glm::vec3 eye = view.camera.eye();
    const glm::mat4 inv_view = glm::inverse(view.camera.view());
    const glm::vec3 forward = -glm::vec3(inv_view[2]);
    const glm::vec3 right = glm::normalize(glm::cross(forward, glm::vec3(0.0f, 1.0f, 0.0f)));

    const auto weights = key_light_weights(forward);
    glm::vec3 key(0.0f);
    for (int l = 0; l < kKeyLights; ++l) key += weights[static_cast<std::size_t>(l)] * key_light_directions()[static_cast<std::size_t>(l)];
    const glm::vec3 fill = glm::normalize(-forward + 0.8f * right - 0.2f * glm::vec3(0.0f, 1.0f, 0.0f));
    // The occluder groups drawn opaque now: any of their structures visible and not see-through.
    std::array<float, kOccluderGroups> opaque{};
    for (const StructureInfo& s : structures()) {
        const int g = occluder_group(s.id);
        if (g != kNoOccluderGroup && (view.visible_mask & bit(s.id)) && !see_through(s.id, view)) opaque[static_cast<std::size_t>(g)] = 1.0f;
    }
    const CutPlane cut = view.cut.value_or(CutPlane{});
    std::array<float, kLevelCount> relief{};
    for (int i = 0; i < kLevelCount; ++i) relief[static_cast<std::size_t>(i)] = view.relief[static_cast<std::size_t>(i)] ? 1.0f : 0.0f;
    // The drug per level: its colour on the one colour map, as linear light, and its place on the scale.
    std::array<glm::vec4, kLevelCount> spread{};
    for (int i = 0; i < kLevelCount; ++i) {
        const float u = concentration_scale(view.spread_ug_per_ml[static_cast<std::size_t>(i)], view.spread_max_ug_per_ml);
        spread[static_cast<std::size_t>(i)] = glm::vec4(glm::pow(viridis(u), glm::vec3(2.2f)), u);
    }
    // Every variant gets the frame's uniforms (each reads the ones it declares).
    for (const GLuint p : programs_->surface) {
        glUseProgram(p);
        glUniformMatrix4fv(loc(p, "uViewProj"), 1, GL_FALSE, glm::value_ptr(view_proj_));
        glUniform3fv(loc(p, "uEye"), 1, glm::value_ptr(eye));
        glUniform1f(loc(p, "uPixelAngle"), view.camera.fov_y_rad / static_cast<float>(r.height));
        glUniform3fv(loc(p, "uKeyDir"), 1, glm::value_ptr(glm::normalize(key)));
        glUniform4fv(loc(p, "uKeyWeight"), 1, weights.data());
        glUniform3fv(loc(p, "uFillDir"), 1, glm::value_ptr(fill));
        glUniform4fv(loc(p, "uGroupOpaque"), 2, opaque.data());
        glUniform4f(loc(p, "uCut"), cut.normal.x, cut.normal.y, cut.normal.z, cut.offset_mm);
        glUniform1i(loc(p, "uCutOn"), view.cut ? 1 : 0);
        glUniform3fv(loc(p, "uIncisionBackA"), 1, glm::value_ptr(incisions_.back_a));
        glUniform3fv(loc(p, "uIncisionBackB"), 1, glm::value_ptr(incisions_.back_b));
        glUniform3fv(loc(p, "uIncisionBellyA"), 1, glm::value_ptr(incisions_.belly_a));
        glUniform3fv(loc(p, "uIncisionBellyB"), 1, glm::value_ptr(incisions_.belly_b));
        glUniform2f(loc(p, "uIncisionOpen"), view.pose.back_incision_open, view.pose.belly_incision_open);
        glUniform1f(loc(p, "uDressings"), view.pose.dressings);
        glUniform1fv(loc(p, "uRelief"), kLevelCount, relief.data());
        glUniform4fv(loc(p, "uSpread"), kLevelCount, glm::value_ptr(spread[0]));
        glUniform3fv(loc(p, "uCatheterTip"), 1, glm::value_ptr(view.catheter_tip_mm));
        glUniformMatrix4fv(loc(p, "uModel"), 1, GL_FALSE, glm::value_ptr(glm::mat4(1.0f)));
        glUniform1f(loc(p, "uArmForward"), view.pose.arms_forward_rad);
        glUniform3fv(loc(p, "uArmPivot"), 1, glm::value_ptr(anatomy_->limbs.humeral_head_mm));
    }
}

GLuint Renderer::use(int variant) const {
    const GLuint p = programs_->surface[static_cast<std::size_t>(variant)];
    glUseProgram(p);
    return p;
}

// ---- scene passes ---------------------------------------------------------------------------
namespace {
// A structure's material in this view: the look's, with the skin in the chosen tone.
Material material_of(Structure id, const SceneView& view) {
    Material m = look(id).material;
    if (id == Structure::skin) m.albedo = skin_tone_albedo(view.skin_tone);
    return m;
}
}  // namespace

void Renderer::draw_part(const GpuMesh& mesh, Structure id, const SceneView& view, int pass, bool translucent) {
    const bool lifted = id == Structure::pump && view.pose.pump_lift_mm != 0.0f;
    if (!lifted && culled(mesh)) return;
    const GLuint p = use(variant_for(id, pass, translucent, view));
    const StructureLook& l = look(id);
    // The needle, the table and the IV line are drawn with the catheter's program, in their own
    // materials; the table and the IV's tubing and bag are no structure (id 0, like the background).
    const bool steel = &mesh == needle_.get() || &mesh == iv_cannula_.get();
    const bool plastic = &mesh == iv_tubing_.get() || &mesh == iv_bag_.get();
    const bool table = &mesh == table_.get() || plastic;
    glUniform1i(loc(p, "uId"), table ? 0 : static_cast<int>(id));
    if (pass == kPassIds) glUniform1i(loc(p, "uSlot"), slot_of_[static_cast<std::size_t>(id)]);
    const Material m = steel     ? Material{{0.8f, 0.82f, 0.85f}, 0.2f, 1.0f}
                       : plastic ? Material{{0.82f, 0.88f, 0.93f}, 0.25f, 0.0f}
                       : table   ? Material{{0.16f, 0.26f, 0.30f}, 0.8f, 0.0f}
                                 : material_of(id, view);
    glUniform3fv(loc(p, "uAlbedo"), 1, glm::value_ptr(m.albedo));
    glUniform1f(loc(p, "uRoughness"), m.roughness);
    glUniform1f(loc(p, "uMetal"), m.metal);
    glUniform1i(loc(p, "uSeeThrough"), translucent ? 1 : 0);
    const float extra = id == Structure::skin ? skin_tone_extra_opacity(view.skin_tone) : 0.0f;
    glUniform2f(loc(p, "uOpacity"), l.opacity_facing + extra * (1.0f - l.opacity_facing),
                l.opacity_grazing + extra * (1.0f - l.opacity_grazing));
    glUniform1i(loc(p, "uHighlight"), !table && (view.highlight_mask & bit(id)) ? 1 : 0);
    glUniform3f(loc(p, "uCapNormal"), 0.0f, 0.0f, 0.0f);
    const glm::vec3 filter = id == Structure::skin ? skin_tone_filter(view.skin_tone) : glm::vec3(1.0f);
    glUniform3fv(loc(p, "uFilter"), 1, glm::value_ptr(filter));
    // The thin tubes: the catheter, the needle and the nerve roots (the thinnest are 0.8 mm).
    const float tube = &mesh == iv_tubing_.get() ? kIvTubingRadiusMm
                       : table                 ? 0.0f
                       : id == Structure::catheter ? (steel ? 0.55f : anatomy_->catheter_radius_mm)
                                                   : (id == Structure::nerve_roots ? 0.8f : 0.0f);
    glUniform1f(loc(p, "uTubeRadius"), tube);
    if (lifted) {
        const glm::mat4 model = glm::translate(glm::mat4(1.0f), anatomy_->pump.axis * view.pose.pump_lift_mm);
        glUniformMatrix4fv(loc(p, "uModel"), 1, GL_FALSE, glm::value_ptr(model));
    }
    mesh.draw(lod_);
    triangles_drawn_ += mesh.triangles(lod_);
    ++passes_drawn_;
    if (lifted) glUniformMatrix4fv(loc(p, "uModel"), 1, GL_FALSE, glm::value_ptr(glm::mat4(1.0f)));
}

// The structures to draw, opaque or see-through, ordered by nesting layer (outer first).
namespace {
std::vector<Structure> drawn(const SceneView& view, bool translucent, const std::function<bool(Structure)>& is_see_through) {
    std::vector<Structure> list;
    for (const StructureInfo& s : structures()) {
        if ((view.visible_mask & bit(s.id)) && is_see_through(s.id) == translucent) list.push_back(s.id);
    }
    std::stable_sort(list.begin(), list.end(), [](Structure a, Structure b) { return look(a).layer < look(b).layer; });
    return list;
}
}  // namespace

// The cut faces, by stencil capping: a pixel is inside a closed mesh where the mesh's surfaces
// behind the plane cover it an odd number of times. Structures are taken innermost (highest id)
// first, and each marks the pixels it caps, so each pixel shows one face, as the tracer showed the
// structure holding the point. Stencil bit 0 counts; bits 1-6 hold the face's id - 1, bit 7 says
// there is one. Opaque faces are drawn now; see-through ones after the layers (draw_see_through_cap).
void Renderer::mark_caps(const SceneView& view) {
    if (!view.cut || !cap_quad_) return;
    glEnable(GL_STENCIL_TEST);
    for (auto it = structures().rbegin(); it != structures().rend(); ++it) {
        const Structure id = it->id;
        const GpuMesh* mesh = mesh_of(id);
        // The skin is a surface, never a face of its own: the tracer capped what lies under it.
        if (!mesh || !(view.visible_mask & bit(id)) || id == Structure::skin || culled(*mesh)) continue;
        // Count the mesh's surfaces behind the plane into bit 0, where no face is yet (bit 7 clear):
        // capped pixels keep bit 0 clear, so the next step passes only where this one is inside.
        glStencilMask(0x01);
        glClear(GL_STENCIL_BUFFER_BIT);
        glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
        glDepthMask(GL_FALSE);
        glDisable(GL_DEPTH_TEST);
        glDisable(GL_CULL_FACE);
        glStencilFunc(GL_EQUAL, 0x00, 0x80);
        glStencilOp(GL_KEEP, GL_INVERT, GL_INVERT);
        const GLuint p = use(kStencil);
        glUniform1f(loc(p, "uTubeRadius"), 0.0f);
        mesh->draw(lod_, true);
        ++passes_drawn_;
        // Where inside: write the mark (bits 1-7), and draw the face if it is opaque.
        const bool translucent = see_through(id, view);
        glStencilMask(0xFE);
        glStencilFunc(GL_EQUAL, cap_mark(id) | 0x01, 0x01);
        glStencilOp(GL_KEEP, GL_REPLACE, GL_REPLACE);
        glEnable(GL_DEPTH_TEST);
        if (!translucent) {
            glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
            glDepthMask(GL_TRUE);
        }
        draw_cap_quad(view, id, kPassColour, translucent);
        glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
        glDepthMask(GL_TRUE);
    }
    glStencilMask(0xFF);
    glDisable(GL_STENCIL_TEST);
}

// A see-through structure's cut face where mark_caps marked it (after the layers behind it).
void Renderer::draw_see_through_cap(const SceneView& view, Structure id, int pass) {
    glEnable(GL_STENCIL_TEST);
    glStencilMask(0x00);
    glStencilFunc(GL_EQUAL, cap_mark(id), 0xFE);
    glStencilOp(GL_KEEP, GL_KEEP, GL_KEEP);
    draw_cap_quad(view, id, pass, true);
    glStencilMask(0xFF);
    glDisable(GL_STENCIL_TEST);
}

// Bits 1-6 hold id - 1 (ids 1 to 64, as many as a mask holds), bit 7 that a face is there.
GLint Renderer::cap_mark(Structure id) {
    static_assert(kMaxStructures <= 64);
    return 0x80 | ((static_cast<GLint>(id) - 1) << 1);
}

// The plane's quad, shaded as the structure's cut face, facing the eye.
void Renderer::draw_cap_quad(const SceneView& view, Structure id, int pass, bool translucent) {
    const GLuint p = use(pass == kPassColour ? kOpaque : kIds);
    const CutPlane cut = *view.cut;
    const glm::vec3 towards_eye = glm::dot(cut.normal, view.camera.eye()) > cut.offset_mm ? cut.normal : -cut.normal;
    glUniform1i(loc(p, "uCutOn"), 0);  // the quad lies on the plane: do not clip it
    glUniform1i(loc(p, "uId"), static_cast<int>(id));
    if (pass == kPassIds) glUniform1i(loc(p, "uSlot"), slot_of_[static_cast<std::size_t>(id)]);
    const Material m = material_of(id, view);
    glUniform3fv(loc(p, "uAlbedo"), 1, glm::value_ptr(m.albedo));
    glUniform1f(loc(p, "uRoughness"), m.roughness);
    glUniform1f(loc(p, "uMetal"), m.metal);
    glUniform1i(loc(p, "uSeeThrough"), translucent ? 1 : 0);
    glUniform1i(loc(p, "uHighlight"), (view.highlight_mask & bit(id)) ? 1 : 0);
    glUniform3fv(loc(p, "uCapNormal"), 1, glm::value_ptr(towards_eye));
    glUniform1f(loc(p, "uTubeRadius"), 0.0f);
    cap_quad_->draw(Lod::full);
    ++passes_drawn_;
    glUniform3f(loc(p, "uCapNormal"), 0.0f, 0.0f, 0.0f);
    glUniform1i(loc(p, "uCutOn"), 1);
}

// The plane through the body's box, as a quad large enough to cover the box's cut.
void Renderer::update_cap_quad(const SceneView& view) {
    if (!view.cut) return;
    const CutPlane cut = *view.cut;
    const glm::vec3 centre = 0.5f * (bounds_min_ + bounds_max_);
    const glm::vec3 on_plane = centre - cut.normal * (glm::dot(cut.normal, centre) - cut.offset_mm);
    const float half = glm::length(bounds_max_ - bounds_min_);
    glm::vec3 u = glm::normalize(glm::cross(cut.normal, std::abs(cut.normal.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0)));
    glm::vec3 v = glm::cross(cut.normal, u);
    Mesh quad;
    for (const glm::vec2 c : {glm::vec2(-1, -1), glm::vec2(1, -1), glm::vec2(1, 1), glm::vec2(-1, 1)}) {
        quad.positions_mm.push_back(on_plane + half * (c.x * u + c.y * v));
        quad.normals.push_back(cut.normal);
    }
    quad.indices = {0, 1, 2, 0, 2, 3};
    cap_quad_ = upload_mesh(quad, nullptr, nullptr, nullptr);
}

// One sample of the scene into scene_: backdrop, opaque structures with their ids, cut faces,
// then the see-through layers back to front (back faces outer to inner, then front faces inner
// to outer) and their cut faces, blended over.
void Renderer::draw_scene(const FrameRequest& r, glm::vec2 offset) {
    const SceneView& view = r.view;
    scene_.bind_for_drawing();
    const GLenum both[] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1};
    glDrawBuffers(2, both);
    glDisable(GL_BLEND);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glDisable(GL_CULL_FACE);
    glDepthMask(GL_TRUE);
    glStencilMask(0xFF);
    glClearDepth(1.0);
    glClearStencil(0);
    glClear(GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);

    // Nothing covers a pixel yet: alpha 0 lets the backdrop show (composited when the sample is
    // added up or presented), and id 0 says it is the background.
    const GLfloat uncovered[] = {0.0f, 0.0f, 0.0f, 0.0f};
    glClearBufferfv(GL_COLOR, 0, uncovered);
    const GLuint background_ids[] = {0u, 0u, 0u, 0u};  // id 0: the background
    glClearBufferuiv(GL_COLOR, 1, background_ids);

    set_frame_uniforms(r, offset);
    if (view.cut) glEnable(GL_CLIP_DISTANCE0);
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    const auto translucent = [&](Structure s) { return see_through(s, view); };
    // Opaque: closed meshes show only their outside unless a cut opens them.
    if (!view.cut) {
        glEnable(GL_CULL_FACE);
        glCullFace(GL_BACK);
    }
    for (const Structure s : drawn(view, false, translucent)) {
        if (const GpuMesh* m = mesh_of(s)) draw_part(*m, s, view, kPassColour, false);
    }
    if (needle_) draw_part(*needle_, Structure::catheter, view, kPassColour, false);
    if (view.pose.on_table && table_) draw_part(*table_, Structure::catheter, view, kPassColour, false);
    for (const auto* part : {&iv_cannula_, &iv_tubing_, &iv_bag_}) {
        if (*part) draw_part(**part, Structure::catheter, view, kPassColour, false);
    }
    glDisable(GL_CULL_FACE);
    pass_done("opaque");
    if (view.cut) {
        update_cap_quad(view);
        mark_caps(view);
        pass_done("caps");
    }

    // See-through layers: premultiplied colour over what lies behind, which each layer's second
    // output filters per channel (dual-source blending); the coverage in alpha as "over". No depth
    // or ids written.
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_ONE, GL_SRC1_COLOR, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDepthMask(GL_FALSE);
    const GLenum colour_only[] = {GL_COLOR_ATTACHMENT0};
    glDrawBuffers(1, colour_only);  // dual-source blending takes one target
    glEnable(GL_CULL_FACE);
    const auto layers = drawn(view, true, translucent);
    glCullFace(GL_FRONT);  // back faces, outer to inner
    for (const Structure s : layers) {
        // While moving, an x-rayed bone shows its front only: the moving budget counts the layers
        // twice, but not every structure a view may x-ray.
        if (lod_ == Lod::moving && !moving_budget_counts_twice(s)) continue;
        if (const GpuMesh* m = mesh_of(s)) draw_part(*m, s, view, kPassColour, true);
    }
    pass_done("layers_back");
    glCullFace(GL_BACK);  // front faces, inner to outer
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
        if (const GpuMesh* m = mesh_of(*it)) draw_part(*m, *it, view, kPassColour, true);
    }
    glDisable(GL_CULL_FACE);
    pass_done("layers_front");
    if (view.cut) {
        glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);  // the caps' program has one output
        for (auto it = layers.rbegin(); it != layers.rend(); ++it) draw_see_through_cap(view, *it, kPassColour);
        pass_done("layer_caps");
    }
    glDrawBuffers(2, both);
    glDepthMask(GL_TRUE);
    glDisable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);  // a second source with two targets is an error, blending on or off
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CLIP_DISTANCE0);
}

// ---- ids ------------------------------------------------------------------------------------
// The see-through layers' ids of a still view. Each layer gets a slot (a channel of one of the
// slot targets); drawn in the colour pass's order, back to front, each face writes its opacity into
// its slot and into every target's alpha, blended "over": every slot then holds its structure's
// share of the pixel, and alpha the share of all layers, so 1 - alpha reaches the opaque surface.
// One pass then resolves the pixel's main structure and its bits.
void Renderer::draw_ids(const FrameRequest& r) {
    const SceneView& view = r.view;
    const auto translucent = [&](Structure s) { return see_through(s, view); };
    const auto layers = drawn(view, true, translucent);
    std::array<int, kSlots> slot_ids{};
    slot_of_.fill(-1);
    int slots = 0;
    for (const Structure s : layers) {
        if (slots == kSlots) break;  // more layers than slots: the rest still hide what lies behind
        slot_of_[static_cast<std::size_t>(s)] = slots;
        slot_ids[static_cast<std::size_t>(slots++)] = static_cast<int>(s);
    }
    const int targets = std::max(1, (slots + 2) / 3);
    ensure_slot_targets(r.width, r.height, targets);
    glBindFramebuffer(GL_FRAMEBUFFER, slots_fbo_);
    glViewport(0, 0, r.width, r.height);
    std::array<GLenum, kSlotTargets> buffers{};
    for (int t = 0; t < targets; ++t) buffers[static_cast<std::size_t>(t)] = static_cast<GLenum>(GL_COLOR_ATTACHMENT0 + t);
    glDrawBuffers(targets, buffers.data());
    const GLfloat nothing[] = {0.0f, 0.0f, 0.0f, 0.0f};
    for (int t = 0; t < targets; ++t) glClearBufferfv(GL_COLOR, t, nothing);

    set_frame_uniforms(r, glm::vec2(0.0f));
    if (view.cut) glEnable(GL_CLIP_DISTANCE0);
    glEnable(GL_DEPTH_TEST);
    glDepthMask(GL_FALSE);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glEnable(GL_CULL_FACE);
    glCullFace(GL_FRONT);  // back faces, outer to inner
    for (const Structure s : layers) {
        if (const GpuMesh* m = mesh_of(s)) draw_part(*m, s, view, kPassIds, true);
    }
    glCullFace(GL_BACK);  // front faces, inner to outer
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
        if (const GpuMesh* m = mesh_of(*it)) draw_part(*m, *it, view, kPassIds, true);
    }
    glDisable(GL_CULL_FACE);
    if (view.cut) {
        for (auto it = layers.rbegin(); it != layers.rend(); ++it) draw_see_through_cap(view, *it, kPassIds);
    }
    glDisable(GL_BLEND);
    glDisable(GL_CLIP_DISTANCE0);
    glDisable(GL_DEPTH_TEST);
    glDepthMask(GL_TRUE);
    pass_done("ids_layers");

    ids_.bind_for_drawing();
    const GLuint p = programs_->resolve;
    glUseProgram(p);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, scene_.texture(1));
    glUniform1i(loc(p, "uOpaqueIds"), 0);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D_ARRAY, slots_texture_);
    glUniform1i(loc(p, "uSlots"), 1);
    glUniform1i(loc(p, "uSlotCount"), slots);
    glUniform1iv(loc(p, "uSlotIds"), kSlots, slot_ids.data());
    glBindVertexArray(fullscreen_vao_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    ++passes_drawn_;
    glActiveTexture(GL_TEXTURE0);
}

// The slot targets: layers of one texture array, sharing the scene's depth.
void Renderer::ensure_slot_targets(int width, int height, int targets) {
    if (slots_fbo_ && slot_targets_ >= targets && slots_width_ == width && slots_height_ == height) return;
    if (!slots_fbo_) glGenFramebuffers(1, &slots_fbo_);
    if (!slots_texture_) glGenTextures(1, &slots_texture_);
    slot_targets_ = std::max(targets, slots_width_ == width && slots_height_ == height ? slot_targets_ : 0);
    slots_width_ = width;
    slots_height_ = height;
    glBindTexture(GL_TEXTURE_2D_ARRAY, slots_texture_);
    glTexImage3D(GL_TEXTURE_2D_ARRAY, 0, GL_RGBA8, width, height, slot_targets_, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glBindTexture(GL_TEXTURE_2D_ARRAY, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, slots_fbo_);
    for (int t = 0; t < kSlotTargets; ++t) {
        glFramebufferTextureLayer(GL_FRAMEBUFFER, static_cast<GLenum>(GL_COLOR_ATTACHMENT0 + t), t < slot_targets_ ? slots_texture_ : 0, 0, t);
    }
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, depth_stencil_);
}

// ---- render -----------------------------------------------------------------------------------
bool Renderer::ensure_targets(int width, int height) {
    if (scene_.width() == width && scene_.height() == height && scene_.fbo()) return true;
    image_ = 0;  // its texture goes with the old targets
    bool ok = scene_.create(width, height, {{GL_RGBA16F, GL_RGBA, GL_FLOAT}, {GL_R8UI, GL_RED_INTEGER, GL_UNSIGNED_BYTE}}) &&
              ids_.create(width, height, {{GL_RGBA32UI, GL_RGBA_INTEGER, GL_UNSIGNED_INT}}) &&
              sum_.create(width, height, {{GL_RGBA32F, GL_RGBA, GL_FLOAT}});
    if (!depth_stencil_) glGenRenderbuffers(1, &depth_stencil_);
    glBindRenderbuffer(GL_RENDERBUFFER, depth_stencil_);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, width, height);
    glBindRenderbuffer(GL_RENDERBUFFER, 0);
    ok = ok && scene_.attach_depth_stencil(depth_stencil_);
    slots_width_ = slots_height_ = 0;  // the slot targets follow on the next still view
    return ok;
}

bool Renderer::needs_frame(const FrameRequest& r) const {
    if (!anatomy_ || r.width <= 0 || r.height <= 0) return false;
    return changed(r) || (!r.moving && samples_ < std::max(1, r.samples));
}

bool Renderer::changed(const FrameRequest& r) const {
    return anatomy_dirty_ || !last_ || !(last_->view == r.view) || last_->width != r.width || last_->height != r.height ||
           last_->moving != r.moving;
}

bool Renderer::render(const FrameRequest& r) {
    if (!needs_frame(r)) return false;
    const bool changed = this->changed(r);

    GLint previous_fbo = 0;  // the caller's target is restored afterwards
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &previous_fbo);
    if (anatomy_dirty_) upload();
    if (!ensure_targets(r.width, r.height)) return false;
    if (changed) samples_ = 0;
    last_ = r;
    update_moving_parts(r.view.pose);
    lod_ = r.moving ? Lod::moving : Lod::full;
    triangles_drawn_ = 0;
    pass_times_.clear();
    pass_done(nullptr);
    // A moving frame and a still view's first sample are presented as drawn; later samples add
    // up in the sum, which the first one starts before the second is drawn over it.
    const bool first = r.moving || samples_ == 0;
    if (!first && samples_ == 1) accumulate(false);
    draw_scene(r, r.moving ? glm::vec2(0.0f) : jitter(samples_));
    if (!first) accumulate(true);
    image_ = first ? scene_.texture(0) : sum_.texture(0);
    ++image_version_;
    pass_done("accumulate");

    if (r.moving) {
        // The opaque ids only, read from the scene's id target: the layers' ids wait until the
        // view is still.
        ids_resolved_ = false;
        samples_ = 0;
    } else {
        if (samples_ == 0) {
            draw_ids(r);
            ids_resolved_ = true;
        }
        ++samples_;
    }
    pass_done("ids");
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous_fbo));
    return true;
}

// The backdrop's uniforms (backdrop.glsl): the view of the image, without its sample's jitter.
void Renderer::set_backdrop(GLuint program) const {
    if (!last_) return;
    const OrbitCamera& camera = last_->view.camera;
    const float aspect = static_cast<float>(last_->width) / static_cast<float>(last_->height);
    const glm::mat4 inv = glm::inverse(camera.projection(aspect) * camera.view());
    glUniformMatrix4fv(loc(program, "uInvViewProj"), 1, GL_FALSE, glm::value_ptr(inv));
    glUniform3fv(loc(program, "uEye"), 1, glm::value_ptr(camera.eye()));
    glUniform3fv(loc(program, "uUp"), 1, glm::value_ptr(camera.up()));
}

// Adds the sample in scene_, over the backdrop, to the sum, or starts the sum with it.
void Renderer::accumulate(bool add) {
    sum_.bind_for_drawing();
    glUseProgram(programs_->accumulate);
    set_backdrop(programs_->accumulate);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, scene_.texture(0));
    glUniform1i(loc(programs_->accumulate, "uFrame"), 0);
    if (add) {
        glEnable(GL_BLEND);
        glBlendFunc(GL_ONE, GL_ONE);
    }
    glBindVertexArray(fullscreen_vao_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    ++passes_drawn_;
    glDisable(GL_BLEND);
}

// ---- present and pick -----------------------------------------------------------------------
void Renderer::present(int x, int y, int width, int height) {
    if (!image_) return;
    // An image presented a second time (the view is still) is tone-mapped once into an 8-bit copy,
    // which later frames copy out: an idle frame costs a blit, a moving one nothing extra.
    if (presented_image_ == image_version_ && presented_.width() == width && presented_.height() == height) {
        if (cached_image_ != image_version_) {
            GLint target = 0;
            glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target);
            presented_.bind_for_drawing();
            tone_map(0, 0, width, height);
            cached_image_ = image_version_;
            glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(target));
        }
        GLint source = 0;  // the caller may read its framebuffer back (a screenshot): restored after
        glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &source);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, presented_.fbo());
        glReadBuffer(GL_COLOR_ATTACHMENT0);
        glBlitFramebuffer(0, 0, width, height, x, y, x + width, y + height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(source));
        ++passes_drawn_;
        return;
    }
    if (presented_.width() != width || presented_.height() != height) {
        GLint target = 0;  // create() unbinds it
        glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target);
        presented_.create(width, height, {{GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE}});
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(target));
        cached_image_ = 0;
    }
    presented_image_ = image_version_;
    tone_map(x, y, width, height);
}

void Renderer::tone_map(int x, int y, int width, int height) {
    glViewport(x, y, width, height);
    glDisable(GL_BLEND);
    glDisable(GL_DEPTH_TEST);
    // A still view's highlighted structures are outlined from its resolved ids, by the outline
    // variant, compiled the first time it is needed (if it cannot be, the plain one draws).
    const StructureMask highlight = last_ ? last_->view.highlight_mask : 0;
    bool outline = ids_resolved_ && highlight != 0 && ids_.width() == width && ids_.height() == height;
    if (outline && !programs_->present_outline && !programs_->outline_failed) {
        std::string error;
        programs_->present_outline =
            build_program(programs_->present_vertex, programs_->present_fragment, programs_->prelude + "#define OUTLINE\n", error);
        if (!programs_->present_outline && !programs_->outline_failed) {
            std::cerr << "thecaview: the outline shader did not build, so highlights are not outlined: " << error << "\n";
            programs_->outline_failed = true;
        }
    }
    outline = outline && programs_->present_outline;
    const GLuint p = outline ? programs_->present_outline : programs_->present;
    glUseProgram(p);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, image_);
    glUniform1i(loc(p, "uImage"), 0);
    glUniform1i(loc(p, "uSingle"), image_ == scene_.texture(0) ? 1 : 0);
    set_backdrop(p);
    glUniform1f(loc(p, "uExposure"), 1.0f);
    if (outline) {
        glActiveTexture(GL_TEXTURE1);
        glBindTexture(GL_TEXTURE_2D, ids_.texture(0));
        glUniform1i(loc(p, "uIds"), 1);
        glUniform2ui(loc(p, "uHighlightMask"), static_cast<GLuint>(highlight & 0xffffffffu), static_cast<GLuint>(highlight >> 32));
        glUniform2i(loc(p, "uIdsOrigin"), x, y);
    }
    glBindVertexArray(fullscreen_vao_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    ++passes_drawn_;
}

void Renderer::draw_flat(int width, int height) const {
    glViewport(0, 0, width, height);
    glDisable(GL_BLEND);
    glUseProgram(programs_->flat);
    glBindVertexArray(fullscreen_vao_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
}

namespace {
// What the opaque pass alone says of a pixel: its structure, or the background.
PixelIds opaque_ids(std::uint32_t id) {
    if (id == 0 || id > kStructureCount) return {0, 0, true};
    return {id, bit(static_cast<Structure>(id)), false};
}
}  // namespace

std::vector<PixelIds> Renderer::read_ids() const {
    std::vector<PixelIds> ids;
    if (!scene_.fbo()) return ids;  // nothing drawn yet: no ids to read
    if (!ids_resolved_) {
        const std::vector<std::uint8_t> opaque = scene_.read_r8ui(1);
        ids.reserve(opaque.size());
        for (const std::uint8_t id : opaque) ids.push_back(opaque_ids(id));
        return ids;
    }
    const std::vector<std::uint32_t> texels = ids_.read_rgba32ui(0);
    ids.resize(texels.size() / 4);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        ids[i] = {texels[4 * i], StructureMask{texels[4 * i + 1]} | (StructureMask{texels[4 * i + 2]} << 32),
                  texels[4 * i + 3] != 0};
    }
    return ids;
}

std::optional<Structure> Renderer::pick(int x, int y) const {
    if (!ids_.fbo()) return std::nullopt;
    const std::uint32_t id = ids_resolved_ ? ids_.read_rgba32ui_at(0, x, y)[0] : scene_.read_r8ui_at(1, x, y);
    if (id == 0 || id > kStructureCount) return std::nullopt;
    return static_cast<Structure>(id);
}

}  // namespace thecaview
