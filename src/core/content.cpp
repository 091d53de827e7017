// Loads and validates procedure steps; errors name file, line, field and value.
#include "core/content.hpp"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "core/json_input.hpp"

namespace thecaview {

namespace {

using nlohmann::json;

struct StepReader {
    std::string_view text;
    const std::string& source;
    InputErrors& errors;

    std::string field(const json& step, std::size_t index, const char* name) {
        const std::string path = "steps[" + std::to_string(index) + "]." + name;
        const auto it = step.find(name);
        if (it == step.end()) {
            errors.push_back({source, 0, path, "", "missing; every step needs one"});
            return {};
        }
        if (!it->is_string() || it->get<std::string>().empty()) {
            errors.push_back({source, 0, path, it->dump(), "must be a non-empty string"});
            return {};
        }
        return it->get<std::string>();
    }
};

}  // namespace

ContentLoad parse_procedure(std::string_view json_text, const std::string& source,
                            const std::vector<std::string>& known_views) {
    ContentLoad out;
    json doc;
    try {
        doc = json::parse(json_text);
    } catch (const json::parse_error& e) {
        out.errors.push_back({source, line_of(json_text, e.byte == 0 ? 0 : e.byte - 1), "", "",
                              std::string("not valid JSON: ") + e.what()});
        return out;
    }
    if (!doc.is_object() || !doc.contains("steps") || !doc["steps"].is_array() || doc["steps"].empty()) {
        out.errors.push_back({source, 1, "steps", "", "expected an object with a non-empty \"steps\" array"});
        return out;
    }
    out.content.language = doc.value("language", std::string("en"));
    out.content.version = doc.value("version", std::string());
    StepReader reader{json_text, source, out.errors};
    std::set<std::string> ids;
    for (std::size_t i = 0; i < doc["steps"].size(); ++i) {
        const json& s = doc["steps"][i];
        if (!s.is_object()) {
            out.errors.push_back({source, 0, "steps[" + std::to_string(i) + "]", s.dump(), "must be an object"});
            continue;
        }
        ProcedureStep step{reader.field(s, i, "id"), reader.field(s, i, "title"), reader.field(s, i, "caption"),
                           reader.field(s, i, "view")};
        const std::string where = "steps[" + std::to_string(i) + "].";
        if (!step.id.empty() && !ids.insert(step.id).second) {
            out.errors.push_back({source, line_of_value(json_text, "id", step.id), where + "id", step.id,
                                  "duplicate id; each step needs its own"});
        }
        if (!step.view.empty() && std::find(known_views.begin(), known_views.end(), step.view) == known_views.end()) {
            out.errors.push_back({source, line_of_value(json_text, "view", step.view), where + "view", step.view,
                                  "unknown view"});
        }
        out.content.steps.push_back(std::move(step));
    }
    // Field errors found by the reader get their line from the step's id where possible.
    for (auto& e : out.errors) {
        if (e.line == 0 && !e.value.empty()) e.line = line_of_value(json_text, e.field.substr(e.field.rfind('.') + 1), e.value);
    }
    return out;
}

ContentLoad load_procedure(const std::filesystem::path& file, const std::vector<std::string>& known_views) {
    ContentLoad out;
    const auto text = read_text_file(file);
    if (!text) {
        out.errors.push_back({file.string(), 0, "", "", "cannot open the content file; using the built-in English steps"});
    } else {
        out = parse_procedure(*text, file.string(), known_views);
        if (out.errors.empty()) return out;
    }
    ContentLoad fallback = parse_procedure(built_in_procedure_json(), "<built-in>", known_views);
    fallback.errors.insert(fallback.errors.begin(), out.errors.begin(), out.errors.end());
    fallback.used_built_in = true;
    return fallback;
}

}  // namespace thecaview
