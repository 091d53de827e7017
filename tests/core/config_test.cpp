// The config: comments allowed, defaults built in, every kind of bad field reported and ignored.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/config.hpp"
#include "core/skin_tone.hpp"

using namespace thecaview;

namespace {
bool mentions(const InputErrors& errors, const std::string& text) {
    for (const auto& e : errors) {
        if (e.to_string().find(text) != std::string::npos) return true;
    }
    return false;
}
}  // namespace

TEST(Config, AGoodConfigWithCommentsIsRead) {
    const auto load = parse_config(R"({
  // a waiting-room screen
  "mode": "signage",
  "language": "es",
  "idle_timeout_s": 120,
  "pin": "4821",
  "monitor": 1,
  "opening_hours": {"open": "08:00", "close": "18:30"},
  "font_scale": 1.5,
  "theme": "high_contrast",
  "reduced_motion": true,
  "samples": 4
})", "config.json");
    EXPECT_TRUE(load.errors.empty()) << load.errors.front().to_string();
    const Config& c = load.config;
    EXPECT_EQ(c.mode, Mode::signage);
    EXPECT_EQ(c.language, "es");
    EXPECT_DOUBLE_EQ(c.idle_timeout_s, 120.0);
    EXPECT_EQ(c.pin, "4821");
    EXPECT_EQ(c.monitor, 1);
    ASSERT_TRUE(c.opening_hours);
    EXPECT_TRUE(c.opening_hours->open_at(8 * 60));
    EXPECT_FALSE(c.opening_hours->open_at(18 * 60 + 30));
    EXPECT_DOUBLE_EQ(c.font_scale, 1.5);
    EXPECT_EQ(c.theme, Theme::high_contrast);
    EXPECT_TRUE(c.reduced_motion);
    EXPECT_EQ(c.samples, 4);
}

TEST(Config, EachBadFieldIsReportedAndKeepsItsDefault) {
    const auto load = parse_config(R"({
  "mode": "disco",
  "language": "english",
  "idle_timeout_s": 2,
  "pin": "12ab",
  "opening_hours": {"open": "8am"},
  "font_scale": "big",
  "theme": "pink",
  "reduced_motion": "yes",
  "samples": 0,
  "volume": 11
})", "config.json");
    const Config& c = load.config;
    const Config defaults;
    EXPECT_EQ(c.mode, defaults.mode);
    EXPECT_EQ(c.language, defaults.language);
    EXPECT_EQ(c.idle_timeout_s, defaults.idle_timeout_s);
    EXPECT_TRUE(c.pin.empty());
    EXPECT_TRUE(c.pin_malformed);
    EXPECT_FALSE(c.opening_hours);
    EXPECT_EQ(c.font_scale, defaults.font_scale);
    EXPECT_EQ(c.theme, defaults.theme);
    EXPECT_FALSE(c.reduced_motion);
    EXPECT_TRUE(mentions(load.errors, "config.json:2: mode = \"disco\": must be one of classroom, kiosk, signage"));
    EXPECT_TRUE(mentions(load.errors, "config.json:4: idle_timeout_s = 2: must be between 10 and 3600"));
    EXPECT_TRUE(mentions(load.errors, "pin = \"12ab\": must be 4 to 8 digits"));
    EXPECT_TRUE(mentions(load.errors, "volume = 11: unknown setting"));
    EXPECT_TRUE(mentions(load.errors, "config.json:10: samples = 0: must be between 1 and 64"));
    EXPECT_EQ(c.samples, defaults.samples);
    EXPECT_EQ(load.errors.size(), 10u);
}

TEST(Config, BrokenOrMissingFilesFallBackToDefaults) {
    const auto broken = parse_config("{ \"mode\": ", "config.json");
    EXPECT_EQ(broken.config.mode, Mode::classroom);
    EXPECT_TRUE(mentions(broken.errors, "config.json:1"));
    const auto missing = load_config(std::filesystem::path("/nonexistent/config.json"));
    EXPECT_EQ(missing.source, "<built-in defaults>");
    EXPECT_TRUE(mentions(missing.errors, "/nonexistent/config.json"));
}

TEST(Config, SearchesTheUsersFolderThenTheSystemOne) {
    const auto dir = std::filesystem::temp_directory_path() / "thecaview_config_test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "thecaview");
    std::ofstream(dir / "thecaview" / "config.json") << R"({"mode": "kiosk", "pin": "123456"})";
    ::setenv("XDG_CONFIG_HOME", dir.c_str(), 1);
    const auto paths = config_search_path(std::nullopt);
    ASSERT_EQ(paths.size(), 2u);
    EXPECT_EQ(paths[0], dir / "thecaview" / "config.json");
    EXPECT_EQ(paths[1], std::filesystem::path("/etc/thecaview/config.json"));
    const auto load = load_config(std::nullopt);
    EXPECT_EQ(load.config.mode, Mode::kiosk);
    EXPECT_EQ(load.config.pin, "123456");
    ::unsetenv("XDG_CONFIG_HOME");
    std::filesystem::remove_all(dir);
    EXPECT_EQ(config_search_path(std::filesystem::path("x.json")).size(), 1u);
}

TEST(Config, OpeningHoursMayPassMidnight) {
    const OpeningHours night{22 * 60, 6 * 60};
    EXPECT_TRUE(night.open_at(23 * 60));
    EXPECT_TRUE(night.open_at(5 * 60));
    EXPECT_FALSE(night.open_at(12 * 60));
}

TEST(Config, TheShippedExampleIsValid) {
    const auto load = load_config(std::filesystem::path(THECAVIEW_ASSETS_DIR) / "config.example.json");
    EXPECT_TRUE(load.errors.empty()) << load.errors.front().to_string();
    EXPECT_EQ(load.config.mode, Mode::classroom);
}

// Found by the config fuzz target (tests/fuzz/crashes/config): a number beyond a double threw.
TEST(Config, ANumberTooLargeForADoubleGivesDefaultsNotACrash) {
    const auto load = parse_config(R"({"mode": "kiosk", "samples": 5e2300})", "config.json");
    EXPECT_EQ(load.config.mode, Mode::classroom);
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_TRUE(mentions(load.errors, "not usable JSON"));
}

TEST(Config, TheCareTeamsNumbersAreReadAndBadOnesAreNotShown) {
    const auto good = parse_config(R"({"care_team_name": "Pain Clinic, Level 2", "care_team_phone": "+1 (555) 010-0100",
                                       "after_hours_phone": "555 0199", "emergency_phone": "112"})", "config.json");
    EXPECT_TRUE(good.errors.empty()) << good.errors.front().to_string();
    EXPECT_EQ(good.config.contacts.care_team_name, "Pain Clinic, Level 2");
    EXPECT_EQ(good.config.contacts.care_team_phone, "+1 (555) 010-0100");
    EXPECT_EQ(good.config.contacts.after_hours_phone, "555 0199");
    EXPECT_EQ(good.config.contacts.emergency_phone, "112");
    const auto bad = parse_config(R"({"care_team_name": "", "care_team_phone": "call us", "after_hours_phone": 5550199,
                                      "emergency_phone": "91"})", "config.json");
    EXPECT_TRUE(mentions(bad.errors, "config.json:1: care_team_name = \"\": must be a name"));
    EXPECT_TRUE(mentions(bad.errors, "care_team_phone = \"call us\": must be a phone number"));
    EXPECT_TRUE(mentions(bad.errors, "after_hours_phone = 5550199: must be a phone number"));
    EXPECT_TRUE(mentions(bad.errors, "emergency_phone = \"91\": must be a phone number"));
    const CareContacts none;
    EXPECT_EQ(bad.config.contacts.care_team_name, none.care_team_name);
    EXPECT_EQ(bad.config.contacts.care_team_phone, none.care_team_phone);
    EXPECT_EQ(bad.config.contacts.after_hours_phone, none.after_hours_phone);
    EXPECT_EQ(bad.config.contacts.emergency_phone, none.emergency_phone);
}

// The kiosk's printer: an argument list, program first; anything else turns printing off.
TEST(Config, ThePrinterCommandIsAListOfArguments) {
    const auto good = parse_config(R"({"printer_command": ["lp", "-d", "waiting room", "-o", "media=A4"]})", "config.json");
    EXPECT_TRUE(good.errors.empty()) << good.errors.front().to_string();
    EXPECT_EQ(good.config.printer_command, (std::vector<std::string>{"lp", "-d", "waiting room", "-o", "media=A4"}));
    for (const char* bad : {R"({"printer_command": "lp -d lobby"})", R"({"printer_command": []})",
                            R"({"printer_command": ["lp", ""]})", R"({"printer_command": ["lp", 3]})"}) {
        const auto load = parse_config(bad, "config.json");
        EXPECT_TRUE(mentions(load.errors, "config.json:1: printer_command = ")) << bad;
        EXPECT_TRUE(mentions(load.errors, "printing is off")) << bad;
        EXPECT_TRUE(load.config.printer_command.empty()) << bad;
    }
}

namespace {
// The config with one bad setting: its one error names the field and the value.
Config refused(const char* field, const char* bad) {
    const auto load = parse_config(std::string("{\"") + field + "\": " + bad + "}", "c.json");
    EXPECT_EQ(load.errors.size(), 1u) << bad;
    if (!load.errors.empty()) {
        EXPECT_EQ(load.errors.front().field, field) << bad;
        EXPECT_EQ(load.errors.front().value, bad) << bad;
    }
    return load.config;
}
}  // namespace

// The figure's skin colour: a whole number from 1 (light) to 6 (dark); anything else is named and
// the default (3) kept.
TEST(Config, TheSkinToneIsAWholeNumberFromOneToSix) {
    EXPECT_EQ(parse_config(R"({"skin_tone": 5})", "c.json").config.skin_tone, 5);
    for (const char* bad : {"0", "7", "3.5", "\"dark\"", "-1"}) {
        EXPECT_EQ(refused("skin_tone", bad).skin_tone, kDefaultSkinTone) << bad;
    }
}

// The figure's body: "female" or "male"; anything else is named and the default (male) kept.
TEST(Config, TheBodyIsFemaleOrMale) {
    EXPECT_EQ(parse_config(R"({"body": "female"})", "c.json").config.body, BodyType::female);
    EXPECT_EQ(parse_config(R"({"body": "male"})", "c.json").config.body, BodyType::male);
    EXPECT_EQ(parse_config("{}", "c.json").config.body, kDefaultBody);
    for (const char* bad : {"\"woman\"", "\"Female\"", "1", "null", "[\"male\"]"}) EXPECT_EQ(refused("body", bad).body, kDefaultBody) << bad;
}

// Six tones from light to dark; the darker ones also hide a little more of the inside, as skin
// with more melanin absorbs more light; a number out of range gives the default.
TEST(SkinTone, SixTonesFromLightToDark) {
    const auto luminance = [](glm::vec3 c) { return 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z; };
    for (int n = 1; n < kSkinTones; ++n) {
        EXPECT_GT(luminance(skin_tone_albedo(n)), luminance(skin_tone_albedo(n + 1))) << n;
        EXPECT_LE(skin_tone_extra_opacity(n), skin_tone_extra_opacity(n + 1)) << n;
    }
    EXPECT_FLOAT_EQ(skin_tone_extra_opacity(kDefaultSkinTone), 0.0f);
    EXPECT_GT(skin_tone_extra_opacity(6), 0.3f);
    EXPECT_EQ(skin_tone_albedo(0), skin_tone_albedo(kDefaultSkinTone));
    EXPECT_EQ(skin_tone_srgb(6), glm::vec3(0x29, 0x24, 0x20) / 255.0f);  // MST 10
}
