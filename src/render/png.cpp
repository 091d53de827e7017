// libpng's simplified API behind an atomic rename, so a reader never sees half a file.
#include "render/png.hpp"

#include <png.h>

namespace thecaview {

bool write_png_atomically(const std::filesystem::path& file, int width, int height,
                          const std::vector<std::uint8_t>& rgba, std::string& error) {
    if (width <= 0 || height <= 0 || rgba.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4) {
        error = "cannot write " + file.string() + ": " + std::to_string(rgba.size()) + " bytes are not a " +
                std::to_string(width) + "x" + std::to_string(height) + " RGBA image";
        return false;
    }
    std::string message;
    const bool written = write_atomically(
        file,
        [&](const std::filesystem::path& tmp) {
            png_image image{};
            image.version = PNG_IMAGE_VERSION;
            image.width = static_cast<png_uint_32>(width);
            image.height = static_cast<png_uint_32>(height);
            image.format = PNG_FORMAT_RGBA;
            image.flags = PNG_IMAGE_FLAG_FAST;
            const bool ok = png_image_write_to_file(&image, tmp.c_str(), 0, rgba.data(), 0, nullptr) != 0;
            if (!ok) message = image.message;
            png_image_free(&image);
            return ok;
        },
        error);
    if (!written && !message.empty()) error += " (" + message + ")";
    return written;
}

std::optional<PngImage> read_png(const std::filesystem::path& file, std::string& error) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&image, file.c_str())) {
        error = "cannot read " + file.string() + ": " + image.message;
        return std::nullopt;
    }
    image.format = PNG_FORMAT_RGBA;
    PngImage out;
    out.width = static_cast<int>(image.width);
    out.height = static_cast<int>(image.height);
    out.rgba.resize(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, out.rgba.data(), 0, nullptr)) {
        error = "cannot read " + file.string() + ": " + image.message;
        png_image_free(&image);
        return std::nullopt;
    }
    return out;
}

}  // namespace thecaview
