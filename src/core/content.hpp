// Procedure content, one file per language (assets/content/<code>/steps.json): every string the
// user sees (UI labels, structure names, the steps at two audience levels), loaded and validated.
// Adding a Latin-script language means adding a folder, not code.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/structures.hpp"

namespace thecaview {

enum class Audience : std::uint8_t { patient, student };
std::string_view audience_key(Audience a);  // "patient", "student"

// What a step animates, from its start to its end state.
enum class StepAnimation : std::uint8_t { none, iv, puncture, needle, catheter, tunnel, pocket, pump, close };

// How the body lies in a step's picture: upright (standing, as anatomy is taught) or on its right
// side on the operating table (lateral decubitus), as for the implant.
enum class BodyPose : std::uint8_t { upright, lateral };

// A list under a heading, e.g. "Emergency: call now" and its signs.
struct TextList {
    std::string heading;
    std::vector<std::string> points;
    bool urgent = false;  // an emergency list: drawn in the warning colour, first
};

struct StepText {
    std::string title;
    std::string caption;
    std::string more;                  // optional longer explanation
    std::vector<TextList> lists;       // optional lists shown after the text (summary, help, questions)
    std::vector<std::string> cards;    // patient level: short cards signage shows one at a time (the key action too)
    std::vector<std::string> sources;  // student level: reference keys such as "[8]"
};

struct ProcedureStep {
    std::string id;  // stable, kebab-case, the same in every language
    std::string view;
    double duration_s = 12.0;  // how long autoplay stays on it
    StructureMask highlight_mask = 0;
    StructureMask hide_mask = 0;
    StructureMask xray_mask = 0;
    StructureMask label_mask = 0;  // structures named with leader lines (the text's subjects); default: the highlighted ones
    StepAnimation animation = StepAnimation::none;
    BodyPose pose = BodyPose::upright;
    bool contacts = false;  // shows the clinic's names and numbers from the config
    StepText patient;
    StepText student;

    [[nodiscard]] const StepText& text(Audience a) const { return a == Audience::student ? student : patient; }
};

struct StructureText {
    std::string name;
    std::string term;
    std::string description;
};

// A word the texts use that a patient may not know, defined in plain words. `forms` are the ways
// the texts write it (e.g. "catheter", "catheters"), matched as whole words, any case.
struct GlossaryTerm {
    std::string key;  // stable, the same in every language, e.g. "catheter"
    std::string term;
    std::string definition;
    std::vector<std::string> forms;
};

// A teach-back question, asked after the step `after`: multiple choice (`choices`, the right one
// at `answer`) or a tap on the picture (`tap`: the structure to find). `explanation` says why the
// right answer is right, shown after any answer.
struct QuizQuestion {
    std::string id;  // kebab-case, the same in every language
    std::string after;
    std::string question;
    std::vector<std::string> choices;
    int answer = 0;
    std::optional<Structure> tap;
    std::string explanation;
};

struct ProcedureContent {
    std::string language = "en";  // ISO 639-1
    std::string language_name = "English";
    std::string version;
    std::string review_date;  // when the content was last checked against its sources
    std::map<std::string, std::string, std::less<>> ui;
    std::map<std::string, StructureText, std::less<>> structures;  // by structure key
    std::vector<ProcedureStep> steps;
    std::vector<GlossaryTerm> glossary;  // in the order shown
    std::vector<QuizQuestion> quiz;      // in the order asked

    // A UI string by key; the key itself when missing (never empty on screen).
    [[nodiscard]] std::string text(std::string_view key) const;
    // A UI string with {name} placeholders filled in.
    [[nodiscard]] std::string format(std::string_view key, const std::map<std::string, std::string>& values) const;
    [[nodiscard]] const StructureText* structure(Structure s) const;
    // The glossary's terms that a text uses, in glossary order.
    [[nodiscard]] std::vector<const GlossaryTerm*> terms_in(std::string_view text) const;
};

// Every word of a step's text at a level (title, caption, paragraph, lists), for reading time.
std::string step_words(const StepText& text, bool with_paragraph);

// The cards signage and the attract loop show under the title, one at a time: the text's own
// cards, else its caption as one card.
std::vector<std::string> signage_cards(const StepText& text);

// Every UI key a content file must define.
const std::vector<std::string>& required_ui_keys();

struct ContentLoad {
    ProcedureContent content;
    InputErrors errors;  // empty when the file was used as it is
    bool used_built_in = false;
};

// Parses one language's file. `source` names it in errors; `known_views` are the valid views.
ContentLoad parse_procedure(std::string_view json_text, const std::string& source,
                            const std::vector<std::string>& known_views);
// Loads one language's file; a broken English file falls back to the built-in copy.
ContentLoad load_procedure(const std::filesystem::path& file, const std::vector<std::string>& known_views);

// Every language under a content folder (one subfolder per code), English first. Broken files are
// reported and left out, except English, which falls back to the built-in copy.
struct ContentLibrary {
    std::vector<ProcedureContent> languages;
    InputErrors errors;
    [[nodiscard]] const ProcedureContent* find(std::string_view code) const;
    [[nodiscard]] const ProcedureContent& english() const { return languages.front(); }
};
ContentLibrary load_content_library(const std::filesystem::path& content_dir, const std::vector<std::string>& known_views);

// The shipped English content, compiled in at build time.
std::string_view built_in_procedure_json();
// docs/references.md, compiled in for the About box.
std::string_view built_in_references_text();

}  // namespace thecaview
