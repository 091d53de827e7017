// Pump programs: limits and their messages, schedules, boluses, the reservoir and JSON.
#include <algorithm>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <limits>

#include "core/json_input.hpp"
#include "core/pump.hpp"

using namespace thecaview;

namespace {

DrugLibrary library() { return parse_drugs(built_in_drugs_json(), "<built-in>").value; }

PumpProgram morphine(double rate) {
    const DrugLibrary drugs = library();
    return continuous_program(*drugs.find("morphine"), rate, 10.0);
}

}  // namespace

TEST(Pump, AValidProgramHasNoErrors) {
    EXPECT_TRUE(check_program(morphine(0.5), library(), DeviceLimits{}).empty());
}

TEST(Pump, ZeroStopsThePumpButARateUnderTheMinimumIsRejected) {
    EXPECT_TRUE(check_program(morphine(0.0), library(), DeviceLimits{}).empty());
    const auto errors = check_program(morphine(0.03), library(), DeviceLimits{});
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "schedule[0].rate_ml_per_day");
    EXPECT_EQ(errors[0].value, "0.03");
    EXPECT_NE(errors[0].message.find("minimum flow of 0.048 mL/day"), std::string::npos) << errors[0].message;
}

TEST(Pump, EachInvalidProgramIsRejectedWithItsReason) {
    struct Case {
        const char* field;
        const char* words;
        void (*spoil)(PumpProgram&);
    };
    const Case cases[] = {
        {"schedule[0].rate_ml_per_day", "maximum flow of 24", [](PumpProgram& p) { p.schedule[0].rate_ml_per_day = 30.0; }},
        {"schedule[0].rate_ml_per_day", "negative", [](PumpProgram& p) { p.schedule[0].rate_ml_per_day = -1.0; }},
        {"concentration_mg_per_ml", "above 0 mg/mL", [](PumpProgram& p) { p.concentration_mg_per_ml = 0.0; }},
        {"reservoir_ml", "20 or 40", [](PumpProgram& p) { p.reservoir_ml = 30; }},
        {"fill_ml", "between 0 and", [](PumpProgram& p) { p.fill_ml = 25.0; }},
        {"drug", "not in the drug library", [](PumpProgram& p) { p.drug = "aspirin"; }},
        {"schedule", "1 to 12 steps", [](PumpProgram& p) { p.schedule.assign(13, {0.0, 0.5}); for (int i = 0; i < 13; ++i) p.schedule[i].start_h = i; }},
        {"schedule[1].start_h", "after the step before", [](PumpProgram& p) { p.schedule = {{0.0, 0.5}, {0.0, 0.6}}; }},
        {"bolus.dose_mg", "above 0 mg", [](PumpProgram& p) { p.bolus = SingleBolus{0.0, 10.0, 0.0}; }},
        {"bolus.minutes", "above the pump's maximum", [](PumpProgram& p) { p.bolus = SingleBolus{5.0, 1.0, 0.0}; }},
        {"patient_bolus.lockout_min", "at least the bolus", [](PumpProgram& p) { p.patient_bolus = PatientBolus{0.1, 20.0, 10.0, 4, {}}; }},
    };
    for (const auto& c : cases) {
        PumpProgram p = morphine(0.5);
        c.spoil(p);
        const auto errors = check_program(p, library(), DeviceLimits{});
        ASSERT_FALSE(errors.empty()) << c.field;
        EXPECT_EQ(errors[0].field, c.field);
        EXPECT_NE(errors[0].message.find(c.words), std::string::npos) << c.field << ": " << errors[0].message;
        EXPECT_FALSE(errors[0].value.empty()) << c.field;
    }
}

TEST(Pump, AFlexibleScheduleFollowsTheTimeOfDay) {
    PumpProgram p = morphine(0.5);
    p.schedule = {{0.0, 0.4}, {8.0, 0.6}, {20.0, 0.5}};
    EXPECT_DOUBLE_EQ(basal_rate_ml_per_day(p, 2.0), 0.4);
    EXPECT_DOUBLE_EQ(basal_rate_ml_per_day(p, 8.0), 0.6);
    EXPECT_DOUBLE_EQ(basal_rate_ml_per_day(p, 23.0), 0.5);
    EXPECT_DOUBLE_EQ(basal_rate_ml_per_day(p, 24.0 + 9.0), 0.6);  // the next day
    EXPECT_DOUBLE_EQ(drug_rate_mg_per_h(p, 9.0), 0.6 / 24.0 * 10.0);
}

TEST(Pump, PatientBolusesRespectTheLockoutAndTheDailyLimit) {
    PumpProgram p = morphine(0.5);
    p.patient_bolus = PatientBolus{0.1, 10.0, 60.0, 3, {1.0, 1.5, 2.1, 5.0, 9.0, 30.0}};
    const auto given = accepted_patient_boluses(p);
    // 1.5 is inside the hour's lockout; 9.0 would be the fourth in a day; 30.0 is a new day.
    EXPECT_EQ(given, (std::vector<double>{1.0, 2.1, 5.0, 30.0}));
    EXPECT_GT(drug_rate_mg_per_h(p, 1.05), drug_rate_mg_per_h(p, 1.5));
}

TEST(Pump, TheReservoirAlarmAndRefillDateFollowTheRate) {
    PumpProgram p = morphine(1.0);  // 1 mL a day from 20 mL
    const auto f = forecast_reservoir(p, DeviceLimits{}, 60.0 * 24.0);
    EXPECT_NEAR(f.alarm_h, 18.0 * 24.0, 0.01);  // 2 mL left after 18 days
    EXPECT_NEAR(f.empty_h, 20.0 * 24.0, 0.01);
    EXPECT_EQ(f.refill_due_day, 18);
    p.fill_ml = 40.0;
    p.reservoir_ml = 40;
    p.schedule[0].rate_ml_per_day = 0.0;
    const auto stopped = forecast_reservoir(p, DeviceLimits{}, 60.0 * 24.0);
    EXPECT_LT(stopped.alarm_h, 0.0);
    EXPECT_EQ(stopped.refill_due_day, -1);
}

TEST(Pump, ProgramsRoundTripThroughJson) {
    PumpProgram p = morphine(0.5);
    p.schedule = {{0.0, 0.4}, {8.0, 0.6}};
    p.bolus = SingleBolus{0.5, 30.0, 2.0};
    p.patient_bolus = PatientBolus{0.1, 10.0, 60.0, 3, {1.0, 4.0}};
    const ProgramLoad back = parse_program(program_json(p), "<test>");
    EXPECT_TRUE(back.errors.empty());
    EXPECT_EQ(program_json(back.program), program_json(p));
}

TEST(Pump, ABrokenProgramFileNamesTheLine) {
    const ProgramLoad bad = parse_program("{\n  \"drug\": \"morphine\",\n  \"concentration_mg_per_ml\": \"ten\"\n}", "p.json");
    ASSERT_FALSE(bad.errors.empty());
    EXPECT_EQ(bad.errors[0].field, "program.concentration_mg_per_ml");
    EXPECT_EQ(bad.errors[0].line, 3);
    EXPECT_EQ(bad.errors[0].file, "p.json");
}

TEST(Pump, TheShippedExampleProgramIsValid) {
    const auto text = read_text_file(std::filesystem::path(THECAVIEW_ASSETS_DIR) / "programs" / "flexible-morphine.json");
    ASSERT_TRUE(text);
    const ProgramLoad load = parse_program(*text, "flexible-morphine.json");
    EXPECT_TRUE(load.errors.empty());
    EXPECT_TRUE(check_program(load.program, library(), DeviceLimits{}).empty());
    EXPECT_EQ(load.program.schedule.size(), 3u);
}

// Found by the program fuzz target (tests/fuzz/crashes/program): inputs that once threw past the
// parser. Each now gives a message naming the field and the value.
TEST(ProgramFile, WrongTypesAndHugeNumbersAreErrorsNotCrashes) {
    const auto huge = parse_program("55777e7777,77e2", "p.json");
    ASSERT_EQ(huge.errors.size(), 1u);
    EXPECT_NE(huge.errors[0].message.find("not usable JSON"), std::string::npos) << huge.errors[0].message;

    const auto typed = parse_program(R"({"drug": "morphine", "concentration_mg_per_ml": 10, "reservoir_ml": "big",
        "fill_ml": 2e129, "rate_ml_per_day": 0.5, "bolus": 5, "patient_bolus": {"dose_mg": 0.1, "max_per_day": true}})",
                                     "p.json");
    const auto has = [&](const std::string& field) {
        return std::any_of(typed.errors.begin(), typed.errors.end(), [&](const InputError& e) { return e.field == field; });
    };
    EXPECT_TRUE(has("program.reservoir_ml"));
    EXPECT_TRUE(has("program.fill_ml"));
    EXPECT_TRUE(has("bolus.dose_mg"));
    EXPECT_TRUE(has("patient_bolus.max_per_day"));
    EXPECT_EQ(typed.program.reservoir_ml, 20);
}

// Every number the core is given must be a number: NaN passes every "< limit" test, so each
// field checks it; -0 counts as negative where it would be saved and shown.
TEST(Pump, NumbersThatAreNotFiniteAreRefusedByName) {
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    struct Case {
        const char* field;
        void (*spoil)(PumpProgram&, double);
        double value;
    };
    const Case cases[] = {
        {"concentration_mg_per_ml", [](PumpProgram& p, double v) { p.concentration_mg_per_ml = v; }, nan},
        {"concentration_mg_per_ml", [](PumpProgram& p, double v) { p.concentration_mg_per_ml = v; }, inf},
        {"schedule[0].rate_ml_per_day", [](PumpProgram& p, double v) { p.schedule[0].rate_ml_per_day = v; }, nan},
        {"schedule[0].rate_ml_per_day", [](PumpProgram& p, double v) { p.schedule[0].rate_ml_per_day = v; }, -inf},
        {"schedule[0].rate_ml_per_day", [](PumpProgram& p, double v) { p.schedule[0].rate_ml_per_day = v; }, -0.0},
        {"fill_ml", [](PumpProgram& p, double v) { p.fill_ml = v; }, nan},
        {"fill_ml", [](PumpProgram& p, double v) { p.fill_ml = v; }, -0.0},
        {"bolus.dose_mg", [](PumpProgram& p, double v) { p.bolus = SingleBolus{v, 10.0, 0.0}; }, nan},
        {"bolus.dose_mg", [](PumpProgram& p, double v) { p.bolus = SingleBolus{v, 10.0, 0.0}; }, inf},
        {"bolus.minutes", [](PumpProgram& p, double v) { p.bolus = SingleBolus{0.1, v, 0.0}; }, nan},
        {"bolus.minutes", [](PumpProgram& p, double v) { p.bolus = SingleBolus{0.1, v, 0.0}; }, inf},
        {"bolus.start_h", [](PumpProgram& p, double v) { p.bolus = SingleBolus{0.1, 10.0, v}; }, nan},
        {"bolus.start_h", [](PumpProgram& p, double v) { p.bolus = SingleBolus{0.1, 10.0, v}; }, inf},
        {"schedule[1].start_h", [](PumpProgram& p, double v) { p.schedule = {{0.0, 0.5}, {v, 0.6}}; }, nan},
        {"patient_bolus.lockout_min", [](PumpProgram& p, double v) { p.patient_bolus = PatientBolus{0.1, 10.0, v, 4, {}}; }, nan},
    };
    for (const auto& c : cases) {
        PumpProgram p = morphine(0.5);
        c.spoil(p, c.value);
        const auto errors = check_program(p, library(), DeviceLimits{});
        const bool named = std::any_of(errors.begin(), errors.end(), [&](const InputError& e) { return e.field == c.field; });
        EXPECT_TRUE(named) << c.field << " = " << c.value;
    }
}

// A concentration or daily amount above the published range runs, and says so with its source
// (Wallace and Yaksh 2012: patients on up to 50 mg/mL of morphine).
TEST(Pump, AboveThePublishedRangeRunsAndIsMarkedWithItsSource) {
    const DrugLibrary drugs = library();
    PumpProgram p = continuous_program(*drugs.find("morphine"), 0.5, 50.0);
    EXPECT_TRUE(check_program(p, drugs, DeviceLimits{}).empty());
    const auto notes = above_published_range(p, *drugs.find("morphine"));
    ASSERT_EQ(notes.size(), 2u);  // 50 mg/mL, and 25 mg a day
    EXPECT_NE(notes[0].find("concentration_mg_per_ml = 50"), std::string::npos) << notes[0];
    EXPECT_NE(notes[0].find("Infumorph-label"), std::string::npos) << notes[0];
    EXPECT_NE(notes[1].find("daily_mg = 25"), std::string::npos) << notes[1];
    EXPECT_TRUE(above_published_range(morphine(0.5), *drugs.find("morphine")).empty());
}

// The pump's flow limit bounds what the pump gives, not a clinician's syringe.
TEST(Pump, ASyringeBolusIsNotBoundByThePumpsFlow) {
    PumpProgram p = morphine(0.0);
    p.concentration_mg_per_ml = 0.5;
    p.bolus = SingleBolus{0.5, 1.0, 0.0};  // 1 mL in a minute: 1440 mL/day
    ASSERT_FALSE(check_program(p, library(), DeviceLimits{}).empty());
    p.bolus->by_syringe = true;
    EXPECT_TRUE(check_program(p, library(), DeviceLimits{}).empty());
    const auto again = parse_program(program_json(p), "<saved>");
    ASSERT_TRUE(again.errors.empty());
    EXPECT_TRUE(again.program.bolus->by_syringe);
    // ... and it does not come out of the reservoir.
    EXPECT_EQ(volume_rate_ml_per_h(p, 0.5 / 60.0), 0.0);
    EXPECT_NEAR(syringe_mg_between(p, 0.0, 1.0), 0.5, 1e-12);
    EXPECT_EQ(forecast_reservoir(p, DeviceLimits{}, 24.0).alarm_h, -1.0);
}

TEST(Pump, TheAmountBetweenTwoTimesCountsABolusByItsOverlap) {
    PumpProgram p = morphine(0.0);
    p.bolus = SingleBolus{1.0, 0.5, 0.0};  // over 30 s
    EXPECT_NEAR(drug_mg_between(p, 0.0, 1.0 / 60.0), 1.0, 1e-12);
    EXPECT_NEAR(drug_mg_between(p, 0.0, 0.25 / 60.0), 0.5, 1e-12);
    EXPECT_EQ(drug_mg_between(p, 1.0 / 60.0, 2.0 / 60.0), 0.0);
    const PumpProgram basal = morphine(2.4);  // 0.1 mL/h of 10 mg/mL
    EXPECT_NEAR(drug_mg_between(basal, 1.0, 2.0), 1.0, 1e-12);
}

TEST(ProgramFile, RequestTimesMustBeTimes) {
    const auto load = parse_program(R"({"drug": "morphine", "concentration_mg_per_ml": 10, "rate_ml_per_day": 0.5,
        "patient_bolus": {"dose_mg": 0.1, "requests_h": [1, "soon", -2]}})", "p.json");
    ASSERT_EQ(load.errors.size(), 2u);
    EXPECT_EQ(load.errors[0].field, "patient_bolus.requests_h[1]");
    EXPECT_EQ(load.errors[1].field, "patient_bolus.requests_h[2]");
    const auto huge = parse_program(R"({"drug": "morphine", "concentration_mg_per_ml": 1e999, "rate_ml_per_day": 0.5})", "p.json");
    EXPECT_FALSE(huge.errors.empty());
}
