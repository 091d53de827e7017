// Trace and present passes, and the scene uniforms.
#include "render/renderer.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/gtc/type_ptr.hpp>
#include <glm/mat4x4.hpp>

#include "render/shader.hpp"

namespace thecaview {

namespace {

// #defines that tie the shaders to the core's one list of structures and the array sizes.
std::string shader_prelude() {
    std::string p;
    for (const auto& s : structures()) {
        std::string name(s.key);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::toupper(c); });
        p += "#define ID_" + name + " " + std::to_string(static_cast<int>(s.id)) + "\n";
    }
    p += "#define STRUCTURE_COUNT " + std::to_string(kStructureCount) + "\n";
    p += "#define LEVEL_COUNT " + std::to_string(kLevelCount) + "\n";
    p += "#define MOBILE_COUNT " + std::to_string(kMobileVertebraCount) + "\n";
    p += "#define TORSO_MAX " + std::to_string(Renderer::kTorsoMax) + "\n";
    p += "#define CATHETER_MAX " + std::to_string(Renderer::kCatheterMax) + "\n";
    p += "#define CATHETER_CHUNK " + std::to_string(Renderer::kCatheterChunk) + "\n";
    p += "#define CATHETER_CHUNKS " + std::to_string(Renderer::kCatheterMax / Renderer::kCatheterChunk) + "\n";
    return p;
}

GLint loc(GLuint program, const char* name) { return glGetUniformLocation(program, name); }

}  // namespace

Renderer::~Renderer() {
    if (trace_program_) glDeleteProgram(trace_program_);
    if (present_program_) glDeleteProgram(present_program_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
}

bool Renderer::init(const std::filesystem::path& shader_dir, std::string& error) {
    const std::string prelude = shader_prelude();
    trace_program_ = build_program(shader_dir / "fullscreen.vert", shader_dir / "trace.frag", prelude, error);
    if (!trace_program_) return false;
    present_program_ = build_program(shader_dir / "fullscreen.vert", shader_dir / "present.frag", prelude, error);
    if (!present_program_) return false;
    glGenVertexArrays(1, &vao_);
    return true;
}

void Renderer::set_anatomy(const Anatomy& anatomy) {
    anatomy_ = anatomy;
    anatomy_dirty_ = true;
}

void Renderer::upload_anatomy() {
    const Anatomy& a = *anatomy_;
    const GLuint p = trace_program_;
    glUseProgram(p);
    std::array<glm::vec4, kLevelCount> la{}, lb{}, lc{}, ld{};
    for (int i = 0; i < kLevelCount; ++i) {
        const LevelGeometry& g = a.levels[i];
        la[i] = {g.body_centre_mm.y, g.body_centre_mm.z, std::cos(g.tilt_rad), std::sin(g.tilt_rad)};
        lb[i] = {g.body_height_mm, g.body_width_mm, g.body_depth_mm, g.disc_below_mm};
        lc[i] = {g.canal_width_mm, g.canal_depth_mm, g.sac_radius_mm, 0.0f};
        ld[i] = {g.canal_centre_mm.y, g.canal_centre_mm.z, g.cord_half_width_mm, g.cord_half_depth_mm};
    }
    glUniform4fv(loc(p, "uLevelA"), kLevelCount, glm::value_ptr(la[0]));
    glUniform4fv(loc(p, "uLevelB"), kLevelCount, glm::value_ptr(lb[0]));
    glUniform4fv(loc(p, "uLevelC"), kLevelCount, glm::value_ptr(lc[0]));
    glUniform4fv(loc(p, "uLevelD"), kLevelCount, glm::value_ptr(ld[0]));

    std::vector<glm::vec4> torso;
    for (const auto& s : a.torso) torso.emplace_back(s.y_mm, s.half_width_mm, s.half_depth_mm, s.centre_z_mm);
    torso.resize(std::min<std::size_t>(torso.size(), kTorsoMax));
    glUniform4fv(loc(p, "uTorso"), static_cast<GLsizei>(torso.size()), glm::value_ptr(torso[0]));
    glUniform1i(loc(p, "uTorsoCount"), static_cast<GLint>(torso.size()));

    const glm::vec3 c4 = a.at(Level::C4).body_centre_mm;
    const float neck_z = c4.z - 5.0f;
    const float neck_top = a.at(Level::C1).body_centre_mm.y + 10.0f;
    glUniform4f(loc(p, "uNeck"), a.torso.back().y_mm - 60.0f, neck_top, 55.0f, neck_z);
    glUniform1f(loc(p, "uShoulderHalfWidth"), 150.0f);

    std::vector<glm::vec4> path;
    for (const auto& q : a.catheter_path_mm) path.emplace_back(q, 0.0f);
    path.resize(std::min<std::size_t>(path.size(), kCatheterMax));
    std::vector<glm::vec4> chunks;
    for (std::size_t first = 0; first + 1 < path.size(); first += kCatheterChunk) {
        const std::size_t last = std::min(first + kCatheterChunk, path.size() - 1);
        glm::vec3 centre(0.0f);
        for (std::size_t j = first; j <= last; ++j) centre += glm::vec3(path[j]);
        centre /= static_cast<float>(last - first + 1);
        float radius = 0.0f;
        for (std::size_t j = first; j <= last; ++j) radius = std::max(radius, glm::distance(centre, glm::vec3(path[j])));
        chunks.emplace_back(centre, radius + a.catheter_radius_mm);
    }
    glUniform4fv(loc(p, "uCatheter"), static_cast<GLsizei>(path.size()), glm::value_ptr(path[0]));
    glUniform4fv(loc(p, "uCatheterChunks"), static_cast<GLsizei>(chunks.size()), glm::value_ptr(chunks[0]));
    glUniform1i(loc(p, "uCatheterCount"), static_cast<GLint>(path.size()));
    glUniform1f(loc(p, "uCatheterRadius"), a.catheter_radius_mm);

    glUniform3fv(loc(p, "uPumpCentre"), 1, glm::value_ptr(a.pump.centre_mm));
    glUniform3fv(loc(p, "uPumpAxis"), 1, glm::value_ptr(a.pump.axis));
    glUniform4f(loc(p, "uPumpSize"), a.pump.diameter_mm * 0.5f, a.pump.thickness_mm * 0.5f, a.pump.depth_below_skin_mm, 0.0f);

    // The trunk, neck and head, with room for the skin's bulge over the pump.
    float half_width = 0.0f, min_z = 1e9f, max_z = -1e9f;
    for (const auto& s : a.torso) {
        half_width = std::max(half_width, s.half_width_mm);
        min_z = std::min(min_z, s.centre_z_mm - s.half_depth_mm);
        max_z = std::max(max_z, s.centre_z_mm + s.half_depth_mm);
    }
    bounds_min_ = glm::vec3(-half_width - 30.0f, a.torso.front().y_mm - 10.0f, min_z - 30.0f);
    bounds_max_ = glm::vec3(half_width + 60.0f, neck_top + 10.0f, max_z + 40.0f);
    bounds_min_.x = -bounds_max_.x;
    glUniform3fv(loc(p, "uBoundsMin"), 1, glm::value_ptr(bounds_min_));
    glUniform3fv(loc(p, "uBoundsMax"), 1, glm::value_ptr(bounds_max_));
    anatomy_dirty_ = false;
}

bool Renderer::trace(const SceneView& view, int width, int height) {
    if (!anatomy_ || width <= 0 || height <= 0) return false;
    const bool resized = targets_.width() != width || targets_.height() != height;
    if (!resized && !anatomy_dirty_ && last_view_ && *last_view_ == view) return false;
    GLint previous_fbo = 0;  // the caller's target is restored afterwards
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &previous_fbo);
    if (resized) {
        targets_.create(width, height, {{GL_RGBA16F, GL_RGBA, GL_FLOAT}, {GL_RG32UI, GL_RG_INTEGER, GL_UNSIGNED_INT}});
    }
    if (anatomy_dirty_) upload_anatomy();

    const float aspect = static_cast<float>(width) / static_cast<float>(height);
    const glm::mat4 inv_view_proj = glm::inverse(view.camera.projection(aspect) * view.camera.view());
    const glm::vec3 eye = view.camera.eye();
    const GLuint p = trace_program_;
    glUseProgram(p);
    glUniformMatrix4fv(loc(p, "uInvViewProj"), 1, GL_FALSE, glm::value_ptr(inv_view_proj));
    glUniform3fv(loc(p, "uEye"), 1, glm::value_ptr(eye));
    glUniform2f(loc(p, "uResolution"), static_cast<float>(width), static_cast<float>(height));
    glUniform1f(loc(p, "uPixelAngle"), view.camera.fov_y_rad / static_cast<float>(height));
    glUniform1ui(loc(p, "uVisible"), view.visible_mask);
    glUniform1ui(loc(p, "uXray"), view.xray_mask);

    targets_.bind_for_drawing();
    glDisable(GL_BLEND);
    glDisable(GL_DEPTH_TEST);
    glBindVertexArray(vao_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous_fbo));
    last_view_ = view;
    return true;
}

void Renderer::present(int x, int y, int width, int height) const {
    if (!targets_.fbo()) return;
    glViewport(x, y, width, height);
    glDisable(GL_BLEND);
    glDisable(GL_DEPTH_TEST);
    glUseProgram(present_program_);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, targets_.texture(0));
    glUniform1i(loc(present_program_, "uImage"), 0);
    glUniform1f(loc(present_program_, "uExposure"), 1.0f);
    glBindVertexArray(vao_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
}

std::optional<Structure> Renderer::pick(int x, int y) const {
    const auto texel = targets_.read_rg32ui_at(1, x, y);
    if (texel[0] == 0 || texel[0] > kStructureCount) return std::nullopt;
    return static_cast<Structure>(texel[0]);
}

}  // namespace thecaview
