// Signage helpers with no window: burn-in drift, time that wraps for float use, the camera's slow
// sway and opening hours against the local clock. A screen runs them for weeks.
#pragma once

#include <chrono>
#include <optional>

#include <glm/vec2.hpp>

#include "core/config.hpp"

namespace thecaview {

// How far static UI is moved at time t: a slow Lissajous path inside +-amplitude_px (periods of
// about 7 and 11 minutes), so no pixel shows the same thing for hours.
glm::vec2 burn_in_offset(double t_s, float amplitude_px);

// t folded into [0, period): a float made from it keeps millisecond precision however long the
// app has run (a float of seconds loses it after about 2 hours).
double wrap_time(double t_s, double period_s);

// The camera's slow sway about a step's view, in radians of yaw: at most +-max_rad, one swing
// every 40 s. Zero with reduced motion.
float camera_sway_rad(double t_s, float max_rad, bool reduced_motion);

// Minutes after midnight, local time.
int local_minute_of_day(std::chrono::system_clock::time_point now);

// Whether the screen should be dark now (outside the opening hours; never without hours).
bool screen_dark(const std::optional<OpeningHours>& hours, int minute_of_day);

}  // namespace thecaview
