// The transport model: grid from the anatomy, one implicit step as a tridiagonal solve.
#include "core/spread.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numbers>

#include <glm/geometric.hpp>

namespace thecaview {

namespace {

// Piecewise-linear dispersion along the spine, by fractional level index.
double dispersion_at(const CsfParameters& p, double level_index) {
    const double knots[] = {0.0, 6.0, 12.0, 18.0, 22.0, 25.0};  // C1, C7, T6, T12, L4, S2
    const double values[] = {p.dispersion_cervical_cm2_per_h, p.dispersion_cervical_cm2_per_h,
                             p.dispersion_thoracic_cm2_per_h, p.dispersion_thoracolumbar_cm2_per_h,
                             p.dispersion_lumbar_cm2_per_h, p.dispersion_sacral_cm2_per_h};
    if (level_index <= knots[0]) return values[0];
    for (int k = 1; k < 6; ++k) {
        if (level_index <= knots[k]) {
            const double f = (level_index - knots[k - 1]) / (knots[k] - knots[k - 1]);
            return values[k - 1] + f * (values[k] - values[k - 1]);
        }
    }
    return values[5];
}

// CSF cross-section at a fractional level: the sac's ellipse minus the cord's, in cm^2.
double csf_area_cm2(const Anatomy& a, double level_index) {
    const int i = std::clamp(static_cast<int>(level_index), 0, kLevelCount - 2);
    const double f = std::clamp(level_index - i, 0.0, 1.0);
    const auto lerp = [f](double x, double y) { return x + f * (y - x); };
    const LevelGeometry& g0 = a.levels[i];
    const LevelGeometry& g1 = a.levels[i + 1];
    const double sac = std::numbers::pi * std::max(0.0, lerp(g0.sac_half_width_mm, g1.sac_half_width_mm)) *
                       std::max(0.0, lerp(g0.sac_half_depth_mm, g1.sac_half_depth_mm));
    const double cord = std::numbers::pi * std::max(0.0, lerp(g0.cord_half_width_mm, g1.cord_half_width_mm)) *
                        std::max(0.0, lerp(g0.cord_half_depth_mm, g1.cord_half_depth_mm));
    return std::max(sac - cord, 1.0) / 100.0;
}

// Where the sac ends: the fractional level at which its half depth reaches zero.
double sac_end_index(const Anatomy& a) {
    for (int i = 0; i + 1 < kLevelCount; ++i) {
        const double r0 = a.levels[i].sac_half_depth_mm, r1 = a.levels[i + 1].sac_half_depth_mm;
        if (r0 > 0.0 && r1 <= 0.0) return i + r0 / (r0 - r1);
    }
    return kLevelCount - 1.0;
}

}  // namespace

std::size_t SpreadGrid::cell_at_level(double index) const {
    std::size_t best = 1;
    for (std::size_t c = 1; c < level_index.size(); ++c) {
        if (std::abs(level_index[c] - index) < std::abs(level_index[best] - index)) best = c;
    }
    return best;
}

double SpreadGrid::position_of_level(double index) const {
    // Level indices rise monotonically down the grid: interpolate between cell centres.
    for (std::size_t c = 1; c + 1 < level_index.size(); ++c) {
        if (index <= level_index[c + 1]) {
            const double f = (index - level_index[c]) / (level_index[c + 1] - level_index[c]);
            return position_cm[c] + f * (position_cm[c + 1] - position_cm[c]);
        }
    }
    return position_cm.back();
}

double SpreadGrid::total_volume_ml() const {
    double v = 0.0;
    for (const double x : volume_ml) v += x;
    return v;
}

SpreadGrid build_spread_grid(const Anatomy& a, const CsfParameters& p, double cell_cm) {
    // Arc length along the canal, level by level (mm), from C1; the foramen magnum lies about
    // 1 cm above the C1 canal centre.
    const double end_index = sac_end_index(a);
    std::vector<double> s_mm(kLevelCount, 0.0);
    for (int i = 1; i < kLevelCount; ++i) {
        s_mm[i] = s_mm[i - 1] + glm::distance(a.levels[i - 1].canal_centre_mm, a.levels[i].canal_centre_mm);
    }
    const auto arc_at = [&](double index) {
        const int i = std::clamp(static_cast<int>(index), 0, kLevelCount - 2);
        return s_mm[i] + (index - i) * (s_mm[i + 1] - s_mm[i]);
    };
    const double top_cm = -1.0;  // C1's canal centre is 1 cm below the foramen magnum
    const double length_cm = arc_at(end_index) / 10.0 - top_cm;
    const auto n = static_cast<std::size_t>(std::max(4.0, std::ceil(length_cm / cell_cm)));
    const double dx = length_cm / static_cast<double>(n);

    SpreadGrid g;
    g.cell_cm = dx;
    // Index at an arc position (cm from the foramen magnum).
    const auto index_at = [&](double pos_cm) {
        const double s = (pos_cm + top_cm) * 10.0;
        if (s <= 0.0) return 0.0;
        for (int i = 0; i + 1 < kLevelCount; ++i) {
            if (s <= s_mm[i + 1]) return i + (s - s_mm[i]) / (s_mm[i + 1] - s_mm[i]);
        }
        return kLevelCount - 1.0;
    };
    g.position_cm.push_back(-3.0);  // the cranial compartment, shown just above the foramen
    g.level_index.push_back(-1.0);
    g.volume_ml.push_back(p.cranial_csf_ml);
    std::vector<double> area;
    for (std::size_t c = 0; c < n; ++c) {
        const double pos = (static_cast<double>(c) + 0.5) * dx;
        const double li = std::min(index_at(pos), end_index);
        g.position_cm.push_back(pos);
        g.level_index.push_back(li);
        area.push_back(csf_area_cm2(a, li));
    }
    // Scale the anatomical shape to the measured volumes above and below T11.
    const double t11 = index_of(Level::T11);
    double above = 0.0, below = 0.0;
    for (std::size_t c = 0; c < n; ++c) (g.level_index[c + 1] < t11 ? above : below) += area[c] * dx;
    const double above_scale = (p.spinal_csf_ml - p.below_t11_ml) / above, below_scale = p.below_t11_ml / below;
    for (std::size_t c = 0; c < n; ++c) {
        area[c] *= g.level_index[c + 1] < t11 ? above_scale : below_scale;
        g.volume_ml.push_back(area[c] * dx);
    }
    g.conductance_ml_per_h.push_back(p.foramen_exchange_ml_per_h);
    for (std::size_t c = 0; c + 1 < n; ++c) {
        const double li = 0.5 * (g.level_index[c + 1] + g.level_index[c + 2]);
        const double face_area = 2.0 * area[c] * area[c + 1] / (area[c] + area[c + 1]);
        g.conductance_ml_per_h.push_back(dispersion_at(p, li) * face_area / dx);
    }
    return g;
}

SpreadState make_spread_state(const SpreadGrid& grid) {
    SpreadState s;
    s.concentration_mg_per_ml.assign(grid.size(), 0.0);
    return s;
}

double SpreadState::in_csf_mg(const SpreadGrid& grid) const {
    double m = 0.0;
    for (std::size_t c = 0; c < grid.size(); ++c) m += concentration_mg_per_ml[c] * grid.volume_ml[c];
    return m;
}

double SpreadState::relative_balance_error(const SpreadGrid& grid) const {
    if (delivered_mg <= 0.0) return 0.0;
    return std::abs(delivered_mg - in_csf_mg(grid) - cleared_mg) / delivered_mg;
}

namespace {

// Factors the tridiagonal matrix of one backward-Euler step (Thomas algorithm's forward sweep;
// the matrix is diagonally dominant, so no pivoting is needed).
void factor(const SpreadGrid& g, const CsfParameters& p, double clearance_per_h, double dt_h, SpreadScratch& w) {
    const std::size_t n = g.size();
    w.multiplier.assign(n, 0.0);
    w.diag.assign(n, 0.0);
    w.upper.assign(n, 0.0);
    w.loss.assign(n, 0.0);
    w.rhs.assign(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        w.loss[i] = g.volume_ml[i] * clearance_per_h + (i == 0 ? p.production_ml_per_h : 0.0);
        w.diag[i] = g.volume_ml[i] / dt_h + w.loss[i];
    }
    std::vector<double> lower(n, 0.0);
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const double k = g.conductance_ml_per_h[i];
        w.diag[i] += k;
        w.diag[i + 1] += k;
        w.upper[i] = -k;
        lower[i + 1] = -k;
    }
    for (std::size_t i = 1; i < n; ++i) {
        w.multiplier[i] = lower[i] / w.diag[i - 1];
        w.diag[i] -= w.multiplier[i] * w.upper[i - 1];
    }
    // What each step multiplies by, kept so that a step has no division in it.
    w.inv_diag.resize(n);
    w.volume_over_dt.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        w.inv_diag[i] = 1.0 / w.diag[i];
        w.volume_over_dt[i] = g.volume_ml[i] / dt_h;
    }
    w.dt_h = dt_h;
    w.clearance_per_h = clearance_per_h;
    w.grid = &g;
}

}  // namespace

void injection_shares(const SpreadGrid& g, std::size_t tip, double mixing_ml, std::vector<double>& share) {
    const std::size_t n = g.size();
    assert(tip >= 1 && tip < n);
    share.assign(n, 0.0);
    share[tip] = g.volume_ml[tip];
    double remaining = mixing_ml - g.volume_ml[tip];
    // Grow the mixed fluid one cell at a time, the nearer side first (the cells are equally long,
    // so it alternates), until it holds the volume or fills the spine.
    std::size_t up = tip, down = tip;
    while (remaining > 0.0 && (up > 1 || down + 1 < n)) {
        const bool go_up = up > 1 && (down + 1 >= n || tip - up <= down - tip);
        const std::size_t c = go_up ? --up : ++down;
        share[c] = std::min(g.volume_ml[c], remaining);
        remaining -= share[c];
    }
    double total = 0.0;
    for (const double s : share) total += s;
    for (double& s : share) s /= total;
}

double local_loss_per_h(const CsfParameters& p, double lumbar_half_life_h) {
    const double measured = std::log(2.0) / lumbar_half_life_h;
    return std::max(measured - p.lumbar_spreading_per_h, 0.25 * measured);
}

double injection_mixing_ml(const CsfParameters& p, double recent_injected_ml) {
    return p.injection_mixing_ml_per_ml * std::max(recent_injected_ml, 0.0);
}

void step_spread(const SpreadGrid& g, const CsfParameters& p, double clearance_per_h, const std::vector<double>& share,
                 double source_mg_per_h, double dt_h, SpreadState& state, SpreadScratch& w) {
    const std::size_t n = g.size();
    assert(share.size() == n && dt_h > 0.0);
    if (w.grid != &g || w.dt_h != dt_h || w.clearance_per_h != clearance_per_h || w.diag.size() != n) {
        factor(g, p, clearance_per_h, dt_h, w);
    }
    auto& c = state.concentration_mg_per_ml;
    // Backward Euler on the masses: (V/dt + loss) C' - exchange(C') = V C / dt + source.
    w.rhs[0] = w.volume_over_dt[0] * c[0] + share[0] * source_mg_per_h;
    for (std::size_t i = 1; i < n; ++i) {
        w.rhs[i] = w.volume_over_dt[i] * c[i] + share[i] * source_mg_per_h - w.multiplier[i] * w.rhs[i - 1];
    }
    // Back substitution, summing what backward Euler removes (the balance) on the way.
    c[n - 1] = w.rhs[n - 1] * w.inv_diag[n - 1];
    double cleared = w.loss[n - 1] * c[n - 1];
    for (std::size_t i = n - 1; i-- > 0;) {
        c[i] = (w.rhs[i] - w.upper[i] * c[i + 1]) * w.inv_diag[i];
        cleared += w.loss[i] * c[i];
    }
    state.cleared_mg += cleared * dt_h;
    state.delivered_mg += source_mg_per_h * dt_h;
    state.time_h += dt_h;
}

void step_spread(const SpreadGrid& g, const CsfParameters& p, double clearance_per_h, std::size_t source_cell,
                 double source_mg_per_h, double dt_h, SpreadState& state, SpreadScratch& w) {
    assert(source_cell < g.size());
    if (w.point_share.size() != g.size() || w.point_share[source_cell] != 1.0) {
        w.point_share.assign(g.size(), 0.0);
        w.point_share[source_cell] = 1.0;
    }
    step_spread(g, p, clearance_per_h, w.point_share, source_mg_per_h, dt_h, state, w);
}

}  // namespace thecaview
