// The transport model: conservation, linearity, shape of the profile, drug and schedule effects.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "core/colormap.hpp"
#include "core/drugs.hpp"
#include "core/simulation.hpp"
#include "core/spread.hpp"

using namespace thecaview;

namespace {

struct Model {
    explicit Model(BodyType b = kDefaultBody) : body(b), anatomy(build_anatomy({.body = b})) {}
    BodyType body;
    Anatomy anatomy;
    CsfParameters csf = parse_csf_parameters(built_in_spread_json(), "<built-in>").value;
    DrugLibrary drugs = parse_drugs(built_in_drugs_json(), "<built-in>").value;

    SimulationResult run(const PumpProgram& program, double hours) const {
        SimulationRequest request;
        request.program = program;
        request.hours = hours;
        return simulate(anatomy, csf, *drugs.find(program.drug), request);
    }
    PumpProgram infusion(const char* drug, double rate_ml_per_day) const {
        const Drug& d = *drugs.find(drug);
        return continuous_program(d, rate_ml_per_day, d.usual_concentration_mg_per_ml);
    }
};

std::size_t level_column(const SimulationResult& r, const char* name) {
    return static_cast<std::size_t>(std::find(r.levels.begin(), r.levels.end(), name) - r.levels.begin());
}

// How far (cm) towards the head from the tip the concentration stays above `fraction` of the tip's.
double reach_up_cm(const SimulationResult& r, std::size_t tip, std::size_t time, double fraction) {
    const auto& row = r.concentration_ug_per_ml[time];
    double reach = 0.0;
    for (std::size_t k = 1; k < tip; ++k) {
        if (row[k] >= fraction * row[tip]) reach = std::max(reach, r.position_cm[tip] - r.position_cm[k]);
    }
    return reach;
}

}  // namespace

// The human checks below run on both bodies: the grid takes the canal's length from the anatomy.
class SpreadHuman : public ::testing::TestWithParam<BodyType> {};

TEST_P(SpreadHuman, TheGridHoldsTheMeasuredVolumes) {
    const Model m(GetParam());
    const SpreadGrid g = build_spread_grid(m.anatomy, m.csf);
    EXPECT_NEAR(g.total_volume_ml(), m.csf.spinal_csf_ml + m.csf.cranial_csf_ml, 1e-6);
    double below = 0.0;
    for (std::size_t c = 1; c < g.size(); ++c) below += g.level_index[c] >= index_of(Level::T11) ? g.volume_ml[c] : 0.0;
    EXPECT_NEAR(below, m.csf.below_t11_ml, 1e-6);
    // About 60 cm of spinal canal in 1 cm cells.
    EXPECT_GT(g.size(), 50u);
    EXPECT_LT(g.size(), 80u);
}

TEST(Spread, MassIsConservedOverThirtyDays) {
    const Model m;
    PumpProgram p = m.infusion("morphine", 0.5);
    p.bolus = SingleBolus{1.0, 30.0, 100.0};
    const auto r = m.run(p, 30.0 * 24.0);
    EXPECT_GT(r.delivered_mg, 0.0);
    EXPECT_LT(r.relative_error, 1e-9);
    EXPECT_NEAR(r.delivered_mg, 0.5 * 30.0 * p.concentration_mg_per_ml + 1.0, 1e-6);
}

TEST(Spread, ZeroRateGivesZero) {
    const Model m;
    const auto r = m.run(m.infusion("morphine", 0.0), 24.0);
    for (const auto& row : r.concentration_ug_per_ml) {
        for (const double c : row) EXPECT_EQ(c, 0.0);
    }
    EXPECT_EQ(r.relative_error, 0.0);
}

TEST(Spread, AtSteadyInfusionConcentrationFallsAwayFromTheTipBothWays) {
    const Model m;
    const auto r = m.run(m.infusion("morphine", 0.5), 48.0);
    const auto& row = r.concentration_ug_per_ml.back();
    const std::size_t tip = level_column(r, "T10");
    for (std::size_t k = 2; k <= tip; ++k) EXPECT_LT(row[k - 1], row[k]) << r.levels[k - 1] << " above " << r.levels[k];
    for (std::size_t k = tip + 1; k < row.size(); ++k) EXPECT_LE(row[k], row[k - 1] * (1.0 + 1e-9)) << r.levels[k];
}

TEST(Spread, ConcentrationIsLinearInTheConcentrationForAFixedFlowProgram) {
    const Model m;
    const Drug& d = *m.drugs.find("hydromorphone");
    PumpProgram a = continuous_program(d, 0.3, 1.0);
    a.bolus = SingleBolus{0.5, 5.0, 2.0, true};  // 0.5 mL by syringe
    PumpProgram b = continuous_program(d, 0.3, 2.0);
    b.bolus = SingleBolus{1.0, 5.0, 2.0, true};  // the same 0.5 mL, twice as strong
    const auto ra = m.run(a, 24.0), rb = m.run(b, 24.0);
    ASSERT_GT(ra.delivered_mg, 0.0);
    for (std::size_t t = 0; t < ra.times_h.size(); ++t) {
        for (std::size_t k = 0; k < ra.levels.size(); ++k) {
            const double x = ra.concentration_ug_per_ml[t][k], y = rb.concentration_ug_per_ml[t][k];
            EXPECT_NEAR(y, 2.0 * x, 1e-9 * std::max(1.0, y)) << ra.levels[k] << " at " << ra.times_h[t] << " h";
        }
    }
}

TEST(Spread, AHydrophilicDrugSpreadsFurtherThanALipophilicOne) {
    const Model m;
    const auto water = m.run(m.infusion("morphine", 0.5), 48.0);
    const auto fat = m.run(m.infusion("fentanyl", 0.5), 48.0);
    const std::size_t tip = level_column(water, "T10");
    EXPECT_GT(reach_up_cm(water, tip, water.times_h.size() - 1, 0.3), reach_up_cm(fat, tip, fat.times_h.size() - 1, 0.3));
}

TEST(Spread, ABolusSpreadsFurtherThanTheSameDoseInfusedSlowly) {
    const Model m;
    const Drug& morphine = *m.drugs.find("morphine");
    PumpProgram slow = continuous_program(morphine, 0.1, 10.0);  // 1 mg over a day
    PumpProgram bolus = continuous_program(morphine, 0.0, 10.0);
    bolus.bolus = SingleBolus{1.0, 30.0, 0.0};                  // 1 mg in half an hour
    const auto a = m.run(slow, 24.0);
    const auto b = m.run(bolus, 24.0);
    // The peak reached a few levels above the tip is higher after the bolus.
    const std::size_t far = level_column(a, "T7");
    double peak_slow = 0.0, peak_bolus = 0.0;
    for (std::size_t t = 0; t < a.times_h.size(); ++t) {
        peak_slow = std::max(peak_slow, a.concentration_ug_per_ml[t][far]);
        peak_bolus = std::max(peak_bolus, b.concentration_ug_per_ml[t][far]);
    }
    EXPECT_GT(peak_bolus, 1.5 * peak_slow);
    EXPECT_NEAR(a.delivered_mg, b.delivered_mg, 1e-9);
}

TEST(Spread, AnyTimeStepIsStable) {
    const Model m;
    const SpreadGrid g = build_spread_grid(m.anatomy, m.csf);
    SpreadState s = make_spread_state(g);
    SpreadScratch w;
    for (int k = 0; k < 10; ++k) step_spread(g, m.csf, 0.3, g.size() / 2, 1.0, 48.0, s, w);
    for (const double c : s.concentration_mg_per_ml) {
        EXPECT_TRUE(std::isfinite(c));
        EXPECT_GE(c, 0.0);
    }
    EXPECT_LT(s.relative_balance_error(g), 1e-9);
}

TEST(Simulation, WritesEveryHourAndTheLevelsByName) {
    const Model m;
    const auto r = m.run(m.infusion("baclofen", 0.5), 6.5);
    EXPECT_EQ(r.levels.front(), "cranial");
    EXPECT_EQ(r.levels.back(), "S2");
    EXPECT_LT(r.position_cm.front(), 0.0);
    ASSERT_EQ(r.times_h.size(), 8u);  // 0, 1, ..., 6 and 6.5
    EXPECT_NEAR(r.times_h.back(), 6.5, 1e-9);
    const std::string csv = simulation_csv(r);
    EXPECT_EQ(csv.substr(0, csv.find('\n')).substr(0, 15), "time_h,cranial,");
    const auto j = nlohmann::json::parse(simulation_json(r));
    for (const char* key : {"levels", "position_cm", "times_h", "concentration_ug_per_ml", "reservoir_ml", "mass_balance"}) {
        EXPECT_TRUE(j.contains(key)) << key;
    }
}

TEST(ColourMap, ViridisRunsFromPurpleToYellowOnALogScale) {
    const glm::vec3 low = viridis(0.0f), high = viridis(1.0f);
    EXPECT_GT(low.z, low.y);   // purple-blue
    EXPECT_GT(high.x, 0.9f);   // yellow
    EXPECT_GT(high.y, 0.85f);
    // Lightness rises steadily (perceptually ordered).
    float previous = -1.0f;
    for (int k = 0; k <= 10; ++k) {
        const glm::vec3 c = viridis(k / 10.0f);
        const float lightness = 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z;
        EXPECT_GT(lightness, previous) << k;
        previous = lightness;
    }
    EXPECT_FLOAT_EQ(concentration_scale(100.0f, 100.0f), 1.0f);
    EXPECT_FLOAT_EQ(concentration_scale(0.1f, 100.0f), 0.0f);  // three decades down
    EXPECT_NEAR(concentration_scale(10.0f, 100.0f), 2.0f / 3.0f, 1e-6f);
    EXPECT_EQ(concentration_scale(0.0f, 100.0f), 0.0f);
}

TEST(Simulation, SpreadAtInterpolatesBetweenHourlySamples) {
    const Model m;
    const auto r = m.run(m.infusion("morphine", 0.5), 4.0);
    const auto a = spread_at(r, 2.0), b = spread_at(r, 3.0), mid = spread_at(r, 2.5);
    const std::size_t t10 = index_of(Level::T10);
    EXPECT_NEAR(mid[t10], 0.5f * (a[t10] + b[t10]), 1e-3f * b[t10]);
    EXPECT_EQ(spread_at(r, 2.0)[index_of(Level::S4)], 0.0f);  // below the sac
}

TEST(Simulation, ReliefIsWhereTheCordSegmentsGetTheDrug) {
    const Model m;
    const auto r = m.run(m.infusion("morphine", 0.5), 24.0);
    const auto relief = relief_at(r, 24.0, 0.6);
    // The tip is at T10: the cord segments there (about the T12-L1 nerves) get the most; the neck's do not.
    bool any_low_thoracic = false;
    for (const Level l : {Level::T10, Level::T11, Level::T12, Level::L1}) any_low_thoracic = any_low_thoracic || relief[index_of(l)];
    EXPECT_TRUE(any_low_thoracic);
    EXPECT_FALSE(relief[index_of(Level::C3)]);
    EXPECT_FALSE(relief[index_of(Level::T1)]);
    // No drug, no relief.
    const auto none = relief_at(m.run(m.infusion("morphine", 0.0), 4.0), 4.0, 0.6);
    for (const bool b : none) EXPECT_FALSE(b);
    // Segments sit above their foramina, more so lower down (Canbay et al. 2014).
    EXPECT_LT(cord_segment_index(index_of(Level::L3)), static_cast<float>(index_of(Level::L1)));
    const float c5 = static_cast<float>(index_of(Level::C5)), t8 = static_cast<float>(index_of(Level::T8));
    EXPECT_LE(cord_segment_index(index_of(Level::C5)), c5 + 0.5f);
    EXPECT_LT(cord_segment_index(index_of(Level::T8)), t8 + 0.5f - 1.5f);  // further up in the chest
}

// ============================================================================================
// Against human measurements (docs/notes/spread-human-data.md has every number and its source).
// "Within the published range" is the mean +/- 2 SD where a spread is given.
// ============================================================================================

namespace {

// A syringe bolus (a trial injection) of morphine at the lowest catheter tip the model places
// (L2, beside the L2-L3 interspace of the human studies), sampled every minute.
SimulationResult lumbar_morphine_bolus(const Model& m, double dose_mg, double volume_ml, double minutes, double hours) {
    Anatomy anatomy = build_anatomy(AnatomyOptions{.catheter_tip = Level::L2, .body = m.body});
    PumpProgram p = continuous_program(*m.drugs.find("morphine"), 0.0, dose_mg / volume_ml);
    p.bolus = SingleBolus{dose_mg, minutes, 0.0, true};
    SimulationRequest request;
    request.program = p;
    request.hours = hours;
    request.sample_every_h = 1.0 / 60.0;
    return simulate(anatomy, m.csf, *m.drugs.find("morphine"), request);
}

double at(const SimulationResult& r, const char* level, double t_h) {
    const auto later = std::lower_bound(r.times_h.begin(), r.times_h.end(), t_h - 1e-9);
    return r.concentration_ug_per_ml[static_cast<std::size_t>(later - r.times_h.begin())][level_column(r, level)];
}

// The lumbar-to-cisternal ratio after 20 days of a continuous infusion at the tip (a lumbar
// puncture at L4; the cisterna magna opens into the model's cranial compartment).
double lumbar_to_cisternal(const Model& m, const char* drug, Level tip) {
    Anatomy anatomy = build_anatomy(AnatomyOptions{.catheter_tip = tip, .body = m.body});
    SimulationRequest request;
    request.program = m.infusion(drug, 0.5);
    request.hours = 20.0 * 24.0;
    request.sample_every_h = 24.0;
    const auto r = simulate(anatomy, m.csf, *m.drugs.find(drug), request);
    return r.concentration_ug_per_ml.back()[level_column(r, "L4")] / r.concentration_ug_per_ml.back()[0];
}

// Mean +/- 2 SD, the SD from the standard error of the mean of n patients.
struct Range {
    double low, high;
};
Range from_sem(double mean, double sem, int n) {
    const double sd = sem * std::sqrt(static_cast<double>(n));
    return {mean - 2.0 * sd, mean + 2.0 * sd};
}

}  // namespace

// Nordberg et al. 1984: 0.5 mg intrathecal morphine at L2-L3 or L3-L4; lumbar CSF at 1 h
// 10,447 +/- 1,538 ng/mL (mean +/- SEM; 15 patients in two dose groups, so at least 7 here).
// The injected volume was not in the abstract: 1 mL of 0.5 mg/mL, given over a minute, assumed.
TEST_P(SpreadHuman, Nordberg1984LumbarConcentrationOneHourAfterABolus) {
    const Model m(GetParam());
    const auto r = lumbar_morphine_bolus(m, 0.5, 1.0, 1.0, 2.0);
    const Range published = from_sem(10.447, 1.538, 7);
    const double model = at(r, "L3", 1.0);
    EXPECT_GE(model, published.low);
    EXPECT_LE(model, published.high);
}

// Nordberg et al. 1984: terminal half-life in lumbar CSF after 0.5 mg, 175 +/- 9 min (SEM).
TEST_P(SpreadHuman, Nordberg1984LumbarHalfLife) {
    const Model m(GetParam());
    const auto r = lumbar_morphine_bolus(m, 0.5, 1.0, 1.0, 8.0);
    const double half_life_min = 120.0 / std::log2(at(r, "L3", 4.0) / at(r, "L3", 6.0));
    const Range published = from_sem(175.0, 9.0, 7);
    EXPECT_GE(half_life_min, published.low);
    EXPECT_LE(half_life_min, published.high);
}

// Sjostrom et al. 1987: 0.3 mg intrathecal morphine, 6 patients: peak CSF 6,410 +/- 1,290 ng/mL
// and, after the first 15 min, a half-life of 89.8 +/- 16.1 min (mean +/- SEM). Volume not in the
// abstract: 1 mL over a minute assumed, as for NO84.
TEST_P(SpreadHuman, Sjostrom1987PeakAndHalfLifeAfterABolus) {
    const Model m(GetParam());
    const auto r = lumbar_morphine_bolus(m, 0.3, 1.0, 1.0, 6.0);
    const std::size_t k = level_column(r, "L3");
    double peak = 0.0, sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0;
    int n = 0;
    for (std::size_t t = 0; t < r.times_h.size(); ++t) {
        const double c = r.concentration_ug_per_ml[t][k];
        peak = std::max(peak, c);
        if (r.times_h[t] < 0.25) continue;  // the half-life from a log-linear fit, 15 min to 6 h
        sx += r.times_h[t], sy += std::log(c), sxx += r.times_h[t] * r.times_h[t], sxy += r.times_h[t] * std::log(c);
        ++n;
    }
    const double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    const double half_life_min = -std::log(2.0) / slope * 60.0;
    const Range peak_range = from_sem(6.410, 1.290, 6), half_life_range = from_sem(89.8, 16.1, 6);
    EXPECT_GE(peak, std::max(0.0, peak_range.low));
    EXPECT_LE(peak, peak_range.high);
    EXPECT_GE(half_life_min, half_life_range.low);
    EXPECT_LE(half_life_min, half_life_range.high);
}

// A lumbar bolus is found at T10 within 15 minutes and in the neck (C2) within an hour
// (radionuclide cisternography: lumbar tracer in the basal cisterns by about 1 h, Radiopaedia;
// Gourlay 1985: morphine in cervical CSF within about 60 min). "Found" = 1 % of the lumbar
// concentration at that moment.
TEST_P(SpreadHuman, ALumbarBolusReachesT10InFifteenMinutesAndTheNeckWithinAnHour) {
    const Model m(GetParam());
    const auto r = lumbar_morphine_bolus(m, 0.5, 1.0, 1.0, 1.0);
    EXPECT_GE(at(r, "T10", 0.25), 0.01 * at(r, "L3", 0.25));
    EXPECT_GE(at(r, "C2", 1.0), 0.01 * at(r, "L3", 1.0));
    // ... and not at once: the neck is still clear five minutes after the injection.
    EXPECT_LT(at(r, "C2", 5.0 / 60.0), 0.01 * at(r, "L3", 5.0 / 60.0));
}

// Bernards et al. 2003: 50 ug morphine at a lower lumbar interspace peaked at a needle two
// interspaces higher at 57 +/- 12 min (mean +/- SD, 8 volunteers). Small volume (0.1 mL) assumed.
TEST_P(SpreadHuman, Bernards2003PeakTwoInterspacesAboveTheInjection) {
    const Model m(GetParam());
    const auto r = lumbar_morphine_bolus(m, 0.05, 0.1, 0.5, 3.0);
    const std::size_t k = level_column(r, "T12");
    std::size_t peak = 0;
    for (std::size_t t = 0; t < r.times_h.size(); ++t) {
        if (r.concentration_ug_per_ml[t][k] > r.concentration_ug_per_ml[peak][k]) peak = t;
    }
    EXPECT_GE(r.times_h[peak] * 60.0, 57.0 - 2.0 * 12.0);
    EXPECT_LE(r.times_h[peak] * 60.0, 57.0 + 2.0 * 12.0);
}

// Chronic infusion, lumbar : cisternal CSF: about 7 : 1 with the tip at L2 and about 2 : 1 at T10
// (the figures of issue 15; the primary tables were not retrieved, so no spread is known: the
// test accepts a factor of 2 either way and says so in docs/drug-spread.md).
TEST_P(SpreadHuman, ChronicInfusionLumbarToCisternalRatioWithTheTipAtL2) {
    const Model m(GetParam());
    const double ratio = lumbar_to_cisternal(m, "morphine", Level::L2);
    EXPECT_GE(ratio, 7.0 / 2.0);
    EXPECT_LE(ratio, 7.0 * 2.0);
}

TEST_P(SpreadHuman, ChronicInfusionLumbarToCisternalRatioWithTheTipAtT10) {
    const Model m(GetParam());
    const double ratio = lumbar_to_cisternal(m, "morphine", Level::T10);
    EXPECT_GE(ratio, 2.0 / 2.0);
    EXPECT_LE(ratio, 2.0 * 2.0);
}

TEST_P(SpreadHuman, TheLumbarToCisternalRatioFallsWhenTheTipMovesUp) {
    const Model m(GetParam());
    for (const char* drug : {"morphine", "baclofen"}) {
        EXPECT_GT(lumbar_to_cisternal(m, drug, Level::L2), lumbar_to_cisternal(m, drug, Level::T10)) << drug;
        EXPECT_GT(lumbar_to_cisternal(m, drug, Level::T10), lumbar_to_cisternal(m, drug, Level::T6)) << drug;
    }
}

// Kroin et al. 1993: In-111 DTPA, a hydrophilic tracer that leaves the CSF only with the CSF
// itself, infused for 72 h into the lumbar space of 5 pump patients: around the cord at T2 it was
// 43 % of T12 in 4 of them (no spread given; the test accepts 43 % +/- 15 points).
TEST_P(SpreadHuman, Kroin1993TracerFallsGraduallyAlongTheThoracicCord) {
    const Model m(GetParam());
    Drug tracer = *m.drugs.find("morphine");
    tracer.csf_half_life_h = 100.0;  // nothing but the CSF's own turnover takes it away
    SimulationRequest request;
    request.program = continuous_program(tracer, 0.5, 1.0);
    request.hours = 72.0;
    const auto r = simulate(build_anatomy(AnatomyOptions{.catheter_tip = Level::L2, .body = m.body}), m.csf, tracer, request);
    const auto& row = r.concentration_ug_per_ml.back();
    const double fraction = row[level_column(r, "T2")] / row[level_column(r, "T12")];
    EXPECT_GE(fraction, 0.43 - 0.15);
    EXPECT_LE(fraction, 0.43 + 0.15);
}

// Bernards 2006 (pigs) and the issue: at the same amount per hour, a bolus of 1 mL over 5 minutes
// spreads further than 20 uL/h, and a larger volume further than a smaller one of the same dose.
TEST(Spread, ALargerBolusVolumeSpreadsFurtherAtTheSameDose) {
    const Model m;
    const auto small = lumbar_morphine_bolus(m, 0.5, 0.1, 5.0, 1.0);
    const auto large = lumbar_morphine_bolus(m, 0.5, 1.0, 5.0, 1.0);
    const std::size_t tip = level_column(small, "L2");
    EXPECT_GT(reach_up_cm(large, tip, 10, 0.5), reach_up_cm(small, tip, 10, 0.5));
    EXPECT_GT(at(large, "T10", 1.0 / 6.0), 1.5 * at(small, "T10", 1.0 / 6.0));
    EXPECT_NEAR(small.delivered_mg, large.delivered_mg, 1e-12);
}

TEST(Spread, AFastInjectionSpreadsFurtherThanASlowInfusionOfTheSameAmount) {
    const Model m;
    const Drug& bupivacaine = *m.drugs.find("bupivacaine");
    // 0.15 mg in the first hour either way: 20 uL/h of 7.5 mg/mL, or 1 mL of 0.15 mg/mL in 5 min.
    PumpProgram slow = continuous_program(bupivacaine, 0.48, 7.5);
    PumpProgram fast = continuous_program(bupivacaine, 0.0, 0.15);
    fast.bolus = SingleBolus{0.15, 5.0, 0.0, true};
    SimulationRequest request;
    request.hours = 1.0;
    request.program = slow;
    const auto a = simulate(m.anatomy, m.csf, bupivacaine, request);
    request.program = fast;
    const auto b = simulate(m.anatomy, m.csf, bupivacaine, request);
    EXPECT_NEAR(a.delivered_mg, b.delivered_mg, 1e-9);
    const std::size_t tip = level_column(a, "T10");
    EXPECT_GT(reach_up_cm(b, tip, 1, 0.3), reach_up_cm(a, tip, 1, 0.3));
}

TEST(Spread, ABolusShorterThanAStepIsStillDelivered) {
    const Model m;
    const auto r = lumbar_morphine_bolus(m, 0.05, 0.1, 0.25, 0.5);  // 15 s with 1-minute steps
    EXPECT_NEAR(r.delivered_mg, 0.05, 1e-12);
    EXPECT_LT(r.relative_error, 1e-9);
    EXPECT_EQ(r.reservoir_ml.back(), r.reservoir_ml.front());  // a syringe's bolus is not the pump's
}

TEST(Simulation, TheEnsembleRunsWithinItsBudgetAndGivesTheBandOnceEveryRunHasGotThere) {
    const Model m;
    SimulationRequest request;
    request.program = m.infusion("morphine", 0.5);
    request.hours = 48.0;
    SpreadEnsemble ensemble(m.anatomy, m.csf, *m.drugs.find("morphine"), request);
    const long steps_per_run = static_cast<long>(std::ceil(request.hours / request.step_h - 1e-9));
    // One frame's budget: the fitted run goes first, and no more steps than asked are taken.
    ensemble.advance(steps_per_run / 2);
    EXPECT_NEAR(ensemble.result().times_h.back(), 24.0, 1.0);
    EXPECT_FALSE(ensemble.band_at(12.0).has_value());  // the other eight have not started
    long frames = 1;
    while (!ensemble.advance(steps_per_run / 2)) ++frames;
    EXPECT_EQ(frames, 17);  // nine runs, two frames each, less the first frame's half
    const auto band = ensemble.band_at(24.0);
    ASSERT_TRUE(band.has_value());
    const auto fitted = spread_at(ensemble.result(), 24.0);
    const SpreadBand reference = spread_band(m.anatomy, m.csf, *m.drugs.find("morphine"), request, 24.0);
    for (int k = 0; k < kLevelCount; ++k) {
        EXPECT_LE(band->low[k], fitted[k]) << k;
        EXPECT_GE(band->high[k], fitted[k]) << k;
        if (k <= index_of(Level::S2)) {
            EXPECT_NEAR(band->low[k], reference.low_ug_per_ml[k + 1], 1e-4 * reference.high_ug_per_ml[k + 1] + 1e-9) << k;
            EXPECT_NEAR(band->high[k], reference.high_ug_per_ml[k + 1], 1e-4 * reference.high_ug_per_ml[k + 1] + 1e-9) << k;
        }
    }
    EXPECT_GT(band->high[index_of(Level::C2)], band->low[index_of(Level::C2)]);
}

TEST(Simulation, TheUncertaintyBandHoldsTheFittedRunAndWidensAwayFromTheTip) {
    const Model m;
    SimulationRequest request;
    request.program = m.infusion("morphine", 0.5);
    request.hours = 48.0;
    const SpreadBand band = spread_band(m.anatomy, m.csf, *m.drugs.find("morphine"), request, 24.0);
    const auto central = m.run(request.program, 24.0);
    ASSERT_EQ(band.levels, central.levels);
    for (std::size_t k = 0; k < band.levels.size(); ++k) {
        EXPECT_NEAR(band.central_ug_per_ml[k], central.concentration_ug_per_ml.back()[k], 1e-9) << band.levels[k];
        EXPECT_LE(band.low_ug_per_ml[k], band.central_ug_per_ml[k]) << band.levels[k];
        EXPECT_GE(band.high_ug_per_ml[k], band.central_ug_per_ml[k]) << band.levels[k];
    }
    // Where the spread is least certain, an hour after a lumbar bolus in the neck, it is wide.
    SimulationRequest bolus;
    bolus.program = continuous_program(*m.drugs.find("morphine"), 0.0, 0.5);
    bolus.program.bolus = SingleBolus{0.5, 1.0, 0.0, true};
    bolus.hours = 2.0;
    const SpreadBand neck = spread_band(build_anatomy(AnatomyOptions{.catheter_tip = Level::L2}), m.csf,
                                        *m.drugs.find("morphine"), bolus, 1.0);
    const std::size_t c2 = level_column(central, "C2");
    EXPECT_GT(neck.high_ug_per_ml[c2], 2.0 * neck.low_ug_per_ml[c2]);
}

INSTANTIATE_TEST_SUITE_P(BothBodies, SpreadHuman, ::testing::ValuesIn(kBodyTypes),
                         [](const auto& info) { return std::string(name_of(info.param)); });
