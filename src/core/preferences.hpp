// What the classroom window remembers between runs (language, level, presenter font, labels),
// kept in its own state file: the config is never rewritten. Written atomically.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/content.hpp"
#include "core/error.hpp"

namespace thecaview {

struct ClassroomPreferences {
    std::string language;                   // empty: the config's
    Audience audience = Audience::student;  // the classroom starts at the student level
    bool presenter_font = false;            // larger type for a projector
    bool level_markers = false;
    bool structure_labels = false;
    bool operator==(const ClassroomPreferences&) const = default;
};

struct PreferencesLoad {
    ClassroomPreferences preferences;
    InputErrors errors;  // a bad field keeps its default; a missing file is not an error
};

PreferencesLoad parse_preferences(std::string_view text, const std::string& source);
PreferencesLoad load_preferences(const std::filesystem::path& file);
std::string preferences_json(const ClassroomPreferences& p);
// Creates the folder when needed; never leaves a half-written file.
bool save_preferences(const std::filesystem::path& file, const ClassroomPreferences& p, std::string& error);

}  // namespace thecaview
