// Public: an exhibition turned into a render::Scene (halls, pavilions, booths, posters, models,
// signs), its named camera views, and picking back to booths. Vulkan-free; links fg_render.
#pragma once

#include "engine/render/Renderer.h"
#include "game/expo/Exhibition.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fg::scene {

class SceneAssets;

// What part of a booth a pick hit. Signs are merged text; a hit on a fascia reports Booth.
enum class PickKind : std::uint16_t { Booth = 0, Poster = 1, Model = 2 };

struct BoothPick {
    std::string boothId;
    PickKind kind = PickKind::Booth;
    std::uint32_t index = 0; // poster slot or model index
    float distance = 0;
};

struct NamedView {
    std::string name;
    render::Camera camera;
};

struct ExhibitionSceneOptions {
    std::filesystem::path font;     // empty: the build's default (DejaVu Sans)
    std::filesystem::path cacheDir; // empty: import models directly, no cooked cache
};

struct SceneCounts {
    std::size_t halls = 0, pavilions = 0, booths = 0, posters = 0, models = 0, signs = 0;
};

class ExhibitionScene {
public:
    // Builds the scene for EXHIBITION whose files live in BASEDIR. Missing or broken files are
    // problems (file + reason) drawn as magenta placeholders; only a renderer failure is an Error.
    static Result<std::unique_ptr<ExhibitionScene>> build(render::Renderer& renderer,
                                                          const expo::Exhibition& exhibition,
                                                          const std::filesystem::path& baseDir,
                                                          const ExhibitionSceneOptions& = {});
    ~ExhibitionScene();

    const render::Scene& scene() const { return m_scene; }
    render::Scene& scene() { return m_scene; }
    const SceneCounts& counts() const { return m_counts; }
    const std::vector<std::string>& problems() const;
    std::size_t placeholders() const;

    // "entrance" (inside the first hall's first entrance) and one view per hall id.
    const std::vector<NamedView>& views() const { return m_views; }
    std::optional<render::Camera> view(const std::string& name) const;

    // The booth (and which poster/model/sign of it) under RAY, if any.
    std::optional<BoothPick> pick(const render::Ray& ray) const;

private:
    ExhibitionScene() = default;
    void addViews(const expo::Exhibition& exhibition);

    std::unique_ptr<SceneAssets> m_assets;
    render::Scene m_scene;
    std::vector<std::string> m_boothIds;
    std::vector<NamedView> m_views;
    SceneCounts m_counts;
};

// The camera for the named view of an exhibition, without building a scene.
std::optional<render::Camera> exhibitionView(const expo::Exhibition& exhibition,
                                             const std::string& name);

} // namespace fg::scene
