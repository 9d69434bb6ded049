// Exhibition -> render::Scene: floors, walls with entrance gaps, pavilions, stages, booths.
// Uploads through the public Renderer only; file problems become placeholders plus a warning.
#include "game/client/WorldScene.h"

#include "engine/core/Log.h"
#include "engine/render/Primitives.h"
#include "game/client/ClientTry.h"

#include <algorithm>
#include <fmt/format.h>
#include <glm/gtc/matrix_transform.hpp>
#include <map>

namespace fg::client {
namespace {

using render::MaterialId;
using render::MeshHandle;

constexpr float kBoothWallHeight = 2.8f;
constexpr std::uint32_t kHallFloor = 0x8a8f96, kHallWall = 0xd9d4cc, kStage = 0x2b2f3a;
constexpr std::uint32_t kCounter = 0xf2f2f2, kBoothWall = 0xeeeeea, kScreen = 0x10131a;
constexpr std::uint32_t kPalette[] = {0x2f80ed, 0xeb5757, 0x27ae60, 0xf2994a,
                                      0x9b51e0, 0x00a8a8, 0xe0b000, 0x56657f};

glm::mat4 boxTransform(const glm::mat4& base, glm::vec3 min, glm::vec3 max) {
    return glm::scale(glm::translate(base, (min + max) * 0.5f), max - min);
}

struct Builder {
    SceneKit& kit;
    const expo::Exhibition& ex;
    std::filesystem::path baseDir;
    AssetCache& cache;
    render::Scene scene;
    WorldStats stats;
    std::map<std::string, MaterialId> posterMaterials;
    struct Model {
        std::vector<std::pair<MeshHandle, MaterialId>> parts;
        std::vector<std::pair<glm::mat4, std::size_t>> placed; // node transform, part index
    };
    std::map<std::string, Model> models;

    Status box(std::uint32_t rgb, const glm::mat4& base, glm::vec3 min, glm::vec3 max,
               std::uint32_t pick = render::kInvalidId, std::uint32_t item = 0) {
        auto m = kit.color(rgb);
        if (!m) return m.error();
        scene.add(kit.cube, *m, boxTransform(base, min, max), pick, item);
        return {};
    }
    Status hall(std::size_t index);
    Status walls(const expo::Hall& h, const glm::mat4& base);
    Status booth(std::size_t index);
    Status boothShell(const expo::Booth& b, const glm::mat4& base, std::uint32_t accent);
    Status posters(const expo::Booth& b, const glm::mat4& base);
    Status boothModels(const expo::Booth& b, const glm::mat4& base);
    Result<MaterialId> posterMaterial(const std::string& file, float& aspect);
    Result<const Model*> model(const std::string& file);
};

Status Builder::hall(std::size_t index) {
    const expo::Hall& h = ex.halls[index];
    const glm::mat4 base = glm::translate(glm::mat4(1.0f), toWorld(h, {0, 0}));
    FG_CLIENT_TRY(box(kHallFloor, base, {0, -0.2f, 0}, {h.size.x, 0, h.size.y},
                      kFloorPickBase + std::uint32_t(index)));
    for (const expo::Pavilion& p : ex.pavilions) {
        if (p.hall != h.id) continue;
        FG_CLIENT_TRY(box(rgbOf(p.colors.floor), base, {p.rect.x, 0, p.rect.z},
                          {p.rect.x + p.rect.width, 0.02f, p.rect.z + p.rect.depth}));
        // A low accent border marks the pavilion's edge without blocking the view.
        FG_CLIENT_TRY(box(rgbOf(p.colors.accent), base, {p.rect.x, 0, p.rect.z},
                          {p.rect.x + p.rect.width, 0.08f, p.rect.z + 0.12f}));
    }
    for (const expo::Venue& v : h.venues) {
        const bool stage = v.kind == expo::VenueKind::Stage;
        FG_CLIENT_TRY(
            box(stage ? kStage : 0x6b7280, base, {v.rect.x, 0, v.rect.z},
                {v.rect.x + v.rect.width, stage ? 0.4f : 0.03f, v.rect.z + v.rect.depth}));
        const float cx = v.rect.x + v.rect.width / 2, top = v.rect.z + v.rect.depth;
        const float half = std::min(v.rect.width * 0.35f, 6.0f);
        FG_CLIENT_TRY(
            box(kScreen, base, {cx - half, 1.0f, top - 0.3f}, {cx + half, 4.5f, top - 0.1f}));
    }
    return walls(h, base);
}

Status Builder::walls(const expo::Hall& h, const glm::mat4& base) {
    const float t = 0.3f, ht = h.wallHeight;
    for (expo::Wall wall :
         {expo::Wall::South, expo::Wall::North, expo::Wall::West, expo::Wall::East}) {
        const bool alongX = wall == expo::Wall::South || wall == expo::Wall::North;
        const float length = alongX ? h.size.x : h.size.y;
        std::vector<std::pair<float, float>> gaps;
        for (const expo::Entrance& e : h.entrances)
            if (e.wall == wall) gaps.push_back({e.offset - e.width / 2, e.offset + e.width / 2});
        std::sort(gaps.begin(), gaps.end());
        float at = 0;
        gaps.push_back({length, length});
        for (auto [g0, g1] : gaps) {
            if (g0 > at) {
                glm::vec3 mn, mx;
                if (alongX) {
                    const float z = wall == expo::Wall::South ? -t : h.size.y;
                    mn = {at, 0, z}, mx = {g0, ht, z + t};
                } else {
                    const float x = wall == expo::Wall::West ? -t : h.size.x;
                    mn = {x, 0, at}, mx = {x + t, ht, g0};
                }
                FG_CLIENT_TRY(box(kHallWall, base, mn, mx));
            }
            at = std::max(at, g1);
        }
    }
    return {};
}

Status Builder::boothShell(const expo::Booth& b, const glm::mat4& base, std::uint32_t accent) {
    const expo::SizeTemplate& t = expo::sizeTemplate(b.size);
    const float w = t.width / 2, d = t.depth / 2;
    const std::uint32_t id = std::uint32_t(&b - ex.booths.data());
    FG_CLIENT_TRY(box(accent, base, {-w, 0, -d}, {w, 0.06f, d}, id));
    // Booth-local +z is the open front (expo::boothFrontDirection): back wall and fascia at -z,
    // the counter towards the aisle at +z.
    FG_CLIENT_TRY(box(kBoothWall, base, {-w, 0, -d}, {w, kBoothWallHeight, -d + 0.15f}, id));
    FG_CLIENT_TRY(box(kBoothWall, base, {-w, 0, -d}, {-w + 0.1f, kBoothWallHeight, 0}, id));
    FG_CLIENT_TRY(box(kBoothWall, base, {w - 0.1f, 0, -d}, {w, kBoothWallHeight, 0}, id));
    FG_CLIENT_TRY(
        box(accent, base, {-w, kBoothWallHeight, -d}, {w, kBoothWallHeight + 0.5f, -d + 0.4f}, id));
    const float cw = std::min(0.9f, w - 0.3f);
    FG_CLIENT_TRY(box(kCounter, base, {-cw, 0, d - 0.85f}, {cw, 1.05f, d - 0.25f}, id));
    return box(accent, base, {-cw, 0.8f, d - 0.25f}, {cw, 1.0f, d - 0.23f}, id);
}

Result<MaterialId> Builder::posterMaterial(const std::string& file, float& aspect) {
    auto image = cache.loadImage(baseDir / file);
    if (!image) {
        log::warn("client: poster {}: {} (placeholder shown)", file, image.error().message);
        image = makePlaceholderImage();
    }
    aspect = image->height ? float(image->width) / float(image->height) : 1.0f;
    if (auto it = posterMaterials.find(file); it != posterMaterials.end()) return it->second;
    auto texture = kit.renderer->addTexture(*image);
    if (!texture) return texture.error();
    ++stats.textures;
    render::MaterialDesc desc;
    desc.baseColorTexture = *texture;
    desc.roughness = 0.6f;
    desc.emissive = glm::vec3(0.25f); // posters stay readable away from the light
    auto material = kit.renderer->addMaterial(desc);
    if (!material) return material.error();
    posterMaterials[file] = *material;
    return *material;
}

Status Builder::posters(const expo::Booth& b, const glm::mat4& base) {
    const expo::SizeTemplate& t = expo::sizeTemplate(b.size);
    const float slotWidth = t.width / float(t.maxPosters);
    const std::uint32_t id = std::uint32_t(&b - ex.booths.data());
    for (const expo::Poster& p : b.content.posters) {
        float aspect = 0.7f;
        auto material = posterMaterial(p.image, aspect);
        if (!material) return material.error();
        float width = std::min(1.1f, slotWidth * 0.85f);
        float height = width / std::max(aspect, 0.2f);
        if (height > 1.7f) height = 1.7f, width = height * aspect;
        const glm::mat4 m = glm::translate(base, posterSlotCentre(t, p.slot));
        scene.add(kit.quad, *material, glm::scale(m, {width, height, 1}), id, kPosterItem + p.slot);
        ++stats.posters;
    }
    return {};
}

Result<const Builder::Model*> Builder::model(const std::string& file) {
    if (auto it = models.find(file); it != models.end()) return &it->second;
    auto data = cache.loadModel(baseDir / file);
    if (!data) {
        log::warn("client: model {}: {} (placeholder shown)", file, data.error().message);
        data = makePlaceholderModel();
    }
    Model out;
    std::vector<render::TextureId> textures;
    for (const ImageData& image : data->images) {
        auto t = kit.renderer->addTexture(image);
        if (!t) return t.error();
        textures.push_back(*t);
        ++stats.textures;
    }
    auto tex = [&](std::int32_t i) {
        return i >= 0 && std::size_t(i) < textures.size() ? textures[std::size_t(i)]
                                                          : render::TextureId{};
    };
    std::vector<MaterialId> materials;
    for (const MaterialData& m : data->materials) {
        render::MaterialDesc d;
        d.baseColor = m.baseColorFactor;
        d.metallic = m.metallicFactor;
        d.roughness = m.roughnessFactor;
        d.emissive = m.emissiveFactor;
        d.alphaMask = m.alphaMode == AlphaMode::Mask;
        d.alphaCutoff = m.alphaCutoff;
        d.baseColorTexture = tex(m.baseColorTexture);
        d.metallicRoughnessTexture = tex(m.metallicRoughnessTexture);
        d.normalTexture = tex(m.normalTexture);
        d.emissiveTexture = tex(m.emissiveTexture);
        auto id = kit.renderer->addMaterial(d);
        if (!id) return id.error();
        materials.push_back(*id);
    }
    for (const MeshData& mesh : data->meshes) {
        auto h = kit.renderer->addMesh(mesh);
        if (!h) return h.error();
        const MaterialId mat =
            mesh.material < materials.size() ? materials[mesh.material] : *kit.color(0xcccccc);
        out.parts.push_back({*h, mat});
    }
    std::vector<glm::mat4> global(data->nodes.size(), glm::mat4(1.0f));
    for (std::size_t i = 0; i < data->nodes.size(); ++i) {
        const NodeData& n = data->nodes[i];
        // Parents precede children in the importer's order; anything else is treated as a root.
        const bool parentDone = n.parent >= 0 && std::size_t(n.parent) < i;
        global[i] =
            parentDone ? global[std::size_t(n.parent)] * n.localTransform : n.localTransform;
        for (std::uint32_t m : n.meshes)
            if (m < out.parts.size()) out.placed.push_back({global[i], m});
    }
    if (data->nodes.empty())
        for (std::size_t m = 0; m < out.parts.size(); ++m)
            out.placed.push_back({glm::mat4(1.0f), m});
    return &(models[file] = std::move(out));
}

Status Builder::boothModels(const expo::Booth& b, const glm::mat4& base) {
    const std::uint32_t id = std::uint32_t(&b - ex.booths.data());
    for (std::size_t i = 0; i < b.content.models.size(); ++i) {
        const expo::ModelPlacement& p = b.content.models[i];
        auto m = model(p.file);
        if (!m) return m.error();
        glm::mat4 local = glm::translate(base, p.position);
        local = glm::rotate(local, glm::radians(p.rotation.y), {0, 1, 0});
        local = glm::rotate(local, glm::radians(p.rotation.x), {1, 0, 0});
        local = glm::rotate(local, glm::radians(p.rotation.z), {0, 0, 1});
        local = glm::scale(local, p.scale);
        for (const auto& [node, part] : (*m)->placed)
            scene.add((*m)->parts[part].first, (*m)->parts[part].second, local * node, id,
                      kModelItem + std::uint32_t(i));
        ++stats.models;
    }
    return {};
}

Status Builder::booth(std::size_t index) {
    const expo::Booth& b = ex.booths[index];
    const expo::Hall* h = expo::findHall(ex, b.hall);
    if (!h) return makeError(fmt::format("booth '{}': unknown hall '{}'", b.id, b.hall));
    std::uint32_t accent = accentFor(b.exhibitor);
    if (const expo::Pavilion* p = expo::findPavilion(ex, b.pavilion))
        accent = rgbOf(p->colors.accent);
    glm::mat4 base = glm::translate(glm::mat4(1.0f), toWorld(*h, b.position));
    base = glm::rotate(base, glm::radians(float(b.rotation)), {0, 1, 0});
    FG_CLIENT_TRY(boothShell(b, base, accent));
    FG_CLIENT_TRY(posters(b, base));
    FG_CLIENT_TRY(boothModels(b, base));
    ++stats.booths;
    return {};
}

} // namespace

glm::vec3 posterSlotCentre(const expo::SizeTemplate& t, std::uint32_t slot) {
    // Slot 0 is on the left of a visitor facing the back wall from the aisle (looking along -z).
    const float slotWidth = t.width / float(t.maxPosters);
    return {t.width / 2 - (float(slot) + 0.5f) * slotWidth, 1.45f, -t.depth / 2 + 0.17f};
}

glm::vec3 toWorld(const expo::Hall& hall, glm::vec2 p, float y) {
    return {hall.origin.x + p.x, y, hall.origin.y + p.y};
}

std::uint32_t rgbOf(const expo::Color& c) {
    return (std::uint32_t(c.r) << 16) | (std::uint32_t(c.g) << 8) | c.b;
}

std::uint32_t accentFor(const std::string& id) {
    return kPalette[std::hash<std::string>{}(id) % std::size(kPalette)];
}

} // namespace fg::client

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

Result<WorldScene> WorldScene::build(SceneKit& kit, const expo::Exhibition& ex,
                                     const std::filesystem::path& baseDir, AssetCache& cache,
                                     const ProgressFn& progress) {
    Builder b{kit, ex, baseDir, cache, {}, {}, {}, {}};
    const float total = float(ex.halls.size() + ex.booths.size()) + 1.0f;
    float done = 0;
    for (std::size_t i = 0; i < ex.halls.size(); ++i) {
        FG_CLIENT_TRY(b.hall(i));
        if (progress) progress(++done / total, ex.halls[i].name);
    }
    WorldScene out;
    for (std::size_t i = 0; i < ex.booths.size(); ++i) {
        const std::size_t first = b.scene.instances().size();
        FG_CLIENT_TRY(b.booth(i));
        out.m_booths.push_back({first, b.scene.instances().size()});
        if (progress && (i % 8 == 0 || i + 1 == ex.booths.size()))
            progress(++done / total, ex.booths[i].id);
        else
            ++done;
    }
    FG_CLIENT_TRY(kit.renderer->flushUploads());
    b.stats.instances = b.scene.instances().size();
    b.stats.cacheHits = cache.hits();
    b.stats.cacheMisses = cache.misses();
    out.m_scene = std::move(b.scene);
    out.m_stats = b.stats;
    return out;
}

} // namespace fg::client
