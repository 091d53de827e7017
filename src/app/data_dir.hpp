// Finds the shaders and assets: beside the binary in the build tree or an installed prefix.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace thecaview {

// THECAVIEW_DATA_DIR if set, else <binary>/../share/thecaview (the layout of both the build tree
// and an installed copy). nullopt with `error` listing where it looked.
std::optional<std::filesystem::path> find_data_dir(std::string& error);

}  // namespace thecaview
