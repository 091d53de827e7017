// Runs a pump program through the transport model and samples the result per vertebral level
// every hour: what `thecaview simulate` writes and the drug view plots.
#pragma once

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
};

// The anatomy gives the canal's length and shape and the catheter tip's level.
SimulationResult simulate(const Anatomy& anatomy, const CsfParameters& csf, const Drug& drug,
                          const SimulationRequest& request);

std::string simulation_json(const SimulationResult& result);
std::string simulation_csv(const SimulationResult& result);

}  // namespace thecaview
