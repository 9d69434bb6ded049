// GPU resources shared while building exhibition scenes: primitives, colour materials, textures by
// file, imported models and sign text. Failures become logged problems and magenta placeholders.
#pragma once

#include "engine/asset/SandboxedImport.h"
#include "engine/render/FontAtlas.h"
#include "engine/render/Renderer.h"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fg {
class AssetCache;
}

namespace fg::scene {

// One imported model as drawable parts (mesh + material + model-space transform).
struct ModelParts {
    struct Part {
        render::MeshHandle mesh;
        render::MaterialId material;
        glm::mat4 transform{1.0f};
    };
    std::vector<Part> parts;
    render::Aabb bounds;
    bool placeholder = false;
};

struct ImageTexture {
    render::TextureId texture;
    render::MaterialId material; // lit, textured
    float aspect = 1.0f;         // width / height
    bool placeholder = false;
};

class SceneAssets {
public:
    // FONT is a TrueType file; CACHEDIR, when not empty, keeps cooked models between runs.
    // With SANDBOX (and a CACHEDIR), models are imported in a child process with those limits.
    static Result<std::unique_ptr<SceneAssets>>
    create(render::Renderer& renderer, const std::filesystem::path& font,
           const std::filesystem::path& cacheDir = {},
           const std::optional<SandboxLimits>& sandbox = std::nullopt);
    // The same with an atlas already baked (FontAtlas::bakeFor: the exhibition's scripts).
    static Result<std::unique_ptr<SceneAssets>>
    create(render::Renderer& renderer, render::FontAtlas font,
           const std::filesystem::path& cacheDir = {},
           const std::optional<SandboxLimits>& sandbox = std::nullopt);
    ~SceneAssets();

    render::Renderer& renderer() { return m_renderer; }
    // Unit cube centred on the origin, unit quad facing +z, unit floor facing +y.
    const render::MeshHandle& cube() const { return m_cube; }
    const render::MeshHandle& quad() const { return m_quad; }
    const render::MeshHandle& floor() const { return m_floor; }

    render::MaterialId colour(glm::vec3 linearRgb, float roughness = 0.8f, float metallic = 0.0f);
    render::MaterialId unlitColour(glm::vec3 linearRgb);
    // The image at PATH as a texture + lit material (UNLIT: shown as it is, for screens); a
    // missing or broken file gives the magenta checker and a problem naming the file.
    ImageTexture image(const std::filesystem::path& path, bool unlit = false);
    // LOADED (decoded elsewhere, e.g. a rendered PDF page) under KEY, cached like image(path);
    // an error gives the checker and a problem.
    ImageTexture image(const std::string& key, Result<ImageData> loaded, bool unlit);
    // The image cached under KEY by either image(), if any.
    std::optional<ImageTexture> cached(const std::string& key) const {
        auto it = m_images.find(key);
        return it == m_images.end() ? std::nullopt : std::optional<ImageTexture>(it->second);
    }
    // The model at PATH; failures give the magenta placeholder box and a problem.
    const ModelParts& model(const std::filesystem::path& path);
    // A text line LINEHEIGHT metres tall, centred, facing +z (mesh data, not yet uploaded).
    MeshData textMesh(const std::string& utf8, float lineHeight) const {
        return m_font.textMesh(utf8, lineHeight);
    }
    float textWidth(const std::string& utf8, float lineHeight) const {
        return m_font.measure(utf8, lineHeight);
    }
    render::MaterialId textMaterial(glm::vec3 linearRgb);

    const std::vector<std::string>& problems() const { return m_problems; }
    std::size_t placeholders() const { return m_placeholders; }
    std::uint64_t cacheHits() const;
    std::uint64_t cacheMisses() const;

private:
    SceneAssets(render::Renderer& renderer, render::FontAtlas font);
    Status init(const std::filesystem::path& cacheDir, const std::optional<SandboxLimits>& sandbox);
    ModelParts upload(const ModelData& model, const std::string& label);
    void problem(std::string message);

    render::Renderer& m_renderer;
    render::FontAtlas m_font;
    render::TextureId m_fontTexture;
    std::unique_ptr<AssetCache> m_cache;
    render::MeshHandle m_cube, m_quad, m_floor;
    std::map<std::tuple<int, int, int, int, int, bool>, render::MaterialId> m_colours;
    std::map<std::string, ImageTexture> m_images;
    std::map<std::string, ModelParts> m_models;
    std::vector<std::string> m_problems;
    std::size_t m_placeholders = 0;
};

// "#rrggbb"-style sRGB bytes to linear floats.
glm::vec3 srgbToLinear(std::uint8_t r, std::uint8_t g, std::uint8_t b);

} // namespace fg::scene
