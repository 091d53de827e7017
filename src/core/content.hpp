// Procedure content: the steps of the story, loaded from JSON and validated.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace thecaview {

struct ProcedureStep {
    std::string id;       // stable, kebab-case
    std::string title;
    std::string caption;  // plain words for patients
    std::string view;     // a named view
};

struct ProcedureContent {
    std::string language = "en";
    std::string version;
    std::vector<ProcedureStep> steps;
};

struct ContentLoad {
    ProcedureContent content;
    InputErrors errors;  // empty when the file was used as it is
    bool used_built_in = false;
};

// Parses steps JSON text. `source` names it in errors; `known_views` are the valid view names.
ContentLoad parse_procedure(std::string_view json_text, const std::string& source,
                            const std::vector<std::string>& known_views);

// Loads a steps file; when it is missing or broken, reports why and falls back to the
// built-in English steps (the shipped file, compiled in).
ContentLoad load_procedure(const std::filesystem::path& file, const std::vector<std::string>& known_views);

// The shipped English steps, compiled in at build time.
std::string_view built_in_procedure_json();

}  // namespace thecaview
