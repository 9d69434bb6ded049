// The editor's orbit camera and the screen-space math behind handle dragging and snapping.
// Pure math over render::Camera: no window, no GPU, so the tests run it directly.
#pragma once

#include "engine/render/RenderTypes.h"

#include <glm/glm.hpp>

namespace fg::editor {

// Orbits TARGET: yaw/pitch in degrees, distance in metres.
struct OrbitCamera {
    glm::vec3 target{0.0f, 0.8f, 0.0f};
    float yaw = 150.0f; // from the aisle (+z) towards the back wall (-z), as visitors see it
    float pitch = -28.0f;
    float distance = 7.0f;

    render::Camera camera() const;
    // Mouse motion in pixels: orbit (left/right drag) and pan (middle drag) feel the same at any
    // size.
    void orbit(glm::vec2 deltaPixels);
    void pan(glm::vec2 deltaPixels, glm::vec2 viewSize);
    // WHEEL > 0 zooms in; distance stays within 0.5-60 m.
    void zoom(float wheel);
};

// Projects WORLD to a pixel of a VIEWSIZE view (top-left origin); z < 0 means behind the camera.
glm::vec3 projectToPixel(const render::Camera& camera, glm::vec3 world, glm::vec2 viewSize);

// How far along world AXIS (unit) a mouse drag of DELTAPIXELS moves a handle at ORIGIN: the drag
// projected on the axis's on-screen direction, converted to metres at ORIGIN's depth.
float dragAlongAxis(const render::Camera& camera, glm::vec3 origin, glm::vec3 axis,
                    glm::vec2 deltaPixels, glm::vec2 viewSize);

// Rounds VALUE to the nearest multiple of STEP (STEP <= 0: unchanged).
float snapTo(float value, float step);

} // namespace fg::editor
