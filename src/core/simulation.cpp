// Simulation driver and its JSON and CSV output.
#include "core/simulation.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include <nlohmann/json.hpp>

namespace thecaview {

namespace {

// Concentration at a position along the canal, interpolated between cell centres (mg/mL).
double sample_at(const SpreadGrid& g, const std::vector<double>& c, double position_cm) {
    if (position_cm <= g.position_cm[1]) return c[1];
    for (std::size_t i = 1; i + 1 < g.size(); ++i) {
        if (position_cm <= g.position_cm[i + 1]) {
            const double f = (position_cm - g.position_cm[i]) / (g.position_cm[i + 1] - g.position_cm[i]);
            return c[i] + f * (c[i + 1] - c[i]);
        }
    }
    return c.back();
}

}  // namespace

SimulationResult simulate(const Anatomy& anatomy, const CsfParameters& csf, const Drug& drug,
                          const SimulationRequest& request) {
    const SpreadGrid grid = build_spread_grid(anatomy, csf);
    SpreadState state = make_spread_state(grid);
    SpreadScratch scratch;
    const std::size_t tip = grid.cell_at_level(anatomy.catheter_tip_level_index());
    const double clearance = drug.clearance_per_h();

    SimulationResult r;
    r.levels.push_back("cranial");
    r.position_cm.push_back(grid.position_cm[0]);
    for (int i = 0; i <= index_of(Level::S2); ++i) {
        r.levels.push_back(name_of(level_at(i)));
        r.position_cm.push_back(grid.position_of_level(i));
    }
    double reservoir = request.program.fill_ml;
    const auto sample = [&] {
        r.times_h.push_back(state.time_h);
        std::vector<double> row{state.concentration_mg_per_ml[0] * 1000.0};
        for (std::size_t k = 1; k < r.levels.size(); ++k) {
            row.push_back(sample_at(grid, state.concentration_mg_per_ml, r.position_cm[k]) * 1000.0);
        }
        r.concentration_ug_per_ml.push_back(std::move(row));
        r.reservoir_ml.push_back(std::max(reservoir, 0.0));
    };
    sample();
    const auto steps = static_cast<long>(std::ceil(request.hours / request.step_h - 1e-9));
    double next_sample = request.sample_every_h;
    for (long s = 0; s < steps; ++s) {
        const double dt = std::min(request.step_h, request.hours - state.time_h);
        const double mid = state.time_h + 0.5 * dt;
        // The pump stops giving drug when its reservoir is empty.
        const double volume = volume_rate_ml_per_h(request.program, mid) * dt;
        const double fraction = volume > 0.0 ? std::clamp(reservoir / volume, 0.0, 1.0) : 1.0;
        reservoir -= volume * fraction;
        step_spread(grid, csf, clearance, tip, drug_rate_mg_per_h(request.program, mid) * fraction, dt, state, scratch);
        if (state.time_h + 1e-9 >= next_sample || s + 1 == steps) {
            sample();
            next_sample += request.sample_every_h;
        }
    }
    r.delivered_mg = state.delivered_mg;
    r.in_csf_mg = state.in_csf_mg(grid);
    r.cleared_mg = state.cleared_mg;
    r.relative_error = state.relative_balance_error(grid);
    return r;
}

std::string simulation_json(const SimulationResult& r) {
    nlohmann::ordered_json j;
    j["levels"] = r.levels;
    j["position_cm"] = r.position_cm;
    j["times_h"] = r.times_h;
    j["concentration_ug_per_ml"] = r.concentration_ug_per_ml;
    j["reservoir_ml"] = r.reservoir_ml;
    j["mass_balance"] = {{"delivered_mg", r.delivered_mg},
                         {"in_csf_mg", r.in_csf_mg},
                         {"cleared_mg", r.cleared_mg},
                         {"relative_error", r.relative_error}};
    return j.dump(2) + "\n";
}

std::string simulation_csv(const SimulationResult& r) {
    std::ostringstream out;
    out.precision(9);
    out << "time_h";
    for (const auto& l : r.levels) out << "," << l;
    out << "\n";
    for (std::size_t t = 0; t < r.times_h.size(); ++t) {
        out << r.times_h[t];
        for (const double c : r.concentration_ug_per_ml[t]) out << "," << c;
        out << "\n";
    }
    return out.str();
}

}  // namespace thecaview
