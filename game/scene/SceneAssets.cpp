// Loads and uploads what exhibition scenes draw, once per file or colour, with placeholders.
// Must not decide where things go in the world (ExhibitionScene/BoothBuilder do that).
#include "game/scene/SceneAssets.h"

#include "engine/asset/AssetCache.h"
#include "engine/asset/ImageLoader.h"
#include "engine/asset/ModelImporter.h"
#include "engine/core/Log.h"
#include "engine/render/Primitives.h"

#include <cmath>
#include <fmt/format.h>

namespace fg::scene {
namespace {

float toLinear(std::uint8_t c) {
    const float v = c / 255.0f;
    return v <= 0.04045f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f);
}

int quantise(float v) {
    return static_cast<int>(std::lround(v * 1000.0f));
}

} // namespace

glm::vec3 srgbToLinear(std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    return {toLinear(r), toLinear(g), toLinear(b)};
}

Result<std::unique_ptr<SceneAssets>>
SceneAssets::create(render::Renderer& renderer, const std::filesystem::path& font,
                    const std::filesystem::path& cacheDir,
                    const std::optional<SandboxLimits>& sandbox) {
    auto atlas = render::FontAtlas::bake(font, 64.0f);
    if (!atlas) return atlas.error();
    return create(renderer, std::move(*atlas), cacheDir, sandbox);
}

Result<std::unique_ptr<SceneAssets>>
SceneAssets::create(render::Renderer& renderer, render::FontAtlas font,
                    const std::filesystem::path& cacheDir,
                    const std::optional<SandboxLimits>& sandbox) {
    std::unique_ptr<SceneAssets> assets(new SceneAssets(renderer, std::move(font)));
    if (auto s = assets->init(cacheDir, sandbox); !s) return s.error();
    return assets;
}

SceneAssets::SceneAssets(render::Renderer& renderer, render::FontAtlas font)
    : m_renderer(renderer), m_font(std::move(font)) {}

SceneAssets::~SceneAssets() = default;

Status SceneAssets::init(const std::filesystem::path& cacheDir,
                         const std::optional<SandboxLimits>& sandbox) {
    if (!cacheDir.empty()) m_cache = std::make_unique<AssetCache>(cacheDir);
    if (m_cache && sandbox) m_cache->useSandbox(*sandbox);
    auto cube = m_renderer.addMesh(render::makeBox(glm::vec3(-0.5f), glm::vec3(0.5f)));
    auto quad = m_renderer.addMesh(render::makeQuad(1.0f, 1.0f));
    auto floor = m_renderer.addMesh(render::makeFloor(1.0f, 1.0f));
    auto fontTexture = m_renderer.addTexture(m_font.image());
    if (!cube) return cube.error();
    if (!quad) return quad.error();
    if (!floor) return floor.error();
    if (!fontTexture) return fontTexture.error();
    m_cube = *cube;
    m_quad = *quad;
    m_floor = *floor;
    m_fontTexture = *fontTexture;
    return {};
}

std::uint64_t SceneAssets::cacheHits() const {
    return m_cache ? m_cache->hits() : 0;
}

std::uint64_t SceneAssets::cacheMisses() const {
    return m_cache ? m_cache->misses() : 0;
}

void SceneAssets::problem(std::string message) {
    log::warn("scene: {}", message);
    m_problems.push_back(std::move(message));
}

render::MaterialId SceneAssets::colour(glm::vec3 rgb, float roughness, float metallic) {
    const auto key = std::make_tuple(quantise(rgb.r), quantise(rgb.g), quantise(rgb.b),
                                     quantise(roughness), quantise(metallic), false);
    if (auto it = m_colours.find(key); it != m_colours.end()) return it->second;
    render::MaterialDesc desc;
    desc.baseColor = glm::vec4(rgb, 1.0f);
    desc.roughness = roughness;
    desc.metallic = metallic;
    auto id = m_renderer.addMaterial(desc);
    // Only descriptor-pool exhaustion fails here; the default material id 0 still draws.
    const render::MaterialId out = id ? *id : render::MaterialId{0};
    m_colours[key] = out;
    return out;
}

render::MaterialId SceneAssets::unlitColour(glm::vec3 rgb) {
    const auto key = std::make_tuple(quantise(rgb.r), quantise(rgb.g), quantise(rgb.b), 0, 0, true);
    if (auto it = m_colours.find(key); it != m_colours.end()) return it->second;
    render::MaterialDesc desc;
    desc.baseColor = glm::vec4(rgb, 1.0f);
    desc.unlit = true;
    auto id = m_renderer.addMaterial(desc);
    const render::MaterialId out = id ? *id : render::MaterialId{0};
    m_colours[key] = out;
    return out;
}

render::MaterialId SceneAssets::textMaterial(glm::vec3 rgb) {
    const auto key =
        std::make_tuple(quantise(rgb.r), quantise(rgb.g), quantise(rgb.b), -1, -1, true);
    if (auto it = m_colours.find(key); it != m_colours.end()) return it->second;
    render::MaterialDesc desc;
    desc.baseColor = glm::vec4(rgb, 1.0f);
    desc.unlit = true;
    desc.alphaMask = true;
    desc.alphaCutoff = 0.45f;
    desc.baseColorTexture = m_fontTexture;
    auto id = m_renderer.addMaterial(desc);
    const render::MaterialId out = id ? *id : render::MaterialId{0};
    m_colours[key] = out;
    return out;
}

ImageTexture SceneAssets::image(const std::filesystem::path& path, bool unlit) {
    const std::string key = path.string() + (unlit ? "#unlit" : "");
    if (auto it = m_images.find(key); it != m_images.end()) return it->second;
    return image(key, m_cache ? m_cache->loadImage(path) : loadImage(path), unlit);
}

ImageTexture SceneAssets::image(const std::string& key, Result<ImageData> loaded, bool unlit) {
    if (auto it = m_images.find(key); it != m_images.end()) return it->second;
    ImageTexture out;
    ImageData data;
    if (loaded) {
        data = std::move(*loaded);
    } else {
        problem(fmt::format("{}: {}", key, loaded.error().message));
        data = makePlaceholderImage();
        out.placeholder = true;
        ++m_placeholders;
    }
    auto texture = m_renderer.addTexture(data);
    if (!texture) {
        problem(fmt::format("{}: {}", key, texture.error().message));
        texture = m_renderer.addTexture(makePlaceholderImage());
        out.placeholder = true;
    }
    if (texture) {
        out.texture = *texture;
        render::MaterialDesc desc;
        desc.baseColorTexture = out.texture;
        desc.roughness = 0.6f;
        desc.unlit = unlit;
        auto material = m_renderer.addMaterial(desc);
        out.material = material ? *material : render::MaterialId{0};
    }
    out.aspect = data.height ? float(data.width) / float(data.height) : 1.0f;
    m_images[key] = out;
    return out;
}

} // namespace fg::scene
