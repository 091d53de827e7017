// Teach-back: after some steps, 2-4 questions check what the reader took in, each followed by an
// explanation of the right answer. Nothing is scored or kept: the state lives in the visit's
// ViewerState, which the kiosk's reset wipes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.hpp"

namespace thecaview {

// A question open on screen: which one, and the answer given (none yet).
struct QuizState {
    std::string after;      // the step whose questions these are
    int question = 0;       // index among that step's questions
    std::optional<int> chosen;  // the choice picked; a tap question: 0 when the right structure was tapped, 1 when not
    double open_s = 0.0;    // time since it opened or was answered (the kiosk's idle clock waits for reading)
    bool operator==(const QuizState&) const = default;
};

// The questions asked after a step, in order.
std::vector<const QuizQuestion*> questions_after(const ProcedureContent& content, std::string_view step_id);
// The question a quiz shows, or nullptr when the content has no such question (another language's
// content without it, say).
const QuizQuestion* current_question(const QuizState& quiz, const ProcedureContent& content);
// Whether the answer given is the right one.
bool answered_right(const QuizState& quiz, const ProcedureContent& content);
// What a reader reads on a question's screen, for how long it waits: the question and its
// choices, and once answered the explanation.
std::string quiz_words(const QuizState& quiz, const ProcedureContent& content);

}  // namespace thecaview
