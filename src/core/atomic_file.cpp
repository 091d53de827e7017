// Temporary file plus rename.
#include "core/atomic_file.hpp"

#include <fstream>
#include <system_error>

#include <unistd.h>

namespace thecaview {

bool write_atomically(const std::filesystem::path& file, const std::function<bool(const std::filesystem::path&)>& write,
                      std::string& error) {
    std::string name(".");  // appended, not added: GCC 12 warns falsely (-Wrestrict) on string + at -O2
    name.append(file.filename().string()).append(".tmp").append(std::to_string(::getpid()));
    const auto tmp = file.parent_path() / name;
    std::error_code ec;
    if (!write(tmp)) {
        error = "cannot write " + file.string() + " (is the folder there and writable?)";
        std::filesystem::remove(tmp, ec);
        return false;
    }
    std::filesystem::rename(tmp, file, ec);
    if (ec) {
        error = "cannot write " + file.string() + ": " + ec.message();
        std::filesystem::remove(tmp, ec);
        return false;
    }
    return true;
}

bool write_text_atomically(const std::filesystem::path& file, const std::string& text, std::string& error) {
    return write_atomically(
        file,
        [&text](const std::filesystem::path& tmp) {
            std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
            out << text;
            out.flush();
            return static_cast<bool>(out);
        },
        error);
}

}  // namespace thecaview
