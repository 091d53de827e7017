// Procedure content: the shipped steps load; broken files are reported with file, line, field, value.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/content.hpp"

using namespace thecaview;

namespace {
const std::vector<std::string> kViews{"overview", "back", "side", "pump"};

bool mentions(const InputErrors& errors, const std::string& text) {
    for (const auto& e : errors) {
        if (e.to_string().find(text) != std::string::npos) return true;
    }
    return false;
}
}  // namespace

TEST(Content, BuiltInStepsParseCleanly) {
    const auto load = parse_procedure(built_in_procedure_json(), "<built-in>", kViews);
    EXPECT_TRUE(load.errors.empty()) << (load.errors.empty() ? "" : load.errors[0].to_string());
    EXPECT_GE(load.content.steps.size(), 10u);
    EXPECT_EQ(load.content.language, "en");
}

TEST(Content, BrokenJsonNamesFileAndLine) {
    const auto load = parse_procedure("{\n  \"steps\": [\n    { \"id\": \"a\", }\n  ]\n}\n", "steps.json", kViews);
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_EQ(load.errors[0].file, "steps.json");
    EXPECT_EQ(load.errors[0].line, 3);
}

TEST(Content, UnknownViewNamesFieldAndValue) {
    const std::string text = R"({"steps": [
  {"id": "a", "title": "A", "caption": "Words.", "view": "overview"},
  {"id": "b", "title": "B", "caption": "Words.", "view": "kidney"}
]})";
    const auto load = parse_procedure(text, "steps.json", kViews);
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_EQ(load.errors[0].field, "steps[1].view");
    EXPECT_EQ(load.errors[0].value, "kidney");
    EXPECT_EQ(load.errors[0].line, 3);
    EXPECT_TRUE(mentions(load.errors, "steps.json:3: steps[1].view = kidney: unknown view"));
}

TEST(Content, DuplicateIdsAndMissingFieldsAreErrors) {
    const std::string text = R"({"steps": [
  {"id": "a", "title": "A", "caption": "Words.", "view": "overview"},
  {"id": "a", "title": "B", "view": "back"}
]})";
    const auto load = parse_procedure(text, "steps.json", kViews);
    EXPECT_TRUE(mentions(load.errors, "steps[1].id = a: duplicate id"));
    EXPECT_TRUE(mentions(load.errors, "steps[1].caption: missing"));
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
