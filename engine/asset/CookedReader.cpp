// Bounds-checked readers for the cooked model and texture formats (the writers are
// CookedFormat.cpp). Input may be hostile (network, disk corruption): every count, index and size
// is checked first.
#include "engine/asset/ByteReader.h"
#include "engine/asset/CookedFormat.h"
#include "engine/asset/CookedLayout.h"

#include <zstd.h>

namespace fg {
namespace {

using namespace cooked;

#define FG_TRY(expr)                                                                               \
    do {                                                                                           \
        if (Status fgTryStatus = (expr); !fgTryStatus) return fgTryStatus.error();                 \
    } while (0)

struct Header {
    std::uint32_t counts[4] = {};
};

Result<Header> readHeader(ByteReader& r, std::uint32_t magic, std::uint32_t version,
                          const char* kind) {
    std::uint32_t fileMagic = 0, fileVersion = 0;
    FG_TRY(r.read(fileMagic, "magic"));
    if (fileMagic != magic) return r.fail("magic", fmt::format("not a cooked {} file", kind));
    FG_TRY(r.read(fileVersion, "version"));
    if (fileVersion != version)
        return r.fail("version", fmt::format("version {} is not the supported version {}",
                                             fileVersion, version));
    Header h;
    for (std::uint32_t& c : h.counts)
        FG_TRY(r.read(c, "header count"));
    std::uint64_t payload = 0;
    FG_TRY(r.read(payload, "payload length"));
    if (payload != r.remaining())
        return r.fail("payload length",
                      fmt::format("header says {} bytes, file has {}", payload, r.remaining()));
    return h;
}

// One zstd context per thread, reused: creating one per image costs more than decompressing a
// small texture.
ZSTD_DCtx* decompressionContext() {
    struct Holder {
        ZSTD_DCtx* ctx = ZSTD_createDCtx();
        ~Holder() { ZSTD_freeDCtx(ctx); }
    };
    thread_local Holder holder;
    return holder.ctx;
}

Status readPixels(ByteReader& r, ImageData& image, std::uint8_t compression) {
    std::uint32_t stored = 0;
    FG_TRY(r.read(stored, "image data length"));
    auto data = r.take(stored, "image data");
    if (!data) return data.error();
    std::size_t expected = std::size_t(image.width) * image.height * 4;
    if (compression == static_cast<std::uint8_t>(Compression::None)) {
        if (stored != expected)
            return r.fail("image data", fmt::format("{} bytes, expected {}", stored, expected));
        image.rgba.assign(data->begin(), data->end());
        return {};
    }
    unsigned long long frame = ZSTD_getFrameContentSize(data->data(), data->size());
    if (frame != expected)
        return r.fail("image data", fmt::format("zstd frame does not hold {} bytes", expected));
    image.rgba.resize(expected);
    std::size_t n = ZSTD_decompressDCtx(decompressionContext(), image.rgba.data(), expected,
                                        data->data(), data->size());
    if (ZSTD_isError(n) || n != expected)
        return r.fail("image data", fmt::format("zstd: {}", ZSTD_isError(n) ? ZSTD_getErrorName(n)
                                                                            : "short frame"));
    return {};
}

Result<ImageData> readImage(ByteReader& r) {
    ImageData image;
    std::uint8_t srgb = 0, compression = 0;
    FG_TRY(r.readString(image.name, "image name", kMaxStringBytes));
    FG_TRY(r.read(image.width, "image width"));
    FG_TRY(r.read(image.height, "image height"));
    if (image.width == 0 || image.height == 0 || image.width > kMaxImageSide ||
        image.height > kMaxImageSide)
        return r.fail("image size", fmt::format("{}x{} is outside 1..{}", image.width, image.height,
                                                kMaxImageSide));
    if (std::uint64_t(image.width) * image.height * 4 > kMaxImagePixelBytes)
        return r.fail("image size", fmt::format("{}x{} is over {} bytes of pixels", image.width,
                                                image.height, kMaxImagePixelBytes));
    FG_TRY(r.read(srgb, "image srgb"));
    if (srgb > 1) return r.fail("image srgb", "must be 0 or 1");
    image.srgb = srgb == 1;
    FG_TRY(r.read(compression, "image compression"));
    if (compression > 1) return r.fail("image compression", fmt::format("unknown {}", compression));
    FG_TRY(readPixels(r, image, compression));
    return image;
}

Status readTextureIndex(ByteReader& r, std::int32_t& out, std::uint32_t imageCount) {
    FG_TRY(r.read(out, "material texture index"));
    if (out != kNoTexture && (out < 0 || static_cast<std::uint32_t>(out) >= imageCount))
        return r.fail("material texture index",
                      fmt::format("{} is not -1 or below the image count {}", out, imageCount));
    return {};
}

Result<MaterialData> readMaterial(ByteReader& r, std::uint32_t imageCount) {
    MaterialData m;
    std::uint8_t alpha = 0, doubleSided = 0;
    FG_TRY(r.readString(m.name, "material name", kMaxStringBytes));
    FG_TRY(r.read(m.baseColorFactor, "material base colour"));
    FG_TRY(r.read(m.metallicFactor, "material metallic"));
    FG_TRY(r.read(m.roughnessFactor, "material roughness"));
    FG_TRY(r.read(m.emissiveFactor, "material emissive"));
    FG_TRY(r.read(alpha, "material alpha mode"));
    if (alpha > 2) return r.fail("material alpha mode", fmt::format("unknown {}", alpha));
    m.alphaMode = static_cast<AlphaMode>(alpha);
    FG_TRY(r.read(m.alphaCutoff, "material alpha cutoff"));
    FG_TRY(r.read(doubleSided, "material double-sided"));
    if (doubleSided > 1) return r.fail("material double-sided", "must be 0 or 1");
    m.doubleSided = doubleSided == 1;
    FG_TRY(readTextureIndex(r, m.baseColorTexture, imageCount));
    FG_TRY(readTextureIndex(r, m.metallicRoughnessTexture, imageCount));
    FG_TRY(readTextureIndex(r, m.normalTexture, imageCount));
    FG_TRY(readTextureIndex(r, m.emissiveTexture, imageCount));
    return m;
}

Status readIndices(ByteReader& r, MeshData& mesh, std::uint32_t indexCount) {
    if (indexCount % 3 != 0)
        return r.fail("mesh index count", fmt::format("{} is not a multiple of 3", indexCount));
    FG_TRY(r.checkCount(indexCount, sizeof(std::uint32_t), "mesh index count"));
    auto bytes = r.take(std::size_t(indexCount) * sizeof(std::uint32_t), "mesh indices");
    if (!bytes) return bytes.error();
    mesh.indices.resize(indexCount);
    if (indexCount > 0) std::memcpy(mesh.indices.data(), bytes->data(), bytes->size());
    for (std::uint32_t i = 0; i < indexCount; ++i)
        if (mesh.indices[i] >= mesh.vertices.size())
            return r.fail("mesh indices", fmt::format("index {} is {}, vertex count is {}", i,
                                                      mesh.indices[i], mesh.vertices.size()));
    return {};
}

Result<MeshData> readMesh(ByteReader& r, std::uint32_t materialCount) {
    MeshData mesh;
    std::uint32_t vertexCount = 0, indexCount = 0;
    FG_TRY(r.readString(mesh.name, "mesh name", kMaxStringBytes));
    FG_TRY(r.read(mesh.material, "mesh material"));
    if (mesh.material >= materialCount)
        return r.fail("mesh material", fmt::format("{} is not below the material count {}",
                                                   mesh.material, materialCount));
    FG_TRY(r.read(mesh.boundsMin, "mesh bounds"));
    FG_TRY(r.read(mesh.boundsMax, "mesh bounds"));
    FG_TRY(r.read(vertexCount, "mesh vertex count"));
    FG_TRY(r.read(indexCount, "mesh index count"));
    FG_TRY(r.checkCount(vertexCount, sizeof(Vertex), "mesh vertex count"));
    auto bytes = r.take(std::size_t(vertexCount) * sizeof(Vertex), "mesh vertices");
    if (!bytes) return bytes.error();
    mesh.vertices.resize(vertexCount);
    // memcpy with an empty vector's null data() is undefined even for 0 bytes (found by fuzzing).
    if (vertexCount > 0)
        std::memcpy(static_cast<void*>(mesh.vertices.data()), bytes->data(), bytes->size());
    FG_TRY(readIndices(r, mesh, indexCount));
    return mesh;
}

Result<NodeData> readNode(ByteReader& r, std::uint32_t self, std::uint32_t meshCount) {
    NodeData node;
    std::uint32_t count = 0;
    FG_TRY(r.readString(node.name, "node name", kMaxStringBytes));
    FG_TRY(r.read(node.localTransform, "node transform"));
    FG_TRY(r.read(node.parent, "node parent"));
    // Parents come before children, which also rules out cycles.
    if (node.parent < -1 || node.parent >= static_cast<std::int32_t>(self))
        return r.fail("node parent", fmt::format("{} is not -1 or an earlier node", node.parent));
    FG_TRY(r.read(count, "node mesh count"));
    FG_TRY(r.checkCount(count, sizeof(std::uint32_t), "node mesh count"));
    node.meshes.resize(count);
    for (std::uint32_t& mesh : node.meshes) {
        FG_TRY(r.read(mesh, "node mesh"));
        if (mesh >= meshCount)
            return r.fail("node mesh",
                          fmt::format("{} is not below the mesh count {}", mesh, meshCount));
    }
    return node;
}

// Reads COUNT records with READ into OUT, after checking they can fit in what is left.
template <class T, class Fn>
Status readArray(ByteReader& r, std::vector<T>& out, std::uint32_t count, std::uint64_t minBytes,
                 const char* field, Fn&& read) {
    FG_TRY(r.checkCount(count, minBytes, field));
    out.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) {
        auto item = read(i);
        if (!item) return item.error();
        out.push_back(std::move(*item));
    }
    return {};
}

} // namespace

Result<ModelData> readCookedModel(std::span<const std::uint8_t> bytes, const std::string& name) {
    ByteReader r(bytes, name);
    auto header = readHeader(r, kModelMagic, kCookedModelVersion, "model");
    if (!header) return header.error();
    // Plain variables, not a structured binding: clang 14 cannot capture those in lambdas.
    const std::uint32_t images = header->counts[0], materials = header->counts[1],
                        meshes = header->counts[2], nodes = header->counts[3];
    ModelData model;
    std::uint64_t pixelBytes = 0;
    FG_TRY(readArray(r, model.images, images, kMinImageBytes, "image count",
                     [&](std::uint32_t) -> Result<ImageData> {
                         auto image = readImage(r);
                         if (image && (pixelBytes += image->rgba.size()) > kMaxModelPixelBytes)
                             return r.fail("image data", "the model's images are over 1 GiB");
                         return image;
                     }));
    FG_TRY(readArray(r, model.materials, materials, kMinMaterialBytes, "material count",
                     [&](std::uint32_t) { return readMaterial(r, images); }));
    FG_TRY(readArray(r, model.meshes, meshes, kMinMeshBytes, "mesh count",
                     [&](std::uint32_t) { return readMesh(r, materials); }));
    FG_TRY(readArray(r, model.nodes, nodes, kMinNodeBytes, "node count",
                     [&](std::uint32_t i) { return readNode(r, i, meshes); }));
    if (r.remaining() != 0)
        return r.fail("end of file", fmt::format("{} unexpected trailing bytes", r.remaining()));
    return model;
}

Result<ImageData> readCookedImage(std::span<const std::uint8_t> bytes, const std::string& name) {
    ByteReader r(bytes, name);
    auto header = readHeader(r, kImageMagic, kCookedImageVersion, "texture");
    if (!header) return header.error();
    if (header->counts[0] != 1 || header->counts[1] || header->counts[2] || header->counts[3])
        return r.fail("header count", "a cooked texture holds exactly one image");
    auto image = readImage(r);
    if (!image) return image.error();
    if (r.remaining() != 0)
        return r.fail("end of file", fmt::format("{} unexpected trailing bytes", r.remaining()));
    return image;
}

} // namespace fg
