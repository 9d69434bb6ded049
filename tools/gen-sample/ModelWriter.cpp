// glTF 2.0 / GLB and OBJ+MTL encoders for the sample's product models.
// Deterministic output (fixed key order, fixed number formatting); writes only into a FileSet.
#include "tools/gen-sample/ModelWriter.h"

#include <cmath>
#include <cstring>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace fg::sample {

namespace {

using Json = nlohmann::ordered_json;

constexpr int kFloat = 5126;
constexpr int kUint = 5125;
constexpr int kArrayBuffer = 34962;
constexpr int kElementBuffer = 34963;

double tidy(float v) {
    return std::round(static_cast<double>(v) * 1e4) / 1e4;
}

Json vec(std::initializer_list<float> v) {
    Json a = Json::array();
    for (float f : v)
        a.push_back(tidy(f));
    return a;
}

// Accumulates the binary buffer and the bufferView/accessor tables that index it.
struct BufferBuilder {
    std::vector<std::uint8_t> bin;
    Json views = Json::array();
    Json accessors = Json::array();

    int view(const void* data, std::size_t bytes, int target) {
        while (bin.size() % 4)
            bin.push_back(0);
        Json v = {{"buffer", 0}, {"byteOffset", bin.size()}, {"byteLength", bytes}};
        if (target) v["target"] = target;
        auto* p = static_cast<const std::uint8_t*>(data);
        bin.insert(bin.end(), p, p + bytes);
        views.push_back(v);
        return static_cast<int>(views.size() - 1);
    }
    int accessor(int view, int componentType, std::size_t count, const char* type) {
        accessors.push_back({{"bufferView", view},
                             {"componentType", componentType},
                             {"count", count},
                             {"type", type}});
        return static_cast<int>(accessors.size() - 1);
    }
};

Json primitive(BufferBuilder& b, const MeshPart& part) {
    int pv = b.view(part.positions.data(), part.positions.size() * 12, kArrayBuffer);
    int pos = b.accessor(pv, kFloat, part.positions.size(), "VEC3");
    glm::vec3 lo(1e30f), hi(-1e30f);
    for (const glm::vec3& p : part.positions) {
        lo = glm::min(lo, p);
        hi = glm::max(hi, p);
    }
    // min/max must match the stored floats exactly, so they are not rounded.
    b.accessors[pos]["min"] = {lo.x, lo.y, lo.z};
    b.accessors[pos]["max"] = {hi.x, hi.y, hi.z};
    int nv = b.view(part.normals.data(), part.normals.size() * 12, kArrayBuffer);
    int nrm = b.accessor(nv, kFloat, part.normals.size(), "VEC3");
    int tv = b.view(part.uvs.data(), part.uvs.size() * 8, kArrayBuffer);
    int uv = b.accessor(tv, kFloat, part.uvs.size(), "VEC2");
    int iv = b.view(part.indices.data(), part.indices.size() * 4, kElementBuffer);
    int idx = b.accessor(iv, kUint, part.indices.size(), "SCALAR");
    return {{"attributes", {{"POSITION", pos}, {"NORMAL", nrm}, {"TEXCOORD_0", uv}}},
            {"indices", idx},
            {"material", part.material}};
}

Json material(const Material& m) {
    Json pbr = {
        {"baseColorFactor", vec({m.baseColor.r, m.baseColor.g, m.baseColor.b, m.baseColor.a})},
        {"metallicFactor", tidy(m.metallic)},
        {"roughnessFactor", tidy(m.roughness)}};
    if (m.texture >= 0) pbr["baseColorTexture"] = {{"index", m.texture}};
    Json j = {{"name", m.name}, {"pbrMetallicRoughness", pbr}};
    if (m.emissive != glm::vec3(0.0f))
        j["emissiveFactor"] = vec({m.emissive.r, m.emissive.g, m.emissive.b});
    if (m.doubleSided) j["doubleSided"] = true;
    return j;
}

// Builds the glTF document; images go into the buffer (GLB) or beside it as PNG files.
Json gltfDocument(const Model& model, BufferBuilder& b, FileSet& files, const std::string& folder,
                  const std::string& stem, bool binary) {
    Json meshPrims = Json::array();
    for (const MeshPart& part : model.parts)
        if (!part.indices.empty()) meshPrims.push_back(primitive(b, part));
    Json doc = {{"asset", {{"version", "2.0"}, {"generator", "fairground-gen-sample"}}},
                {"scene", 0},
                {"scenes", {{{"name", model.name}, {"nodes", {0}}}}},
                {"nodes", {{{"name", model.name}, {"mesh", 0}}}},
                {"meshes", {{{"name", model.name}, {"primitives", meshPrims}}}}};
    Json mats = Json::array();
    for (const Material& m : model.materials)
        mats.push_back(material(m));
    doc["materials"] = mats;
    if (!model.images.empty()) {
        Json images = Json::array(), textures = Json::array();
        for (std::size_t i = 0; i < model.images.size(); ++i) {
            const ModelImage& img = model.images[i];
            if (binary) {
                int v = b.view(img.png.data(), img.png.size(), 0);
                images.push_back(
                    {{"name", img.name}, {"bufferView", v}, {"mimeType", "image/png"}});
            } else {
                std::string file = fmt::format("{}-{}.png", stem, img.name);
                files.add(folder + "/" + file, img.png);
                images.push_back({{"name", img.name}, {"uri", file}});
            }
            textures.push_back({{"sampler", 0}, {"source", i}});
        }
        doc["samplers"] = {
            {{"magFilter", 9729}, {"minFilter", 9987}, {"wrapS", 33071}, {"wrapT", 33071}}};
        doc["images"] = images;
        doc["textures"] = textures;
    }
    while (b.bin.size() % 4)
        b.bin.push_back(0);
    doc["accessors"] = b.accessors;
    doc["bufferViews"] = b.views;
    doc["buffers"] = {{{"byteLength", b.bin.size()}}};
    if (!binary) doc["buffers"][0]["uri"] = stem + ".bin";
    return doc;
}

void putU32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i)
        out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

std::vector<std::uint8_t> glbContainer(std::string json, const std::vector<std::uint8_t>& bin) {
    while (json.size() % 4)
        json.push_back(' ');
    std::vector<std::uint8_t> out;
    putU32(out, 0x46546C67); // "glTF"
    putU32(out, 2);
    putU32(out, static_cast<std::uint32_t>(12 + 8 + json.size() + 8 + bin.size()));
    putU32(out, static_cast<std::uint32_t>(json.size()));
    putU32(out, 0x4E4F534A); // "JSON"
    out.insert(out.end(), json.begin(), json.end());
    putU32(out, static_cast<std::uint32_t>(bin.size()));
    putU32(out, 0x004E4942); // "BIN\0"
    out.insert(out.end(), bin.begin(), bin.end());
    return out;
}

std::string objMaterials(const Model& model) {
    std::string mtl =
        fmt::format("# {} materials, generated by fairground-gen-sample\n", model.name);
    for (const Material& m : model.materials) {
        // Phong terms for every reader, plus the PBR extension (Pr/Pm) readers may use.
        float shininess = std::max(2.0f, (1.0f - m.roughness) * (1.0f - m.roughness) * 500.0f);
        float spec = 0.04f + 0.5f * m.metallic;
        mtl += fmt::format("\nnewmtl {}\nKa 0.0000 0.0000 0.0000\nKd {:.4f} {:.4f} {:.4f}\n",
                           m.name, m.baseColor.r, m.baseColor.g, m.baseColor.b);
        mtl += fmt::format("Ks {:.4f} {:.4f} {:.4f}\nNs {:.1f}\n", spec, spec, spec, shininess);
        mtl += fmt::format("Ke {:.4f} {:.4f} {:.4f}\n", m.emissive.r, m.emissive.g, m.emissive.b);
        mtl += fmt::format("Pr {:.4f}\nPm {:.4f}\nd 1.0000\nillum 2\n", m.roughness, m.metallic);
    }
    return mtl;
}

std::string objGeometry(const Model& model, const std::string& stem) {
    std::string obj = fmt::format("# {}, generated by fairground-gen-sample (metres, Y up)\n"
                                  "mtllib {}.mtl\no {}\n",
                                  model.name, stem, model.name);
    for (const MeshPart& p : model.parts)
        for (std::size_t i = 0; i < p.positions.size(); ++i) {
            obj += fmt::format("v {:.5f} {:.5f} {:.5f}\n", p.positions[i].x, p.positions[i].y,
                               p.positions[i].z);
            obj += fmt::format("vn {:.5f} {:.5f} {:.5f}\n", p.normals[i].x, p.normals[i].y,
                               p.normals[i].z);
            // OBJ's texture origin is bottom-left; glTF's (and ours) is top-left.
            obj += fmt::format("vt {:.5f} {:.5f}\n", p.uvs[i].x, 1.0f - p.uvs[i].y);
        }
    std::size_t base = 1;
    for (const MeshPart& p : model.parts) {
        if (!p.indices.empty()) {
            obj += fmt::format("g {}\nusemtl {}\n", model.materials[p.material].name,
                               model.materials[p.material].name);
            for (std::size_t i = 0; i < p.indices.size(); i += 3) {
                std::size_t a = base + p.indices[i], b = base + p.indices[i + 1],
                            c = base + p.indices[i + 2];
                obj += fmt::format("f {0}/{0}/{0} {1}/{1}/{1} {2}/{2}/{2}\n", a, b, c);
            }
        }
        base += p.positions.size();
    }
    return obj;
}

} // namespace

const char* extension(ModelFormat format) {
    switch (format) {
    case ModelFormat::Gltf:
        return ".gltf";
    case ModelFormat::Glb:
        return ".glb";
    case ModelFormat::Obj:
        return ".obj";
    }
    return "";
}

std::string writeModel(FileSet& files, const std::string& folder, const std::string& stem,
                       const Model& model, ModelFormat format) {
    std::string main = folder + "/" + stem + extension(format);
    if (format == ModelFormat::Obj) {
        files.add(folder + "/" + stem + ".mtl", objMaterials(model));
        files.add(main, objGeometry(model, stem));
        return main;
    }
    BufferBuilder b;
    bool binary = format == ModelFormat::Glb;
    Json doc = gltfDocument(model, b, files, folder, stem, binary);
    if (binary) {
        files.add(main, glbContainer(doc.dump(), b.bin));
    } else {
        files.add(folder + "/" + stem + ".bin", std::move(b.bin));
        files.add(main, doc.dump(1, '\t') + "\n");
    }
    return main;
}

} // namespace fg::sample
