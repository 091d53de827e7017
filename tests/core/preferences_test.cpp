// The classroom state file: round trip, bad fields, atomic writes.
#include "core/preferences.hpp"

#include <gtest/gtest.h>

namespace thecaview {
namespace {

TEST(Preferences, RoundTrip) {
    ClassroomPreferences p;
    p.language = "es";
    p.audience = Audience::patient;
    p.presenter_font = true;
    p.structure_labels = true;
    const auto back = parse_preferences(preferences_json(p), "state.json");
    EXPECT_TRUE(back.errors.empty());
    EXPECT_EQ(back.preferences, p);
}

TEST(Preferences, TheClassroomStartsAtTheStudentLevel) {
    EXPECT_EQ(ClassroomPreferences{}.audience, Audience::student);
}

TEST(Preferences, ABadFieldIsNamedAndKeepsItsDefault) {
    const auto load = parse_preferences("{\n  \"audience\": \"doctor\",\n  \"presenter_font\": 3\n}", "state.json");
    ASSERT_EQ(load.errors.size(), 2u);
    EXPECT_EQ(load.errors[0].field, "audience");
    EXPECT_EQ(load.errors[0].line, 2);
    EXPECT_EQ(load.errors[0].value, "\"doctor\"");
    EXPECT_EQ(load.errors[1].field, "presenter_font");
    EXPECT_EQ(load.preferences, ClassroomPreferences{});
}

TEST(Preferences, BrokenJsonGivesDefaults) {
    const auto load = parse_preferences("{\"audience\": ", "state.json");
    EXPECT_EQ(load.errors.size(), 1u);
    EXPECT_EQ(load.preferences, ClassroomPreferences{});
}

TEST(Preferences, SaveCreatesTheFolderAndLeavesNoTemporaryFile) {
    const auto dir = std::filesystem::temp_directory_path() / "thecaview-preferences-test";
    std::filesystem::remove_all(dir);
    ClassroomPreferences p;
    p.presenter_font = true;
    std::string error;
    ASSERT_TRUE(save_preferences(dir / "nested" / "state.json", p, error)) << error;
    EXPECT_EQ(load_preferences(dir / "nested" / "state.json").preferences, p);
    int files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir / "nested")) ++files;
    EXPECT_EQ(files, 1);
    EXPECT_TRUE(load_preferences(dir / "missing.json").errors.empty());
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace thecaview
