// JSON input helpers shared by every loader (content, drugs, transport parameters, programs).
#include "core/json_input.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace thecaview {

int line_of(std::string_view text, std::size_t byte) {
    byte = std::min(byte, text.size());
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(byte), '\n'));
}

int line_of_value(std::string_view text, const std::string& key, const std::string& value) {
    const std::string needle = "\"" + key + "\"";
    std::size_t pos = 0;
    while ((pos = text.find(needle, pos)) != std::string_view::npos) {
        const auto colon = text.find(':', pos + needle.size());
        if (colon == std::string_view::npos) break;
        const auto after = text.substr(colon + 1, value.size() + 8);
        if (after.find(value) != std::string_view::npos) return line_of(text, pos);
        // A value in a list that spans lines: the line of the value itself, before the next key.
        const auto found = text.find(value, colon + 1);
        const auto next_key = text.find("\":", colon + 1);
        if (found != std::string_view::npos && (next_key == std::string_view::npos || found < next_key)) {
            return line_of(text, found);
        }
        pos = colon;
    }
    return 0;
}

std::optional<std::string> read_text_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::optional<nlohmann::json> JsonReader::parse() {
    try {
        return nlohmann::json::parse(text_);
    } catch (const nlohmann::json::parse_error& e) {
        errors_.push_back({source_, line_of(text_, e.byte == 0 ? 0 : e.byte - 1), "", "",
                           std::string("not valid JSON: ") + e.what()});
        return std::nullopt;
    } catch (const nlohmann::json::exception& e) {  // e.g. a number too large for a double
        errors_.push_back({source_, 0, "", "", std::string("not usable JSON: ") + e.what()});
        return std::nullopt;
    }
}

double JsonReader::number_or(const nlohmann::json& object, const std::string& path, const char* key, double lo, double hi,
                             double fallback) {
    if (!object.is_object() || !object.contains(key)) return fallback;
    return number(object, path, key, lo, hi).value_or(fallback);
}

bool JsonReader::flag_or(const nlohmann::json& object, const std::string& path, const char* key, bool fallback) {
    if (!object.is_object()) return fallback;
    const auto it = object.find(key);
    if (it == object.end()) return fallback;
    if (it->is_boolean()) return it->get<bool>();
    error(path.empty() ? std::string(key) : path + "." + key, it->dump(), "must be true or false; using the default");
    return fallback;
}

void JsonReader::error(const std::string& field, const std::string& value, const std::string& message) {
    const std::string key = field.substr(field.rfind('.') + 1);
    errors_.push_back({source_, value.empty() ? 0 : line_of_value(text_, key, value), field, value, message});
}

std::optional<double> JsonReader::number(const nlohmann::json& object, const std::string& path, const char* key,
                                         double lo, double hi) {
    const std::string field = path + "." + key;
    const auto it = object.find(key);
    if (it == object.end()) {
        error(field, "", "missing");
        return std::nullopt;
    }
    if (!it->is_number()) {
        error(field, it->dump(), "must be a number");
        return std::nullopt;
    }
    const double v = it->get<double>();
    if (!std::isfinite(v) || v < lo || v > hi) {
        std::ostringstream limits;
        limits << "must be between " << lo << " and " << hi;
        error(field, it->dump(), limits.str());
        return std::nullopt;
    }
    return v;
}

const nlohmann::json* JsonReader::top_list(const nlohmann::json& doc, const char* key, const char* message) {
    if (!doc.is_object() || !doc.contains(key) || !doc[key].is_array() || doc[key].empty()) {
        error(key, "", message);
        return nullptr;
    }
    return &doc[key];
}

StructureMask JsonReader::structure_list(const nlohmann::json& object, const std::string& path, const char* key) {
    StructureMask mask = 0;
    const auto it = object.find(key);
    if (it == object.end()) return 0;
    if (!it->is_array()) {
        error(path + "." + key, it->dump(), "must be a list of structure names");
        return 0;
    }
    for (const auto& item : *it) {
        const auto s = item.is_string() ? structure_from_key(item.get<std::string>()) : std::nullopt;
        if (!s) {
            error(path + "." + key, item.dump(), "unknown structure");
            continue;
        }
        mask |= bit(*s);
    }
    return mask;
}

std::optional<std::string> JsonReader::text(const nlohmann::json& object, const std::string& path, const char* key) {
    const std::string field = path + "." + key;
    const auto it = object.find(key);
    if (it == object.end()) {
        error(field, "", "missing");
        return std::nullopt;
    }
    if (!it->is_string() || it->get<std::string>().empty()) {
        error(field, it->dump(), "must be a non-empty string");
        return std::nullopt;
    }
    return it->get<std::string>();
}

void report_unused(const nlohmann::json& object, const std::string& path, std::initializer_list<const char*> known,
                   const std::string& source, InputErrors& unused) {
    if (!object.is_object()) return;
    for (const auto& item : object.items()) {
        if (std::none_of(known.begin(), known.end(), [&](const char* k) { return item.key() == k; })) {
            unused.push_back({source, 0, path.empty() ? item.key() : path + "." + item.key(), "", "nothing reads this key"});
        }
    }
}

}  // namespace thecaview
