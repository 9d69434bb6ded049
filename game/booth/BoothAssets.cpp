// Model/image measurement and companion-file discovery for the editor's budget meter.
// Must not write outside its scratch folder; every failure becomes FileStats::error, not a crash.
#include "game/booth/BoothAssets.h"

#include "engine/asset/ImageLoader.h"
#include "engine/core/Hash.h"
#include "engine/core/Log.h"
#include "game/booth/BoothPaths.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sstream>

namespace fg::booth {

namespace {

namespace fs = std::filesystem;

void addUri(std::vector<std::string>& out, const std::string& uri) {
    if (uri.empty() || uri.rfind("data:", 0) == 0) return;
    out.push_back(uri);
}

std::vector<std::string> gltfCompanions(const Bytes& bytes) {
    std::vector<std::string> out;
    auto j = nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr, false);
    if (!j.is_object()) return out;
    for (const char* key : {"buffers", "images"})
        if (j.contains(key) && j[key].is_array())
            for (const auto& e : j[key])
                if (e.is_object() && e.contains("uri") && e["uri"].is_string())
                    addUri(out, e["uri"]);
    return out;
}

// "mtllib a.mtl" in an OBJ, "map_Kd tex.png" (last token) in an MTL.
std::vector<std::string> lineCompanions(const Bytes& bytes, std::string_view prefix) {
    std::vector<std::string> out;
    std::istringstream in(std::string(bytes.begin(), bytes.end()));
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(prefix, 0) != 0) continue;
        auto end = line.find_last_not_of(" \t\r");
        auto start = line.find_last_of(" \t", end);
        if (start != std::string::npos && end != std::string::npos && start < end)
            addUri(out, line.substr(start + 1, end - start));
    }
    return out;
}

glm::mat4 nodeWorld(const ModelData& model, std::int32_t node) {
    glm::mat4 m(1.0f);
    for (int guard = 0; node >= 0 && node < std::int32_t(model.nodes.size()) && guard < 256;
         ++guard) {
        m = model.nodes[node].localTransform * m;
        node = model.nodes[node].parent;
    }
    return m;
}

void modelBounds(const ModelData& model, FileStats& s) {
    glm::vec3 lo(1e30f), hi(-1e30f);
    for (std::size_t n = 0; n < model.nodes.size(); ++n) {
        glm::mat4 world = nodeWorld(model, std::int32_t(n));
        for (std::uint32_t mi : model.nodes[n].meshes) {
            if (mi >= model.meshes.size()) continue;
            const MeshData& mesh = model.meshes[mi];
            for (int c = 0; c < 8; ++c) {
                glm::vec3 p{(c & 1) ? mesh.boundsMax.x : mesh.boundsMin.x,
                            (c & 2) ? mesh.boundsMax.y : mesh.boundsMin.y,
                            (c & 4) ? mesh.boundsMax.z : mesh.boundsMin.z};
                glm::vec3 w = glm::vec3(world * glm::vec4(p, 1.0f));
                lo = glm::min(lo, w);
                hi = glm::max(hi, w);
            }
        }
    }
    if (lo.x <= hi.x) s.boundsMin = lo, s.boundsMax = hi;
}

} // namespace

Result<std::map<std::string, Bytes>> readModelFiles(const fs::path& file) {
    std::map<std::string, Bytes> out;
    auto main = readFileBytes(file, maxBytesFor(FileKind::Model));
    if (!main) return main.error();
    std::string ext = extensionOf(file.filename().string());
    std::vector<std::string> pending = ext == ".gltf"  ? gltfCompanions(*main)
                                       : ext == ".obj" ? lineCompanions(*main, "mtllib")
                                                       : std::vector<std::string>{};
    out.emplace(file.filename().string(), std::move(*main));
    for (std::size_t i = 0; i < pending.size() && out.size() < 64; ++i) {
        const std::string name = pending[i]; // a copy: pending grows below
        if (out.count(name)) continue;
        if (Status st = checkEntryName(name); !st)
            return makeError(
                fmt::format("{}: companion file: {}", file.string(), st.error().message));
        auto bytes = readFileBytes(file.parent_path() / name, maxBytesFor(FileKind::Model));
        if (!bytes) return bytes.error();
        if (extensionOf(name) == ".mtl")
            for (std::string& tex : lineCompanions(*bytes, "map_"))
                pending.push_back(tex);
        out.emplace(name, std::move(*bytes));
    }
    return out;
}

FileStats measureModelFile(const fs::path& file, AssetCache& cache) {
    FileStats s;
    ImportOptions options;
    options.maxFileBytes = maxBytesFor(FileKind::Model);
    auto model = cache.loadModel(file, options);
    if (!model) {
        s.error = model.error().message;
        return s;
    }
    return statsOfModel(*model);
}

FileStats statsOfModel(const ModelData& model) {
    FileStats s;
    s.ok = true;
    s.triangles = triangleCount(model);
    for (const ImageData& image : model.images)
        s.textureBytes += textureMemory(image.width, image.height);
    modelBounds(model, s);
    return s;
}

FileStats measureImageBytes(std::span<const std::uint8_t> bytes, const std::string& name) {
    FileStats s;
    ImageLimits limits;
    limits.maxFileBytes = maxBytesFor(FileKind::Image);
    auto image = loadImageFromMemory(bytes, name, limits);
    if (!image) {
        s.error = image.error().message;
        return s;
    }
    s.ok = true;
    s.width = image->width;
    s.height = image->height;
    s.textureBytes = textureMemory(image->width, image->height);
    return s;
}

AssetMeter::AssetMeter(fs::path scratchDir, fs::path cookedDir, const SandboxLimits& limits)
    : m_scratch(std::move(scratchDir)),
      m_cooked(cookedDir.empty() ? fs::path(m_scratch.string() + "-cooked")
                                 : std::move(cookedDir)) {
    m_cooked.useSandbox(limits);
}

Status AssetMeter::checkModel(const fs::path& file) {
    FileStats s = measureModelFile(file, m_cooked);
    if (!s.ok) return makeError(s.error);
    return {};
}

const StatsMap& AssetMeter::measure(const BoothBundle& bundle) {
    m_stats.clear();
    bool written = false;
    for (const auto& [name, data] : bundle.files) {
        FileKind kind = fileKindOf(name);
        std::string ext = extensionOf(name);
        if (kind == FileKind::Document || kind == FileKind::Other || ext == ".bin" || ext == ".mtl")
            continue;
        std::uint64_t hash = hash64(std::span<const std::uint8_t>(*data));
        auto cached = m_cache.find(name);
        if (cached != m_cache.end() && cached->second.first == hash) {
            m_stats[name] = cached->second.second;
            continue;
        }
        FileStats s;
        if (kind == FileKind::Image) {
            s = measureImageBytes(*data, name);
        } else if (!checkEntryName(name)) {
            s.error = "unsafe file name";
        } else {
            if (!written) { // companions must sit beside the model for Assimp to find them
                std::error_code ec;
                fs::remove_all(m_scratch, ec);
                for (const auto& [n, d] : bundle.files)
                    if (checkEntryName(n)) {
                        fs::create_directories((m_scratch / n).parent_path(), ec);
                        (void)writeFileAtomic(m_scratch / n, *d);
                    }
                written = true;
            }
            s = measureModelFile(m_scratch / name, m_cooked);
        }
        m_cache[name] = {hash, s};
        m_stats[name] = s;
    }
    return m_stats;
}

} // namespace fg::booth
