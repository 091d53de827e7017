// PNG output, written atomically (a temporary file beside the target, then a rename).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/atomic_file.hpp"

namespace thecaview {

// Writes top-down RGBA8 pixels. Returns false and sets `error` when it cannot.
bool write_png_atomically(const std::filesystem::path& file, int width, int height,
                          const std::vector<std::uint8_t>& rgba, std::string& error);

}  // namespace thecaview
