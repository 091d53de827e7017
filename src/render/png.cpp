// stb_image_write behind an atomic rename, so a reader never sees half a file.
#include "render/png.hpp"

#include <fstream>
#include <system_error>

#include <unistd.h>

#include <stb_image_write.h>

namespace thecaview {

namespace {
std::filesystem::path temporary_beside(const std::filesystem::path& file) {
    return file.parent_path() / ("." + file.filename().string() + ".tmp" + std::to_string(::getpid()));
}

bool commit(const std::filesystem::path& tmp, const std::filesystem::path& file, std::string& error) {
    std::error_code ec;
    std::filesystem::rename(tmp, file, ec);
    if (ec) {
        error = "cannot write " + file.string() + ": " + ec.message();
        std::filesystem::remove(tmp, ec);
        return false;
    }
    return true;
}
}  // namespace

bool write_png_atomically(const std::filesystem::path& file, int width, int height,
                          const std::vector<std::uint8_t>& rgba, std::string& error) {
    const auto tmp = temporary_beside(file);
    if (!stbi_write_png(tmp.c_str(), width, height, 4, rgba.data(), width * 4)) {
        error = "cannot write " + file.string() + " (is the folder there and writable?)";
        std::error_code ec;
        std::filesystem::remove(tmp, ec);
        return false;
    }
    return commit(tmp, file, error);
}

bool write_text_atomically(const std::filesystem::path& file, const std::string& text, std::string& error) {
    const auto tmp = temporary_beside(file);
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out) {
            error = "cannot write " + file.string() + " (is the folder there and writable?)";
            std::error_code ec;
            std::filesystem::remove(tmp, ec);
            return false;
        }
    }
    return commit(tmp, file, error);
}

}  // namespace thecaview
