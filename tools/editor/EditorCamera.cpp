// Orbit camera and handle-drag projection for the booth editor's viewport.
// Must stay free of window and renderer calls (tested headless).
#include "tools/editor/EditorCamera.h"

#include <algorithm>
#include <cmath>

namespace fg::editor {

render::Camera OrbitCamera::camera() const {
    render::Camera c;
    c.yaw = yaw;
    c.pitch = pitch;
    c.position = target - c.forward() * distance;
    c.nearPlane = 0.05f;
    c.farPlane = 300.0f;
    return c;
}

void OrbitCamera::orbit(glm::vec2 d) {
    yaw += d.x * 0.3f;
    pitch = std::clamp(pitch - d.y * 0.3f, -89.0f, 10.0f);
}

void OrbitCamera::pan(glm::vec2 d, glm::vec2 viewSize) {
    render::Camera c = camera();
    glm::vec3 right = glm::normalize(glm::cross(c.forward(), glm::vec3(0, 1, 0)));
    glm::vec3 up = glm::cross(right, c.forward());
    float metresPerPixel =
        2.0f * distance * std::tan(glm::radians(c.fovY) * 0.5f) / std::max(viewSize.y, 1.0f);
    target += (-right * d.x + up * d.y) * metresPerPixel;
}

void OrbitCamera::zoom(float wheel) {
    distance = std::clamp(distance * std::pow(0.88f, wheel), 0.5f, 60.0f);
}

glm::vec3 projectToPixel(const render::Camera& camera, glm::vec3 world, glm::vec2 viewSize) {
    glm::vec4 clip =
        camera.projection(viewSize.x / viewSize.y) * camera.view() * glm::vec4(world, 1.0f);
    if (std::abs(clip.w) < 1e-6f) return {0, 0, -1};
    glm::vec3 ndc = glm::vec3(clip) / clip.w;
    return {(ndc.x + 1.0f) * 0.5f * viewSize.x, (ndc.y + 1.0f) * 0.5f * viewSize.y, clip.w};
}

float dragAlongAxis(const render::Camera& camera, glm::vec3 origin, glm::vec3 axis, glm::vec2 delta,
                    glm::vec2 viewSize) {
    glm::vec3 a = projectToPixel(camera, origin, viewSize);
    glm::vec3 b = projectToPixel(camera, origin + axis, viewSize);
    if (a.z <= 0 || b.z <= 0) return 0.0f;
    glm::vec2 screenAxis = glm::vec2(b) - glm::vec2(a); // pixels per metre along the axis
    float len2 = glm::dot(screenAxis, screenAxis);
    if (len2 < 4.0f) return 0.0f; // axis points at the camera: dragging along it is ill-defined
    return glm::dot(delta, screenAxis) / len2;
}

float snapTo(float value, float step) {
    return step > 0 ? std::round(value / step) * step : value;
}

} // namespace fg::editor
