// Off-screen render targets: a framebuffer with one or more texture attachments, and read-back.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include <glad/gl.h>

namespace thecaview {

struct AttachmentDesc {
    GLenum internal_format;  // e.g. GL_RGBA16F, GL_RG32UI, GL_RGBA8
    GLenum format;           // e.g. GL_RGBA, GL_RG_INTEGER
    GLenum type;             // e.g. GL_FLOAT, GL_UNSIGNED_INT
};

class Framebuffer {
public:
    Framebuffer() = default;
    ~Framebuffer();
    Framebuffer(const Framebuffer&) = delete;
    Framebuffer& operator=(const Framebuffer&) = delete;

    // (Re)creates the targets at this size; false when the driver rejects the combination.
    bool create(int width, int height, const std::vector<AttachmentDesc>& attachments);
    void release();
    void bind_for_drawing() const;
    // Attaches a depth-stencil renderbuffer (owned by the caller, shared between framebuffers).
    bool attach_depth_stencil(GLuint renderbuffer) const;

    [[nodiscard]] GLuint fbo() const { return fbo_; }
    [[nodiscard]] GLuint texture(std::size_t i) const { return textures_.at(i); }
    [[nodiscard]] int width() const { return width_; }
    [[nodiscard]] int height() const { return height_; }

    // Top-down RGBA8 pixels of attachment i (which must be RGBA8).
    [[nodiscard]] std::vector<std::uint8_t> read_rgba8(std::size_t i) const;
    // Top-down R8UI pixels of attachment i, and one of them at (x, y) from the top-left.
    [[nodiscard]] std::vector<std::uint8_t> read_r8ui(std::size_t i) const;
    [[nodiscard]] std::uint32_t read_r8ui_at(std::size_t i, int x, int y) const;
    // Top-down RGBA32UI pixels of attachment i, interleaved R, G, B, A.
    [[nodiscard]] std::vector<std::uint32_t> read_rgba32ui(std::size_t i) const;
    // One RGBA32UI texel at (x, y) from the top-left.
    [[nodiscard]] std::array<std::uint32_t, 4> read_rgba32ui_at(std::size_t i, int x, int y) const;

private:
    GLuint fbo_ = 0;
    std::vector<GLuint> textures_;
    int width_ = 0;
    int height_ = 0;
};

}  // namespace thecaview
