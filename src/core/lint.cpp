// Content lint: parse every language, compare each with English, grade patient text.
#include "core/lint.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "core/content.hpp"
#include "core/json_input.hpp"
#include "core/readability.hpp"

namespace thecaview {

namespace {

void add_text(LintReport& r, const std::string& step, const std::string& language, const std::string& level,
              const std::string& field, const std::string& text, bool gradable) {
    if (text.empty()) return;
    std::optional<double> grade;
    if (gradable && count_text(text, language).words >= kMinWordsToGrade) grade = reading_grade(text, language);
    r.texts.push_back({step, language, level, field, text, grade});
}

void collect(LintReport& r, const ProcedureContent& c) {
    for (const auto& [key, value] : c.ui) add_text(r, "ui", c.language, "patient", key, value, false);
    for (const auto& [key, s] : c.structures) {
        add_text(r, "structures", c.language, "patient", key + ".name", s.name, false);
        add_text(r, "structures", c.language, "patient", key + ".description", s.description, true);
    }
    for (const auto& step : c.steps) {
        for (const Audience a : {Audience::patient, Audience::student}) {
            const StepText& t = step.text(a);
            const std::string level(audience_key(a));
            const bool patient = a == Audience::patient;
            add_text(r, step.id, c.language, level, "title", t.title, false);
            add_text(r, step.id, c.language, level, "caption", t.caption, patient);
            add_text(r, step.id, c.language, level, "more", t.more, patient);
            // A list is graded as one text, so that short points cannot escape the check.
            for (std::size_t i = 0; i < t.lists.size(); ++i) {
                std::string joined = t.lists[i].heading;
                for (const auto& point : t.lists[i].points) joined += " " + point;
                add_text(r, step.id, c.language, level, "lists[" + std::to_string(i) + "]", joined, patient);
            }
            // Signage's cards, graded joined for the same reason.
            std::string cards;
            for (const auto& card : t.cards) cards += (cards.empty() ? "" : " ") + card;
            add_text(r, step.id, c.language, level, "cards", cards, patient);
        }
    }
    for (const auto& q : c.quiz) {
        // The question and its choices, graded as one text.
        std::string asked = q.question;
        for (const auto& choice : q.choices) asked += " " + choice;
        add_text(r, "quiz", c.language, "patient", q.id + ".question", asked, true);
        add_text(r, "quiz", c.language, "patient", q.id + ".explanation", q.explanation, true);
    }
    for (const auto& term : c.glossary) {
        add_text(r, "glossary", c.language, "patient", term.key + ".term", term.term, false);
        add_text(r, "glossary", c.language, "patient", term.key + ".definition", term.definition, true);
    }
}

// Signage shows a step's cards one at a time under its title: every patient step has them, each
// short enough to read at a glance.
void check_cards(LintReport& r, const ProcedureContent& c, const std::string& file) {
    for (std::size_t i = 0; i < c.steps.size(); ++i) {
        const auto& cards = c.steps[i].patient.cards;
        const std::string field = "steps[" + std::to_string(i) + "].patient.cards";
        if (cards.empty()) {
            r.errors.push_back({file, 0, field, "\"" + c.steps[i].id + "\"",
                                "no cards: signage would show the whole caption; split it into short cards with the step's key action"});
        }
        for (std::size_t k = 0; k < cards.size(); ++k) {
            const int words = count_text(cards[k], c.language).words;
            if (words > kMaxCardWords) {
                r.errors.push_back({file, 0, field + "[" + std::to_string(k) + "]", std::to_string(words) + " words",
                                    "a card holds at most " + std::to_string(kMaxCardWords) + " words: split it"});
            }
        }
    }
}

// A translation has the same steps, in the same order, as English.
void compare_with_english(LintReport& r, const ProcedureContent& english, const ProcedureContent& c, const std::string& file) {
    for (std::size_t i = 0; i < english.steps.size(); ++i) {
        const std::string& id = english.steps[i].id;
        if (i >= c.steps.size() || c.steps[i].id != id) {
            r.errors.push_back({file, 0, "steps[" + std::to_string(i) + "].id", i < c.steps.size() ? c.steps[i].id : "",
                                "missing translation of step \"" + id + "\" (English has it here)"});
        }
    }
    for (std::size_t i = english.steps.size(); i < c.steps.size(); ++i) {
        r.errors.push_back({file, 0, "steps[" + std::to_string(i) + "].id", c.steps[i].id, "a step English does not have"});
    }
    // The same lists in each step, with as many points, at both levels.
    for (std::size_t i = 0; i < std::min(english.steps.size(), c.steps.size()); ++i) {
        for (const Audience a : {Audience::patient, Audience::student}) {
            const auto& want = english.steps[i].text(a).lists;
            const auto& have = c.steps[i].text(a).lists;
            const std::string field = "steps[" + std::to_string(i) + "]." + std::string(audience_key(a)) + ".lists";
            bool same = want.size() == have.size();
            for (std::size_t k = 0; same && k < want.size(); ++k) {
                same = want[k].points.size() == have[k].points.size() && want[k].urgent == have[k].urgent;
            }
            if (!same) r.errors.push_back({file, 0, field, "\"" + c.steps[i].id + "\"", "its lists and points differ from English's: translate each one"});
        }
    }
    // As many cards in each step, so that signage tells the same story in each language.
    for (std::size_t i = 0; i < std::min(english.steps.size(), c.steps.size()); ++i) {
        if (english.steps[i].patient.cards.size() != c.steps[i].patient.cards.size()) {
            r.errors.push_back({file, 0, "steps[" + std::to_string(i) + "].patient.cards", "\"" + c.steps[i].id + "\"",
                                "has " + std::to_string(c.steps[i].patient.cards.size()) + " cards, English " +
                                    std::to_string(english.steps[i].patient.cards.size()) + ": translate each one"});
        }
    }
    // The same questions in the same order, each with as many choices and the same right answer.
    for (std::size_t i = 0; i < std::max(english.quiz.size(), c.quiz.size()); ++i) {
        const std::string field = "quiz[" + std::to_string(i) + "]";
        if (i >= c.quiz.size() || i >= english.quiz.size() || c.quiz[i].id != english.quiz[i].id) {
            const std::string id = i < english.quiz.size() ? english.quiz[i].id : c.quiz[i].id;
            r.errors.push_back({file, 0, field + ".id", "\"" + id + "\"", "the questions differ from English's here: translate each, in its order"});
            continue;
        }
        const QuizQuestion &want = english.quiz[i], &have = c.quiz[i];
        if (want.after != have.after || want.choices.size() != have.choices.size() || want.answer != have.answer || want.tap != have.tap) {
            r.errors.push_back({file, 0, field, "\"" + have.id + "\"", "its step, choices, right answer or tap differ from English's"});
        }
    }
    // Every term of the glossary defined in every language.
    for (const auto& term : english.glossary) {
        const bool found = std::any_of(c.glossary.begin(), c.glossary.end(), [&](const GlossaryTerm& t) { return t.key == term.key; });
        if (!found) r.errors.push_back({file, 0, "glossary", "\"" + term.key + "\"", "missing translation of the term \"" + term.key + "\""});
    }
    for (const auto& term : c.glossary) {
        const bool found = std::any_of(english.glossary.begin(), english.glossary.end(), [&](const GlossaryTerm& t) { return t.key == term.key; });
        if (!found) r.errors.push_back({file, 0, "glossary", "\"" + term.key + "\"", "a term English does not have"});
    }
}

}  // namespace

std::vector<const LintText*> LintReport::too_hard() const {
    std::vector<const LintText*> out;
    for (const auto& t : texts) {
        if (t.level == "patient" && t.grade && *t.grade > max_patient_grade) out.push_back(&t);
    }
    return out;
}

std::string LintReport::json() const {
    nlohmann::ordered_json j;
    j["texts"] = nlohmann::ordered_json::array();
    for (const auto& t : texts) {
        nlohmann::ordered_json o{{"step", t.step}, {"language", t.language}, {"level", t.level}, {"field", t.field}, {"text", t.text}};
        o["grade"] = t.grade ? nlohmann::ordered_json(std::round(*t.grade * 10.0) / 10.0) : nlohmann::ordered_json(nullptr);
        j["texts"].push_back(std::move(o));
    }
    j["errors"] = nlohmann::ordered_json::array();
    for (const auto& e : errors) j["errors"].push_back(e.to_string());
    return j.dump(2) + "\n";
}

LintReport lint_content(const std::filesystem::path& dir, const std::vector<std::string>& known_views) {
    LintReport r;
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.is_directory()) files.push_back(entry.path() / "steps.json");
    }
    if (ec || files.empty()) {
        r.errors.push_back({dir.string(), 0, "", "", "no content here: expected one folder per language, each with steps.json"});
        return r;
    }
    std::sort(files.begin(), files.end());
    std::optional<ProcedureContent> english;
    std::vector<std::pair<ProcedureContent, std::string>> others;
    for (const auto& file : files) {
        const auto text = read_text_file(file);
        if (!text) {
            r.errors.push_back({file.string(), 0, "", "", "cannot read the content file"});
            continue;
        }
        ContentLoad load = parse_procedure(*text, file.string(), known_views);
        r.errors.insert(r.errors.end(), load.errors.begin(), load.errors.end());
        const std::string folder = file.parent_path().filename().string();
        if (load.content.language != folder) {
            r.errors.push_back({file.string(), line_of_value(*text, "language", load.content.language), "language",
                                load.content.language, "must match its folder, " + folder});
        }
        collect(r, load.content);
        check_cards(r, load.content, file.string());
        if (folder == "en") english = std::move(load.content);
        else others.emplace_back(std::move(load.content), file.string());
    }
    if (!english) {
        r.errors.push_back({(dir / "en" / "steps.json").string(), 0, "", "", "English, the reference language, is missing"});
        return r;
    }
    for (const auto& [content, file] : others) compare_with_english(r, *english, content, file);
    return r;
}

}  // namespace thecaview
