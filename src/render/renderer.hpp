// The scene renderer: uploads the anatomy, ray-traces it into linear colour and object ids, and
// presents the result tone-mapped. Progressive: a moving view is traced once at reduced
// resolution; a still one gathers samples up to a target, then is not traced again.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include <glad/gl.h>

#include "core/anatomy.hpp"
#include "core/camera.hpp"
#include "core/scene_view.hpp"
#include "core/structures.hpp"
#include "render/framebuffer.hpp"

namespace thecaview {

// What one call to Renderer::trace may do.
struct TraceRequest {
    SceneView view;
    int width = 0;   // full-resolution size of the view, in pixels
    int height = 0;
    float scale = 1.0f;  // < 1: a quick preview at this fraction of the size (while moving)
    int samples = 16;    // samples per pixel to gather while the view stays still
    int max_rows = 0;    // > 0: trace at most this many rows of a sample per call (stays responsive)
};

class Renderer {
public:
    Renderer() = default;
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    // Builds the shader programs from shader_dir. False with `error` naming file and line.
    bool init(const std::filesystem::path& shader_dir, std::string& error);
    void set_anatomy(const Anatomy& anatomy);

    // Does at most one trace pass: a preview when the request's scale is below 1, else the
    // first or the next sample (or band of a sample) of a still view. Returns false when there
    // was nothing to do (the image for this request is complete). Until the first full sample
    // is done, the last preview of the same view is what present() shows.
    bool trace(const TraceRequest& request);
    // Samples gathered for the current image (0 while it is a preview).
    [[nodiscard]] int samples() const { return samples_; }
    // Tone-maps the current image into the bound draw framebuffer, into this viewport
    // (x, y from the bottom-left, as glViewport).
    void present(int x, int y, int width, int height) const;
    // A constant-cost full-screen pass into the bound framebuffer: the benchmarks' yardstick.
    void draw_flat(int width, int height) const;

    // The structure drawn most at pixel (x, y) of the view, from the top-left; nullopt for the
    // background. Reads one texel of the id target, never the geometry.
    [[nodiscard]] std::optional<Structure> pick(int x, int y) const;
    // Per-pixel ids of the last full-resolution image, top-down: R (main structure), G (bits).
    [[nodiscard]] std::vector<std::uint32_t> read_ids() const { return targets_.read_rg32ui(1); }

    // Limits shared with the shaders' array sizes.
    static constexpr int kTorsoMax = 32;
    static constexpr int kTubePointMax = 256;
    static constexpr int kChunkMax = 80;
    static constexpr int kChunkPoints = 9;
    static constexpr int kCatheterChunkMax = 16;

private:
    void upload_anatomy();
    void set_view_uniforms(const TraceRequest& request, int traced_width, int traced_height);
    static bool ensure_target(Framebuffer& target, int width, int height);
    void trace_preview(const TraceRequest& r, float scale);
    void run_trace_pass(const TraceRequest& r, Framebuffer& target, int w, int h, int sample, int row0, int row1,
                        bool effects);

    GLuint trace_program_ = 0;
    GLuint present_program_ = 0;
    GLuint flat_program_ = 0;
    GLuint vao_ = 0;
    GLuint scene_ubo_ = 0;
    Framebuffer targets_;  // 0: summed linear colour, alpha = samples (RGBA32F); 1: ids (RG32UI)
    Framebuffer preview_;  // the same, small, for previews while the view moves
    std::optional<Anatomy> anatomy_;
    bool anatomy_dirty_ = true;
    std::optional<SceneView> last_view_;
    float preview_scale_ = 1.0f;
    bool showing_preview_ = false;  // present() shows the preview, not the full image
    int samples_ = 0;    // complete full-resolution samples of the current view
    int rows_done_ = 0;  // rows of the sample in progress
    Incisions incisions_;
    glm::vec3 bounds_min_{0.0f};
    glm::vec3 bounds_max_{0.0f};
};

}  // namespace thecaview
