// GLSL programs built from files in the shader folder, with #include and a generated prelude.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <glad/gl.h>

namespace thecaview {

// A source file with its #include "name" lines expanded (relative to its folder) and #line
// markers, so compile errors name the real file and line.
struct ExpandedSource {
    std::string text;
    std::vector<std::string> files;  // index = the source-string number in #line markers
    std::string error;               // set when a file could not be read
};

ExpandedSource expand_includes(const std::filesystem::path& file, const std::string& prelude);

// Compiles and links a program; on failure returns 0 and sets `error` to the driver's log
// with file names put back in.
GLuint build_program(const std::filesystem::path& vertex_file, const std::filesystem::path& fragment_file,
                     const std::string& prelude, std::string& error);

}  // namespace thecaview
