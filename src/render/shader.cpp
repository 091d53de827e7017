// Shader loading: include expansion, compilation, linking, readable errors.
#include "render/shader.hpp"

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

namespace thecaview {

namespace {

bool read_file(const std::filesystem::path& file, std::string& out) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return false;
    std::stringstream buffer;
    buffer << in.rdbuf();
    out = buffer.str();
    return true;
}

void expand_into(const std::filesystem::path& file, ExpandedSource& out, int depth) {
    std::string text;
    if (!read_file(file, text)) {
        out.error = "cannot read shader file " + file.string();
        return;
    }
    if (depth > 8) {
        out.error = "shader includes nest too deeply at " + file.string();
        return;
    }
    const int index = static_cast<int>(out.files.size());
    out.files.push_back(file.filename().string());
    std::istringstream lines(text);
    std::string line;
    int number = 0;
    out.text += "#line 1 " + std::to_string(index) + "\n";
    static const std::regex include_re(R"(^\s*#include\s+"([^"]+)\"\s*$)");
    while (std::getline(lines, line)) {
        ++number;
        std::smatch m;
        if (std::regex_match(line, m, include_re)) {
            expand_into(file.parent_path() / m[1].str(), out, depth + 1);
            if (!out.error.empty()) return;
            out.text += "#line " + std::to_string(number + 1) + " " + std::to_string(index) + "\n";
        } else {
            out.text += line + "\n";
        }
    }
}

// Mesa writes "0:12(3): error ..."; other drivers "ERROR: 0:12: ...". Put the file name back.
std::string name_files(const std::string& log, const std::vector<std::string>& files) {
    std::string out = log;
    for (std::size_t i = files.size(); i-- > 0;) {
        const std::regex re("(^|[\\s:])" + std::to_string(i) + ":(\\d+)");
        out = std::regex_replace(out, re, "$1" + files[i] + ":$2");
    }
    return out;
}

// The info log of a shader or program, through the matching pair of GL getters.
template <typename GetIv, typename GetLog>
std::string info_log(GLuint object, GetIv get_iv, GetLog get_log) {
    GLint length = 0;
    get_iv(object, GL_INFO_LOG_LENGTH, &length);
    std::string log(static_cast<std::size_t>(std::max(length, 1)), '\0');
    get_log(object, length, nullptr, log.data());
    return log.c_str();
}

GLuint compile(GLenum stage, const ExpandedSource& src, std::string& error) {
    const GLuint shader = glCreateShader(stage);
    const char* text = src.text.c_str();
    glShaderSource(shader, 1, &text, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        error = name_files(info_log(shader, glGetShaderiv, glGetShaderInfoLog), src.files);
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

}  // namespace

ExpandedSource expand_includes(const std::filesystem::path& file, const std::string& prelude) {
    ExpandedSource out;
    out.text = "#version 330 core\n" + prelude;
    expand_into(file, out, 0);
    return out;
}

GLuint build_program(const std::filesystem::path& vertex_file, const std::filesystem::path& fragment_file,
                     const std::string& prelude, std::string& error) {
    const ExpandedSource vs_src = expand_includes(vertex_file, prelude);
    const ExpandedSource fs_src = expand_includes(fragment_file, prelude);
    for (const auto* s : {&vs_src, &fs_src}) {
        if (!s->error.empty()) {
            error = s->error;
            return 0;
        }
    }
    const GLuint vs = compile(GL_VERTEX_SHADER, vs_src, error);
    if (!vs) return 0;
    const GLuint fs = compile(GL_FRAGMENT_SHADER, fs_src, error);
    if (!fs) {
        glDeleteShader(vs);
        return 0;
    }
    const GLuint program = glCreateProgram();
    glAttachShader(program, vs);
    glAttachShader(program, fs);
    glLinkProgram(program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (!ok) {
        error = "linking " + fragment_file.filename().string() + ": " + info_log(program, glGetProgramiv, glGetProgramInfoLog);
        glDeleteProgram(program);
        return 0;
    }
    return program;
}

}  // namespace thecaview
