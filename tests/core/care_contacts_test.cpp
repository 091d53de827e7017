// The "when to get help" contacts: each of the clinic's names and numbers shows only when set.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "core/care_contacts.hpp"

using namespace thecaview;

namespace {
const std::vector<std::string> kViews{"overview", "back", "side", "pump", "tip", "spread", "cross_section"};

ProcedureContent shipped(const char* language) {
    const auto load = load_procedure(std::filesystem::path(THECAVIEW_ASSETS_DIR) / "content" / language / "steps.json", kViews);
    EXPECT_TRUE(load.errors.empty());
    return load.content;
}

bool any_has(const std::vector<std::string>& lines, const std::string& text) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; });
}
}  // namespace

TEST(CareContacts, NothingSetShowsNoNumberAndTheLocalEmergencyNumber) {
    const ProcedureContent en = shipped("en");
    const auto lines = care_contact_lines({}, en);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], en.text("contact_team_unset"));
    EXPECT_EQ(lines[1], "Emergency: call your local emergency number.");
    for (const auto& l : lines) EXPECT_EQ(l.find_first_of("0123456789"), std::string::npos) << "an invented number: " << l;
}

TEST(CareContacts, EachNumberShowsOnlyWhenSet) {
    const ProcedureContent en = shipped("en");
    CareContacts c;
    c.care_team_phone = "555-0100";
    auto lines = care_contact_lines(c, en);
    EXPECT_TRUE(any_has(lines, "Your care team: 555-0100"));
    EXPECT_FALSE(any_has(lines, "At night"));
    c.care_team_name = "Pain Clinic";
    c.after_hours_phone = "555-0199";
    c.emergency_phone = "911";
    lines = care_contact_lines(c, en);
    EXPECT_EQ(lines, (std::vector<std::string>{"Your care team, Pain Clinic: 555-0100", "At night and on weekends: 555-0199",
                                               "Emergency: call 911"}));
    c = {};
    c.care_team_name = "Pain Clinic";
    lines = care_contact_lines(c, en);
    EXPECT_EQ(lines.front(), "Your care team: Pain Clinic");
    EXPECT_FALSE(any_has(lines, "555"));
}

TEST(CareContacts, SpanishSaysTheSameInItsOwnWords) {
    const ProcedureContent es = shipped("es");
    CareContacts c;
    c.emergency_phone = "112";
    const auto lines = care_contact_lines(c, es);
    EXPECT_EQ(lines.back(), "Emergencia: llame al 112");
    EXPECT_EQ(care_contact_lines({}, es).back(), "Emergencia: llame a su número local de emergencias.");
}
