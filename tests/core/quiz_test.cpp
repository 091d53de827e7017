// Teach-back: the shipped questions (one right answer each, graded explanations), broken questions
// reported with their field, and the flow: Next opens a step's questions once, answers get their
// explanation, and the tour goes on; signage never asks.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "core/anatomy.hpp"
#include "core/content.hpp"
#include "core/json_input.hpp"
#include "core/lint.hpp"
#include "core/quiz.hpp"
#include "core/viewer_state.hpp"
#include "core/geometry/view_subjects.hpp"
#include "core/views.hpp"

using namespace thecaview;

namespace {
const std::vector<std::string> kViews{"overview", "back", "side", "pump", "tip", "spread", "cross_section"};

ProcedureContent shipped(const char* language) {
    const auto load = load_procedure(std::filesystem::path(THECAVIEW_ASSETS_DIR) / "content" / language / "steps.json", kViews);
    EXPECT_TRUE(load.errors.empty()) << (load.errors.empty() ? "" : load.errors.front().to_string());
    return load.content;
}

bool mentions(const InputErrors& errors, const std::string& text) {
    for (const auto& e : errors) {
        if (e.to_string().find(text) != std::string::npos) return true;
    }
    return false;
}

int step_index(const ProcedureContent& c, const std::string& id) {
    for (std::size_t i = 0; i < c.steps.size(); ++i) {
        if (c.steps[i].id == id) return static_cast<int>(i);
    }
    return -1;
}

// The shipped English steps and the views, and a state on one of the steps.
class QuizFlow : public ::testing::Test {
protected:
    const Anatomy anatomy = build_anatomy();
    const std::vector<NamedView> views = named_views(anatomy);
    const ProcedureContent c = shipped("en");
    ViewerState at(const std::string& step, bool captions_only = false) {
        ViewerState state;
        state.captions_only = captions_only;
        go_to_step(state, c, views, step_index(c, step), false);
        return state;
    }
};
}  // namespace

TEST(Quiz, TwoToFourQuestionsAfterTheTrialTheOperationLivingAndTheRisks) {
    for (const char* language : {"en", "es"}) {
        const ProcedureContent c = shipped(language);
        for (const char* step : {"trial", "closing", "living", "risks"}) {
            const auto questions = questions_after(c, step);
            EXPECT_GE(questions.size(), 2u) << language << " " << step;
            EXPECT_LE(questions.size(), 4u) << language << " " << step;
        }
        bool tap = false;
        std::set<int> right_places;
        for (const auto& q : c.quiz) {
            EXPECT_FALSE(q.question.empty()) << q.id;
            EXPECT_FALSE(q.explanation.empty()) << q.id;
            if (q.tap) {
                tap = true;
                continue;
            }
            // One right answer: an index into distinct choices.
            ASSERT_GE(q.choices.size(), 2u) << q.id;
            EXPECT_GE(q.answer, 0);
            EXPECT_LT(q.answer, static_cast<int>(q.choices.size())) << q.id;
            EXPECT_EQ(std::set<std::string>(q.choices.begin(), q.choices.end()).size(), q.choices.size()) << q.id;
            right_places.insert(q.answer);
        }
        EXPECT_TRUE(tap) << language << ": a question with a picture (tap where the pump sits)";
        EXPECT_GE(right_places.size(), 3u) << language << ": the right answer is not always in the same place";
    }
    // The right answers, as the English content states them.
    const ProcedureContent en = shipped("en");
    const auto answer = [&](const char* id) {
        for (const auto& q : en.quiz) {
            if (q.id == id) return q.tap ? std::string(info(*q.tap).key) : q.choices[static_cast<std::size_t>(q.answer)];
        }
        return std::string();
    };
    EXPECT_EQ(answer("pump-where"), "pump");
    EXPECT_EQ(answer("beep"), "Call your care team that day");
    EXPECT_EQ(answer("slow-breathing"), "Call for emergency help now");
    EXPECT_EQ(answer("refill-how"), "With a needle through your skin into the pump");
}

TEST(Quiz, BrokenQuestionsAreErrorsWithTheirField) {
    nlohmann::ordered_json doc = nlohmann::json::parse(built_in_procedure_json());
    doc["quiz"] = nlohmann::ordered_json::array();
    doc["quiz"].push_back({{"id", "a"}, {"after", "nowhere"}, {"question", "Q?"}, {"choices", {"x", "y"}}, {"answer", 0}, {"explanation", "E."}});
    doc["quiz"].push_back({{"id", "b"}, {"after", "trial"}, {"question", "Q?"}, {"choices", {"x", "x"}}, {"answer", 5}, {"explanation", "E."}});
    doc["quiz"].push_back({{"id", "c"}, {"after", "trial"}, {"question", "Q?"}, {"tap", "liver"}, {"explanation", "E."}});
    doc["quiz"].push_back({{"id", "d"}, {"after", "trial"}, {"question", "Q?"}, {"choices", {"x", "y"}}, {"tap", "pump"}, {"answer", 0}, {"explanation", "E."}});
    const auto load = parse_procedure(doc.dump(2), "steps.json", kViews);
    EXPECT_TRUE(mentions(load.errors, "quiz[0].after = \"nowhere\": no step has this id"));
    EXPECT_TRUE(mentions(load.errors, "quiz[1].choices = \"x\": appears twice"));
    EXPECT_TRUE(mentions(load.errors, "quiz[1].answer = 5"));
    EXPECT_TRUE(mentions(load.errors, "quiz[2].tap = \"liver\": unknown structure"));
    EXPECT_TRUE(mentions(load.errors, "quiz[3]: needs either choices (with an answer) or tap"));
}

TEST_F(QuizFlow, NextOpensTheStepsQuestionsOnceAndTheTourGoesOnAfterThem) {
    const int trial = step_index(c, "trial");
    ViewerState state = at("trial");
    ASSERT_TRUE(open_quiz_after_step(state, c));
    ASSERT_TRUE(state.quiz);
    const QuizQuestion* first = current_question(*state.quiz, c);
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->id, "trial-shows");
    // A wrong answer, then the explanation; no second answer counts.
    answer_quiz(state, c, 0);
    ASSERT_TRUE(state.quiz->chosen);
    EXPECT_FALSE(answered_right(*state.quiz, c));
    answer_quiz(state, c, first->answer);
    EXPECT_FALSE(answered_right(*state.quiz, c));
    EXPECT_NE(quiz_words(*state.quiz, c).find(first->explanation), std::string::npos);
    next_after_quiz(state, c, views, false);
    ASSERT_TRUE(state.quiz);
    EXPECT_EQ(state.quiz->question, 1);
    EXPECT_FALSE(state.quiz->chosen);
    answer_quiz(state, c, current_question(*state.quiz, c)->answer);
    EXPECT_TRUE(answered_right(*state.quiz, c));
    next_after_quiz(state, c, views, false);
    EXPECT_FALSE(state.quiz);
    EXPECT_EQ(state.step, trial + 1);
    // Once a visit: back on the trial, Next goes straight on.
    go_to_step(state, c, views, trial, false);
    EXPECT_FALSE(open_quiz_after_step(state, c));
}

TEST_F(QuizFlow, ATapAnswersWithTheStructureUnderIt) {
    ViewerState state = at("closing");
    ASSERT_TRUE(open_quiz_after_step(state, c));
    ASSERT_TRUE(current_question(*state.quiz, c)->tap);
    answer_quiz(state, c, 0);  // a choice does not answer a tap question
    EXPECT_FALSE(state.quiz->chosen);
    answer_quiz_tap(state, c, static_cast<std::uint32_t>(Structure::skin));
    EXPECT_FALSE(answered_right(*state.quiz, c));
    state.quiz->chosen.reset();
    answer_quiz_tap(state, c, static_cast<std::uint32_t>(Structure::pump));
    EXPECT_TRUE(answered_right(*state.quiz, c));
}

TEST_F(QuizFlow, AutoplayWaitsForTheAnswersAndSignageNeverAsks) {
    const int trial = step_index(c, "trial");
    ViewerState state = at("trial");
    state.autoplay = true;
    for (int i = 0; i < 2000 && !state.quiz; ++i) advance_step(state, c, views, 0.1f);
    ASSERT_TRUE(state.quiz) << "autoplay in the panel opens the questions at the end of the step";
    EXPECT_EQ(state.step, trial);
    EXPECT_TRUE(quiz_being_read(state, c)) << "within its reading time right after opening";
    for (int i = 0; i < 600; ++i) EXPECT_FALSE(advance_step(state, c, views, 0.1f));
    EXPECT_EQ(state.step, trial) << "the tour waits while a question is open";
    EXPECT_FALSE(quiz_being_read(state, c)) << "a question left alone for a minute does not keep a kiosk busy";

    ViewerState signage = at("trial", true);
    signage.autoplay = true;
    bool moved = false;
    for (int i = 0; i < 2000 && !moved; ++i) moved = advance_step(signage, c, views, 0.1f);
    EXPECT_TRUE(moved);
    EXPECT_FALSE(signage.quiz);
    EXPECT_EQ(signage.step, trial + 1);
}

TEST(Quiz, LintFindsAQuestionWhoseTranslationHasAnotherAnswer) {
    const auto dir = std::filesystem::temp_directory_path() / "thecaview_quiz_lint_test";
    std::filesystem::remove_all(dir);
    for (const char* language : {"en", "es"}) {
        std::filesystem::create_directories(dir / language);
        nlohmann::ordered_json doc = nlohmann::json::parse(
            *read_text_file(std::filesystem::path(THECAVIEW_ASSETS_DIR) / "content" / language / "steps.json"));
        if (std::string(language) == "es") doc["quiz"][1]["answer"] = 1;
        std::ofstream(dir / language / "steps.json") << doc.dump(2);
    }
    const LintReport report = lint_content(dir, kViews);
    EXPECT_TRUE(mentions(report.errors, "quiz[1] = \"trial-goal\": its step, choices, right answer or tap differ from English's"));
    EXPECT_EQ(report.errors.size(), 1u);
    std::filesystem::remove_all(dir);
}
