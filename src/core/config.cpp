// Reads and checks the config; each bad field keeps its default.
#include "core/config.hpp"

#include <algorithm>
#include <cmath>
#include <cctype>
#include <cstdlib>
#include <set>

#include <nlohmann/json.hpp>

#include "core/json_input.hpp"

namespace thecaview {

namespace {

using nlohmann::json;

const std::set<std::string> kKeys{"mode", "language", "idle_timeout_s", "pin", "monitor", "opening_hours",
                                  "font_scale", "theme", "reduced_motion", "samples", "skin_tone", "body", "care_team_name",
                                  "care_team_phone", "after_hours_phone", "emergency_phone", "printer_command"};

// A phone number as people write it: digits with spaces, +, -, dots, slashes and brackets, at
// least three digits (an emergency number such as 112 or 911), at most 32 characters.
bool phone_like(const std::string& s) {
    if (s.empty() || s.size() > 32) return false;
    int digits = 0;
    for (const char ch : s) {
        if (ch >= '0' && ch <= '9') ++digits;
        else if (std::string_view(" +-./()").find(ch) == std::string_view::npos) return false;
    }
    return digits >= 3;
}

// A name to show: printable, no control characters, at most 80 bytes.
bool name_like(const std::string& s) {
    return !s.empty() && s.size() <= 80 &&
           std::none_of(s.begin(), s.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f; });
}

// "HH:MM" as minutes after midnight.
std::optional<int> minute_of(const std::string& text) {
    if (text.size() != 5 || text[2] != ':' || !std::isdigit(static_cast<unsigned char>(text[0])) ||
        !std::isdigit(static_cast<unsigned char>(text[1])) || !std::isdigit(static_cast<unsigned char>(text[3])) ||
        !std::isdigit(static_cast<unsigned char>(text[4]))) {
        return std::nullopt;
    }
    const int h = std::stoi(text.substr(0, 2)), m = std::stoi(text.substr(3, 2));
    if (h > 23 || m > 59) return std::nullopt;
    return h * 60 + m;
}

}  // namespace

bool OpeningHours::open_at(int minute) const {
    if (open_minute == close_minute) return true;
    if (open_minute < close_minute) return minute >= open_minute && minute < close_minute;
    return minute >= open_minute || minute < close_minute;  // open across midnight
}

std::string_view mode_name(Mode m) {
    switch (m) {
        case Mode::classroom: return "classroom";
        case Mode::kiosk: return "kiosk";
        case Mode::signage: return "signage";
    }
    return "classroom";
}

ConfigLoad parse_config(std::string_view text, const std::string& source) {
    ConfigLoad out;
    out.source = source;
    JsonReader r(text, source, out.errors);
    json doc;
    try {
        doc = json::parse(text, nullptr, true, true);  // comments allowed
    } catch (const json::parse_error& e) {
        out.errors.push_back({source, line_of(text, e.byte == 0 ? 0 : e.byte - 1), "", "",
                              std::string("not valid JSON: ") + e.what() + "; using the built-in defaults"});
        return out;
    } catch (const json::exception& e) {  // e.g. a number too large for a double
        out.errors.push_back({source, 0, "", "", std::string("not usable JSON: ") + e.what() + "; using the built-in defaults"});
        return out;
    }
    if (!doc.is_object()) {
        r.error("", "", "a config is a JSON object; using the built-in defaults");
        return out;
    }
    Config& c = out.config;
    for (const auto& [key, value] : doc.items()) {
        if (!kKeys.contains(key)) r.error(key, value.dump(), "unknown setting; ignored");
    }
    const auto text_field = [&](const char* key, std::initializer_list<const char*> allowed) -> std::optional<std::string> {
        const auto it = doc.find(key);
        if (it == doc.end()) return std::nullopt;
        std::string list;
        for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        if (!it->is_string() || std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return *it == a; })) {
            r.error(key, it->dump(), std::string("must be one of ") + list + "; using the default");
            return std::nullopt;
        }
        return it->get<std::string>();
    };
    if (const auto m = text_field("mode", {"classroom", "kiosk", "signage"})) {
        c.mode = *m == "kiosk" ? Mode::kiosk : (*m == "signage" ? Mode::signage : Mode::classroom);
    }
    if (const auto b = text_field("body", {"female", "male"})) c.body = *parse_body_type(*b);
    if (const auto t = text_field("theme", {"dark", "high_contrast"})) c.theme = *t == "high_contrast" ? Theme::high_contrast : Theme::dark;
    if (const auto it = doc.find("language"); it != doc.end()) {
        if (it->is_string() && it->get<std::string>().size() == 2) c.language = it->get<std::string>();
        else r.error("language", it->dump(), "must be a two-letter ISO 639-1 code; using en");
    }
    const auto number = [&](const char* key, double lo, double hi, double& field) {
        if (!doc.contains(key)) return;
        if (const auto v = r.number(doc, "", key, lo, hi)) field = *v;
    };
    number("idle_timeout_s", 10.0, 3600.0, c.idle_timeout_s);
    number("font_scale", 0.75, 3.0, c.font_scale);
    double monitor = c.monitor;
    number("monitor", 0.0, 16.0, monitor);
    c.monitor = static_cast<int>(monitor);
    double samples = c.samples;
    number("samples", 1.0, 64.0, samples);
    c.samples = static_cast<int>(samples);
    double tone = c.skin_tone;
    number("skin_tone", 1.0, static_cast<double>(kSkinTones), tone);
    if (tone != std::floor(tone)) r.error("skin_tone", doc["skin_tone"].dump(), "must be a whole number from 1 (light) to 6 (dark)");
    else c.skin_tone = static_cast<int>(tone);
    if (const auto it = doc.find("reduced_motion"); it != doc.end()) {
        if (it->is_boolean()) c.reduced_motion = it->get<bool>();
        else r.error("reduced_motion", it->dump(), "must be true or false");
    }
    if (const auto it = doc.find("pin"); it != doc.end()) {
        const bool digits = it->is_string() && it->get<std::string>().size() >= 4 && it->get<std::string>().size() <= 8 &&
                            std::all_of(it->get_ref<const std::string&>().begin(), it->get_ref<const std::string&>().end(),
                                        [](char ch) { return ch >= '0' && ch <= '9'; });
        if (digits) {
            c.pin = it->get<std::string>();
        } else {
            c.pin_malformed = true;
            r.error("pin", it->dump(), "must be 4 to 8 digits in quotes; operator exit is off");
        }
    }
    if (const auto it = doc.find("opening_hours"); it != doc.end()) {
        const auto open = it->is_object() && it->contains("open") && (*it)["open"].is_string()
                              ? minute_of((*it)["open"].get<std::string>()) : std::nullopt;
        const auto close = it->is_object() && it->contains("close") && (*it)["close"].is_string()
                               ? minute_of((*it)["close"].get<std::string>()) : std::nullopt;
        if (open && close) c.opening_hours = OpeningHours{*open, *close};
        else r.error("opening_hours", it->dump(), "must be {\"open\": \"HH:MM\", \"close\": \"HH:MM\"}; always open");
    }
    const auto contact = [&](const char* key, bool (*valid)(const std::string&), const char* expected, std::string& field) {
        const auto it = doc.find(key);
        if (it == doc.end()) return;
        if (it->is_string() && valid(it->get<std::string>())) field = it->get<std::string>();
        else r.error(key, it->dump(), std::string("must be ") + expected + "; not shown");
    };
    contact("care_team_name", name_like, "a name in quotes, at most 80 characters", c.contacts.care_team_name);
    constexpr const char* kPhone = "a phone number in quotes (digits, spaces, + - . / ( ), at most 32 characters)";
    contact("care_team_phone", phone_like, kPhone, c.contacts.care_team_phone);
    contact("after_hours_phone", phone_like, kPhone, c.contacts.after_hours_phone);
    contact("emergency_phone", phone_like, kPhone, c.contacts.emergency_phone);
    if (const auto it = doc.find("printer_command"); it != doc.end()) {
        constexpr const char* kExpected = "must be a list of texts, the program first (e.g. [\"lp\", \"-d\", \"lobby\"]); printing is off";
        const auto bad = !it->is_array() ? it : std::find_if(it->begin(), it->end(), [](const json& a) {
            return !a.is_string() || a.get<std::string>().empty() || a.get<std::string>().size() > 256;
        });
        if (!it->is_array() || it->empty() || it->size() > 32) r.error("printer_command", it->dump(), kExpected);
        else if (bad != it->end()) r.error("printer_command", bad->dump(), std::string("has a bad argument: ") + kExpected);
        else c.printer_command = it->get<std::vector<std::string>>();
    }
    for (auto& e : out.errors) {
        if (e.field.starts_with(".")) e.field.erase(0, 1);
    }
    return out;
}

std::vector<std::filesystem::path> config_search_path(const std::optional<std::filesystem::path>& explicit_file) {
    if (explicit_file) return {*explicit_file};
    std::vector<std::filesystem::path> paths;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) {
        paths.push_back(std::filesystem::path(xdg) / "thecaview" / "config.json");
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        paths.push_back(std::filesystem::path(home) / ".config" / "thecaview" / "config.json");
    }
    paths.emplace_back("/etc/thecaview/config.json");
    return paths;
}

ConfigLoad load_config(const std::optional<std::filesystem::path>& explicit_file) {
    for (const auto& path : config_search_path(explicit_file)) {
        if (const auto text = read_text_file(path)) return parse_config(*text, path.string());
        if (explicit_file) {
            ConfigLoad out;
            out.source = "<built-in defaults>";
            out.errors.push_back({path.string(), 0, "", "", "cannot read the config file; using the built-in defaults"});
            return out;
        }
    }
    ConfigLoad out;
    out.source = "<built-in defaults>";
    return out;
}

}  // namespace thecaview
