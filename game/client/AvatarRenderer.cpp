// Builds an avatar from the kit's unit cube: two swinging legs, a bobbing body, arms, a head.
// Adds scene instances only; no uploads beyond the kit's cached colour materials.
#include "game/client/AvatarRenderer.h"

#include <cmath>
#include <glm/gtc/matrix_transform.hpp>

namespace fg::client {
namespace {

void limb(render::Scene& scene, const SceneKit& kit, render::MaterialId m, const glm::mat4& base,
          glm::vec3 pivot, float angle, glm::vec3 size) {
    // The limb hangs down from PIVOT and rotates about the x axis (forward/back swing).
    glm::mat4 t = glm::translate(base, pivot);
    t = glm::rotate(t, angle, {1, 0, 0});
    t = glm::translate(t, {0, -size.y / 2, 0});
    scene.add(kit.cube, m, glm::scale(t, size));
}

} // namespace

Status addAvatar(SceneKit& kit, render::Scene& scene, const AvatarPose& pose) {
    auto body = kit.color(pose.color);
    if (!body) return body.error();
    auto dark = kit.color(0x2a2d34);
    if (!dark) return dark.error();
    auto skin = kit.color(0xe8c4a0);
    if (!skin) return skin.error();
    const float swing = std::sin(pose.phase) * 0.6f * pose.swing;
    const float bob = std::abs(std::cos(pose.phase)) * 0.05f * pose.swing;
    glm::mat4 base = glm::translate(glm::mat4(1.0f), pose.position + glm::vec3(0, bob, 0));
    base = glm::rotate(base, glm::radians(pose.heading), {0, 1, 0});
    limb(scene, kit, *dark, base, {-0.11f, 0.85f, 0}, swing, {0.16f, 0.85f, 0.18f});
    limb(scene, kit, *dark, base, {0.11f, 0.85f, 0}, -swing, {0.16f, 0.85f, 0.18f});
    scene.add(kit.cube, *body,
              glm::scale(glm::translate(base, {0, 1.18f, 0}), {0.46f, 0.66f, 0.26f}));
    limb(scene, kit, *body, base, {-0.30f, 1.48f, 0}, -swing * 0.8f, {0.12f, 0.62f, 0.14f});
    limb(scene, kit, *body, base, {0.30f, 1.48f, 0}, swing * 0.8f, {0.12f, 0.62f, 0.14f});
    scene.add(kit.cube, *skin,
              glm::scale(glm::translate(base, {0, 1.64f, 0}), {0.26f, 0.28f, 0.26f}));
    // A dark visor shows which way the avatar faces (+z in its local frame).
    scene.add(kit.cube, *dark,
              glm::scale(glm::translate(base, {0, 1.67f, 0.13f}), {0.2f, 0.08f, 0.02f}));
    return {};
}

} // namespace fg::client
