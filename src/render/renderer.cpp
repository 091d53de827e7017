// Trace, accumulate and present passes, and the scene's uniform block.
//
// Sections: shader prelude | scene block | init | trace | present and pick
#include "render/renderer.hpp"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/gtc/type_ptr.hpp>
#include <glm/mat4x4.hpp>

#include "core/colormap.hpp"
#include "render/shader.hpp"

namespace thecaview {

namespace {

// Groups of structures with a bounding box each: the spine in four regions, ribs, pelvis, pump.
constexpr int kGroupSpineFirst = 0;
constexpr int kGroupSpineLast = 3;
constexpr int kGroupRibs = 4;
constexpr int kGroupPelvis = 5;
constexpr int kGroupPump = 6;
constexpr int kGroupCount = 7;
constexpr int kRibCount = 12;
constexpr int kRibStride = 2 + kRibAngles;  // head, tubercle, then one point per angle

// ---- shader prelude ----------------------------------------------------------------------
// #defines that tie the shaders to the core's one list of structures and the array sizes.
std::string shader_prelude() {
    std::string p;
    for (const auto& s : structures()) {
        std::string name(s.key);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::toupper(c); });
        p += "#define ID_" + name + " " + std::to_string(static_cast<int>(s.id)) + "\n";
    }
    const auto define = [&p](const char* name, int value) {
        p += std::string("#define ") + name + " " + std::to_string(value) + "\n";
    };
    define("STRUCTURE_COUNT", static_cast<int>(kStructureCount));
    p += "#define COLOUR_MAP_DECADES " + std::to_string(kColourMapDecades) + "\n";
    define("LEVEL_COUNT", kLevelCount);
    define("MOBILE_COUNT", kMobileVertebraCount);
    define("TORSO_MAX", Renderer::kTorsoMax);
    define("TUBE_POINT_MAX", Renderer::kTubePointMax);
    define("CHUNK_MAX", Renderer::kChunkMax);
    define("CHUNK_POINTS", Renderer::kChunkPoints);
    define("CATHETER_CHUNKS_MAX", Renderer::kCatheterChunkMax);
    define("RIB_ANGLES", kRibAngles);
    // From T11 down, the cauda equina's long roots pass every level on their way to lower foramina.
    define("CAUDA_FIRST_LEVEL", index_of(Level::T11));
    define("RIB_STRIDE", kRibStride);
    p += "#define RIB_BACK_ANGLE " + std::to_string(kRibBackAngle) + "\n";
    p += "#define RIB_STEP " + std::to_string(kRibBackAngle - rib_angle(1)) + "\n";
    define("GROUP_COUNT", kGroupCount);
    define("GROUP_SPINE_FIRST", kGroupSpineFirst);
    define("GROUP_SPINE_LAST", kGroupSpineLast);
    define("GROUP_RIBS", kGroupRibs);
    define("GROUP_PELVIS", kGroupPelvis);
    define("GROUP_PUMP", kGroupPump);
    return p;
}

GLint loc(GLuint program, const char* name) { return glGetUniformLocation(program, name); }

struct Box {
    glm::vec3 lo{1e9f};
    glm::vec3 hi{-1e9f};
    void add(glm::vec3 p, float margin) {
        lo = glm::min(lo, p - margin);
        hi = glm::max(hi, p + margin);
    }
};

// ---- scene block -------------------------------------------------------------------------
// Mirrors `uniform Scene` in scene.glsl member for member (std140: every member is 16 bytes).
struct SceneBlock {
    std::array<glm::vec4, kLevelCount> level_a;
    std::array<glm::vec4, kLevelCount> level_b;
    std::array<glm::vec4, kLevelCount> level_c;
    std::array<glm::vec4, kLevelCount> level_d;
    std::array<glm::ivec4, kLevelCount> level_e;
    std::array<glm::vec4, Renderer::kTorsoMax> torso;
    std::array<glm::vec4, Renderer::kTubePointMax> tube_point;
    std::array<glm::vec4, Renderer::kChunkMax> chunk_bound;
    std::array<glm::ivec4, Renderer::kChunkMax> chunk;
    std::array<glm::vec4, kRibCount * kRibStride> rib;
    glm::ivec4 counts;
    std::array<glm::vec4, kGroupCount> group_min;
    std::array<glm::vec4, kGroupCount> group_max;
    glm::vec4 neck, wall, pump_centre, pump_axis, pump_size;
    glm::vec4 pelvis_a, pelvis_bowl_centre, pelvis_bowl_radii, pelvis_asis, pelvis_acetabulum, pelvis_symphysis,
        pelvis_ischium, pelvis_sacroiliac;
};

// Cuts tubes into chunks of a few points behind a bounding sphere each, so that the shader
// looks only at the chunks near a point.
class TubePacker {
public:
    explicit TubePacker(SceneBlock& block) : block_(block) {}

    // Chunks of up to chunk_points points (small ones cull better, large ones cost fewer bounds).
    void add(const Tube& tube, Structure id, bool mirrored, std::size_t chunk_points) {
        const auto& pts = tube.points_mm;
        for (std::size_t first = 0; first + 1 < pts.size(); first += chunk_points - 1) {
            const std::size_t count = std::min<std::size_t>(chunk_points, pts.size() - first);
            if (points_ + static_cast<int>(count) > Renderer::kTubePointMax || chunks_ >= Renderer::kChunkMax) return;
            glm::vec3 centre(0.0f);
            for (std::size_t j = 0; j < count; ++j) centre += pts[first + j];
            centre /= static_cast<float>(count);
            float radius = 0.0f;
            for (std::size_t j = 0; j < count; ++j) {
                radius = std::max(radius, glm::distance(centre, pts[first + j]));
                block_.tube_point[points_ + j] = glm::vec4(pts[first + j], tube.radius_mm);
            }
            block_.chunk_bound[chunks_] = glm::vec4(centre, radius + tube.radius_mm);
            block_.chunk[chunks_] = glm::ivec4(points_, static_cast<int>(count), static_cast<int>(id), mirrored ? 1 : 0);
            points_ += static_cast<int>(count);
            ++chunks_;
        }
    }
    [[nodiscard]] int chunks() const { return chunks_; }

private:
    SceneBlock& block_;
    int points_ = 0;
    int chunks_ = 0;
};

SceneBlock scene_block(const Anatomy& a) {
    SceneBlock b{};
    for (int i = 0; i < kLevelCount; ++i) {
        const LevelGeometry& g = a.levels[i];
        b.level_a[i] = {g.body_centre_mm.y, g.body_centre_mm.z, std::cos(g.tilt_rad), std::sin(g.tilt_rad)};
        b.level_b[i] = {g.body_height_mm, g.body_width_mm, g.body_depth_mm, g.disc_below_mm};
        b.level_c[i] = {g.canal_width_mm, g.canal_depth_mm, g.sac_half_width_mm, g.sac_half_depth_mm};
        b.level_d[i] = {g.canal_centre_mm.y, g.canal_centre_mm.z, g.cord_half_width_mm, g.cord_half_depth_mm};
    }
    // The trunk's sections, resampled evenly in y so the shader finds one in constant time.
    const int torso_count = Renderer::kTorsoMax;
    const float y0 = a.torso.front().y_mm, y1 = a.torso.back().y_mm;
    for (int i = 0; i < torso_count; ++i) {
        const float y = y0 + (y1 - y0) * static_cast<float>(i) / static_cast<float>(torso_count - 1);
        const TorsoSection s = a.torso_at(y);
        b.torso[i] = {y, s.half_width_mm, s.half_depth_mm, s.centre_z_mm};
    }
    TubePacker tubes(b);
    tubes.add({a.catheter_path_mm, a.catheter_radius_mm}, Structure::catheter, false, Renderer::kChunkPoints);
    const int catheter_end = tubes.chunks();
    for (int k = 0; k < kRibCount; ++k) {
        const Tube& rib = a.ribs[k];
        assert(static_cast<int>(rib.points_mm.size()) == kRibStride);
        for (int m = 0; m < kRibStride; ++m) b.rib[k * kRibStride + m] = glm::vec4(rib.points_mm[m], rib.radius_mm);
    }
    tubes.add(a.ribs[kRibCount], Structure::ribs, true, Renderer::kChunkPoints);  // the sternum
    const int ribs_end = tubes.chunks();
    for (std::size_t r = 0; r < a.nerve_roots.size(); ++r) {
        b.level_e[r].x = tubes.chunks();
        tubes.add(a.nerve_roots[r], Structure::nerve_roots, true, 3);
    }
    for (std::size_t r = a.nerve_roots.size(); r < kLevelCount; ++r) b.level_e[r].x = tubes.chunks();
    b.counts = {torso_count, catheter_end, ribs_end, tubes.chunks()};
    assert(catheter_end <= Renderer::kCatheterChunkMax);

    // Group boxes. The spine's reach beside the canal (processes, back muscles, nerves) sets the margin.
    std::array<Box, kGroupCount> boxes{};
    constexpr int kRegionEnd[] = {index_of(Level::T1), index_of(Level::L1), index_of(Level::S1), kLevelCount};
    int region = 0;
    for (int i = 0; i < kLevelCount; ++i) {
        while (i >= kRegionEnd[region]) ++region;
        // Each region's box also holds the last level of the region above, so the joins overlap.
        for (const int j : {i, std::max(i - 1, 0)}) {
            const LevelGeometry& g = a.levels[j];
            boxes[kGroupSpineFirst + region].add(g.body_centre_mm, std::max(g.body_width_mm * 0.5f, 30.0f) + 8.0f);
            boxes[kGroupSpineFirst + region].add(g.canal_centre_mm, 80.0f);
        }
    }
    for (const auto& rib : a.ribs) {
        for (const auto& q : rib.points_mm) {
            boxes[kGroupRibs].add(q, rib.radius_mm + 1.0f);
            boxes[kGroupRibs].add(glm::vec3(-q.x, q.y, q.z), rib.radius_mm + 1.0f);
        }
    }
    const PelvisGeometry& pv = a.pelvis;
    for (const glm::vec3 q : {pv.asis_mm, pv.acetabulum_mm, pv.symphysis_mm, pv.ischial_tuberosity_mm, pv.sacroiliac_mm}) {
        boxes[kGroupPelvis].add(q, pv.acetabulum_radius_mm + 5.0f);
        boxes[kGroupPelvis].add(glm::vec3(-q.x, q.y, q.z), pv.acetabulum_radius_mm + 5.0f);
    }
    const glm::vec3 wing_lo = pv.bowl_centre_mm - pv.bowl_radii_mm - pv.wing_thickness_mm;
    const glm::vec3 wing_hi = pv.bowl_centre_mm + pv.bowl_radii_mm + pv.wing_thickness_mm;
    boxes[kGroupPelvis].add(glm::vec3(wing_lo.x, pv.wing_bottom_y_mm, wing_lo.z), 2.0f);
    boxes[kGroupPelvis].add(glm::vec3(wing_hi.x, pv.crest_y_mm, std::min(wing_hi.z, pv.asis_mm.z + 6.0f)), 2.0f);
    boxes[kGroupPump].add(a.pump.centre_mm, a.pump.diameter_mm * 0.5f + 12.0f);
    boxes[kGroupPump].add(a.pump.centre_mm + a.pump.axis * 100.0f, a.pump.diameter_mm * 0.5f + 12.0f);  // lifted, in step 8
    for (int g = 0; g < kGroupCount; ++g) {
        b.group_min[g] = glm::vec4(boxes[g].lo, 0.0f);
        b.group_max[g] = glm::vec4(boxes[g].hi, 0.0f);
    }

    const glm::vec3 c4 = a.at(Level::C4).body_centre_mm;
    b.neck = {a.torso.back().y_mm - 60.0f, a.at(Level::C1).body_centre_mm.y + 10.0f, 55.0f, c4.z - 5.0f};
    b.wall = {150.0f, a.wall.fat_front_mm, a.wall.fat_back_mm, a.wall.muscle_mm};
    b.pump_centre = glm::vec4(a.pump.centre_mm, 0.0f);
    b.pump_axis = glm::vec4(a.pump.axis, 0.0f);
    b.pump_size = {a.pump.diameter_mm * 0.5f, a.pump.thickness_mm * 0.5f, a.pump.depth_below_skin_mm, 0.0f};
    const PelvisGeometry& p = a.pelvis;
    b.pelvis_a = {p.crest_y_mm, p.wing_bottom_y_mm, p.wing_thickness_mm, p.acetabulum_radius_mm};
    b.pelvis_bowl_centre = glm::vec4(p.bowl_centre_mm, 0.0f);
    b.pelvis_bowl_radii = glm::vec4(p.bowl_radii_mm, 0.0f);
    b.pelvis_asis = glm::vec4(p.asis_mm, 0.0f);
    b.pelvis_acetabulum = glm::vec4(p.acetabulum_mm, 0.0f);
    b.pelvis_symphysis = glm::vec4(p.symphysis_mm, 0.0f);
    b.pelvis_ischium = glm::vec4(p.ischial_tuberosity_mm, 0.0f);
    b.pelvis_sacroiliac = glm::vec4(p.sacroiliac_mm, 0.0f);
    return b;
}

// Sub-pixel offsets of successive samples: the Halton (2, 3) sequence, sample 0 at the centre.
glm::vec2 jitter(int sample) {
    if (sample == 0) return glm::vec2(0.0f);
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

// ---- init ---------------------------------------------------------------------------------
Renderer::~Renderer() {
    for (GLuint program : {trace_program_, present_program_, flat_program_}) {
        if (program) glDeleteProgram(program);
    }
    if (scene_ubo_) glDeleteBuffers(1, &scene_ubo_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
}

bool Renderer::init(const std::filesystem::path& shader_dir, std::string& error) {
    const std::string prelude = shader_prelude();
    const auto vert = shader_dir / "fullscreen.vert";
    trace_program_ = build_program(vert, shader_dir / "trace.frag", prelude, error);
    if (!trace_program_) return false;
    present_program_ = build_program(vert, shader_dir / "present.frag", prelude, error);
    if (!present_program_) return false;
    flat_program_ = build_program(vert, shader_dir / "flat.frag", prelude, error);
    if (!flat_program_) return false;
    const GLuint block = glGetUniformBlockIndex(trace_program_, "Scene");
    GLint block_size = 0;
    glGetActiveUniformBlockiv(trace_program_, block, GL_UNIFORM_BLOCK_DATA_SIZE, &block_size);
    if (block == GL_INVALID_INDEX || block_size != static_cast<GLint>(sizeof(SceneBlock))) {
        error = "shaders/scene.glsl: the Scene block is " + std::to_string(block_size) + " bytes, the renderer's " +
                std::to_string(sizeof(SceneBlock));
        return false;
    }
    glUniformBlockBinding(trace_program_, block, 0);
    glGenBuffers(1, &scene_ubo_);
    glGenVertexArrays(1, &vao_);
    return true;
}

void Renderer::set_anatomy(const Anatomy& anatomy) {
    anatomy_ = anatomy;
    anatomy_dirty_ = true;
}

void Renderer::upload_anatomy() {
    const Anatomy& a = *anatomy_;
    const SceneBlock block = scene_block(a);
    glBindBuffer(GL_UNIFORM_BUFFER, scene_ubo_);
    glBufferData(GL_UNIFORM_BUFFER, sizeof(SceneBlock), &block, GL_STATIC_DRAW);
    glBindBuffer(GL_UNIFORM_BUFFER, 0);

    // The trunk, neck and head, with room for the skin's bulge over the pump.
    float half_width = 0.0f, min_z = 1e9f, max_z = -1e9f;
    for (const auto& s : a.torso) {
        half_width = std::max(half_width, s.half_width_mm);
        min_z = std::min(min_z, s.centre_z_mm - s.half_depth_mm);
        max_z = std::max(max_z, s.centre_z_mm + s.half_depth_mm);
    }
    bounds_max_ = glm::vec3(half_width + 60.0f, block.neck.y + 10.0f, max_z + 40.0f);
    bounds_min_ = glm::vec3(-bounds_max_.x, a.torso.front().y_mm - 10.0f, min_z - 30.0f);
    incisions_ = incisions(a);
    anatomy_dirty_ = false;
}

// ---- trace --------------------------------------------------------------------------------
void Renderer::set_view_uniforms(const TraceRequest& r, int traced_width, int traced_height) {
    const SceneView& view = r.view;
    const float aspect = static_cast<float>(r.width) / static_cast<float>(r.height);
    const glm::mat4 inv_view_proj = glm::inverse(view.camera.projection(aspect) * view.camera.view());
    const GLuint p = trace_program_;
    glUniformMatrix4fv(loc(p, "uInvViewProj"), 1, GL_FALSE, glm::value_ptr(inv_view_proj));
    glUniform3fv(loc(p, "uEye"), 1, glm::value_ptr(view.camera.eye()));
    glUniform2f(loc(p, "uResolution"), static_cast<float>(traced_width), static_cast<float>(traced_height));
    glUniform1f(loc(p, "uPixelAngle"), view.camera.fov_y_rad / static_cast<float>(traced_height));
    glUniform1ui(loc(p, "uVisible"), view.visible_mask);
    glUniform1ui(loc(p, "uXray"), view.xray_mask);
    glUniform1ui(loc(p, "uHighlight"), view.highlight_mask);
    const ProcedurePose& pose = view.pose;
    glUniform2f(loc(p, "uCatheterRange"), pose.catheter_from, pose.catheter_to);
    glUniform1i(loc(p, "uNeedleOn"), pose.needle ? 1 : 0);
    glUniform3fv(loc(p, "uNeedleA"), 1, glm::value_ptr(pose.needle_from));
    glUniform3fv(loc(p, "uNeedleB"), 1, glm::value_ptr(pose.needle_to));
    glUniform1f(loc(p, "uPumpLift"), pose.pump_lift_mm);
    glUniform3fv(loc(p, "uIncisionBackA"), 1, glm::value_ptr(incisions_.back_a));
    glUniform3fv(loc(p, "uIncisionBackB"), 1, glm::value_ptr(incisions_.back_b));
    glUniform3fv(loc(p, "uIncisionBellyA"), 1, glm::value_ptr(incisions_.belly_a));
    glUniform3fv(loc(p, "uIncisionBellyB"), 1, glm::value_ptr(incisions_.belly_b));
    glUniform2f(loc(p, "uIncisionOpen"), pose.back_incision_open, pose.belly_incision_open);
    glUniform1i(loc(p, "uCutOn"), view.cut ? 1 : 0);
    glUniform1i(loc(p, "uSpreadOn"), view.spread_on ? 1 : 0);
    glUniform1fv(loc(p, "uSpread"), kLevelCount, view.spread_ug_per_ml.data());
    glUniform1f(loc(p, "uSpreadMax"), view.spread_max_ug_per_ml);
    std::array<float, kLevelCount> relief{};
    for (int i = 0; i < kLevelCount; ++i) relief[static_cast<std::size_t>(i)] = view.relief[static_cast<std::size_t>(i)] ? 1.0f : 0.0f;
    glUniform1fv(loc(p, "uRelief"), kLevelCount, relief.data());
    const CutPlane cut = view.cut.value_or(CutPlane{});
    glUniform4f(loc(p, "uCut"), cut.normal.x, cut.normal.y, cut.normal.z, cut.offset_mm);
    glUniform3fv(loc(p, "uBoundsMin"), 1, glm::value_ptr(bounds_min_));
    glUniform3fv(loc(p, "uBoundsMax"), 1, glm::value_ptr(bounds_max_));
}

bool Renderer::ensure_target(Framebuffer& target, int width, int height) {
    if (target.width() == width && target.height() == height && target.fbo()) return true;
    return target.create(width, height, {{GL_RGBA32F, GL_RGBA, GL_FLOAT}, {GL_RG32UI, GL_RG_INTEGER, GL_UNSIGNED_INT}});
}

void Renderer::run_trace_pass(const TraceRequest& r, Framebuffer& target, int w, int h, int sample, int row0, int row1,
                              bool effects) {
    const GLuint p = trace_program_;
    glUseProgram(p);
    glBindBufferBase(GL_UNIFORM_BUFFER, 0, scene_ubo_);
    set_view_uniforms(r, w, h);
    const glm::vec2 offset = jitter(sample);
    glUniform2f(loc(p, "uJitter"), offset.x, offset.y);
    glUniform1i(loc(p, "uSample"), sample);
    glUniform1i(loc(p, "uEffects"), effects ? 1 : 0);
    target.bind_for_drawing();
    glViewport(0, 0, w, h);
    glEnable(GL_SCISSOR_TEST);
    glScissor(0, h - row1, w, row1 - row0);  // rows counted from the top
    glDisable(GL_DEPTH_TEST);
    // The first sample replaces the image and writes the ids at pixel centres; later ones add
    // their colour (alpha counts them) and leave the ids alone.
    const GLenum first[] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1};
    const GLenum later[] = {GL_COLOR_ATTACHMENT0, GL_NONE};
    glDrawBuffers(2, sample == 0 ? first : later);
    if (sample == 0) {
        glDisable(GL_BLEND);
    } else {
        glEnable(GL_BLEND);
        glBlendFunc(GL_ONE, GL_ONE);
    }
    glBindVertexArray(vao_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glDisable(GL_BLEND);
    glDisable(GL_SCISSOR_TEST);
    glDrawBuffers(2, first);
}

bool Renderer::trace(const TraceRequest& r) {
    if (!anatomy_ || r.width <= 0 || r.height <= 0) return false;
    const float scale = std::clamp(r.scale, 0.1f, 1.0f);
    const bool preview = scale < 1.0f;
    const bool changed = targets_.width() != r.width || targets_.height() != r.height || anatomy_dirty_ ||
                         !last_view_ || !(*last_view_ == r.view);
    if (!changed && (preview ? showing_preview_ && preview_scale_ == scale : samples_ >= r.samples)) return false;

    GLint previous_fbo = 0;  // the caller's target is restored afterwards
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &previous_fbo);
    if (anatomy_dirty_) upload_anatomy();
    if (changed) {
        samples_ = 0;
        rows_done_ = 0;
        showing_preview_ = false;
    }
    last_view_ = r.view;
    const int band = r.max_rows > 0 ? r.max_rows : r.height;
    if (preview) {
        trace_preview(r, scale);
    } else {
        // A new image traced in bands would show its unfinished rows: a quick preview stands in
        // until the first sample is whole.
        if (samples_ == 0 && rows_done_ == 0 && band < r.height && !showing_preview_) {
            trace_preview(r, std::min(preview_scale_, 0.5f));
        }
        ensure_target(targets_, r.width, r.height);
        // One band of rows of the next sample (the whole image unless the caller limits it), so
        // that a slow GPU keeps the rest of the frame responsive.
        const int row1 = std::min(rows_done_ + band, r.height);
        run_trace_pass(r, targets_, r.width, r.height, samples_, rows_done_, row1, true);
        rows_done_ = row1;
        if (rows_done_ >= r.height) {
            rows_done_ = 0;
            ++samples_;
            showing_preview_ = false;  // the full image is complete: show it from now on
        }
    }
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous_fbo));
    return true;
}

// A quick look while the view moves: its own small target, no shadows or occlusion.
void Renderer::trace_preview(const TraceRequest& r, float scale) {
    const int w = std::max(1, static_cast<int>(std::lround(static_cast<float>(r.width) * scale)));
    const int h = std::max(1, static_cast<int>(std::lround(static_cast<float>(r.height) * scale)));
    ensure_target(preview_, w, h);
    run_trace_pass(r, preview_, w, h, 0, 0, h, false);
    preview_scale_ = scale;
    showing_preview_ = true;
}

// ---- present and pick ---------------------------------------------------------------------
void Renderer::present(int x, int y, int width, int height) const {
    const Framebuffer& image = showing_preview_ ? preview_ : targets_;
    if (!image.fbo()) return;
    glViewport(x, y, width, height);
    glDisable(GL_BLEND);
    glDisable(GL_DEPTH_TEST);
    glUseProgram(present_program_);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, image.texture(0));
    glUniform1i(loc(present_program_, "uImage"), 0);
    glUniform1f(loc(present_program_, "uExposure"), 1.0f);
    glBindVertexArray(vao_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
}

void Renderer::draw_flat(int width, int height) const {
    glViewport(0, 0, width, height);
    glDisable(GL_BLEND);
    glUseProgram(flat_program_);
    glBindVertexArray(vao_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
}

std::optional<Structure> Renderer::pick(int x, int y) const {
    // Reads one texel of the id target; a preview is smaller, so scale the pixel into it.
    const Framebuffer& image = showing_preview_ ? preview_ : targets_;
    if (!image.fbo()) return std::nullopt;
    const float scale = showing_preview_ ? preview_scale_ : 1.0f;
    const int tx = static_cast<int>(static_cast<float>(x) * scale);
    const int ty = static_cast<int>(static_cast<float>(y) * scale);
    const auto texel = image.read_rg32ui_at(1, tx, ty);
    if (texel[0] == 0 || texel[0] > kStructureCount) return std::nullopt;
    return static_cast<Structure>(texel[0]);
}

}  // namespace thecaview
