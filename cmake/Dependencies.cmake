# Finds every third-party dependency; each one that is missing names its Debian package, the one
# scripts/packages.txt (the install list) holds it under.

# thecaview_packages(<group> <out-var>): the packages of one group of scripts/packages.txt, as a list.
function(thecaview_packages group out)
  file(STRINGS ${CMAKE_SOURCE_DIR}/scripts/packages.txt lines)
  set(current "")
  set(packages "")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "#.*" "" line "${line}")
    string(STRIP "${line}" line)
    if(line MATCHES "^\\[(.*)\\]$")
      set(current "${CMAKE_MATCH_1}")
    elseif(current STREQUAL group AND NOT line STREQUAL "")
      string(REGEX REPLACE "[ \t]+" ";" words "${line}")
      list(APPEND packages ${words})
    endif()
  endforeach()
  if(NOT packages)
    message(FATAL_ERROR "scripts/packages.txt has no packages in the group [${group}]")
  endif()
  set(${out} ${packages} PARENT_SCOPE)
endfunction()

find_package(PkgConfig QUIET)
if(NOT PkgConfig_FOUND)
  message(FATAL_ERROR "pkg-config not found: install the Debian package 'pkg-config'")
endif()

# thecaview_require(<what> <debian-package> <found-variable>)
function(thecaview_require what package found)
  if(NOT ${found})
    message(FATAL_ERROR "${what} not found: install the Debian package '${package}' "
                        "(apt-get install ${package}); scripts/run and scripts/test install what they "
                        "need from the list in scripts/packages.txt")
  endif()
endfunction()

# libGL itself (libgl1), not GLVND's libOpenGL: the same link whether or not libopengl-dev happens
# to be installed where the .deb is built, so its Depends (the run group) always hold.
set(OpenGL_GL_PREFERENCE LEGACY)
find_package(OpenGL QUIET)
thecaview_require("OpenGL" "libgl-dev" OpenGL_OpenGL_FOUND)

find_package(glfw3 3.3 QUIET)
thecaview_require("GLFW 3.3" "libglfw3-dev" glfw3_FOUND)

find_package(glm QUIET)
thecaview_require("GLM" "libglm-dev" glm_FOUND)

find_package(meshoptimizer QUIET)
thecaview_require("meshoptimizer" "libmeshoptimizer-dev" meshoptimizer_FOUND)

find_package(Threads REQUIRED)

find_package(CLI11 QUIET)
thecaview_require("CLI11" "libcli11-dev" CLI11_FOUND)

find_package(nlohmann_json 3 QUIET)
thecaview_require("nlohmann-json" "nlohmann-json3-dev" nlohmann_json_FOUND)

pkg_check_modules(PNG QUIET IMPORTED_TARGET libpng)
thecaview_require("libpng" "libpng-dev" PNG_FOUND)

# The handout: Pango on Cairo's PDF surface.
pkg_check_modules(PANGOCAIRO QUIET IMPORTED_TARGET pangocairo)
thecaview_require("Pango with Cairo (pangocairo.pc)" "libpango1.0-dev" PANGOCAIRO_FOUND)
pkg_check_modules(CAIRO_PDF QUIET IMPORTED_TARGET cairo-pdf)
thecaview_require("Cairo's PDF surface (cairo-pdf.pc)" "libcairo2-dev" CAIRO_PDF_FOUND)

# Debian's imgui.pc omits GLFW, GL and the backends folder; they are added here.
pkg_check_modules(IMGUI QUIET IMPORTED_TARGET imgui)
thecaview_require("Dear ImGui" "libimgui-dev" IMGUI_FOUND)
find_path(IMGUI_BACKENDS_DIR imgui_impl_opengl3.h PATHS ${IMGUI_INCLUDE_DIRS}/backends
          PATH_SUFFIXES imgui/backends NO_CACHE)
thecaview_require("Dear ImGui's GLFW and OpenGL3 backends" "libimgui-dev" IMGUI_BACKENDS_DIR)
add_library(thecaview_imgui INTERFACE)
target_include_directories(thecaview_imgui SYSTEM INTERFACE ${IMGUI_INCLUDE_DIRS} ${IMGUI_BACKENDS_DIR})
target_link_libraries(thecaview_imgui INTERFACE PkgConfig::IMGUI glfw OpenGL::GL ${CMAKE_DL_LIBS})

if(THECAVIEW_TESTS)
  find_package(GTest QUIET)
  thecaview_require("GoogleTest" "libgtest-dev" GTest_FOUND)
  find_package(benchmark QUIET)
  thecaview_require("Google Benchmark" "libbenchmark-dev" benchmark_FOUND)
  # The viewer tests read the X11 window through GLFW's glfw3native.h, which includes Xlib.h and
  # the RandR extension's header: neither comes with libglfw3-dev.
  pkg_check_modules(X11 QUIET IMPORTED_TARGET x11)
  thecaview_require("Xlib (x11.pc)" "libx11-dev" X11_FOUND)
  find_path(THECAVIEW_XRANDR_INCLUDE X11/extensions/Xrandr.h NO_CACHE)
  thecaview_require("X11/extensions/Xrandr.h (read by GLFW/glfw3native.h)" "libxrandr-dev"
                    THECAVIEW_XRANDR_INCLUDE)
endif()

find_program(GLAD_EXECUTABLE glad PATHS /usr/bin NO_DEFAULT_PATH)
find_program(GLAD_EXECUTABLE glad)
thecaview_require("The glad loader generator" "python3-glad" GLAD_EXECUTABLE)
