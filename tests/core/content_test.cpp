// Procedure content: the shipped languages load; broken files are reported with file, line,
// field and value; lint grades patient text and finds missing translations.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/content.hpp"
#include "core/lint.hpp"

using namespace thecaview;

namespace {
const std::vector<std::string> kViews{"overview", "back", "side", "pump", "tip", "spread", "cross_section"};

bool mentions(const InputErrors& errors, const std::string& text) {
    for (const auto& e : errors) {
        if (e.to_string().find(text) != std::string::npos) return true;
    }
    return false;
}

// A minimal valid content document: every UI key and structure, and the given steps.
nlohmann::ordered_json document(const char* language, nlohmann::ordered_json steps) {
    nlohmann::ordered_json doc{{"language", language}, {"language_name", language}, {"version", "1"},
                                 {"review_date", "2026-11-27"}};
    for (const auto& key : required_ui_keys()) doc["ui"][key] = "Label " + key;
    for (const auto& s : structures()) {
        doc["structures"][std::string(s.key)] = {{"name", "Name"}, {"term", "term"}, {"description", "A short line."}};
    }
    doc["steps"] = std::move(steps);
    return doc;
}

nlohmann::ordered_json step(const char* id, const char* view, const char* caption = "Short words.") {
    return {{"id", id},
            {"view", view},
            {"patient", {{"title", "Title"}, {"caption", caption}}},
            {"student", {{"title", "Title"}, {"caption", "Clinical words."}, {"sources", {"[8]"}}}}};
}
}  // namespace

TEST(Content, BuiltInStepsParseCleanly) {
    const auto load = parse_procedure(built_in_procedure_json(), "<built-in>", kViews);
    EXPECT_TRUE(load.errors.empty()) << (load.errors.empty() ? "" : load.errors[0].to_string());
    EXPECT_EQ(load.content.steps.size(), 13u);
    EXPECT_EQ(load.content.language, "en");
    for (const auto& key : required_ui_keys()) EXPECT_FALSE(load.content.text(key).empty()) << key;
    for (const auto& s : structures()) EXPECT_NE(load.content.structure(s.id), nullptr) << s.key;
    for (const auto& st : load.content.steps) {
        EXPECT_FALSE(st.patient.caption.empty()) << st.id;
        EXPECT_FALSE(st.student.caption.empty()) << st.id;
    }
}

TEST(Content, PlaceholdersAreFilledIn) {
    const auto load = parse_procedure(built_in_procedure_json(), "<built-in>", kViews);
    const std::string s = load.content.format("step_of", {{"n", "3"}, {"total", "13"}});
    EXPECT_NE(s.find('3'), std::string::npos);
    EXPECT_NE(s.find("13"), std::string::npos);
    EXPECT_EQ(s.find('{'), std::string::npos);
}

TEST(Content, BrokenJsonNamesFileAndLine) {
    const auto load = parse_procedure("{\n  \"steps\": [\n    { \"id\": \"a\", }\n  ]\n}\n", "steps.json", kViews);
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_EQ(load.errors[0].file, "steps.json");
    EXPECT_EQ(load.errors[0].line, 3);
}

TEST(Content, UnknownNamesAreErrorsWithFieldAndValue) {
    auto bad = step("b", "kidney");
    bad["highlight"] = {"pump", "liver"};
    bad["animation"] = "dance";
    const std::string text = document("en", {step("a", "overview"), bad}).dump(2);
    const auto load = parse_procedure(text, "steps.json", kViews);
    EXPECT_TRUE(mentions(load.errors, "steps[1].view = \"kidney\": unknown view")) << load.errors.size();
    EXPECT_TRUE(mentions(load.errors, "steps[1].highlight = \"liver\": unknown structure"));
    EXPECT_TRUE(mentions(load.errors, "steps[1].animation = \"dance\": unknown animation"));
    for (const auto& e : load.errors) EXPECT_GT(e.line, 0) << e.to_string();
}

TEST(Content, DuplicateIdsUnknownFieldsAndMissingTextsAreErrors) {
    auto missing = step("a", "back");
    missing.erase("student");
    missing["colour"] = "red";
    auto doc = document("en", {step("a", "overview"), missing});
    doc["ui"].erase("next");
    const auto load = parse_procedure(doc.dump(2), "steps.json", kViews);
    EXPECT_TRUE(mentions(load.errors, "steps[1].id = \"a\": duplicate id"));
    EXPECT_TRUE(mentions(load.errors, "steps[1].student: missing"));
    EXPECT_TRUE(mentions(load.errors, "steps[1].colour = \"red\": unknown field"));
    EXPECT_TRUE(mentions(load.errors, "ui.next: missing"));
}

TEST(Content, MissingOrBrokenFileFallsBackToBuiltInEnglish) {
    const auto missing = load_procedure("/nonexistent/steps.json", kViews);
    EXPECT_TRUE(missing.used_built_in);
    EXPECT_FALSE(missing.content.steps.empty());
    EXPECT_TRUE(mentions(missing.errors, "/nonexistent/steps.json"));

    const auto dir = std::filesystem::temp_directory_path() / "thecaview_content_test";
    std::filesystem::create_directories(dir);
    const auto file = dir / "steps.json";
    std::ofstream(file) << "{ \"steps\": [ }";
    const auto broken = load_procedure(file, kViews);
    EXPECT_TRUE(broken.used_built_in);
    EXPECT_FALSE(broken.content.steps.empty());
    EXPECT_TRUE(mentions(broken.errors, file.string() + ":1"));
    std::filesystem::remove_all(dir);
}

TEST(Content, TheShippedLanguagesLoadWithTheSameSteps) {
    const auto lib = load_content_library(std::filesystem::path(THECAVIEW_ASSETS_DIR) / "content", kViews);
    EXPECT_TRUE(lib.errors.empty()) << (lib.errors.empty() ? "" : lib.errors[0].to_string());
    ASSERT_NE(lib.find("es"), nullptr);
    const auto& en = lib.english();
    const auto& es = *lib.find("es");
    ASSERT_EQ(en.steps.size(), es.steps.size());
    for (std::size_t i = 0; i < en.steps.size(); ++i) EXPECT_EQ(en.steps[i].id, es.steps[i].id);
    // Accented letters arrive as UTF-8.
    bool accented = false;
    for (const auto& st : es.steps) accented = accented || st.patient.caption.find("\xC3") != std::string::npos;
    EXPECT_TRUE(accented);
}

TEST(Lint, TheShippedContentPassesAndEveryLongPatientTextIsGraded) {
    const LintReport report = lint_content(std::filesystem::path(THECAVIEW_ASSETS_DIR) / "content", kViews);
    EXPECT_TRUE(report.errors.empty()) << (report.errors.empty() ? "" : report.errors[0].to_string());
    EXPECT_TRUE(report.too_hard().empty()) << report.too_hard().front()->text;
    int graded = 0;
    for (const auto& t : report.texts) {
        const bool step_text = t.step != "ui" && t.step != "structures";
        if (step_text && t.level == "patient" && (t.field == "caption" || t.field == "more")) {
            ++graded;
            EXPECT_TRUE(t.grade) << t.language << " " << t.step << "." << t.field;
        }
        if (t.field == "title") {
            EXPECT_FALSE(t.grade);
        }
    }
    EXPECT_GE(graded, 13 * 2 * 2);  // captions and explanations, both languages
}

TEST(Lint, FindsHardPatientTextAndMissingTranslations) {
    const auto dir = std::filesystem::temp_directory_path() / "thecaview_lint_test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "en");
    std::filesystem::create_directories(dir / "es");
    const char* hard = "Intrathecal administration circumvents hepatic first-pass metabolism, permitting considerably "
                       "diminished cumulative opioid requirements relative to conventional systemic administration routes in adults.";
    auto liver = step("b", "back");
    liver["highlight"] = {"liver"};
    std::ofstream(dir / "en" / "steps.json") << document("en", {step("a", "overview", hard), liver}).dump(2);
    std::ofstream(dir / "es" / "steps.json") << document("es", {step("a", "overview")}).dump(2);
    const LintReport report = lint_content(dir, kViews);
    EXPECT_FALSE(report.passed());
    ASSERT_EQ(report.too_hard().size(), 1u);
    EXPECT_EQ(report.too_hard()[0]->step, "a");
    EXPECT_TRUE(mentions(report.errors, "missing translation of step \"b\""));
    EXPECT_TRUE(mentions(report.errors, "steps[1].highlight = \"liver\": unknown structure"));
    const auto j = nlohmann::json::parse(report.json());
    EXPECT_TRUE(j.contains("texts"));
    EXPECT_TRUE(j.contains("errors"));
    std::filesystem::remove_all(dir);
}
