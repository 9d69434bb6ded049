// Assimp adapter, part 1: reads a model file with limits and converts meshes and nodes.
// The only place Assimp's Importer runs; Assimp types never leave engine/asset .cpp files.
#include "engine/asset/ModelImporter.h"

#include "engine/asset/AssimpMaterials.h"
#include "engine/asset/FolderGuard.h"
#include "engine/core/Log.h"

#include <assimp/DefaultIOSystem.h>
#include <assimp/Importer.hpp>
#include <assimp/config.h>
#include <assimp/metadata.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <cctype>
#include <cmath>
#include <fmt/format.h>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/type_ptr.hpp>

namespace fg {
namespace {

constexpr unsigned kPostProcess = aiProcess_Triangulate | aiProcess_GenSmoothNormals |
                                  aiProcess_CalcTangentSpace | aiProcess_JoinIdenticalVertices |
                                  aiProcess_SortByPType | aiProcess_ValidateDataStructure |
                                  aiProcess_FindInvalidData | aiProcess_RemoveRedundantMaterials |
                                  aiProcess_FlipUVs; // FlipUVs: v=0 at the image's first row

// Refuses to open any file (the model or the files it references) larger than the limit, so an
// oversized .bin or .mtl cannot be read into memory either.
class LimitedIOSystem : public Assimp::DefaultIOSystem {
public:
    LimitedIOSystem(std::uint64_t maxBytes, std::filesystem::path folder, bool confine)
        : m_maxBytes(maxBytes), m_folder(std::move(folder)), m_confine(confine) {}

    Assimp::IOStream* Open(const char* file, const char* mode) override {
        if (m_confine && !isInsideFolder(file, m_folder)) {
            m_refused = fmt::format("{} is outside the model's folder", file);
            return nullptr;
        }
        std::error_code ec;
        auto size = std::filesystem::file_size(file, ec);
        if (!ec && size > m_maxBytes) {
            m_refused =
                fmt::format("{} is {} bytes, over the limit of {} bytes", file, size, m_maxBytes);
            return nullptr;
        }
        return Assimp::DefaultIOSystem::Open(file, mode);
    }
    const std::string& refused() const { return m_refused; }

private:
    std::uint64_t m_maxBytes;
    std::filesystem::path m_folder;
    bool m_confine;
    std::string m_refused;
};

Status checkFile(const std::filesystem::path& file, const ImportOptions& options) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        return makeError(fmt::format("{}: not found or not a regular file", file.string()));
    auto size = std::filesystem::file_size(file, ec);
    if (ec) return makeError(fmt::format("{}: cannot read size: {}", file.string(), ec.message()));
    if (size == 0) return makeError(fmt::format("{}: file is empty", file.string()));
    if (size > options.maxFileBytes)
        return makeError(fmt::format("{}: file is {} bytes, over the limit of {} bytes",
                                     file.string(), size, options.maxFileBytes));
    return {};
}

glm::mat4 toGlm(const aiMatrix4x4& m) {
    // aiMatrix4x4 is row-major, glm is column-major.
    return glm::transpose(glm::make_mat4(&m.a1));
}

glm::vec4 tangentOf(const aiMesh& mesh, unsigned i, const glm::vec3& n) {
    if (mesh.HasTangentsAndBitangents()) {
        glm::vec3 t(mesh.mTangents[i].x, mesh.mTangents[i].y, mesh.mTangents[i].z);
        glm::vec3 b(mesh.mBitangents[i].x, mesh.mBitangents[i].y, mesh.mBitangents[i].z);
        if (glm::dot(t, t) > 1e-12f)
            return glm::vec4(glm::normalize(t),
                             glm::dot(glm::cross(n, t), b) < 0.0f ? -1.0f : 1.0f);
    }
    // No UVs, so no tangent space: any unit vector perpendicular to the normal will do.
    glm::vec3 axis = std::abs(n.y) < 0.99f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
    glm::vec3 t = glm::cross(axis, n);
    return glm::dot(t, t) > 1e-12f ? glm::vec4(glm::normalize(t), 1.0f) : glm::vec4(1, 0, 0, 1);
}

MeshData convertMesh(const aiMesh& mesh) {
    MeshData out;
    out.name = mesh.mName.C_Str();
    out.material = mesh.mMaterialIndex;
    out.vertices.resize(mesh.mNumVertices);
    for (unsigned i = 0; i < mesh.mNumVertices; ++i) {
        Vertex& v = out.vertices[i];
        v.position = {mesh.mVertices[i].x, mesh.mVertices[i].y, mesh.mVertices[i].z};
        if (mesh.HasNormals())
            v.normal = {mesh.mNormals[i].x, mesh.mNormals[i].y, mesh.mNormals[i].z};
        v.tangent = tangentOf(mesh, i, v.normal);
        if (mesh.HasTextureCoords(0))
            v.uv = {mesh.mTextureCoords[0][i].x, mesh.mTextureCoords[0][i].y};
    }
    out.indices.reserve(std::size_t(mesh.mNumFaces) * 3);
    for (unsigned f = 0; f < mesh.mNumFaces; ++f) {
        const aiFace& face = mesh.mFaces[f];
        if (face.mNumIndices != 3) continue; // points and lines were sorted out already
        out.indices.insert(out.indices.end(), face.mIndices, face.mIndices + 3);
    }
    computeBounds(out);
    return out;
}

// Depth-first, so every parent is stored before its children.
void convertNodes(const aiNode& root, ModelData& model) {
    std::vector<std::pair<const aiNode*, std::int32_t>> stack{{&root, -1}};
    while (!stack.empty()) {
        auto [node, parent] = stack.back();
        stack.pop_back();
        NodeData out;
        out.name = node->mName.C_Str();
        out.localTransform = toGlm(node->mTransformation);
        out.parent = parent;
        out.meshes.assign(node->mMeshes, node->mMeshes + node->mNumMeshes);
        auto self = static_cast<std::int32_t>(model.nodes.size());
        model.nodes.push_back(std::move(out));
        for (unsigned c = node->mNumChildren; c-- > 0;)
            stack.emplace_back(node->mChildren[c], self);
    }
}

int metaInt(const aiMetadata& meta, const char* key, int fallback) {
    std::int32_t value = 0;
    return meta.Get(key, value) ? value : fallback;
}

double metaUnitScale(const aiMetadata& meta) {
    double d = 0.0;
    float f = 0.0f;
    if (meta.Get("UnitScaleFactor", d) && d > 0.0) return d;
    if (meta.Get("UnitScaleFactor", f) && f > 0.0f) return f;
    return 1.0;
}

// Assimp keeps an FBX file's own axes and units; this maps them to Y-up metres. FBX names the
// file axis for up, front and right (0 x, 1 y, 2 z, with signs) and its unit in centimetres.
glm::mat4 fbxToYUpMetres(const aiScene& scene, const std::string& name) {
    if (!scene.mMetaData) return glm::mat4(1.0f);
    const aiMetadata& meta = *scene.mMetaData;
    int right = metaInt(meta, "CoordAxis", 0), up = metaInt(meta, "UpAxis", 1),
        front = metaInt(meta, "FrontAxis", 2);
    if (right < 0 || right > 2 || up < 0 || up > 2 || front < 0 || front > 2 || right == up ||
        up == front || right == front) {
        log::warn("{}: inconsistent FBX axes ({}, {}, {}) ignored", name, right, up, front);
        right = 0, up = 1, front = 2;
    }
    auto sign = [&](const char* key) { return metaInt(meta, key, 1) < 0 ? -1.0f : 1.0f; };
    glm::mat4 m(0.0f);
    m[3][3] = 1.0f;
    m[right][0] = sign("CoordAxisSign");
    m[up][1] = sign("UpAxisSign");
    m[front][2] = sign("FrontAxisSign");
    if (glm::determinant(glm::mat3(m)) < 0.0f)
        log::warn("{}: FBX axis system is left-handed; the model will appear mirrored", name);
    auto scale = static_cast<float>(metaUnitScale(meta) * 0.01);
    return glm::scale(glm::mat4(1.0f), glm::vec3(scale)) * m;
}

bool isFbx(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    return ext.size() == 4 && std::tolower(static_cast<unsigned char>(ext[1])) == 'f' &&
           std::tolower(static_cast<unsigned char>(ext[2])) == 'b' &&
           std::tolower(static_cast<unsigned char>(ext[3])) == 'x';
}

Status checkScene(const aiScene& scene, const std::string& name, const ImportOptions& options) {
    if ((scene.mFlags & AI_SCENE_FLAGS_INCOMPLETE) || !scene.mRootNode)
        return makeError(fmt::format("{}: the file holds no complete scene", name));
    std::uint64_t triangles = 0;
    for (unsigned i = 0; i < scene.mNumMeshes; ++i)
        if (scene.mMeshes[i]->mPrimitiveTypes & aiPrimitiveType_TRIANGLE)
            triangles += scene.mMeshes[i]->mNumFaces;
    if (triangles == 0) return makeError(fmt::format("{}: the model has no triangles", name));
    if (triangles > options.maxTriangles)
        return makeError(fmt::format("{}: {} triangles, over the limit of {}", name, triangles,
                                     options.maxTriangles));
    return {};
}

const aiScene* readScene(Assimp::Importer& importer, const std::filesystem::path& file,
                         std::string& error) {
    try {
        const aiScene* scene = importer.ReadFile(file.string(), kPostProcess);
        if (!scene) error = importer.GetErrorString();
        return scene;
    } catch (const std::exception& e) {
        // Assimp catches its own import errors; this is for allocation failures and the like.
        error = e.what();
        return nullptr;
    }
}

} // namespace

Result<ModelData> importModel(const std::filesystem::path& file, const ImportOptions& options) {
    std::string name = file.string();
    if (Status st = checkFile(file, options); !st) return st.error();
    Assimp::Importer importer;
    // Owned by the importer.
    auto* io =
        new LimitedIOSystem(options.maxFileBytes, file.parent_path(), options.confineToFolder);
    importer.SetIOHandler(io);
    importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE,
                                aiPrimitiveType_POINT | aiPrimitiveType_LINE);
    std::string error;
    const aiScene* scene = readScene(importer, file, error);
    if (!scene) {
        if (!io->refused().empty()) error = io->refused();
        return makeError(fmt::format("{}: cannot import: {}", name, error));
    }
    if (Status st = checkScene(*scene, name, options); !st) return st.error();
    ModelData model;
    convertMaterials(*scene, file.parent_path(), name, options.confineToFolder, model);
    for (unsigned i = 0; i < scene->mNumMeshes; ++i)
        model.meshes.push_back(convertMesh(*scene->mMeshes[i]));
    convertNodes(*scene->mRootNode, model);
    if (isFbx(file))
        model.nodes[0].localTransform =
            fbxToYUpMetres(*scene, name) * model.nodes[0].localTransform;
    return model;
}

} // namespace fg
