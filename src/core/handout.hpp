// The take-home handout's words, put together from the content and the config: the summary, when
// to get help with the clinic's numbers, the questions to ask, the glossary and a place for notes.
// GL-free and tested; src/app/handout.cpp lays it out with the pictures into a PDF. No doses.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/config.hpp"
#include "core/content.hpp"
#include "core/levels.hpp"

namespace thecaview {

// What the handout is about: a person's medicine (a name, never an amount), tip level and pump.
struct HandoutOptions {
    Audience audience = Audience::patient;
    std::optional<std::string> drug;  // a drug key such as "morphine"
    Level tip = Level::T10;
    int pump_ml = 20;
};

struct HandoutText {
    std::string title;
    std::string note;                  // for education only
    std::vector<std::string> about;    // the medicine, the tip's level, the pump's size
    std::string summary_heading;
    std::vector<std::string> summary;  // the five things to remember
    std::string help_heading;
    std::string help_intro;
    std::vector<std::string> contacts;  // only what the config sets
    std::vector<TextList> help_lists;   // emergency (urgent) first, then call today
    std::string questions_heading;
    std::vector<std::string> questions;
    std::string notes_heading;
    std::string glossary_heading;
    std::vector<std::pair<std::string, std::string>> glossary;  // term, definition
    std::string footer;
};

HandoutText handout_text(const ProcedureContent& content, const CareContacts& contacts, const HandoutOptions& options);

// The steps that offer the handout (saved in the classroom, printed at a kiosk with a printer): the
// summary, when to get help and the questions.
bool offers_handout(const ProcedureStep& step);

// The argument list that makes the handout in a child process: `program handout --out FILE --lang
// CODE --level LEVEL --tip LEVEL --pump ML [--drug NAME] [--config FILE]`.
std::vector<std::string> handout_arguments(const std::string& program, const std::filesystem::path& out,
                                           const std::string& language, const HandoutOptions& options,
                                           const std::filesystem::path& config_file);

// The config's printer command with the file to print as its last argument.
std::vector<std::string> print_arguments(const std::vector<std::string>& printer_command, const std::filesystem::path& file);

}  // namespace thecaview
