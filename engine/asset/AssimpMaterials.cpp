// Assimp adapter, part 2: glTF metallic-roughness materials and their textures to MaterialData.
// Reads the aiScene only; files are opened only for external textures beside the model.
#include "engine/asset/AssimpMaterials.h"

#include "engine/asset/FolderGuard.h"
#include "engine/asset/ImageLoader.h"
#include "engine/core/Log.h"

#include <assimp/GltfMaterial.h>
#include <assimp/material.h>
#include <assimp/scene.h>
#include <cctype>
#include <map>
#include <span>

namespace fg {
namespace {

// Collects decoded images so a texture used twice (with the same colour space) is stored once.
class TextureTable {
public:
    TextureTable(const aiScene& scene, std::filesystem::path dir, std::string modelName,
                 bool confine, ModelData& model)
        : m_scene(scene), m_dir(std::move(dir)), m_modelName(std::move(modelName)),
          m_confine(confine), m_model(model) {}

    std::int32_t get(const std::string& path, bool srgb) {
        std::string key = path + (srgb ? "|srgb" : "|linear");
        if (auto it = m_indices.find(key); it != m_indices.end()) return it->second;
        ImageData image = load(path);
        image.srgb = srgb;
        auto index = static_cast<std::int32_t>(m_model.images.size());
        m_model.images.push_back(std::move(image));
        m_indices.emplace(key, index);
        return index;
    }

private:
    ImageData load(const std::string& path) {
        Result<ImageData> image = loadFrom(path);
        if (image) return std::move(*image);
        log::warn("{}: texture '{}' replaced by the placeholder: {}", m_modelName, path,
                  image.error().message);
        ImageData placeholder = makePlaceholderImage();
        placeholder.name = path;
        return placeholder;
    }

    Result<ImageData> loadFrom(const std::string& path) {
        if (const aiTexture* tex = m_scene.GetEmbeddedTexture(path.c_str()))
            return embedded(*tex, path);
        if (!path.empty() && path[0] == '*')
            return makeError(fmt::format("embedded texture {} does not exist", path));
        std::filesystem::path file = decodeUri(path);
        // An absolute path from another machine is looked for beside the model instead.
        if (file.is_absolute()) file = file.filename();
        std::filesystem::path resolved = (m_dir / file).lexically_normal();
        if (m_confine && !isInsideFolder(resolved, m_dir))
            return makeError(fmt::format("{} is outside the model's folder", resolved.string()));
        Result<ImageData> image = loadImage(resolved);
        if (image) image->name = path;
        return image;
    }

    static Result<ImageData> embedded(const aiTexture& tex, const std::string& path) {
        std::string name = tex.mFilename.length ? tex.mFilename.C_Str() : path;
        if (tex.mHeight == 0) {
            std::span<const std::uint8_t> bytes(reinterpret_cast<const std::uint8_t*>(tex.pcData),
                                                tex.mWidth);
            return loadImageFromMemory(bytes, name);
        }
        ImageData image;
        image.name = name;
        image.width = tex.mWidth;
        image.height = tex.mHeight;
        image.rgba.reserve(std::size_t(tex.mWidth) * tex.mHeight * 4);
        for (std::size_t i = 0; i < std::size_t(tex.mWidth) * tex.mHeight; ++i) {
            const aiTexel& t = tex.pcData[i];
            image.rgba.insert(image.rgba.end(), {t.r, t.g, t.b, t.a});
        }
        return image;
    }

    // glTF URIs may percent-encode characters such as spaces.
    static std::string decodeUri(const std::string& uri) {
        std::string out;
        for (std::size_t i = 0; i < uri.size(); ++i) {
            if (uri[i] == '%' && i + 2 < uri.size() && std::isxdigit(uchar(uri[i + 1])) &&
                std::isxdigit(uchar(uri[i + 2]))) {
                out += static_cast<char>(std::stoi(uri.substr(i + 1, 2), nullptr, 16));
                i += 2;
            } else {
                out += uri[i];
            }
        }
        return out;
    }
    static unsigned char uchar(char c) { return static_cast<unsigned char>(c); }

    const aiScene& m_scene;
    std::filesystem::path m_dir;
    std::string m_modelName;
    bool m_confine;
    ModelData& m_model;
    std::map<std::string, std::int32_t> m_indices;
};

std::int32_t texture(const aiMaterial& mat, std::initializer_list<aiTextureType> types, bool srgb,
                     TextureTable& table) {
    for (aiTextureType type : types) {
        aiString path;
        if (mat.GetTextureCount(type) > 0 && mat.GetTexture(type, 0, &path) == AI_SUCCESS &&
            path.length > 0)
            return table.get(path.C_Str(), srgb);
    }
    return kNoTexture;
}

void readFactors(const aiMaterial& mat, MaterialData& out) {
    aiColor4D colour;
    if (mat.Get(AI_MATKEY_BASE_COLOR, colour) == AI_SUCCESS ||
        mat.Get(AI_MATKEY_COLOR_DIFFUSE, colour) == AI_SUCCESS)
        out.baseColorFactor = {colour.r, colour.g, colour.b, colour.a};
    float opacity = 1.0f;
    bool pbr = mat.Get(AI_MATKEY_METALLIC_FACTOR, out.metallicFactor) == AI_SUCCESS;
    // Formats without PBR data (OBJ, Collada) describe dielectrics: metallic 0, rough.
    if (!pbr) out.metallicFactor = 0.0f;
    if (mat.Get(AI_MATKEY_ROUGHNESS_FACTOR, out.roughnessFactor) != AI_SUCCESS)
        out.roughnessFactor = 1.0f;
    if (!pbr && mat.Get(AI_MATKEY_OPACITY, opacity) == AI_SUCCESS && opacity < 1.0f) {
        out.baseColorFactor.a *= opacity;
        out.alphaMode = AlphaMode::Blend;
    }
    aiColor3D emissive(0.0f, 0.0f, 0.0f);
    if (mat.Get(AI_MATKEY_COLOR_EMISSIVE, emissive) == AI_SUCCESS)
        out.emissiveFactor = {emissive.r, emissive.g, emissive.b};
    float strength = 1.0f;
    if (mat.Get(AI_MATKEY_EMISSIVE_INTENSITY, strength) == AI_SUCCESS)
        out.emissiveFactor *= strength;
}

void readAlphaAndSides(const aiMaterial& mat, MaterialData& out) {
    aiString mode;
    if (mat.Get(AI_MATKEY_GLTF_ALPHAMODE, mode) == AI_SUCCESS) {
        std::string m = mode.C_Str();
        out.alphaMode = m == "MASK"    ? AlphaMode::Mask
                        : m == "BLEND" ? AlphaMode::Blend
                                       : AlphaMode::Opaque;
    }
    float cutoff = 0.5f;
    if (mat.Get(AI_MATKEY_GLTF_ALPHACUTOFF, cutoff) == AI_SUCCESS) out.alphaCutoff = cutoff;
    int twoSided = 0;
    if (mat.Get(AI_MATKEY_TWOSIDED, twoSided) == AI_SUCCESS) out.doubleSided = twoSided != 0;
}

MaterialData convertMaterial(const aiMaterial& mat, TextureTable& table) {
    MaterialData out;
    out.name = mat.GetName().C_Str();
    readFactors(mat, out);
    readAlphaAndSides(mat, out);
    out.baseColorTexture =
        texture(mat, {aiTextureType_BASE_COLOR, aiTextureType_DIFFUSE}, true, table);
    out.metallicRoughnessTexture = texture(mat, {aiTextureType_UNKNOWN, aiTextureType_METALNESS},
                                           false, table); // glTF puts MR in UNKNOWN
    out.normalTexture =
        texture(mat, {aiTextureType_NORMALS, aiTextureType_NORMAL_CAMERA}, false, table);
    out.emissiveTexture =
        texture(mat, {aiTextureType_EMISSIVE, aiTextureType_EMISSION_COLOR}, true, table);
    return out;
}

} // namespace

void convertMaterials(const aiScene& scene, const std::filesystem::path& modelDir,
                      const std::string& modelName, bool confine, ModelData& model) {
    TextureTable table(scene, modelDir, modelName, confine, model);
    for (unsigned i = 0; i < scene.mNumMaterials; ++i)
        model.materials.push_back(convertMaterial(*scene.mMaterials[i], table));
    if (model.materials.empty())
        model.materials.push_back(MaterialData{.name = "default", .metallicFactor = 0.0f});
}

} // namespace fg
