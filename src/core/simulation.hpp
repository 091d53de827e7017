// Runs a pump program through the transport model and samples the result per vertebral level
// every hour: what `thecaview simulate` writes and the drug view plots.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/anatomy.hpp"
#include "core/drugs.hpp"
#include "core/pump.hpp"
#include "core/spread.hpp"

namespace thecaview {

struct SimulationRequest {
    PumpProgram program;
    double hours = 24.0;
    double step_h = 1.0 / 60.0;  // one minute
    double sample_every_h = 1.0;
};

struct SimulationResult {
    std::vector<std::string> levels;                 // "cranial", then C1 ... S2
    std::vector<double> position_cm;                 // from the foramen magnum; cranial negative
    std::vector<double> times_h;                     // every sample_every_h, and the final time
    std::vector<std::vector<double>> concentration_ug_per_ml;  // [time][level]
    std::vector<double> reservoir_ml;                // [time]
    double delivered_mg = 0.0;
    double in_csf_mg = 0.0;
    double cleared_mg = 0.0;
    double relative_error = 0.0;
    // Where the program is above the drug's published ranges, with their sources (it still runs).
    std::vector<std::string> above_published_range;
};

// A simulation that can be advanced a little at a time (the viewer runs it between frames, so
// that no frame waits for it).
class SimulationRun {
public:
    SimulationRun(const Anatomy& anatomy, const CsfParameters& csf, const Drug& drug, const SimulationRequest& request);
    // Runs at most max_steps model steps; returns whether the whole request is done.
    bool advance(long max_steps);
    [[nodiscard]] bool done() const { return step_ >= steps_total_; }
    [[nodiscard]] long steps_done() const { return step_; }
    [[nodiscard]] double request_hours() const { return request_.hours; }
    // The samples so far, and the mass balance up to now.
    [[nodiscard]] const SimulationResult& result() const { return result_; }

private:
    void sample();

    CsfParameters csf_;
    SimulationRequest request_;
    SpreadGrid grid_;
    SpreadState state_;
    SpreadScratch scratch_;
    std::vector<double> share_;    // how the catheter's output is shared between cells now
    double recent_injected_ml_ = 0.0;  // volume injected recently (fading): what stirs the CSF
    double mixing_decay_ = 1.0;        // how much of it is still felt one step later
    std::size_t tip_ = 1;
    double clearance_per_h_ = 0.0;
    double reservoir_ml_ = 0.0;
    long steps_total_ = 0;
    long step_ = 0;
    double next_sample_h_ = 1.0;
    SimulationResult result_;
};

// The anatomy gives the canal's length and shape and the catheter tip's level.
SimulationResult simulate(const Anatomy& anatomy, const CsfParameters& csf, const Drug& drug,
                          const SimulationRequest& request);

// The highest spinal concentration of the run so far (µg/mL; the cranial compartment left out):
// the top of the colour scale.
double peak_concentration(const SimulationResult& result);

// Concentration per vertebral level (C1 ... Co; 0 below S2) at time t, between the hourly samples.
std::array<float, kLevelCount> spread_at(const SimulationResult& result, double time_h);

// "Where relief may be felt": for each spinal nerve (by the level it leaves below), whether the
// drug at its cord segment reaches `fraction` of the run's highest concentration. A teaching
// simplification: the model gives concentration, not effect.
std::array<bool, kLevelCount> relief_at(const SimulationResult& result, double time_h, double fraction = 0.1);

// The concentration at each level (µg/mL; "cranial", then C1 ... S2) at `time_h` across plausible
// transport parameters: the fitted dispersion (every level and the foramen) and the injection
// mixing each halved and doubled, nine runs in all. People vary at least this much (BE03, HS12);
// the factor of 2 is an estimate, not a published spread. For the drug view's uncertainty band.
struct SpreadBand {
    std::vector<std::string> levels;
    std::vector<double> low_ug_per_ml, central_ug_per_ml, high_ug_per_ml;
};
SpreadBand spread_band(const Anatomy& anatomy, const CsfParameters& csf, const Drug& drug, const SimulationRequest& request,
                       double time_h);

// Those nine parameter sets, the fitted one first.
std::vector<CsfParameters> plausible_parameters(const CsfParameters& fitted);

// The lowest and highest concentration across the plausible runs, per level C1 ... Co as
// spread_at gives them (µg/mL).
struct LevelBand {
    std::array<float, kLevelCount> low{};
    std::array<float, kLevelCount> high{};
};

// The drug view's run and the eight runs beside it on plausible parameters, advanced a little at
// a time like one run (the fitted run first), so that the band never makes a frame wait.
class SpreadEnsemble {
public:
    SpreadEnsemble(const Anatomy& anatomy, const CsfParameters& csf, const Drug& drug, const SimulationRequest& request);
    // Runs at most max_steps model steps in all; returns whether every run is done.
    bool advance(long max_steps);
    [[nodiscard]] bool done() const;
    // The fitted run.
    [[nodiscard]] const SimulationResult& result() const { return runs_.front()->result(); }
    // The band at time_h, once every run has got that far.
    [[nodiscard]] std::optional<LevelBand> band_at(double time_h) const;

private:
    std::vector<std::unique_ptr<SimulationRun>> runs_;
};

std::string simulation_json(const SimulationResult& result);
std::string simulation_csv(const SimulationResult& result);

}  // namespace thecaview
