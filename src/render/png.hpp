// PNG files through libpng: written atomically (a temporary file beside the target, then a
// rename), and read back (the tests look at what was written).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/atomic_file.hpp"

namespace thecaview {

// Writes top-down RGBA8 pixels, fast rather than small (libpng's fast flag: about 11 ms for a
// 1280x720 frame, where the default deflate takes 48 ms). Returns false and sets `error` when it
// cannot.
bool write_png_atomically(const std::filesystem::path& file, int width, int height,
                          const std::vector<std::uint8_t>& rgba, std::string& error);

struct PngImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;  // top-down, 4 bytes a pixel
};

// Any PNG as RGBA8, or nothing with `error` set (libpng's message).
std::optional<PngImage> read_png(const std::filesystem::path& file, std::string& error);

}  // namespace thecaview
