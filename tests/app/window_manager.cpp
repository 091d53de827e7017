// Sends X11 client messages to a GLFW window, as a window manager would.
#include "window_manager.hpp"

#include <algorithm>

#define GLFW_EXPOSE_NATIVE_X11
#include <GLFW/glfw3.h>
#include <GLFW/glfw3native.h>
#include <X11/Xutil.h>

namespace thecaview::testing {

void send_close_request(GLFWwindow* window) {
    Display* display = glfwGetX11Display();
    XEvent event{};
    event.xclient.type = ClientMessage;
    event.xclient.window = glfwGetX11Window(window);
    event.xclient.message_type = XInternAtom(display, "WM_PROTOCOLS", False);
    event.xclient.format = 32;
    event.xclient.data.l[0] = static_cast<long>(XInternAtom(display, "WM_DELETE_WINDOW", False));
    event.xclient.data.l[1] = CurrentTime;
    XSendEvent(display, glfwGetX11Window(window), False, NoEventMask, &event);
    XFlush(display);
}

int brightest_on_screen(GLFWwindow* window) {
    Display* display = glfwGetX11Display();
    XWindowAttributes attributes{};
    XGetWindowAttributes(display, glfwGetX11Window(window), &attributes);
    XImage* image = XGetImage(display, glfwGetX11Window(window), 0, 0, static_cast<unsigned>(attributes.width),
                              static_cast<unsigned>(attributes.height), AllPlanes, ZPixmap);
    if (!image) return -1;
    int best = 0;
    for (int y = 0; y < attributes.height; ++y) {
        for (int x = 0; x < attributes.width; ++x) {
            const unsigned long p = XGetPixel(image, x, y);
            for (int shift : {0, 8, 16}) best = std::max(best, static_cast<int>((p >> shift) & 0xFF));
        }
    }
    XDestroyImage(image);
    return best;
}

}  // namespace thecaview::testing
