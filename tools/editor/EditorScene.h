// What the editor's viewport draws: the booth shell as the client builds it (game/scene), the
// placed models, grid, footprint outline, selection box and move/rotate/scale handles.
// Owns no editing state; rebuilds GPU content only when the files or the shell change.
#pragma once

#include "engine/asset/SandboxedImport.h"
#include "engine/render/Renderer.h"
#include "game/booth/BoothBundle.h"
#include "game/booth/BoothEdits.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace fg::scene {
class ExhibitionScene;
class SceneAssets;
} // namespace fg::scene

namespace fg::editor {

enum class GizmoMode : std::uint8_t { Move, Rotate, Scale };
const char* toString(GizmoMode mode);

struct ViewPick {
    booth::ItemRef item;
    float distance = 0;
};

class EditorScene {
public:
    // SCRATCH holds the bundle's files unpacked for the importers; models are imported in a
    // child process with LIMITS and kept cooked in COOKEDDIR (shared with the budget meter).
    static Result<std::unique_ptr<EditorScene>> create(render::Renderer& renderer,
                                                       std::filesystem::path scratch,
                                                       const std::filesystem::path& cookedDir,
                                                       const SandboxLimits& limits);
    ~EditorScene();

    // Brings the scene up to BUNDLE. SELECTED is highlighted and carries the handles.
    void update(const booth::BoothBundle& bundle, std::optional<booth::ItemRef> selected,
                GizmoMode mode, bool footprintProblem);
    const render::Scene& scene() const { return m_scene; }

    // The model or poster under RAY.
    std::optional<ViewPick> pick(const render::Ray& ray) const;
    // The handle axis (0 x, 1 y, 2 z) under RAY, when a model is selected.
    std::optional<int> pickHandle(const render::Ray& ray) const;
    glm::vec3 handleOrigin() const { return m_handleOrigin; }
    bool hasHandles() const { return m_hasHandles; }
    // A point on handle AXIS (where a person would grab it).
    glm::vec3 handlePoint(int axis) const;
    // Problems the scene builder reported (files it could not load).
    std::vector<std::string> problems() const;

private:
    EditorScene(render::Renderer& renderer, std::filesystem::path scratch);
    std::filesystem::path unpack(const booth::BoothBundle& bundle);
    void rebuildShell(const booth::BoothBundle& bundle, const std::filesystem::path& dir);
    void addOverlay(const booth::BoothBundle& bundle, bool footprintProblem);
    void addModels(const booth::BoothBundle& bundle, const std::filesystem::path& dir,
                   std::optional<booth::ItemRef> selected);
    void addHandles(GizmoMode mode);

    render::Renderer& m_renderer;
    std::filesystem::path m_scratch;
    std::unique_ptr<scene::SceneAssets> m_assets;
    std::unique_ptr<scene::ExhibitionScene> m_shell;
    std::string m_shellKey;
    std::uint64_t m_filesKey = 0;
    std::filesystem::path m_filesDir;
    render::Scene m_scene;
    render::Scene m_handles;                  // pick-only copy of the handle boxes
    std::vector<std::uint32_t> m_posterSlots; // poster array index -> slot
    glm::vec3 m_handleOrigin{0.0f};
    glm::vec3 m_handleLength{1.0f};
    bool m_hasHandles = false;
};

} // namespace fg::editor
