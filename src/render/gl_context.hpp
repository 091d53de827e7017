// Loads the OpenGL 3.3 core entry points through glad and checks what the driver offers.
#pragma once

#include <optional>
#include <string>

#include <glad/gl.h>

namespace thecaview {

struct GlInfo {
    int major = 0;
    int minor = 0;
    std::string renderer;
    std::string version;
};

// Loads GL with the given loader (e.g. glfwGetProcAddress) into the current context.
// Returns the driver's description, or nullopt with `error` set when GL 3.3 core is not there.
std::optional<GlInfo> load_gl(GLADloadfunc loader, std::string& error);

// The pending GL errors as text ("GL_INVALID_OPERATION ..."), empty when there are none.
std::string drain_gl_errors();

}  // namespace thecaview
