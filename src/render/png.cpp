// stb_image_write behind an atomic rename, so a reader never sees half a file.
#include "render/png.hpp"

#include <stb_image_write.h>

namespace thecaview {

bool write_png_atomically(const std::filesystem::path& file, int width, int height,
                          const std::vector<std::uint8_t>& rgba, std::string& error) {
    return write_atomically(
        file,
        [&](const std::filesystem::path& tmp) {
            return stbi_write_png(tmp.c_str(), width, height, 4, rgba.data(), width * 4) != 0;
        },
        error);
}

}  // namespace thecaview
