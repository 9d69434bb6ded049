// Builds the static 3D world of an exhibition (hall floors and walls, pavilions, stages, booths
// with walls, counters, posters and 3D models) as a render::Scene, uploading what it needs.
// Stands in for RENDER's game/scene until that exists; no UI, networking or input here.
#pragma once

#include "engine/asset/AssetCache.h"
#include "engine/core/Result.h"
#include "engine/render/Renderer.h"
#include "engine/render/Scene.h"
#include "game/expo/Exhibition.h"

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fg::client {

// Pick ids: booths use their index; floors kFloorPickBase + hall index.
inline constexpr std::uint32_t kFloorPickBase = 0x100000;
// pickItem of a booth's parts: 0 structure, kPosterItem + slot, kModelItem + model index.
inline constexpr std::uint32_t kPosterItem = 100;
inline constexpr std::uint32_t kModelItem = 200;

using ProgressFn = std::function<void(float fraction, std::string_view what)>;

// Shared meshes/materials every scene built by the client uses (unit cube, quad, colours).
struct SceneKit {
    render::MeshHandle cube;                                      // unit cube centred at the origin
    render::MeshHandle quad;                                      // 1x1 quad facing +z
    std::unordered_map<std::uint32_t, render::MaterialId> colors; // by 0xRRGGBB (+ flags)
    render::Renderer* renderer = nullptr;

    static Result<SceneKit> create(render::Renderer& renderer);
    // A matte material of colour RGB (cached); emissive adds a glow (highlights).
    Result<render::MaterialId> color(std::uint32_t rgb, bool emissive = false);
};

struct WorldStats {
    std::size_t booths = 0, posters = 0, models = 0, textures = 0, instances = 0;
    std::size_t cacheHits = 0, cacheMisses = 0;
};

class WorldScene {
public:
    // Reads images and models through CACHE (keyed by content hash), uploads them, lays out
    // the scene. A missing or broken file becomes a placeholder and a warning, not a failure.
    static Result<WorldScene> build(SceneKit& kit, const expo::Exhibition& ex,
                                    const std::filesystem::path& baseDir, AssetCache& cache,
                                    const ProgressFn& progress);

    const render::Scene& scene() const { return m_scene; }
    const WorldStats& stats() const { return m_stats; }
    // Instance ranges of each booth in scene(), for hover highlights.
    const std::vector<std::pair<std::size_t, std::size_t>>& boothInstances() const {
        return m_booths;
    }

private:
    render::Scene m_scene;
    WorldStats m_stats;
    std::vector<std::pair<std::size_t, std::size_t>> m_booths;
};

// Booth-local centre of poster SLOT on the back wall (the quad faces the open front, +z).
glm::vec3 posterSlotCentre(const expo::SizeTemplate& t, std::uint32_t slot);
glm::vec3 toWorld(const expo::Hall& hall, glm::vec2 hallPoint, float y = 0.0f);
std::uint32_t rgbOf(const expo::Color& c);
// A stable accent colour for an exhibitor without a pavilion (a small palette keeps batches few).
std::uint32_t accentFor(const std::string& id);

} // namespace fg::client
