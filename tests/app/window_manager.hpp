// What a window manager would send, for tests (kept apart: Xlib's macros clash with GoogleTest).
#pragma once

struct GLFWwindow;

namespace thecaview::testing {

// The close request a window manager sends for the close button or Alt+F4 (WM_DELETE_WINDOW).
void send_close_request(GLFWwindow* window);

// The brightest colour channel (0 to 255) of what the X server shows in the window now.
int brightest_on_screen(GLFWwindow* window);

}  // namespace thecaview::testing
