// PNG output, written atomically (a temporary file beside the target, then a rename).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace thecaview {

// Writes top-down RGBA8 pixels. Returns false and sets `error` when it cannot.
bool write_png_atomically(const std::filesystem::path& file, int width, int height,
                          const std::vector<std::uint8_t>& rgba, std::string& error);

// Writes text the same way (used for JSON outputs the user asked for).
bool write_text_atomically(const std::filesystem::path& file, const std::string& text, std::string& error);

}  // namespace thecaview
