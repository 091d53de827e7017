// Checks every content file under a folder: schema, names, translations and the reading grade of
// patient text. What `thecaview lint-content` reports and the tests run on the shipped content.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace thecaview {

struct LintText {
    std::string step;      // step id, or "ui" / "structures"
    std::string language;
    std::string level;     // "patient" or "student"
    std::string field;     // "title", "caption", "more", a UI key or a structure field
    std::string text;
    std::optional<double> grade;  // graded patient text of 20 words or more; nullopt otherwise
};

struct LintReport {
    std::vector<LintText> texts;
    InputErrors errors;
    double max_patient_grade = 6.0;

    // Patient texts above the grade limit.
    [[nodiscard]] std::vector<const LintText*> too_hard() const;
    [[nodiscard]] bool passed() const { return errors.empty() && too_hard().empty(); }
    [[nodiscard]] std::string json() const;
};

inline constexpr int kMinWordsToGrade = 20;
// Signage shows a card for a few seconds under the title: a glance, not a paragraph.
inline constexpr int kMaxCardWords = 20;

LintReport lint_content(const std::filesystem::path& content_dir, const std::vector<std::string>& known_views);

}  // namespace thecaview
