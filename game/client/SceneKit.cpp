// The client's kit for per-frame geometry (avatars, highlights) and small hall/colour helpers.
// Uploads only primitives and colour materials; the exhibition itself is built by fg_scene.
#include "game/client/SceneKit.h"

#include "engine/render/Primitives.h"

#include <glm/exponential.hpp>

namespace fg::client {
Result<SceneKit> SceneKit::create(render::Renderer& renderer) {
    SceneKit kit;
    kit.renderer = &renderer;
    auto cube = renderer.addMesh(render::makeBox({-0.5f, -0.5f, -0.5f}, {0.5f, 0.5f, 0.5f}));
    if (!cube) return cube.error();
    auto quad = renderer.addMesh(render::makeQuad(1.0f, 1.0f));
    if (!quad) return quad.error();
    kit.cube = *cube;
    kit.quad = *quad;
    return kit;
}

Result<render::MaterialId> SceneKit::color(std::uint32_t rgb, bool emissive) {
    const std::uint32_t key = (rgb & 0xffffffu) | (emissive ? 0x1000000u : 0u);
    if (auto it = colors.find(key); it != colors.end()) return it->second;
    render::MaterialDesc d;
    d.baseColor = {float((rgb >> 16) & 255) / 255.0f, float((rgb >> 8) & 255) / 255.0f,
                   float(rgb & 255) / 255.0f, 1.0f};
    // Colours are given in sRGB; the shader works in linear light.
    d.baseColor = glm::vec4(glm::pow(glm::vec3(d.baseColor), glm::vec3(2.2f)), 1.0f);
    if (emissive) d.emissive = glm::vec3(d.baseColor) * 0.8f;
    d.roughness = 0.85f;
    auto id = renderer->addMaterial(d);
    if (!id) return id.error();
    colors[key] = *id;
    return *id;
}

glm::vec3 toWorld(const expo::Hall& hall, glm::vec2 p, float y) {
    return {hall.origin.x + p.x, y, hall.origin.y + p.y};
}

std::uint32_t rgbOf(const expo::Color& c) {
    return (std::uint32_t(c.r) << 16) | (std::uint32_t(c.g) << 8) | c.b;
}

} // namespace fg::client
