// Simulation driver and its JSON and CSV output.
#include "core/simulation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
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

SimulationRun::SimulationRun(const Anatomy& anatomy, const CsfParameters& csf, const Drug& drug,
                             const SimulationRequest& request)
    : csf_(csf), request_(request), grid_(build_spread_grid(anatomy, csf)) {
    state_ = make_spread_state(grid_);
    tip_ = grid_.cell_at_level(anatomy.catheter_tip_level_index());
    clearance_per_h_ = local_loss_per_h(csf, drug.csf_half_life_h);
    injection_shares(grid_, tip_, 0.0, share_);
    mixing_decay_ = std::exp(-request.step_h / csf.injection_mixing_memory_h);
    result_.levels.push_back("cranial");
    result_.position_cm.push_back(grid_.position_cm[0]);
    for (int i = 0; i <= index_of(Level::S2); ++i) {
        result_.levels.push_back(name_of(level_at(i)));
        result_.position_cm.push_back(grid_.position_of_level(i));
    }
    reservoir_ml_ = request.program.fill_ml;
    steps_total_ = static_cast<long>(std::ceil(request.hours / request.step_h - 1e-9));
    next_sample_h_ = request.sample_every_h;
    sample();
}

void SimulationRun::sample() {
    result_.times_h.push_back(state_.time_h);
    std::vector<double> row{state_.concentration_mg_per_ml[0] * 1000.0};
    for (std::size_t k = 1; k < result_.levels.size(); ++k) {
        row.push_back(sample_at(grid_, state_.concentration_mg_per_ml, result_.position_cm[k]) * 1000.0);
    }
    result_.concentration_ug_per_ml.push_back(std::move(row));
    result_.reservoir_ml.push_back(std::max(reservoir_ml_, 0.0));
}

bool SimulationRun::advance(long max_steps) {
    for (long n = 0; n < max_steps && step_ < steps_total_; ++n, ++step_) {
        const double dt = std::min(request_.step_h, request_.hours - state_.time_h);
        // The pump stops giving drug when its reservoir is empty; a syringe's bolus is not from it.
        const double t0 = state_.time_h, t1 = state_.time_h + dt;
        const double syringe_mg = syringe_mg_between(request_.program, t0, t1);
        const double pump_mg = std::max(drug_mg_between(request_.program, t0, t1) - syringe_mg, 0.0);
        const double c = request_.program.concentration_mg_per_ml;
        const double pump_ml = c > 0.0 ? pump_mg / c : 0.0;
        const double fraction = pump_ml > 0.0 ? std::clamp(reservoir_ml_ / pump_ml, 0.0, 1.0) : 1.0;
        reservoir_ml_ -= pump_ml * fraction;
        const double drug_mg = pump_mg * fraction + syringe_mg;
        // The more fluid has just left the catheter, the more CSF its jet mixes the drug into. A
        // pump's slow flow stays within the tip's cell: the shares are then left as they are.
        const double decay = dt == request_.step_h ? mixing_decay_ : std::exp(-dt / csf_.injection_mixing_memory_h);
        recent_injected_ml_ = recent_injected_ml_ * decay + (c > 0.0 ? drug_mg / c : 0.0);
        const double mixing_ml = injection_mixing_ml(csf_, recent_injected_ml_);
        if (mixing_ml > grid_.volume_ml[tip_] || share_[tip_] != 1.0) injection_shares(grid_, tip_, mixing_ml, share_);
        step_spread(grid_, csf_, clearance_per_h_, share_, drug_mg / dt, dt, state_, scratch_);
        if (state_.time_h + 1e-9 >= next_sample_h_ || step_ + 1 == steps_total_) {
            sample();
            next_sample_h_ += request_.sample_every_h;
        }
    }
    result_.delivered_mg = state_.delivered_mg;
    result_.in_csf_mg = state_.in_csf_mg(grid_);
    result_.cleared_mg = state_.cleared_mg;
    result_.relative_error = state_.relative_balance_error(grid_);
    return done();
}

SimulationResult simulate(const Anatomy& anatomy, const CsfParameters& csf, const Drug& drug,
                          const SimulationRequest& request) {
    SimulationRun run(anatomy, csf, drug, request);
    run.advance(std::numeric_limits<long>::max());
    return run.result();
}

std::array<float, kLevelCount> spread_at(const SimulationResult& r, double time_h) {
    std::array<float, kLevelCount> out{};
    if (r.times_h.empty()) return out;
    const auto later = std::lower_bound(r.times_h.begin(), r.times_h.end(), time_h);
    const std::size_t b = std::min<std::size_t>(static_cast<std::size_t>(later - r.times_h.begin()), r.times_h.size() - 1);
    const std::size_t a = b == 0 ? 0 : b - 1;
    const double span = r.times_h[b] - r.times_h[a];
    const double f = span > 0.0 ? std::clamp((time_h - r.times_h[a]) / span, 0.0, 1.0) : 1.0;
    for (std::size_t k = 1; k < r.levels.size() && k - 1 < out.size(); ++k) {
        const double c = r.concentration_ug_per_ml[a][k] + f * (r.concentration_ug_per_ml[b][k] - r.concentration_ug_per_ml[a][k]);
        out[k - 1] = static_cast<float>(c);
    }
    return out;
}

double peak_concentration(const SimulationResult& r) {
    double top = 0.0;
    for (const auto& row : r.concentration_ug_per_ml) {
        for (std::size_t k = 1; k < row.size(); ++k) top = std::max(top, row[k]);
    }
    return top;
}

std::array<bool, kLevelCount> relief_at(const SimulationResult& r, double time_h, double fraction) {
    std::array<bool, kLevelCount> out{};
    const double top = peak_concentration(r);
    if (top <= 0.0) return out;
    const auto now = spread_at(r, time_h);
    for (int nerve = 0; nerve + 1 < kLevelCount; ++nerve) {
        const float segment = cord_segment_index(nerve);
        const int i = std::clamp(static_cast<int>(segment), 0, kLevelCount - 2);
        const float f = segment - static_cast<float>(i);
        const double c = now[static_cast<std::size_t>(i)] + f * (now[static_cast<std::size_t>(i) + 1] - now[static_cast<std::size_t>(i)]);
        out[static_cast<std::size_t>(nerve)] = c >= fraction * top;
    }
    return out;
}

std::vector<CsfParameters> plausible_parameters(const CsfParameters& fitted) {
    std::vector<CsfParameters> sets;
    for (const double dispersion : {1.0, 0.5, 2.0}) {
        for (const double mixing : {1.0, 0.5, 2.0}) {
            CsfParameters p = fitted;
            for (double* d : {&p.dispersion_cervical_cm2_per_h, &p.dispersion_thoracic_cm2_per_h,
                              &p.dispersion_thoracolumbar_cm2_per_h, &p.dispersion_lumbar_cm2_per_h,
                              &p.dispersion_sacral_cm2_per_h, &p.foramen_exchange_ml_per_h}) {
                *d *= dispersion;
            }
            p.injection_mixing_ml_per_ml *= mixing;
            sets.push_back(p);
        }
    }
    return sets;
}

SpreadBand spread_band(const Anatomy& anatomy, const CsfParameters& csf, const Drug& drug, const SimulationRequest& request,
                       double time_h) {
    SpreadBand band;
    SimulationRequest to_time = request;
    to_time.hours = std::clamp(time_h, request.step_h, request.hours);
    to_time.sample_every_h = to_time.hours;  // only the end is needed
    for (const CsfParameters& p : plausible_parameters(csf)) {
        const SimulationResult r = simulate(anatomy, p, drug, to_time);
        const std::vector<double>& now = r.concentration_ug_per_ml.back();
        if (band.levels.empty()) {
            band.levels = r.levels;
            band.low_ug_per_ml = band.central_ug_per_ml = band.high_ug_per_ml = now;
        }
        for (std::size_t k = 0; k < now.size(); ++k) {
            band.low_ug_per_ml[k] = std::min(band.low_ug_per_ml[k], now[k]);
            band.high_ug_per_ml[k] = std::max(band.high_ug_per_ml[k], now[k]);
        }
    }
    return band;
}

SpreadEnsemble::SpreadEnsemble(const Anatomy& anatomy, const CsfParameters& csf, const Drug& drug,
                               const SimulationRequest& request) {
    for (const CsfParameters& p : plausible_parameters(csf)) runs_.push_back(std::make_unique<SimulationRun>(anatomy, p, drug, request));
}

bool SpreadEnsemble::advance(long max_steps) {
    for (auto& run : runs_) {
        if (max_steps <= 0) break;
        const long before = run->steps_done();
        run->advance(max_steps);
        max_steps -= run->steps_done() - before;
    }
    return done();
}

bool SpreadEnsemble::done() const {
    return std::all_of(runs_.begin(), runs_.end(), [](const auto& run) { return run->done(); });
}

std::optional<LevelBand> SpreadEnsemble::band_at(double time_h) const {
    LevelBand band;
    band.low.fill(std::numeric_limits<float>::max());
    band.high.fill(0.0f);
    for (const auto& run : runs_) {
        const SimulationResult& r = run->result();
        if (r.times_h.empty() || r.times_h.back() + 1e-9 < std::min(time_h, run->request_hours())) return std::nullopt;
        const auto now = spread_at(r, time_h);
        for (int k = 0; k < kLevelCount; ++k) {
            band.low[k] = std::min(band.low[k], now[k]);
            band.high[k] = std::max(band.high[k], now[k]);
        }
    }
    return band;
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
    j["above_published_range"] = r.above_published_range;
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
