// Orbit camera maths.
#include "core/camera.hpp"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include "core/structures.hpp"

namespace thecaview {

glm::vec3 OrbitCamera::eye() const {
    const glm::vec3 dir(std::sin(yaw_rad) * std::cos(pitch_rad), std::sin(pitch_rad),
                        std::cos(yaw_rad) * std::cos(pitch_rad));
    return target_mm + dir * distance_mm;
}

glm::vec3 OrbitCamera::up() const {
    const glm::vec3 world_up(0.0f, 1.0f, 0.0f);
    if (roll_rad == 0.0f) return world_up;
    const glm::vec3 forward = glm::normalize(target_mm - eye());
    const glm::vec3 right = glm::normalize(glm::cross(forward, world_up));
    const glm::vec3 up0 = glm::cross(right, forward);
    return std::cos(roll_rad) * up0 + std::sin(roll_rad) * right;
}

glm::mat4 OrbitCamera::view() const { return glm::lookAt(eye(), target_mm, up()); }

glm::mat4 OrbitCamera::projection(float aspect) const {
    const float near_mm = std::max(5.0f, distance_mm * 0.02f);
    return glm::perspective(fov_y_rad, aspect, near_mm, distance_mm * 4.0f + 2000.0f);
}

void OrbitCamera::orbit(float dx, float dy) {
    yaw_rad -= dx * glm::pi<float>();
    pitch_rad = std::clamp(pitch_rad + dy * glm::pi<float>(), -kMaxPitchRad, kMaxPitchRad);
    yaw_rad = std::remainder(yaw_rad, glm::two_pi<float>());
}

void OrbitCamera::pan(float dx, float dy) {
    const glm::mat4 v = view();
    const glm::vec3 right(v[0][0], v[1][0], v[2][0]);
    const glm::vec3 up(v[0][1], v[1][1], v[2][1]);
    const float scale = 2.0f * distance_mm * std::tan(fov_y_rad * 0.5f);
    target_mm += (-dx * right + dy * up) * scale;
}

void OrbitCamera::zoom(float steps) {
    distance_mm = std::clamp(distance_mm * std::pow(0.88f, steps), kMinDistanceMm, kMaxDistanceMm);
}

std::optional<glm::vec2> project_to_pixel(const OrbitCamera& camera, glm::vec3 point_mm, int width, int height) {
    const float aspect = static_cast<float>(width) / static_cast<float>(height);
    const glm::vec4 clip = camera.projection(aspect) * camera.view() * glm::vec4(point_mm, 1.0f);
    if (clip.w <= 0.0f) return std::nullopt;
    const glm::vec2 ndc(clip.x / clip.w, clip.y / clip.w);
    return glm::vec2((ndc.x * 0.5f + 0.5f) * static_cast<float>(width),
                     (0.5f - ndc.y * 0.5f) * static_cast<float>(height));
}

bool operator==(const OrbitCamera& a, const OrbitCamera& b) {
    return a.target_mm == b.target_mm && a.yaw_rad == b.yaw_rad && a.pitch_rad == b.pitch_rad &&
           a.distance_mm == b.distance_mm && a.fov_y_rad == b.fov_y_rad && a.roll_rad == b.roll_rad;
}

OrbitCamera interpolate(const OrbitCamera& a, const OrbitCamera& b, float t) {
    const float s = std::clamp(t, 0.0f, 1.0f);
    const float e = s * s * (3.0f - 2.0f * s);
    OrbitCamera c = b;
    c.target_mm = glm::mix(a.target_mm, b.target_mm, e);
    c.yaw_rad = a.yaw_rad + std::remainder(b.yaw_rad - a.yaw_rad, glm::two_pi<float>()) * e;
    c.pitch_rad = glm::mix(a.pitch_rad, b.pitch_rad, e);
    // Distance eases in log space so zooming feels even.
    c.distance_mm = std::exp(glm::mix(std::log(a.distance_mm), std::log(b.distance_mm), e));
    c.fov_y_rad = glm::mix(a.fov_y_rad, b.fov_y_rad, e);
    c.roll_rad = glm::mix(a.roll_rad, b.roll_rad, e);
    return c;
}

}  // namespace thecaview
