// GLFW set-up with clear errors when there is no display or no GL 3.3.
#include "app/window.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>

#include <dlfcn.h>

#include <GLFW/glfw3.h>

namespace thecaview {

namespace {
std::string g_last_glfw_error;  // written by GLFW's error callback, read right after the failing call

void on_glfw_error(int code, const char* description) {
    g_last_glfw_error = "GLFW error " + std::to_string(code) + ": " + (description ? description : "");
}

// Sanitizer builds only: Mesa unloads its DRI driver at exit, after which LeakSanitizer cannot
// name the driver's own leaks and so cannot suppress them. Pinning the loaded driver keeps its
// name on those reports (tests/lsan.supp suppresses them by library name).
void pin_gl_driver_for_leak_reports() {
#ifdef THECAVIEW_SANITIZE
    std::ifstream maps("/proc/self/maps");
    std::set<std::string> drivers;
    for (std::string line; std::getline(maps, line);) {
        const auto slash = line.find('/');
        if (slash != std::string::npos && line.find("/dri/", slash) != std::string::npos) drivers.insert(line.substr(slash));
    }
    for (const auto& path : drivers) dlopen(path.c_str(), RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
#endif
}
}  // namespace

std::unique_ptr<Window> Window::open(const WindowDesc& desc, std::string& error) {
    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) {
        const char* display = std::getenv("DISPLAY");
        error = "cannot start the window system (" + g_last_glfw_error + ")";
        if (!display || !*display) error += "; no DISPLAY is set: run under Xvfb (xvfb-run) for off-screen rendering";
        return nullptr;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, desc.visible ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    std::unique_ptr<Window> w(new Window());
    w->window_ = glfwCreateWindow(std::max(desc.width, 1), std::max(desc.height, 1), desc.title, nullptr, nullptr);
    if (!w->window_) {
        error = "cannot open an OpenGL 3.3 core window (" + g_last_glfw_error +
                "); Thecaview needs OpenGL 3.3, which Mesa's llvmpipe provides (package libgl1-mesa-dri)";
        return nullptr;
    }
    glfwMakeContextCurrent(w->window_);
    auto info = load_gl(glfwGetProcAddress, error);
    if (!info) return nullptr;
    w->gl_ = *info;
    pin_gl_driver_for_leak_reports();
    return w;
}

Window::~Window() {
    if (window_) glfwDestroyWindow(window_);
    glfwTerminate();
}

float Window::content_scale() const {
    float x = 1.0f, y = 1.0f;
    glfwGetWindowContentScale(window_, &x, &y);
    return std::clamp(std::max(x, y), 1.0f, 4.0f);
}

}  // namespace thecaview
