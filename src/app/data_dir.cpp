// Data folder lookup.
#include "app/data_dir.hpp"

#include <cstdlib>
#include <vector>

namespace thecaview {

namespace {
bool has_data(const std::filesystem::path& dir) {
    std::error_code ec;
    return std::filesystem::exists(dir / "shaders" / "surface.frag", ec) &&
           std::filesystem::exists(dir / "assets", ec);
}
}  // namespace

std::optional<std::filesystem::path> find_data_dir(std::string& error) {
    std::vector<std::filesystem::path> tried;
    if (const char* env = std::getenv("THECAVIEW_DATA_DIR"); env && *env) {
        tried.emplace_back(env);
    }
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    // Beside the binary, as built and as installed (bin/../share/thecaview with the usual dirs).
    if (!ec) tried.push_back((exe.parent_path() / THECAVIEW_DATA_FROM_BINDIR).lexically_normal());
    for (const auto& dir : tried) {
        if (has_data(dir)) return dir;
    }
    error = "cannot find Thecaview's shaders and assets; looked in:";
    for (const auto& dir : tried) error.append(" ").append(dir.string());
    error.append(" (set THECAVIEW_DATA_DIR to the folder that holds shaders/ and assets/)");
    return std::nullopt;
}

}  // namespace thecaview
