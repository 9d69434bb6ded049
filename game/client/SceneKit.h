// The client's own drawing kit for what changes every frame (avatars, highlights, nameplates):
// a unit cube and quad and cached colour materials, plus hall/colour helpers. The static world
// is fg_scene's ExhibitionScene; this must not lay out halls or booths.
#pragma once

#include "engine/core/Result.h"
#include "engine/render/Renderer.h"
#include "engine/render/Scene.h"
#include "game/expo/Exhibition.h"

#include <string>
#include <unordered_map>

namespace fg::client {

// Shared meshes/materials of the client's dynamic parts (unit cube, quad, colours).
struct SceneKit {
    render::MeshHandle cube;                                      // unit cube centred at the origin
    render::MeshHandle quad;                                      // 1x1 quad facing +z
    std::unordered_map<std::uint32_t, render::MaterialId> colors; // by 0xRRGGBB (+ flags)
    render::Renderer* renderer = nullptr;

    static Result<SceneKit> create(render::Renderer& renderer);
    // A matte material of colour RGB (cached); emissive adds a glow (highlights).
    Result<render::MaterialId> color(std::uint32_t rgb, bool emissive = false);
};

glm::vec3 toWorld(const expo::Hall& hall, glm::vec2 hallPoint, float y = 0.0f);
std::uint32_t rgbOf(const expo::Color& c);

} // namespace fg::client
