// Readability: UTF-8 aware word and sentence splitting, syllable rules, the two formulas.
#include "core/readability.hpp"

#include <cctype>
#include <string>
#include <vector>

namespace thecaview {

namespace {

// Splits UTF-8 text into lower-case words (letters, apostrophes inside words); multi-byte
// characters count as letters. Accented vowels are folded to a marked form for Spanish rules.
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string current;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool letter = std::isalpha(c) || c >= 0x80 || (c == '\'' && !current.empty());
        if (letter) {
            current += static_cast<char>(std::tolower(c));
        } else if (!current.empty()) {
            words.push_back(current);
            current.clear();
        }
    }
    if (!current.empty()) words.push_back(current);
    return words;
}

int count_sentences(std::string_view text) {
    int n = 0;
    bool in_sentence = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (std::isalnum(static_cast<unsigned char>(c))) in_sentence = true;
        if ((c == '.' || c == '!' || c == '?') && in_sentence) {
            ++n;
            in_sentence = false;
        }
    }
    return n + (in_sentence ? 1 : 0);
}

bool english_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// English: vowel groups, less a silent final e (but not -le), at least one.
int english_syllables(const std::string& w) {
    int groups = 0;
    bool previous = false;
    for (const char c : w) {
        const bool v = english_vowel(c);
        if (v && !previous) ++groups;
        previous = v;
    }
    const std::size_t n = w.size();
    if (n > 2 && w[n - 1] == 'e' && !english_vowel(w[n - 2]) && !(w[n - 2] == 'l' && n > 3 && !english_vowel(w[n - 3]))) {
        --groups;
    }
    if (n > 3 && w.ends_with("ed") && !english_vowel(w[n - 3]) && w[n - 3] != 't' && w[n - 3] != 'd') --groups;
    return groups < 1 ? 1 : groups;
}

// Spanish vowels as classes: strong (a, e, o and accented vowels), weak (i, u, ü), or none.
enum class Vowel { none, strong, weak };

Vowel spanish_vowel(const std::string& w, std::size_t& i) {
    const auto c = static_cast<unsigned char>(w[i]);
    if (c == 'a' || c == 'e' || c == 'o') return Vowel::strong;
    if (c == 'i' || c == 'u' || c == 'y') {
        // y is a vowel only at the end of a word ("muy", "hoy").
        if (c == 'y' && i + 1 < w.size()) return Vowel::none;
        return Vowel::weak;
    }
    if (c == 0xC3 && i + 1 < w.size()) {  // two-byte Latin-1 letters
        const auto d = static_cast<unsigned char>(w[i + 1]);
        ++i;
        // á é í ó ú (and capitals folded by tolower on ASCII only): an accent makes a vowel strong.
        if (d == 0xA1 || d == 0xA9 || d == 0xAD || d == 0xB3 || d == 0xBA || d == 0x81 || d == 0x89 || d == 0x8D ||
            d == 0x93 || d == 0x9A) {
            return Vowel::strong;
        }
        if (d == 0xBC || d == 0x9C) return Vowel::weak;  // ü
        return Vowel::none;
    }
    return Vowel::none;
}

// Spanish: vowel nuclei; two strong vowels side by side are two syllables (hiatus), a weak
// unaccented vowel next to another vowel joins it (diphthong). "qu" and "gu" before e/i are silent u.
int spanish_syllables(const std::string& w) {
    int syllables = 0;
    Vowel previous = Vowel::none;
    for (std::size_t i = 0; i < w.size(); ++i) {
        const std::size_t start = i;
        Vowel v = spanish_vowel(w, i);
        if (v == Vowel::weak && w[start] == 'u' && start > 0 && (w[start - 1] == 'q' || w[start - 1] == 'g') &&
            start + 1 < w.size() && (w[start + 1] == 'e' || w[start + 1] == 'i')) {
            v = Vowel::none;
        }
        if (v == Vowel::none) {
            previous = Vowel::none;
            continue;
        }
        const bool joins = previous != Vowel::none && (previous == Vowel::weak || v == Vowel::weak);
        if (!joins) ++syllables;
        previous = v;
    }
    return syllables < 1 ? 1 : syllables;
}

}  // namespace

TextCounts count_text(std::string_view text, std::string_view language) {
    TextCounts counts;
    counts.sentences = count_sentences(text);
    for (const auto& w : words_of(text)) {
        ++counts.words;
        counts.syllables += language == "es" ? spanish_syllables(w) : english_syllables(w);
    }
    return counts;
}

double flesch_kincaid_grade(const TextCounts& c) {
    if (c.words == 0 || c.sentences == 0) return 0.0;
    return 0.39 * c.words / c.sentences + 11.8 * c.syllables / c.words - 15.59;
}

double fernandez_huerta_ease(const TextCounts& c) {
    if (c.words == 0 || c.sentences == 0) return 100.0;
    const double syllables_per_100 = 100.0 * c.syllables / c.words;
    const double sentences_per_100 = 100.0 * c.sentences / c.words;
    return 206.84 - 0.60 * syllables_per_100 - 1.02 * sentences_per_100;
}

double grade_from_ease(double ease) {
    if (ease >= 90.0) return 5.0;
    if (ease >= 80.0) return 6.0;
    if (ease >= 70.0) return 7.0;
    if (ease >= 60.0) return 8.5;
    if (ease >= 50.0) return 11.0;
    if (ease >= 30.0) return 14.0;
    return 17.0;
}

std::optional<double> reading_grade(std::string_view text, std::string_view language) {
    const TextCounts c = count_text(text, language);
    if (language == "en") return flesch_kincaid_grade(c);
    if (language == "es") return grade_from_ease(fernandez_huerta_ease(c));
    return std::nullopt;
}

}  // namespace thecaview
