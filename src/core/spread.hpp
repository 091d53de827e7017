// Drug transport in the CSF: a 1-D finite-volume model along the spinal subarachnoid space,
// from the end of the dural sac (S2) up to the foramen magnum, with a well-mixed cranial
// compartment beyond it. Implicit in time (backward Euler), so any step is stable, and
// mass-conserving to rounding. GL-free; units in the names (cm, mL, h, mg).
#pragma once

#include <string>
#include <vector>

#include "core/anatomy.hpp"

namespace thecaview {

// Transport parameters that do not depend on the drug (assets/spread.json; every number's source
// in docs/notes/spread-human-data.md).
struct CsfParameters {
    double spinal_csf_ml = 97.3;        // from the foramen magnum to the end of the sac (SA17)
    double below_t11_ml = 49.9;         // of which below the T11-T12 disc (HO96)
    double cranial_csf_ml = 122.8;      // ventricles 25.3 + cranial subarachnoid space 97.6 (CO86)
    double production_ml_per_h = 21.0;  // about 500 mL made a day, absorbed in the head (RAD)
    // Effective dispersion from the CSF's oscillation, at a few levels (interpolated between):
    // strongest in the neck, where the oscillation is largest, weakest at the end of the sac.
    double dispersion_cervical_cm2_per_h = 20.0;
    double dispersion_thoracic_cm2_per_h = 8.0;
    double dispersion_thoracolumbar_cm2_per_h = 4.0;
    double dispersion_lumbar_cm2_per_h = 3.0;
    double dispersion_sacral_cm2_per_h = 0.5;
    double foramen_exchange_ml_per_h = 20.0;  // dispersive exchange between spine and head
    // An injection's jet stirs the CSF around the catheter's tip: the drug it brings is mixed into
    // `injection_mixing_ml_per_ml` mL of CSF for each mL injected recently, "recently" fading with
    // `injection_mixing_memory_h`. A syringe's 1 mL mixes into tens of mL; a pump's microlitres
    // per hour stay in the tip's own cell. Calibrated on the human bolus data (docs/drug-spread.md).
    double injection_mixing_ml_per_ml = 0.0;
    double injection_mixing_memory_h = 0.25;
    // A drug's half-life measured in lumbar CSF (drugs.json) counts both its loss from the CSF and
    // its spreading away from the sampling site, which the model computes itself: the local loss
    // is the measured rate less this much (h^-1), and never less than a quarter of it.
    double lumbar_spreading_per_h = 0.0;
};

// The first-order loss from the CSF (h^-1) of a drug whose half-life in lumbar CSF is
// `lumbar_half_life_h`: lipophilic drugs, which leave for the cord, the fat and the blood within
// about an hour, lose far more than hydrophilic ones.
double local_loss_per_h(const CsfParameters& params, double lumbar_half_life_h);

// The model's cells. Cell 0 is the cranial compartment; cells 1..n run down the spine.
struct SpreadGrid {
    std::vector<double> position_cm;       // centre, from the foramen magnum (cranial cell: negative)
    std::vector<double> volume_ml;         // CSF in each cell
    std::vector<double> conductance_ml_per_h;  // between cell i and i + 1 (dispersion x area / distance)
    std::vector<double> level_index;       // fractional vertebral level at the centre (0 = C1)
    double cell_cm = 1.0;

    [[nodiscard]] std::size_t size() const { return volume_ml.size(); }
    // The spinal cell holding a fractional level index (the catheter tip).
    [[nodiscard]] std::size_t cell_at_level(double level_index) const;
    // Position along the canal (cm from the foramen magnum) of a fractional level.
    [[nodiscard]] double position_of_level(double level_index) const;
    [[nodiscard]] double total_volume_ml() const;
};

// Builds the grid from the anatomy: the canal's path sets the length, the sac-minus-cord area its
// shape, the parameters its volumes (scaled above and below T11) and dispersion.
SpreadGrid build_spread_grid(const Anatomy& anatomy, const CsfParameters& params, double cell_cm = 1.0);

// The state of the drug in the CSF and the running mass balance.
struct SpreadState {
    std::vector<double> concentration_mg_per_ml;  // per cell
    double delivered_mg = 0.0;
    double cleared_mg = 0.0;
    double time_h = 0.0;

    [[nodiscard]] double in_csf_mg(const SpreadGrid& grid) const;
    // |delivered - in CSF - cleared| / delivered (0 when nothing was delivered).
    [[nodiscard]] double relative_balance_error(const SpreadGrid& grid) const;
};

// How a source is shared between cells: `share[i]` of it enters cell i (the shares sum to 1).
// The drug mixes into the `mixing_ml` of CSF nearest the tip (at least the tip's own cell),
// growing both ways from it; each cell gets a share in proportion to the volume taken from it, so
// the drug arrives at one concentration throughout the mixed fluid.
void injection_shares(const SpreadGrid& grid, std::size_t tip_cell, double mixing_ml, std::vector<double>& share);

// The CSF an injection mixes its drug into (mL), from the volume injected recently (mL, fading
// with params.injection_mixing_memory_h).
double injection_mixing_ml(const CsfParameters& params, double recent_injected_ml);

// Advances the state by dt_h with the drug entering at `source_mg_per_h`, shared between cells as
// `share` says, cleared everywhere at `clearance_per_h` (first order) and, in the head, with the
// CSF's own turnover. Re-uses `scratch` between calls to avoid allocations.
// The matrix depends only on the grid, dt and the clearance: it is factored once and kept here.
struct SpreadScratch {
    std::vector<double> multiplier, diag, upper, loss, rhs, inv_diag, volume_over_dt, point_share;
    double dt_h = -1.0;
    double clearance_per_h = -1.0;
    const SpreadGrid* grid = nullptr;
};
void step_spread(const SpreadGrid& grid, const CsfParameters& params, double clearance_per_h,
                 const std::vector<double>& share, double source_mg_per_h, double dt_h, SpreadState& state,
                 SpreadScratch& scratch);
// The same with the whole source entering one cell.
void step_spread(const SpreadGrid& grid, const CsfParameters& params, double clearance_per_h, std::size_t source_cell,
                 double source_mg_per_h, double dt_h, SpreadState& state, SpreadScratch& scratch);

SpreadState make_spread_state(const SpreadGrid& grid);

}  // namespace thecaview
