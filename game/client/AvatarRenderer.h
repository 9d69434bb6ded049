// Avatars as instanced boxes (legs, body, arms, head) in each visitor's colour, with a simple
// walk cycle. Adds instances to a scene each frame; names and badges are drawn by the UI.
#pragma once

#include "game/client/SceneKit.h"

#include <glm/vec3.hpp>

namespace fg::client {

struct AvatarPose {
    glm::vec3 position{0.0f}; // world, feet on the floor
    float heading = 0;        // degrees, same convention as the camera's yaw
    std::uint32_t color = 0x808080;
    float phase = 0; // walk cycle, radians
    float swing = 0; // 0 idle .. 1 walking .. 1.4 running
};

inline constexpr float kAvatarHeight = 1.8f;

// Adds the avatar's parts to SCENE (shared cube mesh, one material per colour: instanced).
Status addAvatar(SceneKit& kit, render::Scene& scene, const AvatarPose& pose);

} // namespace fg::client
