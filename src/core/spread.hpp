// Drug transport in the CSF: a 1-D finite-volume model along the spinal subarachnoid space,
// from the end of the dural sac (S2) up to the foramen magnum, with a well-mixed cranial
// compartment beyond it. Implicit in time (backward Euler), so any step is stable, and
// mass-conserving to rounding. GL-free; units in the names (cm, mL, h, mg).
#pragma once

#include <string>
#include <vector>

#include "core/anatomy.hpp"

namespace thecaview {

// Transport parameters that do not depend on the drug (assets/spread.json; sources in
// docs/drug-spread.md).
struct CsfParameters {
    double spinal_csf_ml = 97.0;        // from the foramen magnum to the end of the sac
    double below_t11_ml = 50.0;         // of which in the lower thoracic and lumbar sac
    double cranial_csf_ml = 53.0;       // the rest of about 150 mL
    double production_ml_per_h = 21.0;  // CSF made in the head and absorbed there
    // Effective dispersion from the CSF's oscillation, at a few levels (interpolated between):
    // strong in the neck, weak in the low lumbar sac.
    double dispersion_cervical_cm2_per_h = 20.0;
    double dispersion_thoracic_cm2_per_h = 8.0;
    double dispersion_lumbar_cm2_per_h = 3.0;
    double dispersion_sacral_cm2_per_h = 0.5;
    double foramen_exchange_ml_per_h = 20.0;  // dispersive exchange between spine and head
};

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

// Advances the state by dt_h with the drug entering cell `source_cell` at `source_mg_per_h`,
// cleared everywhere at `clearance_per_h` (first order) and, in the head, with the CSF's own
// turnover. Re-uses `scratch` between calls to avoid allocations.
// The matrix depends only on the grid, dt and the clearance: it is factored once and kept here.
struct SpreadScratch {
    std::vector<double> multiplier, diag, upper, loss, rhs;
    double dt_h = -1.0;
    double clearance_per_h = -1.0;
    const SpreadGrid* grid = nullptr;
};
void step_spread(const SpreadGrid& grid, const CsfParameters& params, double clearance_per_h, std::size_t source_cell,
                 double source_mg_per_h, double dt_h, SpreadState& state, SpreadScratch& scratch);

SpreadState make_spread_state(const SpreadGrid& grid);

}  // namespace thecaview
