// Writers for the cooked model (.fgm) and texture (.fgt) formats (the reader is CookedReader.cpp).
// Layout is documented in docs/ASSETS.md; any change to it must bump the version constants.
#include "engine/asset/CookedFormat.h"

#include "engine/asset/ByteWriter.h"
#include "engine/asset/CookedLayout.h"

#include <array>
#include <zstd.h>

namespace fg {
namespace {

using namespace cooked;

constexpr int kZstdLevel = 3;

// Names longer than the reader accepts are cut rather than producing an unreadable file.
std::string_view clipName(const std::string& name) {
    return std::string_view(name).substr(0, kMaxStringBytes);
}

static_assert(sizeof(Vertex) == 48, "the cooked vertex layout is 12 packed floats");

void writeImage(ByteWriter& w, const ImageData& image) {
    w.writeString(clipName(image.name));
    w.write(image.width);
    w.write(image.height);
    w.write(static_cast<std::uint8_t>(image.srgb ? 1 : 0));
    Bytes packed(ZSTD_compressBound(image.rgba.size()));
    std::size_t n = ZSTD_compress(packed.data(), packed.size(), image.rgba.data(),
                                  image.rgba.size(), kZstdLevel);
    bool useZstd = !ZSTD_isError(n) && n < image.rgba.size();
    w.write(static_cast<std::uint8_t>(useZstd ? Compression::Zstd : Compression::None));
    std::span<const std::uint8_t> data =
        useZstd ? std::span<const std::uint8_t>(packed.data(), n) : image.rgba;
    w.write(static_cast<std::uint32_t>(data.size()));
    w.writeBytes(data);
}

void writeMaterial(ByteWriter& w, const MaterialData& m) {
    w.writeString(clipName(m.name));
    w.write(m.baseColorFactor);
    w.write(m.metallicFactor);
    w.write(m.roughnessFactor);
    w.write(m.emissiveFactor);
    w.write(static_cast<std::uint8_t>(m.alphaMode));
    w.write(m.alphaCutoff);
    w.write(static_cast<std::uint8_t>(m.doubleSided ? 1 : 0));
    w.write(m.baseColorTexture);
    w.write(m.metallicRoughnessTexture);
    w.write(m.normalTexture);
    w.write(m.emissiveTexture);
}

void writeMesh(ByteWriter& w, const MeshData& mesh) {
    w.writeString(clipName(mesh.name));
    w.write(mesh.material);
    w.write(mesh.boundsMin);
    w.write(mesh.boundsMax);
    w.write(static_cast<std::uint32_t>(mesh.vertices.size()));
    w.write(static_cast<std::uint32_t>(mesh.indices.size()));
    w.writeBytes({reinterpret_cast<const std::uint8_t*>(mesh.vertices.data()),
                  mesh.vertices.size() * sizeof(Vertex)});
    w.writeBytes({reinterpret_cast<const std::uint8_t*>(mesh.indices.data()),
                  mesh.indices.size() * sizeof(std::uint32_t)});
}

void writeNode(ByteWriter& w, const NodeData& node) {
    w.writeString(clipName(node.name));
    w.write(node.localTransform);
    w.write(node.parent);
    w.write(static_cast<std::uint32_t>(node.meshes.size()));
    for (std::uint32_t mesh : node.meshes)
        w.write(mesh);
}

// Magic, version, then four u32 fields the caller fills, then the u64 payload length.
void writeHeader(ByteWriter& w, std::uint32_t magic, std::uint32_t version,
                 std::array<std::uint32_t, 4> counts) {
    w.write(magic);
    w.write(version);
    for (std::uint32_t c : counts)
        w.write(c);
    w.write(std::uint64_t{0}); // payload bytes, patched by finish()
}

Bytes finish(ByteWriter& w) {
    w.patch(kHeaderBytes - 8, static_cast<std::uint64_t>(w.size() - kHeaderBytes));
    return w.take();
}

} // namespace

Bytes cookModel(const ModelData& source) {
    ModelData model = source;
    optimizeModel(model);
    ByteWriter w;
    writeHeader(w, kModelMagic, kCookedModelVersion,
                {static_cast<std::uint32_t>(model.images.size()),
                 static_cast<std::uint32_t>(model.materials.size()),
                 static_cast<std::uint32_t>(model.meshes.size()),
                 static_cast<std::uint32_t>(model.nodes.size())});
    for (const ImageData& image : model.images)
        writeImage(w, image);
    for (const MaterialData& material : model.materials)
        writeMaterial(w, material);
    for (const MeshData& mesh : model.meshes)
        writeMesh(w, mesh);
    for (const NodeData& node : model.nodes)
        writeNode(w, node);
    return finish(w);
}

Bytes cookImage(const ImageData& image) {
    ByteWriter w;
    writeHeader(w, kImageMagic, kCookedImageVersion, {1, 0, 0, 0});
    writeImage(w, image);
    return finish(w);
}

} // namespace fg
