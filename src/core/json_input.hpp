// Reading JSON input files: syntax errors and field errors as InputErrors with file and line.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/structures.hpp"

namespace thecaview {

// 1-based line of a byte offset in text.
int line_of(std::string_view text, std::size_t byte);
// The line on which `"key": value` first appears (0 when not found), to point errors at it.
int line_of_value(std::string_view text, const std::string& key, const std::string& value);
// The whole file, or nullopt when it cannot be read.
std::optional<std::string> read_text_file(const std::filesystem::path& file);

// What a loader gives: the value, what was wrong with the file, and whether the built-in copy
// stands in for it.
template <typename T>
struct Loaded {
    T value;
    InputErrors errors;       // empty when the file was used as it is
    InputErrors unused;       // keys that nothing reads (file, field): a typo or a stale field
    bool used_built_in = false;
};

// Parses `file`; when it is missing or has errors, says why and parses the built-in copy instead.
template <typename T, typename Parse>
Loaded<T> load_with_fallback(const std::filesystem::path& file, Parse parse, std::string_view built_in, const char* what) {
    Loaded<T> out;
    if (const auto text = read_text_file(file)) {
        out = parse(*text, file.string());
        if (out.errors.empty()) return out;
    } else {
        out.errors.push_back({file.string(), 0, "", "", std::string("cannot open the ") + what + " file"});
    }
    Loaded<T> fallback = parse(built_in, "<built-in>");
    fallback.errors.insert(fallback.errors.begin(), out.errors.begin(), out.errors.end());
    fallback.unused.insert(fallback.unused.begin(), out.unused.begin(), out.unused.end());
    fallback.used_built_in = true;
    return fallback;
}

// Records every key of `object` that is not in `known`, as "path.key" (a typo or a stale field).
void report_unused(const nlohmann::json& object, const std::string& path, std::initializer_list<const char*> known,
                   const std::string& source, InputErrors& unused);

// Reads fields of JSON objects, collecting what is wrong with them.
class JsonReader {
public:
    JsonReader(std::string_view text, std::string source, InputErrors& errors)
        : text_(text), source_(std::move(source)), errors_(errors) {}

    // Parses the text; on a syntax error, records it (with its line) and returns nullopt.
    std::optional<nlohmann::json> parse();
    // A required number in [lo, hi]; `path` names the object (e.g. "drugs[2]").
    std::optional<double> number(const nlohmann::json& object, const std::string& path, const char* key, double lo,
                                 double hi);
    // An optional number in [lo, hi]: `fallback` when absent, or (with an error) when it is not a
    // number or out of range.
    double number_or(const nlohmann::json& object, const std::string& path, const char* key, double lo, double hi,
                     double fallback);
    // An optional true or false: `fallback` when absent, or (with an error) when it is something else.
    bool flag_or(const nlohmann::json& object, const std::string& path, const char* key, bool fallback);
    // A required non-empty string.
    std::optional<std::string> text(const nlohmann::json& object, const std::string& path, const char* key);
    // The document's top-level list `key`, or nullptr (with `message` as the error) when the
    // document is not an object, or the list is missing or empty.
    const nlohmann::json* top_list(const nlohmann::json& doc, const char* key, const char* message);
    // An optional list of structure keys as a mask (0 when absent); each unknown key is an error.
    StructureMask structure_list(const nlohmann::json& object, const std::string& path, const char* key);
    void error(const std::string& field, const std::string& value, const std::string& message);
    [[nodiscard]] const std::string& source() const { return source_; }

private:
    std::string_view text_;
    std::string source_;
    InputErrors& errors_;
};

}  // namespace thecaview
