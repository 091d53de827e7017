// The user's folders as the XDG base-directory and user-dirs specifications name them.
#pragma once

#include <filesystem>
#include <string_view>

namespace thecaview {

// $XDG_STATE_HOME/thecaview, else ~/.local/state/thecaview (the state file and the log).
std::filesystem::path state_dir();
// $XDG_CACHE_HOME/thecaview, else ~/.cache/thecaview (meshes and baked lighting).
std::filesystem::path cache_dir();
// The pictures folder: XDG_PICTURES_DIR from ~/.config/user-dirs.dirs, else ~/Pictures.
std::filesystem::path pictures_dir();
// The documents folder (handouts): XDG_DOCUMENTS_DIR from ~/.config/user-dirs.dirs, else ~/Documents.
std::filesystem::path documents_dir();
// The value of `key` (e.g. XDG_PICTURES_DIR) in a user-dirs.dirs text, with $HOME expanded; empty when absent.
std::filesystem::path user_dir_from(std::string_view user_dirs_text, std::string_view key, const std::filesystem::path& home);
inline std::filesystem::path pictures_dir_from(std::string_view user_dirs_text, const std::filesystem::path& home) {
    return user_dir_from(user_dirs_text, "XDG_PICTURES_DIR", home);
}

}  // namespace thecaview
