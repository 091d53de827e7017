// The scene renderer: uploads the anatomy, ray-traces it into linear colour and object ids, and
// presents the result tone-mapped. Re-traces only when what it would draw has changed.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include <glad/gl.h>

#include "core/anatomy.hpp"
#include "core/camera.hpp"
#include "core/structures.hpp"
#include "render/framebuffer.hpp"

namespace thecaview {

// Everything a traced frame depends on besides the anatomy.
struct SceneView {
    OrbitCamera camera;
    std::uint32_t visible_mask = all_structures_mask();
    std::uint32_t xray_mask = 0;
    bool operator==(const SceneView&) const = default;
};

class Renderer {
public:
    // Limits shared with the shaders' array sizes.
    static constexpr int kTorsoMax = 12;
    static constexpr int kCatheterMax = 96;
    static constexpr int kCatheterChunk = 8;

    Renderer() = default;
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    // Builds the shader programs from shader_dir. False with `error` naming file and line.
    bool init(const std::filesystem::path& shader_dir, std::string& error);
    void set_anatomy(const Anatomy& anatomy);

    // Traces the view at this size unless it was the last thing traced. Returns whether it traced.
    bool trace(const SceneView& view, int width, int height);
    // Tone-maps the last traced image into the bound draw framebuffer, into this viewport
    // (x, y from the bottom-left, as glViewport).
    void present(int x, int y, int width, int height) const;

    // The structure drawn most at pixel (x, y) from the top-left; nullopt for the background.
    [[nodiscard]] std::optional<Structure> pick(int x, int y) const;
    // Per-pixel ids of the last traced image, top-down: R (main structure), G (visibility bits).
    [[nodiscard]] std::vector<std::uint32_t> read_ids() const { return targets_.read_rg32ui(1); }
    [[nodiscard]] int traced_width() const { return targets_.width(); }
    [[nodiscard]] int traced_height() const { return targets_.height(); }

private:
    void upload_anatomy();

    GLuint trace_program_ = 0;
    GLuint present_program_ = 0;
    GLuint vao_ = 0;
    Framebuffer targets_;  // 0: linear colour (RGBA16F), 1: ids (RG32UI)
    std::optional<Anatomy> anatomy_;
    bool anatomy_dirty_ = true;
    std::optional<SceneView> last_view_;
    glm::vec3 bounds_min_{0.0f};
    glm::vec3 bounds_max_{0.0f};
};

}  // namespace thecaview
