// SceneAssets' model path: import (or cooked-cache load), upload of images/materials/meshes, and
// flattening the node tree into parts. Failures fall back to the magenta placeholder model.
#include "engine/asset/AssetCache.h"
#include "engine/asset/ModelImporter.h"
#include "game/scene/SceneAssets.h"

#include <fmt/format.h>
#include <glm/gtc/matrix_transform.hpp>

namespace fg::scene {
namespace {

render::MaterialDesc toDesc(const MaterialData& m, const std::vector<render::TextureId>& textures) {
    auto tex = [&](std::int32_t index) {
        return index >= 0 && std::size_t(index) < textures.size() ? textures[std::size_t(index)]
                                                                  : render::TextureId{};
    };
    render::MaterialDesc d;
    d.baseColor = m.baseColorFactor;
    d.metallic = m.metallicFactor;
    d.roughness = m.roughnessFactor;
    d.emissive = m.emissiveFactor;
    // Blend is drawn as a mask: the forward pass has no sorted transparent stage yet.
    d.alphaMask = m.alphaMode != AlphaMode::Opaque;
    d.alphaCutoff = m.alphaMode == AlphaMode::Blend ? 0.1f : m.alphaCutoff;
    d.baseColorTexture = tex(m.baseColorTexture);
    d.metallicRoughnessTexture = tex(m.metallicRoughnessTexture);
    d.normalTexture = tex(m.normalTexture);
    d.emissiveTexture = tex(m.emissiveTexture);
    return d;
}

// World-from-node matrices; parents are resolved iteratively and cycles are cut.
std::vector<glm::mat4> globalTransforms(const std::vector<NodeData>& nodes) {
    std::vector<glm::mat4> out(nodes.size(), glm::mat4(1.0f));
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        glm::mat4 m = nodes[i].localTransform;
        std::int32_t parent = nodes[i].parent;
        for (std::size_t depth = 0;
             parent >= 0 && std::size_t(parent) < nodes.size() && depth < nodes.size(); ++depth) {
            m = nodes[std::size_t(parent)].localTransform * m;
            parent = nodes[std::size_t(parent)].parent;
        }
        out[i] = m;
    }
    return out;
}

} // namespace

ModelParts SceneAssets::upload(const ModelData& model, const std::string& label) {
    ModelParts out;
    std::vector<render::TextureId> textures;
    for (const ImageData& image : model.images) {
        auto t = m_renderer.addTexture(image);
        if (!t) problem(fmt::format("{}: image '{}': {}", label, image.name, t.error().message));
        textures.push_back(t ? *t : render::TextureId{});
    }
    std::vector<render::MaterialId> materials;
    for (const MaterialData& m : model.materials) {
        auto id = m_renderer.addMaterial(toDesc(m, textures));
        materials.push_back(id ? *id : colour(glm::vec3(0.8f)));
    }
    std::vector<render::MeshHandle> meshes;
    for (const MeshData& mesh : model.meshes) {
        auto handle = m_renderer.addMesh(mesh);
        if (!handle)
            problem(fmt::format("{}: mesh '{}': {}", label, mesh.name, handle.error().message));
        meshes.push_back(handle ? *handle : render::MeshHandle{});
    }
    auto addPart = [&](std::uint32_t meshIndex, const glm::mat4& transform) {
        if (meshIndex >= meshes.size() || !meshes[meshIndex].valid()) return;
        const std::uint32_t mat = model.meshes[meshIndex].material;
        const render::MaterialId material =
            mat < materials.size() ? materials[mat] : colour(glm::vec3(0.8f));
        out.parts.push_back({meshes[meshIndex], material, transform});
        const render::Aabb box = render::transformAabb(meshes[meshIndex].bounds, transform);
        out.bounds = out.parts.size() == 1 ? box : render::mergeAabb(out.bounds, box);
    };
    if (model.nodes.empty()) {
        for (std::uint32_t i = 0; i < meshes.size(); ++i)
            addPart(i, glm::mat4(1.0f));
    } else {
        const std::vector<glm::mat4> global = globalTransforms(model.nodes);
        for (std::size_t n = 0; n < model.nodes.size(); ++n)
            for (std::uint32_t meshIndex : model.nodes[n].meshes)
                addPart(meshIndex, global[n]);
    }
    return out;
}

const ModelParts& SceneAssets::model(const std::filesystem::path& path) {
    const std::string key = path.string();
    if (auto it = m_models.find(key); it != m_models.end()) return it->second;
    Result<ModelData> loaded = m_cache ? m_cache->loadModel(path) : importModel(path);
    ModelParts parts;
    if (loaded) parts = upload(*loaded, key);
    if (!loaded || parts.parts.empty()) {
        problem(fmt::format("{}: {}", key, loaded ? "no drawable meshes" : loaded.error().message));
        parts = upload(makePlaceholderModel(), "placeholder");
        parts.placeholder = true;
        // Stand the unit box on the floor where the model would have stood.
        const glm::mat4 lift = glm::translate(glm::mat4(1.0f), {0, -parts.bounds.min.y, 0});
        for (ModelParts::Part& part : parts.parts)
            part.transform = lift * part.transform;
        parts.bounds = render::transformAabb(parts.bounds, lift);
        ++m_placeholders;
    }
    return m_models.emplace(key, std::move(parts)).first->second;
}

} // namespace fg::scene
