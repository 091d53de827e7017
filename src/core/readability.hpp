// Readability grades for patient text: Flesch-Kincaid for English; for Spanish the
// Fernández-Huerta reading ease, turned into a school grade with Flesch's table. Adding a
// Latin-script language needs its syllable rule and formula here; nothing else in the code.
#pragma once

#include <optional>
#include <string_view>

namespace thecaview {

struct TextCounts {
    int sentences = 0;
    int words = 0;
    int syllables = 0;
};

// Counts sentences, words and syllables (by the language's rule) in UTF-8 text.
TextCounts count_text(std::string_view text, std::string_view language);

// Flesch-Kincaid grade level (English).
double flesch_kincaid_grade(const TextCounts& counts);
// Fernández-Huerta reading ease (Spanish): 206.84 - 0.60 x syllables per 100 words - 1.02 x
// sentences per 100 words.
double fernandez_huerta_ease(const TextCounts& counts);
// Flesch's table from reading ease to school grade: 90+ -> 5, 80+ -> 6, 70+ -> 7, 60+ -> 8.5,
// 50+ -> 11, 30+ -> 14, below -> 17.
double grade_from_ease(double ease);

// The grade of a text in a language, or nullopt when no formula fits the language yet.
std::optional<double> reading_grade(std::string_view text, std::string_view language);

}  // namespace thecaview
