// The teach-back questions' lookups.
#include "core/quiz.hpp"

namespace thecaview {

std::vector<const QuizQuestion*> questions_after(const ProcedureContent& content, std::string_view step_id) {
    std::vector<const QuizQuestion*> out;
    for (const auto& q : content.quiz) {
        if (q.after == step_id) out.push_back(&q);
    }
    return out;
}

const QuizQuestion* current_question(const QuizState& quiz, const ProcedureContent& content) {
    const auto questions = questions_after(content, quiz.after);
    if (quiz.question < 0 || quiz.question >= static_cast<int>(questions.size())) return nullptr;
    return questions[static_cast<std::size_t>(quiz.question)];
}

bool answered_right(const QuizState& quiz, const ProcedureContent& content) {
    const QuizQuestion* q = current_question(quiz, content);
    if (!q || !quiz.chosen) return false;
    return q->tap ? *quiz.chosen == 0 : *quiz.chosen == q->answer;
}

std::string quiz_words(const QuizState& quiz, const ProcedureContent& content) {
    const QuizQuestion* q = current_question(quiz, content);
    if (!q) return {};
    std::string words = q->question;
    for (const auto& c : q->choices) words += "\n" + c;
    if (quiz.chosen) words += "\n" + q->explanation;
    return words;
}

}  // namespace thecaview
