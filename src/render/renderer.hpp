// The scene renderer: uploads the body's meshes with their baked lighting and rasterizes frames:
// opaque structures with their ids, cut faces, see-through layers sorted by nesting, then, while the
// view stays still, jittered samples that anti-alias and the ids of the see-through layers.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <glad/gl.h>

#include "core/anatomy.hpp"
#include "core/geometry/body_meshes.hpp"
#include "core/procedure_pose.hpp"
#include "core/scene_view.hpp"
#include "core/coverage.hpp"
#include "core/structures.hpp"
#include "render/framebuffer.hpp"

namespace thecaview {

// What one call to Renderer::render may do.
struct FrameRequest {
    SceneView view;
    int width = 0;  // the view's size in pixels
    int height = 0;
    bool moving = false;  // the camera or the scene moves: the moving level of detail, one sample
    int samples = 5;      // samples per pixel to gather while the view stays still
};

struct GpuMesh;  // a mesh uploaded to the GPU (renderer.cpp)
enum class Lod : std::uint8_t { moving, full };

class Renderer {
public:
    Renderer();
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    // Builds the shader programs from shader_dir. False with `error` naming file and line.
    bool init(const std::filesystem::path& shader_dir, std::string& error);
    // The anatomy and its meshes (from the cache or freshly baked): uploaded on the next frame.
    void set_anatomy(const Anatomy& anatomy, BodyMeshes meshes);

    // Draws the next frame of the request: a moving frame, or the first or next sample of a still
    // view. Returns false when there was nothing to do (the image for this request is complete).
    bool render(const FrameRequest& request);
    // Whether render(request) would draw anything (a new frame or another sample).
    [[nodiscard]] bool needs_frame(const FrameRequest& request) const;
    // Samples gathered for the current image (0 while it is a moving frame).
    [[nodiscard]] int samples() const { return samples_; }
    // Tone-maps the current image into the bound draw framebuffer, into this viewport
    // (x, y from the bottom-left, as glViewport).
    void present(int x, int y, int width, int height);
    // A constant-cost full-screen pass into the bound framebuffer: the benchmarks' yardstick.
    void draw_flat(int width, int height) const;

    // The structure drawn most at pixel (x, y) of the view, from the top-left; nullopt for the
    // background. Reads one texel of the id target, never the geometry.
    [[nodiscard]] std::optional<Structure> pick(int x, int y) const;
    // Per-pixel ids of the last image, top-down. A moving frame has the opaque structures' only.
    [[nodiscard]] std::vector<PixelIds> read_ids() const;
    // Triangles drawn in the last frame.
    [[nodiscard]] std::size_t triangles_drawn() const { return triangles_drawn_; }
    // GL passes drawn since the renderer started (draws, copies, blits): a frame that draws
    // nothing new leaves it as it was.
    [[nodiscard]] std::size_t passes_drawn() const { return passes_drawn_; }

    // Benchmarks: with timing on, each pass of a frame ends with glFinish and is timed, so that
    // the last frame's passes can be listed with their milliseconds.
    struct PassTime {
        const char* pass;
        double ms;
    };
    void time_passes(bool on) { timing_ = on; }
    [[nodiscard]] const std::vector<PassTime>& pass_times() const { return pass_times_; }

private:
    struct Programs;
    bool ensure_targets(int width, int height);
    [[nodiscard]] bool changed(const FrameRequest& r) const;  // another view, size or anatomy
    void upload();
    void draw_scene(const FrameRequest& r, glm::vec2 jitter);
    void draw_ids(const FrameRequest& r);
    void accumulate(bool add);
    void tone_map(int x, int y, int width, int height);
    void set_backdrop(GLuint program) const;
    void ensure_slot_targets(int width, int height, int targets);
    void set_frame_uniforms(const FrameRequest& r, glm::vec2 jitter);
    GLuint use(int variant) const;  // makes a variant of the surface shader current
    void draw_part(const GpuMesh& mesh, Structure id, const SceneView& view, int pass, bool see_through);
    void mark_caps(const SceneView& view);
    void draw_see_through_cap(const SceneView& view, Structure id, int pass);
    void draw_cap_quad(const SceneView& view, Structure id, int pass, bool translucent);
    static GLint cap_mark(Structure id);
    void update_cap_quad(const SceneView& view);
    void update_moving_parts(const ProcedurePose& pose);
    [[nodiscard]] const GpuMesh* mesh_of(Structure s) const;
    [[nodiscard]] bool see_through(Structure s, const SceneView& view) const;
    [[nodiscard]] bool culled(const GpuMesh& mesh) const;
    void pass_done(const char* pass);

    std::unique_ptr<Programs> programs_;
    GLuint fullscreen_vao_ = 0;
    std::vector<std::unique_ptr<GpuMesh>> meshes_;  // one per structure with a surface
    std::unique_ptr<GpuMesh> catheter_;             // the catheter as far as the procedure has threaded it
    std::unique_ptr<GpuMesh> needle_;
    std::unique_ptr<GpuMesh> table_;                // the operating table, for the lateral pose
    std::unique_ptr<GpuMesh> iv_cannula_, iv_tubing_, iv_bag_;  // the IV line, before surgery
    std::unique_ptr<GpuMesh> cap_quad_;
    Framebuffer scene_;      // 0: linear colour (RGBA16F), 1: the opaque structure (R8UI); shared depth-stencil
    Framebuffer ids_;        // 0: the resolved ids (RGBA32UI: main, mask bits 0-31, bits 32-63)
    Framebuffer sum_;        // 0: the samples' sum (RGBA32F, alpha counts them)
    GLuint image_ = 0;       // the texture to present: scene_'s colour or the sum
    bool ids_resolved_ = false;  // ids_ holds the last image's ids (a still view), else scene_'s opaque ids
    std::uint64_t image_version_ = 0;  // counts the images drawn
    Framebuffer presented_;  // 0: the still image tone-mapped (RGBA8), copied out while it stays
    std::uint64_t presented_image_ = 0, cached_image_ = 0;  // the image last presented, and the one in presented_
    GLuint depth_stencil_ = 0;
    GLuint slots_fbo_ = 0, slots_texture_ = 0;  // the see-through layers' shares (draw_ids): RGBA8 layers
    int slot_targets_ = 0, slots_width_ = 0, slots_height_ = 0;
    std::array<int, kStructureCount + 1> slot_of_{};  // each structure's slot in the ids pass, -1 none
    std::optional<Anatomy> anatomy_;
    BodyMeshes pending_;         // meshes waiting for upload
    bool anatomy_dirty_ = false;
    std::optional<FrameRequest> last_;
    std::optional<ProcedurePose> moving_parts_pose_;
    int samples_ = 0;
    std::size_t triangles_drawn_ = 0;
    std::size_t passes_drawn_ = 0;
    Incisions incisions_;
    glm::vec3 bounds_min_{0.0f}, bounds_max_{0.0f};
    glm::mat4 view_proj_{1.0f};
    Lod lod_ = Lod::full;
    bool timing_ = false;
    std::vector<PassTime> pass_times_;
    double pass_start_ms_ = 0.0;
};

}  // namespace thecaview
