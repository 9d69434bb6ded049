// Builds an ExhibitionScene: assets, halls, pavilions, booths; named views; pick decoding.
// Placement of individual parts is in HallBuilder.cpp and BoothBuilder.cpp.
#include "game/scene/ExhibitionScene.h"

#include "engine/core/Log.h"
#include "game/scene/SceneBuild.h"

#include <algorithm>
#include <cmath>

#ifndef FG_DEFAULT_FONT
#error "FG_DEFAULT_FONT must name the default TrueType font"
#endif

namespace fg::scene {
namespace {

// Puts the renderer's new resources in GROUP for as long as it lives, then restores the group
// used before (so a progress callback that draws a loading frame adds nothing to the world).
class GroupInUse {
public:
    GroupInUse(render::Renderer& renderer, render::ResourceGroup group)
        : m_renderer(renderer), m_previous(renderer.useResourceGroup(group)) {}
    ~GroupInUse() { m_renderer.useResourceGroup(m_previous); }
    GroupInUse(const GroupInUse&) = delete;
    GroupInUse& operator=(const GroupInUse&) = delete;
    render::ResourceGroup previous() const { return m_previous; }

private:
    render::Renderer& m_renderer;
    render::ResourceGroup m_previous;
};

glm::vec2 entrancePoint(const expo::Hall& hall, const expo::Entrance& e) {
    switch (e.wall) {
    case expo::Wall::South:
        return {e.offset, 0.0f};
    case expo::Wall::North:
        return {e.offset, hall.size.y};
    case expo::Wall::West:
        return {0.0f, e.offset};
    case expo::Wall::East:
        return {hall.size.x, e.offset};
    }
    return {0.0f, 0.0f};
}

// The welcome view: walking in from the hall's first entrance towards its host pavilion (or its
// first pavilion, or its centre), stopping a few metres short, raised to look over the booths.
render::Camera entranceCamera(const expo::Exhibition& ex, const expo::Hall& hall) {
    const expo::Pavilion* target = nullptr;
    for (const expo::Pavilion& p : ex.pavilions)
        if (p.hall == hall.id && (!target || (p.host && !target->host))) target = &p;
    const glm::vec2 centre = target ? glm::vec2(target->rect.x + target->rect.width * 0.5f,
                                                target->rect.z + target->rect.depth * 0.5f)
                                    : hall.size * 0.5f;
    const glm::vec2 entry =
        hall.entrances.empty() ? hall.spawn.position : entrancePoint(hall, hall.entrances.front());
    glm::vec2 dir = centre - entry;
    dir = glm::length(dir) > 1e-3f ? glm::normalize(dir) : glm::vec2(0.0f, 1.0f);
    // Distance from the centre to the target's edge along DIR, plus a 4 m stand-off.
    float reach = 15.0f;
    if (target) {
        const float hx = target->rect.width * 0.5f, hz = target->rect.depth * 0.5f;
        const float tx = std::abs(dir.x) > 1e-4f ? hx / std::abs(dir.x) : 1e9f;
        const float tz = std::abs(dir.y) > 1e-4f ? hz / std::abs(dir.y) : 1e9f;
        reach = std::min(tx, tz) + 4.0f;
    }
    reach = std::min(reach, glm::length(centre - entry));
    const glm::vec2 p = centre - dir * reach;
    render::Camera c;
    c.position = {hall.origin.x + p.x, 9.0f, hall.origin.y + p.y};
    c.yaw = glm::degrees(std::atan2(dir.x, dir.y));
    c.pitch = -28.0f;
    return c;
}

render::Camera spawnCamera(const expo::Hall& hall) {
    render::Camera c;
    c.position = {hall.origin.x + hall.spawn.position.x, 2.2f,
                  hall.origin.y + hall.spawn.position.y};
    c.yaw = hall.spawn.yaw;
    c.pitch = -4.0f;
    return c;
}

} // namespace

std::optional<render::Camera> exhibitionView(const expo::Exhibition& exhibition,
                                             const std::string& name) {
    if (exhibition.halls.empty()) return std::nullopt;
    if (name == "entrance") {
        return entranceCamera(exhibition, exhibition.halls.front());
    }
    for (const expo::Hall& hall : exhibition.halls)
        if (hall.id == name) return spawnCamera(hall);
    return std::nullopt;
}

namespace {

// Every text the world draws from the file: its characters, in any script, go into the atlas.
std::vector<std::string> worldTexts(const expo::Exhibition& ex) {
    std::vector<std::string> out{ex.event.name};
    for (const auto& h : ex.halls) {
        out.push_back(h.name);
        for (const auto& v : h.venues)
            out.push_back(v.name);
    }
    for (const auto& p : ex.pavilions)
        out.push_back(p.name);
    for (const auto& x : ex.exhibitors)
        out.push_back(x.name);
    for (const auto& b : ex.booths)
        out.insert(out.end(), b.content.signs.begin(), b.content.signs.end());
    for (const auto& s : ex.sessions) {
        out.push_back(s.title);
        for (const auto& sp : s.speakers)
            out.push_back(sp.name + sp.title + sp.organisation);
        if (s.moderator) out.push_back(s.moderator->name + s.moderator->title);
    }
    return out;
}

Result<std::unique_ptr<SceneAssets>> worldAssets(render::Renderer& renderer,
                                                 const expo::Exhibition& ex,
                                                 const std::filesystem::path& cacheDir) {
    auto fonts = text::findFonts();
    if (!fonts) return fonts.error();
    auto atlas = render::FontAtlas::bakeFor(*fonts, worldTexts(ex), 64.0f);
    if (!atlas) return atlas.error();
    return SceneAssets::create(renderer, std::move(*atlas), cacheDir);
}

} // namespace

Result<std::unique_ptr<ExhibitionScene>>
ExhibitionScene::build(render::Renderer& renderer, const expo::Exhibition& exhibition,
                       const std::filesystem::path& baseDir,
                       const ExhibitionSceneOptions& options) {
    std::unique_ptr<ExhibitionScene> out(new ExhibitionScene());
    out->m_renderer = &renderer;
    out->m_baseDir = baseDir;
    out->m_group = renderer.createResourceGroup();
    GroupInUse inUse(renderer, out->m_group);
    // The caller's progress callback runs outside the group: it may draw with its own resources.
    auto progress = [&](float fraction, std::string_view what) {
        if (!options.progress) return;
        renderer.useResourceGroup(inUse.previous());
        options.progress(fraction, what);
        renderer.useResourceGroup(out->m_group);
    };
    auto assets = options.font.empty()
                      ? worldAssets(renderer, exhibition, options.cacheDir)
                      : SceneAssets::create(renderer, options.font, options.cacheDir);
    if (!assets) return assets.error();
    out->m_assets = std::move(*assets);
    BuildContext ctx{*out->m_assets, out->m_scene, exhibition, baseDir};
    const float total = float(exhibition.halls.size() + exhibition.booths.size()) + 1.0f;
    for (std::size_t i = 0; i < exhibition.halls.size(); ++i) {
        addHall(ctx, exhibition.halls[i]);
        progress(float(i + 1) / total, exhibition.halls[i].name);
    }
    for (const expo::Pavilion& pavilion : exhibition.pavilions)
        addPavilion(ctx, pavilion);
    for (std::size_t i = 0; i < exhibition.booths.size(); ++i) {
        addBooth(ctx, exhibition.booths[i], static_cast<std::uint32_t>(i));
        if (i % 8 == 0)
            progress(float(exhibition.halls.size() + i + 1) / total, exhibition.booths[i].id);
        out->m_boothIds.push_back(exhibition.booths[i].id);
        const expo::BoothContent& c = exhibition.booths[i].content;
        out->m_counts.posters += c.posters.size();
        out->m_counts.models += c.models.size();
        out->m_counts.signs += c.signs.size();
    }
    ctx.text.flush(*out->m_assets, out->m_scene);
    out->m_counts.halls = exhibition.halls.size();
    out->m_counts.pavilions = exhibition.pavilions.size();
    out->m_counts.booths = exhibition.booths.size();
    out->m_counts.cacheHits = out->m_assets->cacheHits();
    out->m_counts.cacheMisses = out->m_assets->cacheMisses();
    out->addViews(exhibition);
    if (auto s = renderer.flushUploads(); !s) return s.error();
    progress(1.0f, "uploading");
    return out;
}

// Frees the GPU memory of everything build() added: a client that rebuilds its world for each
// booth revision (or an editor for each edit) does not keep every old world on the GPU.
ExhibitionScene::~ExhibitionScene() {
    m_assets.reset(); // holds handles only; the renderer owns what they name
    if (!m_renderer) return;
    if (auto released = m_renderer->releaseResourceGroup(m_group); !released)
        log::error("scene: releasing the exhibition's GPU resources: {}", released.error().message);
}

const std::vector<std::string>& ExhibitionScene::problems() const {
    return m_assets->problems();
}

std::size_t ExhibitionScene::placeholders() const {
    return m_assets->placeholders();
}

void ExhibitionScene::addViews(const expo::Exhibition& exhibition) {
    if (auto entrance = exhibitionView(exhibition, "entrance"))
        m_views.push_back({"entrance", *entrance});
    for (const expo::Hall& hall : exhibition.halls)
        m_views.push_back({hall.id, spawnCamera(hall)});
}

std::optional<render::Camera> ExhibitionScene::view(const std::string& name) const {
    for (const NamedView& v : m_views)
        if (v.name == name) return v.camera;
    return std::nullopt;
}

std::optional<BoothPick> ExhibitionScene::pick(const render::Ray& ray) const {
    const auto hit = m_scene.pick(ray);
    if (!hit || hit->pickId >= m_boothIds.size()) return std::nullopt;
    BoothPick out;
    out.boothId = m_boothIds[hit->pickId];
    out.boothIndex = hit->pickId;
    out.kind = static_cast<PickKind>(hit->pickItem >> 16);
    out.index = hit->pickItem & 0xFFFF;
    out.distance = hit->distance;
    return out;
}

std::optional<FloorPick> ExhibitionScene::pickFloor(const render::Ray& ray) const {
    const auto hit = m_scene.pick(ray);
    if (!hit || hit->pickId < kFloorPickBase || hit->pickId == render::kInvalidId)
        return std::nullopt;
    FloorPick out;
    out.hallIndex = hit->pickId - kFloorPickBase;
    out.point = ray.origin + ray.direction * hit->distance;
    out.distance = hit->distance;
    return out;
}

} // namespace fg::scene
