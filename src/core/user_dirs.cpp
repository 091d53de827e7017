// XDG folders: state and pictures.
#include "core/user_dirs.hpp"

#include <cstdlib>
#include <sstream>
#include <string>

#include "core/json_input.hpp"

namespace thecaview {

namespace {
std::filesystem::path env_path(const char* name) {
    const char* v = std::getenv(name);
    return v && *v ? std::filesystem::path(v) : std::filesystem::path();
}

std::filesystem::path home_dir() {
    auto home = env_path("HOME");
    return home.empty() ? std::filesystem::temp_directory_path() : home;
}
}  // namespace

std::filesystem::path state_dir() {
    const auto xdg = env_path("XDG_STATE_HOME");
    return (xdg.empty() ? home_dir() / ".local" / "state" : xdg) / "thecaview";
}

std::filesystem::path cache_dir() {
    const auto xdg = env_path("XDG_CACHE_HOME");
    return (xdg.empty() ? home_dir() / ".cache" : xdg) / "thecaview";
}

std::filesystem::path user_dir_from(std::string_view text, std::string_view name, const std::filesystem::path& home) {
    std::istringstream lines{std::string(text)};
    const std::string key = std::string(name) + "=";
    for (std::string line; std::getline(lines, line);) {
        if (!line.starts_with(key)) continue;
        std::string value = line.substr(key.size());
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        if (value.starts_with("$HOME")) return home / std::filesystem::path(value.substr(5)).relative_path();
        if (value.starts_with('/')) return value;
        return {};
    }
    return {};
}

namespace {
std::filesystem::path user_dir(std::string_view key, const char* fallback) {
    const auto home = home_dir();
    auto config = env_path("XDG_CONFIG_HOME");
    if (config.empty()) config = home / ".config";
    if (const auto text = read_text_file(config / "user-dirs.dirs")) {
        if (auto dir = user_dir_from(*text, key, home); !dir.empty() && dir != home) return dir;
    }
    return home / fallback;
}
}  // namespace

std::filesystem::path pictures_dir() { return user_dir("XDG_PICTURES_DIR", "Pictures"); }
std::filesystem::path documents_dir() { return user_dir("XDG_DOCUMENTS_DIR", "Documents"); }

}  // namespace thecaview
