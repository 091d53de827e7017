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
    Anatomy anatomy = build_anatomy();
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

// How far (cm) from the tip the concentration stays above `fraction` of the tip's.
double reach_cm(const SimulationResult& r, std::size_t tip, std::size_t time, double fraction) {
    const auto& row = r.concentration_ug_per_ml[time];
    double reach = 0.0;
    for (std::size_t k = 1; k < row.size(); ++k) {
        if (row[k] >= fraction * row[tip]) reach = std::max(reach, std::abs(r.position_cm[k] - r.position_cm[tip]));
    }
    return reach;
}

}  // namespace

TEST(Spread, TheGridHoldsTheMeasuredVolumes) {
    const Model m;
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
    EXPECT_LT(row[level_column(r, "C2")], 0.2 * row[tip]);
}

TEST(Spread, ConcentrationIsLinearInRate) {
    const Model m;
    const auto a = m.run(m.infusion("hydromorphone", 0.3), 24.0);
    const auto b = m.run(m.infusion("hydromorphone", 0.6), 24.0);
    for (std::size_t k = 0; k < a.levels.size(); ++k) {
        EXPECT_NEAR(b.concentration_ug_per_ml.back()[k], 2.0 * a.concentration_ug_per_ml.back()[k],
                    1e-9 * std::max(1.0, b.concentration_ug_per_ml.back()[k]));
    }
}

TEST(Spread, AHydrophilicDrugSpreadsFurtherThanALipophilicOne) {
    const Model m;
    const auto water = m.run(m.infusion("morphine", 0.5), 48.0);
    const auto fat = m.run(m.infusion("fentanyl", 0.5), 48.0);
    const std::size_t tip = level_column(water, "T10");
    EXPECT_GT(reach_cm(water, tip, water.times_h.size() - 1, 0.1), reach_cm(fat, tip, fat.times_h.size() - 1, 0.1));
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
    const auto relief = relief_at(r, 24.0, 0.1);
    // The tip is at T10: the cord segments there (about the T12-L1 nerves) get the most; the neck's do not.
    bool any_low_thoracic = false;
    for (const Level l : {Level::T10, Level::T11, Level::T12, Level::L1}) any_low_thoracic = any_low_thoracic || relief[index_of(l)];
    EXPECT_TRUE(any_low_thoracic);
    EXPECT_FALSE(relief[index_of(Level::C3)]);
    EXPECT_FALSE(relief[index_of(Level::T1)]);
    // No drug, no relief.
    const auto none = relief_at(m.run(m.infusion("morphine", 0.0), 4.0), 4.0, 0.1);
    for (const bool b : none) EXPECT_FALSE(b);
    // Segments sit above their foramina, more so lower down (Canbay et al. 2014).
    EXPECT_LT(cord_segment_index(index_of(Level::L3)), static_cast<float>(index_of(Level::L1)));
    const float c5 = static_cast<float>(index_of(Level::C5)), t8 = static_cast<float>(index_of(Level::T8));
    EXPECT_LE(cord_segment_index(index_of(Level::C5)), c5 + 0.5f);
    EXPECT_LT(cord_segment_index(index_of(Level::T8)), t8 + 0.5f - 1.5f);  // further up in the chest
}
