// Writing files atomically: a temporary file beside the target, then a rename, so a reader (or a
// power cut) never sees half a file and an existing file is only ever replaced whole.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace thecaview {

// Calls `write` with a temporary path beside `file` (hidden, with this process's id), then renames
// it over `file`. When `write` returns false or the rename fails, the temporary is removed, `file`
// is left as it was and `error` says why.
bool write_atomically(const std::filesystem::path& file, const std::function<bool(const std::filesystem::path&)>& write,
                      std::string& error);
// Writes text atomically. Returns false and sets `error` when it cannot.
bool write_text_atomically(const std::filesystem::path& file, const std::string& text, std::string& error);

}  // namespace thecaview
