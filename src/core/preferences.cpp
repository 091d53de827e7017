// The classroom state file: read leniently, written atomically.
#include "core/preferences.hpp"

#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/json_input.hpp"

namespace thecaview {

PreferencesLoad parse_preferences(std::string_view text, const std::string& source) {
    PreferencesLoad out;
    JsonReader r(text, source, out.errors);
    const auto doc = r.parse();
    if (!doc) return out;
    if (!doc->is_object()) {
        r.error("", doc->dump(), "the state file is a JSON object; using the defaults");
        return out;
    }
    ClassroomPreferences& p = out.preferences;
    if (const auto it = doc->find("language"); it != doc->end()) {
        if (it->is_string() && (it->get<std::string>().size() == 2 || it->get<std::string>().empty())) p.language = it->get<std::string>();
        else r.error("language", it->dump(), "must be a two-letter language code; using the config's");
    }
    if (const auto it = doc->find("audience"); it != doc->end()) {
        if (*it == "patient") p.audience = Audience::patient;
        else if (*it == "student") p.audience = Audience::student;
        else r.error("audience", it->dump(), "must be \"patient\" or \"student\"; using student");
    }
    p.presenter_font = r.flag_or(*doc, "", "presenter_font", p.presenter_font);
    p.level_markers = r.flag_or(*doc, "", "level_markers", p.level_markers);
    p.structure_labels = r.flag_or(*doc, "", "structure_labels", p.structure_labels);
    return out;
}

PreferencesLoad load_preferences(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return {};
    const auto text = read_text_file(file);
    if (!text) {
        PreferencesLoad out;
        out.errors.push_back({file.string(), 0, "", "", "cannot read the state file; using the defaults"});
        return out;
    }
    return parse_preferences(*text, file.string());
}

std::string preferences_json(const ClassroomPreferences& p) {
    nlohmann::ordered_json doc;
    doc["language"] = p.language;
    doc["audience"] = p.audience == Audience::student ? "student" : "patient";
    doc["presenter_font"] = p.presenter_font;
    doc["level_markers"] = p.level_markers;
    doc["structure_labels"] = p.structure_labels;
    return doc.dump(2) + "\n";
}

bool save_preferences(const std::filesystem::path& file, const ClassroomPreferences& p, std::string& error) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    return write_text_atomically(file, preferences_json(p), error);
}

}  // namespace thecaview
