// glad loading and GL error reporting.
#include "render/gl_context.hpp"

namespace thecaview {

std::optional<GlInfo> load_gl(GLADloadfunc loader, std::string& error) {
    const int version = gladLoadGL(loader);
    if (version == 0) {
        error = "could not load OpenGL functions (is an OpenGL driver installed?)";
        return std::nullopt;
    }
    GlInfo info;
    info.major = GLAD_VERSION_MAJOR(version);
    info.minor = GLAD_VERSION_MINOR(version);
    const auto text = [](GLenum name) {
        const auto* s = reinterpret_cast<const char*>(glGetString(name));
        return std::string(s ? s : "unknown");
    };
    info.renderer = text(GL_RENDERER);
    info.version = text(GL_VERSION);
    if (info.major < 3 || (info.major == 3 && info.minor < 3)) {
        error = "OpenGL 3.3 core is required, but the driver offers " + info.version + " on " + info.renderer;
        return std::nullopt;
    }
    return info;
}

std::string drain_gl_errors() {
    std::string out;
    for (GLenum e = glGetError(); e != GL_NO_ERROR; e = glGetError()) {
        const char* name = "unknown GL error";
        switch (e) {
            case GL_INVALID_ENUM: name = "GL_INVALID_ENUM"; break;
            case GL_INVALID_VALUE: name = "GL_INVALID_VALUE"; break;
            case GL_INVALID_OPERATION: name = "GL_INVALID_OPERATION"; break;
            case GL_INVALID_FRAMEBUFFER_OPERATION: name = "GL_INVALID_FRAMEBUFFER_OPERATION"; break;
            case GL_OUT_OF_MEMORY: name = "GL_OUT_OF_MEMORY"; break;
            default: break;
        }
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}

}  // namespace thecaview
