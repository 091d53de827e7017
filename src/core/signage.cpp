// Burn-in drift, wrapped time, camera sway and opening hours.
#include "core/signage.hpp"

#include <cmath>
#include <ctime>

namespace thecaview {

namespace {
constexpr double kTwoPi = 6.283185307179586;
constexpr double kDriftPeriodXS = 7.0 * 60.0;
constexpr double kDriftPeriodYS = 11.0 * 60.0;
constexpr double kSwayPeriodS = 40.0;
}  // namespace

double wrap_time(double t_s, double period_s) {
    if (!(period_s > 0.0) || !std::isfinite(t_s)) return 0.0;
    const double r = std::fmod(t_s, period_s);
    return r < 0.0 ? r + period_s : r;
}

glm::vec2 burn_in_offset(double t_s, float amplitude_px) {
    const double x = std::sin(kTwoPi * wrap_time(t_s, kDriftPeriodXS) / kDriftPeriodXS);
    const double y = std::sin(kTwoPi * wrap_time(t_s, kDriftPeriodYS) / kDriftPeriodYS);
    return {static_cast<float>(x) * amplitude_px, static_cast<float>(y) * amplitude_px};
}

float camera_sway_rad(double t_s, float max_rad, bool reduced_motion) {
    if (reduced_motion) return 0.0f;
    return max_rad * static_cast<float>(std::sin(kTwoPi * wrap_time(t_s, kSwayPeriodS) / kSwayPeriodS));
}

int local_minute_of_day(std::chrono::system_clock::time_point now) {
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm local{};
    localtime_r(&t, &local);
    return local.tm_hour * 60 + local.tm_min;
}

bool screen_dark(const std::optional<OpeningHours>& hours, int minute_of_day) {
    return hours && !hours->open_at(minute_of_day);
}

}  // namespace thecaview
