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
// The value of XDG_PICTURES_DIR in a user-dirs.dirs text, with $HOME expanded; empty when absent.
std::filesystem::path pictures_dir_from(std::string_view user_dirs_text, const std::filesystem::path& home);

}  // namespace thecaview
