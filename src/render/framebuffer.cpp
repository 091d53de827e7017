// Framebuffer creation and pixel read-back (flipped to top-down rows).
#include "render/framebuffer.hpp"

#include <algorithm>
#include <cstring>

namespace thecaview {

namespace {
template <typename T>
void flip_rows(std::vector<T>& pixels, std::size_t row_elements, int height) {
    std::vector<T> row(row_elements);
    for (int y = 0; y < height / 2; ++y) {
        auto* a = pixels.data() + static_cast<std::size_t>(y) * row_elements;
        auto* b = pixels.data() + static_cast<std::size_t>(height - 1 - y) * row_elements;
        std::memcpy(row.data(), a, row_elements * sizeof(T));
        std::memcpy(a, b, row_elements * sizeof(T));
        std::memcpy(b, row.data(), row_elements * sizeof(T));
    }
}
}  // namespace

Framebuffer::~Framebuffer() { release(); }

void Framebuffer::release() {
    if (!textures_.empty()) glDeleteTextures(static_cast<GLsizei>(textures_.size()), textures_.data());
    if (fbo_) glDeleteFramebuffers(1, &fbo_);
    textures_.clear();
    fbo_ = 0;
    width_ = height_ = 0;
}

bool Framebuffer::create(int width, int height, const std::vector<AttachmentDesc>& attachments) {
    release();
    width_ = width;
    height_ = height;
    glGenFramebuffers(1, &fbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    textures_.resize(attachments.size());
    glGenTextures(static_cast<GLsizei>(textures_.size()), textures_.data());
    std::vector<GLenum> draw_buffers;
    for (std::size_t i = 0; i < attachments.size(); ++i) {
        const auto& a = attachments[i];
        glBindTexture(GL_TEXTURE_2D, textures_[i]);
        glTexImage2D(GL_TEXTURE_2D, 0, static_cast<GLint>(a.internal_format), width, height, 0, a.format, a.type, nullptr);
        const bool integer = a.format == GL_RG_INTEGER || a.format == GL_RGBA_INTEGER || a.format == GL_RED_INTEGER;
        const GLint filter = integer ? GL_NEAREST : GL_LINEAR;
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        const auto attachment = static_cast<GLenum>(GL_COLOR_ATTACHMENT0 + i);
        glFramebufferTexture2D(GL_FRAMEBUFFER, attachment, GL_TEXTURE_2D, textures_[i], 0);
        draw_buffers.push_back(attachment);
    }
    glDrawBuffers(static_cast<GLsizei>(draw_buffers.size()), draw_buffers.data());
    const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glBindTexture(GL_TEXTURE_2D, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (!complete) release();
    return complete;
}

bool Framebuffer::attach_depth_stencil(GLuint renderbuffer) const {
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, renderbuffer);
    const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return complete;
}

void Framebuffer::bind_for_drawing() const {
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glViewport(0, 0, width_, height_);
}

// Reads attachment i as `components` values of T per pixel, flipped to top-down rows.
template <typename T>
std::vector<T> read_attachment(GLuint fbo, std::size_t i, int width, int height, int components, GLenum format,
                               GLenum type) {
    std::vector<T> pixels(static_cast<std::size_t>(width) * height * components);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
    glReadBuffer(static_cast<GLenum>(GL_COLOR_ATTACHMENT0 + i));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, format, type, pixels.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    flip_rows(pixels, static_cast<std::size_t>(width) * components, height);
    return pixels;
}

std::vector<std::uint8_t> Framebuffer::read_rgba8(std::size_t i) const {
    return read_attachment<std::uint8_t>(fbo_, i, width_, height_, 4, GL_RGBA, GL_UNSIGNED_BYTE);
}

std::vector<std::uint8_t> Framebuffer::read_r8ui(std::size_t i) const {
    return read_attachment<std::uint8_t>(fbo_, i, width_, height_, 1, GL_RED_INTEGER, GL_UNSIGNED_BYTE);
}

std::uint32_t Framebuffer::read_r8ui_at(std::size_t i, int x, int y) const {
    if (x < 0 || y < 0 || x >= width_ || y >= height_) return 0;
    std::uint8_t texel = 0;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
    glReadBuffer(static_cast<GLenum>(GL_COLOR_ATTACHMENT0 + i));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(x, height_ - 1 - y, 1, 1, GL_RED_INTEGER, GL_UNSIGNED_BYTE, &texel);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    return texel;
}

std::vector<std::uint32_t> Framebuffer::read_rgba32ui(std::size_t i) const {
    return read_attachment<std::uint32_t>(fbo_, i, width_, height_, 4, GL_RGBA_INTEGER, GL_UNSIGNED_INT);
}

std::array<std::uint32_t, 4> Framebuffer::read_rgba32ui_at(std::size_t i, int x, int y) const {
    std::array<std::uint32_t, 4> texel{};
    if (x < 0 || y < 0 || x >= width_ || y >= height_) return texel;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
    glReadBuffer(static_cast<GLenum>(GL_COLOR_ATTACHMENT0 + i));
    glReadPixels(x, height_ - 1 - y, 1, 1, GL_RGBA_INTEGER, GL_UNSIGNED_INT, texel.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    return texel;
}

}  // namespace thecaview
