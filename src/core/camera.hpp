// The orbit camera: target, angles and distance; its matrices; easing between two cameras.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>


namespace thecaview {

struct OrbitCamera {
    glm::vec3 target_mm{0.0f, 150.0f, 0.0f};
    float yaw_rad = 0.0f;    // 0: camera in front of the patient (+z); +pi/2: at the patient's left
    float pitch_rad = 0.0f;  // > 0: camera above the target, looking down
    float distance_mm = 1800.0f;
    float fov_y_rad = 0.6f;
    // Turns the picture about the line of sight: -pi/2 shows a body lying on its right side (the
    // lateral pose), head to the right, its right side down.
    float roll_rad = 0.0f;

    static constexpr float kMinDistanceMm = 120.0f;
    static constexpr float kMaxDistanceMm = 5000.0f;
    static constexpr float kMaxPitchRad = 1.45f;

    [[nodiscard]] glm::vec3 eye() const;
    [[nodiscard]] glm::mat4 view() const;
    // The world direction that points up in the picture (the body's head when not rolled).
    [[nodiscard]] glm::vec3 up() const;
    [[nodiscard]] glm::mat4 projection(float aspect) const;

    // Input gestures, in screen fractions (delta / window height) so they feel the same at any size.
    void orbit(float dx, float dy);
    void pan(float dx, float dy);
    void zoom(float steps);  // > 0 moves closer
};

// Where a world point lands in an image of the given size; (0,0) is the top-left pixel corner.
// nullopt when the point is behind the camera.
std::optional<glm::vec2> project_to_pixel(const OrbitCamera& camera, glm::vec3 point_mm, int width, int height);

bool operator==(const OrbitCamera& a, const OrbitCamera& b);

// Eases from a to b: t in [0,1], smooth at both ends; yaw takes the short way round.
OrbitCamera interpolate(const OrbitCamera& a, const OrbitCamera& b, float t);

}  // namespace thecaview
