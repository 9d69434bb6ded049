// Viewport scene assembly: shell via fg_scene (rebuilt when non-model content changes), models
// via SceneAssets (cached per file), overlay geometry and handles. No ImGui, no input handling.
#include "tools/editor/EditorScene.h"

#include "engine/core/Hash.h"
#include "engine/core/Log.h"
#include "game/booth/BoothPaths.h"
#include "game/booth/BoothProblems.h"
#include "game/scene/ExhibitionScene.h"
#include "game/scene/SceneAssets.h"

#include <fmt/format.h>
#include <glm/gtc/matrix_transform.hpp>

namespace fg::editor {

namespace fs = std::filesystem;

namespace {

constexpr std::uint32_t kModelPick = 1000; // pickId of placed models; pickItem is the index
constexpr float kHandleThickness = 0.05f;

glm::mat4 boxMatrix(glm::vec3 lo, glm::vec3 hi) {
    return glm::scale(glm::translate(glm::mat4(1.0f), (lo + hi) * 0.5f),
                      glm::max(hi - lo, glm::vec3(0.002f)));
}

// A one-booth exhibition around the bundle so the client's booth builder can draw the shell.
expo::Exhibition shellExhibition(const booth::BoothBundle& bundle) {
    expo::Exhibition ex;
    ex.halls.push_back(
        {"main", "Editor", {}, {-12.0f, -12.0f}, {24.0f, 24.0f}, 5.0f, {}, {{12, 12}, 0}, {}});
    expo::Booth b = bundle.booth;
    b.hall = "main";
    b.pavilion.clear();
    b.position = {12.0f, 12.0f};
    b.rotation = 0;
    b.content.models.clear(); // drawn by the editor itself, so dragging does not rebuild the shell
    ex.booths.push_back(b);
    ex.exhibitors.push_back(bundle.profile);
    return ex;
}

} // namespace

const char* toString(GizmoMode mode) {
    switch (mode) {
    case GizmoMode::Move:
        return "move";
    case GizmoMode::Rotate:
        return "rotate";
    case GizmoMode::Scale:
        return "scale";
    }
    return "?";
}

Result<std::unique_ptr<EditorScene>> EditorScene::create(render::Renderer& renderer,
                                                         fs::path scratch,
                                                         const fs::path& cookedDir,
                                                         const SandboxLimits& limits) {
    std::unique_ptr<EditorScene> s(new EditorScene(renderer, std::move(scratch)));
    auto assets = scene::SceneAssets::create(renderer, FG_DEFAULT_FONT, cookedDir, limits);
    if (!assets) return assets.error();
    s->m_assets = std::move(*assets);
    return s;
}

EditorScene::EditorScene(render::Renderer& renderer, fs::path scratch)
    : m_renderer(renderer), m_scratch(std::move(scratch)) {}

EditorScene::~EditorScene() = default;

// Files are written to a folder named by their content, so the asset caches (keyed by path)
// never serve a stale file after an edit replaces one.
fs::path EditorScene::unpack(const booth::BoothBundle& bundle) {
    std::uint64_t key = 0x9e3779b97f4a7c15ull;
    for (const auto& [name, data] : bundle.files)
        key =
            hash64(fmt::format("{}{}{}", key, name, hash64(std::span<const std::uint8_t>(*data))));
    if (key == m_filesKey) return m_filesDir;
    m_filesKey = key;
    m_filesDir = m_scratch / fmt::format("{:016x}", key);
    std::error_code ec;
    for (const auto& [name, data] : bundle.files) {
        if (!booth::checkEntryName(name)) continue;
        fs::create_directories((m_filesDir / name).parent_path(), ec);
        if (!fs::exists(m_filesDir / name, ec)) (void)writeFileAtomic(m_filesDir / name, *data);
    }
    return m_filesDir;
}

void EditorScene::rebuildShell(const booth::BoothBundle& bundle, const fs::path& dir) {
    expo::Exhibition ex = shellExhibition(bundle);
    std::string key = dir.string() + booth::toBoothJson({ex.booths[0], bundle.profile, {}});
    if (key == m_shellKey && m_shell) return;
    m_shellKey = key;
    auto shell = scene::ExhibitionScene::build(m_renderer, ex, dir);
    if (!shell) {
        log::error("editor: booth shell: {}", shell.error().message);
        m_shell.reset();
        return;
    }
    m_shell = std::move(*shell);
}

void EditorScene::addOverlay(const booth::BoothBundle& bundle, bool footprintProblem) {
    render::MaterialId grid = m_assets->unlitColour({0.12f, 0.13f, 0.15f});
    for (int i = -6; i <= 6; ++i) {
        float v = float(i);
        m_scene.add(m_assets->cube(), grid,
                    boxMatrix({v - 0.006f, 0.101f, -6}, {v + 0.006f, 0.103f, 6}));
        m_scene.add(m_assets->cube(), grid,
                    boxMatrix({-6, 0.101f, v - 0.006f}, {6, 0.103f, v + 0.006f}));
    }
    const auto& t = expo::sizeTemplate(bundle.booth.size);
    float hx = t.width * 0.5f, hz = t.depth * 0.5f, e = 0.025f, y0 = 0.104f, y1 = 0.11f;
    render::MaterialId edge = m_assets->unlitColour(
        footprintProblem ? glm::vec3(0.9f, 0.08f, 0.05f) : glm::vec3(0.05f, 0.6f, 0.95f));
    m_scene.add(m_assets->cube(), edge, boxMatrix({-hx - e, y0, -hz - e}, {hx + e, y1, -hz + e}));
    m_scene.add(m_assets->cube(), edge, boxMatrix({-hx - e, y0, hz - e}, {hx + e, y1, hz + e}));
    m_scene.add(m_assets->cube(), edge, boxMatrix({-hx - e, y0, -hz}, {-hx + e, y1, hz}));
    m_scene.add(m_assets->cube(), edge, boxMatrix({hx - e, y0, -hz}, {hx + e, y1, hz}));
}

void EditorScene::addModels(const booth::BoothBundle& bundle, const fs::path& dir,
                            std::optional<booth::ItemRef> selected) {
    const auto& models = bundle.booth.content.models;
    for (std::size_t i = 0; i < models.size(); ++i) {
        const scene::ModelParts& parts = m_assets->model(dir / models[i].file);
        glm::mat4 m = booth::placementMatrix(models[i]);
        render::Aabb world;
        for (std::size_t p = 0; p < parts.parts.size(); ++p) {
            const auto& part = parts.parts[p];
            std::size_t at = m_scene.add(part.mesh, part.material, m * part.transform, kModelPick,
                                         std::uint32_t(i));
            const render::Aabb& b = m_scene.instances()[at].worldBounds;
            world = p == 0 ? b : render::mergeAabb(world, b);
        }
        if (!selected || selected->kind != booth::ItemKind::Model || selected->index != i ||
            parts.parts.empty())
            continue;
        render::MaterialId yellow = m_assets->unlitColour({1.0f, 0.8f, 0.1f});
        glm::vec3 lo = world.min - 0.02f, hi = world.max + 0.02f;
        for (int axis = 0; axis < 3; ++axis)
            for (int c = 0; c < 4; ++c) { // the 4 edges of the box along AXIS
                glm::vec3 a = lo, b = hi;
                int u = (axis + 1) % 3, v = (axis + 2) % 3;
                a[u] = b[u] = (c & 1) ? hi[u] : lo[u];
                a[v] = b[v] = (c & 2) ? hi[v] : lo[v];
                a[u] -= 0.01f, a[v] -= 0.01f, b[u] += 0.01f, b[v] += 0.01f;
                m_scene.add(m_assets->cube(), yellow, boxMatrix(a, b));
            }
        // Handles start at the model's centre and reach past its box, so they are never hidden.
        m_handleOrigin = world.center();
        m_handleLength = glm::vec3(0.6f) + world.extent() * 0.5f;
        m_hasHandles = true;
    }
}

void EditorScene::addHandles(GizmoMode mode) {
    m_handles.clear();
    if (!m_hasHandles) return;
    const glm::vec3 colours[3] = {{0.95f, 0.15f, 0.1f}, {0.2f, 0.85f, 0.15f}, {0.15f, 0.35f, 1.0f}};
    for (int axis = 0; axis < 3; ++axis) {
        glm::vec3 lo = m_handleOrigin - glm::vec3(kHandleThickness),
                  hi = m_handleOrigin + glm::vec3(kHandleThickness);
        hi[axis] = m_handleOrigin[axis] + m_handleLength[axis];
        render::MaterialId mat = m_assets->unlitColour(colours[axis]);
        m_scene.add(m_assets->cube(), mat, boxMatrix(lo, hi));
        m_handles.add(m_assets->cube(), mat, boxMatrix(lo - 0.04f, hi + 0.04f), 0,
                      std::uint32_t(axis));
        // The tip shows the mode: a cube for scale, a flat disc-like plate for rotate, a cone-ish
        // block for move.
        glm::vec3 tip = m_handleOrigin;
        tip[axis] += m_handleLength[axis];
        glm::vec3 size = mode == GizmoMode::Scale ? glm::vec3(0.16f) : glm::vec3(0.11f);
        if (mode == GizmoMode::Rotate)
            size[axis] = 0.03f, size[(axis + 1) % 3] = 0.3f, size[(axis + 2) % 3] = 0.3f;
        m_scene.add(m_assets->cube(), mat, boxMatrix(tip - size, tip + size));
    }
}

void EditorScene::update(const booth::BoothBundle& bundle, std::optional<booth::ItemRef> selected,
                         GizmoMode mode, bool footprintProblem) {
    fs::path dir = unpack(bundle);
    rebuildShell(bundle, dir);
    m_scene.clear();
    m_hasHandles = false;
    if (m_shell)
        for (const auto& inst : m_shell->scene().instances())
            m_scene.add(inst.mesh, inst.material, inst.transform, inst.pickId, inst.pickItem);
    if (m_shell) {
        m_scene.light = m_shell->scene().light;
        m_scene.sky = m_shell->scene().sky;
    }
    m_posterSlots.clear();
    for (const auto& p : bundle.booth.content.posters)
        m_posterSlots.push_back(p.slot);
    addOverlay(bundle, footprintProblem);
    addModels(bundle, dir, selected);
    addHandles(mode);
}

std::optional<ViewPick> EditorScene::pick(const render::Ray& ray) const {
    auto hit = m_scene.pick(ray);
    if (hit && hit->pickId == kModelPick)
        return ViewPick{{booth::ItemKind::Model, hit->pickItem}, hit->distance};
    if (!m_shell) return std::nullopt;
    auto shellHit = m_shell->pick(ray);
    if (!shellHit || (hit && hit->distance + 1e-3f < shellHit->distance)) return std::nullopt;
    if (shellHit->kind == scene::PickKind::Poster) {
        // The shell reports the poster slot; the editor selects by array index.
        for (std::size_t i = 0; i < m_posterSlots.size(); ++i)
            if (m_posterSlots[i] == shellHit->index)
                return ViewPick{{booth::ItemKind::Poster, i}, shellHit->distance};
    }
    return std::nullopt;
}

glm::vec3 EditorScene::handlePoint(int axis) const {
    glm::vec3 p = m_handleOrigin;
    p[axis] += m_handleLength[axis] * 0.8f;
    return p;
}

std::optional<int> EditorScene::pickHandle(const render::Ray& ray) const {
    auto hit = m_handles.pick(ray);
    if (!hit) return std::nullopt;
    return int(hit->pickItem);
}

std::vector<std::string> EditorScene::problems() const {
    std::vector<std::string> out = m_assets->problems();
    if (m_shell) out.insert(out.end(), m_shell->problems().begin(), m_shell->problems().end());
    return out;
}

} // namespace fg::editor
