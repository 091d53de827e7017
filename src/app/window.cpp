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
// The monitor at `index`, else the primary one (with a note saying so).
GLFWmonitor* monitor_at(int index, std::string& note) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    if (index >= 0 && index < count) return monitors[index];
    note = "monitor " + std::to_string(index) + " is not connected (" + std::to_string(count) +
           " found); using the primary monitor";
    return glfwGetPrimaryMonitor();
}

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
    // GLFW is started once per process and stopped at exit: a window closed and another opened
    // (a test, or a viewer started again) reuse the connection to the display.
    static const bool started = glfwInit() == GLFW_TRUE && std::atexit(glfwTerminate) == 0;
    if (!started) {
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
    GLFWmonitor* monitor = desc.full_screen ? monitor_at(desc.monitor, w->monitor_note_) : nullptr;
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    if (mode) {  // "windowed full screen": the monitor keeps its mode, so nothing flickers
        glfwWindowHint(GLFW_RED_BITS, mode->redBits);
        glfwWindowHint(GLFW_GREEN_BITS, mode->greenBits);
        glfwWindowHint(GLFW_BLUE_BITS, mode->blueBits);
        glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
    }
    w->windowed_[2] = std::max(desc.width, 1);
    w->windowed_[3] = std::max(desc.height, 1);
    w->window_ = glfwCreateWindow(mode ? mode->width : w->windowed_[2], mode ? mode->height : w->windowed_[3], desc.title,
                                  mode ? monitor : nullptr, nullptr);
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
}

void Window::set_full_screen(bool on, int monitor_index) {
    if (on == full_screen()) return;
    if (!on) {
        glfwSetWindowMonitor(window_, nullptr, windowed_[0], windowed_[1], windowed_[2], windowed_[3], GLFW_DONT_CARE);
        return;
    }
    glfwGetWindowPos(window_, &windowed_[0], &windowed_[1]);
    glfwGetWindowSize(window_, &windowed_[2], &windowed_[3]);
    GLFWmonitor* monitor = monitor_at(monitor_index, monitor_note_);
    if (const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr) {
        glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    }
}

bool Window::full_screen() const { return glfwGetWindowMonitor(window_) != nullptr; }

float Window::content_scale() const {
    float x = 1.0f, y = 1.0f;
    glfwGetWindowContentScale(window_, &x, &y);
    return std::clamp(std::max(x, y), 1.0f, 4.0f);
}

}  // namespace thecaview
