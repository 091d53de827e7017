// The GLFW window with an OpenGL 3.3 core context, and GLFW's lifetime.
#pragma once

#include <memory>
#include <string>

#include "render/gl_context.hpp"

struct GLFWwindow;

namespace thecaview {

struct WindowDesc {
    int width = 1280;
    int height = 720;
    bool visible = true;
    const char* title = "Thecaview";
    bool full_screen = false;  // on `monitor`, at its current video mode, with no decorations
    int monitor = 0;           // index into the connected monitors; the primary when out of range
};

class Window {
public:
    // Initialises GLFW, opens the window, makes its context current and loads GL 3.3 core.
    // On failure returns nullptr and sets `error` to a message a person can act on.
    static std::unique_ptr<Window> open(const WindowDesc& desc, std::string& error);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    [[nodiscard]] GLFWwindow* handle() const { return window_; }
    [[nodiscard]] const GlInfo& gl() const { return gl_; }
    // The display's content scale (1 on a standard-density screen, 2 on a HiDPI one).
    [[nodiscard]] float content_scale() const;
    // Full screen on the monitor (by index) at its current mode, or back to the window it was.
    void set_full_screen(bool on, int monitor);
    [[nodiscard]] bool full_screen() const;
    // Why the monitor asked for was not used (it does not exist); empty when it was.
    [[nodiscard]] const std::string& monitor_note() const { return monitor_note_; }

private:
    Window() = default;
    GLFWwindow* window_ = nullptr;
    GlInfo gl_;
    int windowed_[4] = {64, 64, 1280, 720};  // x, y, width, height to go back to
    std::string monitor_note_;
};

}  // namespace thecaview
