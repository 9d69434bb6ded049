// Content-addressed cache of cooked models and textures: DIR/<xxh3-128 hex>.fgm / .fgt.
// Writes only inside its folder and only through writeFileAtomic; never trusts a cached file.
#include "engine/asset/AssetCache.h"

#include "engine/asset/CookedFormat.h"
#include "engine/asset/SandboxedImport.h"
#include "engine/core/File.h"
#include "engine/core/Log.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <functional>

namespace fg {
namespace {

// What a kind of asset needs from the cache: how to cook a source file and read a cooked one.
template <class T>
struct Kind {
    const char* extension;
    std::uint64_t maxSourceBytes;
    std::function<Result<Bytes>(const std::filesystem::path&)> cookSource;
    std::function<Result<T>(std::span<const std::uint8_t>, const std::string&)> read;
    std::function<std::uint64_t(const T&)> triangles;
};

Kind<ModelData> modelKind(const ImportOptions& options,
                          const std::optional<SandboxLimits>& sandbox) {
    auto cookSource = [options, sandbox](const std::filesystem::path& f) -> Result<Bytes> {
        if (sandbox) return cookModelSandboxed(f, options, *sandbox);
        auto model = importModel(f, options);
        if (!model) return model.error();
        return cookModel(*model);
    };
    return {kCookedModelExtension, options.maxFileBytes, cookSource, readCookedModel,
            triangleCount};
}

Kind<ImageData> imageKind(const ImageLimits& limits) {
    return {kCookedImageExtension, limits.maxFileBytes,
            [limits](const std::filesystem::path& f) -> Result<Bytes> {
                auto image = fg::loadImage(f, limits);
                if (!image) return image.error();
                return cookImage(*image);
            },
            readCookedImage, [](const ImageData&) { return std::uint64_t{0}; }};
}

// SOURCE is itself a cooked file (a downloaded "<hash>.fgm"): parse it, bounds-checked, as is.
template <class T>
Result<T> readCookedSource(const std::filesystem::path& source, const Kind<T>& kind,
                           CookedEntry& entry) {
    auto bytes = readFileBytes(source);
    if (!bytes) return bytes.error();
    auto value = kind.read(*bytes, source.string());
    if (!value) return value;
    entry.hash = hash128(*bytes);
    entry.cookedFile = source;
    entry.cookedBytes = bytes->size();
    entry.triangles = kind.triangles(*value);
    entry.cached = true;
    return value;
}

// Returns the cooked data of SOURCE (from the cache or freshly cooked) and fills ENTRY.
template <class T>
Result<T> ensure(const std::filesystem::path& dir, const std::filesystem::path& source,
                 const Kind<T>& kind, CookedEntry& entry) {
    if (source.extension() == kind.extension) return readCookedSource(source, kind, entry);
    auto bytes = readFileBytes(source, kind.maxSourceBytes);
    if (!bytes) return bytes.error();
    entry.hash = hash128(*bytes);
    entry.cookedFile = dir / (toHex(entry.hash) + kind.extension);
    std::error_code ec;
    if (std::filesystem::exists(entry.cookedFile, ec)) {
        auto cooked = readFileBytes(entry.cookedFile);
        Result<T> value =
            cooked ? kind.read(*cooked, entry.cookedFile.string()) : Result<T>(cooked.error());
        if (value) {
            entry.cached = true;
            entry.cookedBytes = cooked->size();
            entry.triangles = kind.triangles(*value);
            return value;
        }
        log::warn("{}: cached file unusable, cooking again: {}", source.string(),
                  value.error().message);
    }
    auto cooked = kind.cookSource(source);
    if (!cooked) return cooked.error();
    if (Status st = writeFileAtomic(entry.cookedFile, *cooked); !st) return st.error();
    entry.cached = false;
    entry.cookedBytes = cooked->size();
    // Return what a later cache hit would return, so both paths give identical data.
    auto value = kind.read(*cooked, entry.cookedFile.string());
    if (value) entry.triangles = kind.triangles(*value);
    return value;
}

} // namespace

AssetCache::AssetCache(std::filesystem::path dir) : m_dir(std::move(dir)) {}

std::filesystem::path AssetCache::modelPath(const Hash128& hash) const {
    return m_dir / (toHex(hash) + kCookedModelExtension);
}

std::filesystem::path AssetCache::imagePath(const Hash128& hash) const {
    return m_dir / (toHex(hash) + kCookedImageExtension);
}

Status AssetCache::ensureDir() const {
    std::error_code ec;
    std::filesystem::create_directories(m_dir, ec);
    if (ec)
        return makeError(
            fmt::format("{}: cannot create cache folder: {}", m_dir.string(), ec.message()));
    return {};
}

Result<ModelData> AssetCache::loadModel(const std::filesystem::path& source,
                                        const ImportOptions& options) {
    if (Status st = ensureDir(); !st) return st.error();
    CookedEntry entry;
    auto model = ensure(m_dir, source, modelKind(options, m_sandbox), entry);
    ++(entry.cached ? m_hits : m_misses);
    return model;
}

Result<ImageData> AssetCache::loadImage(const std::filesystem::path& source,
                                        const ImageLimits& limits) {
    if (Status st = ensureDir(); !st) return st.error();
    CookedEntry entry;
    auto image = ensure(m_dir, source, imageKind(limits), entry);
    ++(entry.cached ? m_hits : m_misses);
    return image;
}

Result<CookedEntry> AssetCache::ensureModel(const std::filesystem::path& source,
                                            const ImportOptions& options) {
    if (Status st = ensureDir(); !st) return st.error();
    CookedEntry entry;
    auto model = ensure(m_dir, source, modelKind(options, m_sandbox), entry);
    if (!model) return model.error();
    ++(entry.cached ? m_hits : m_misses);
    return entry;
}

Result<CookedEntry> AssetCache::ensureImage(const std::filesystem::path& source,
                                            const ImageLimits& limits) {
    if (Status st = ensureDir(); !st) return st.error();
    CookedEntry entry;
    auto image = ensure(m_dir, source, imageKind(limits), entry);
    if (!image) return image.error();
    ++(entry.cached ? m_hits : m_misses);
    return entry;
}

bool isImageFile(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg";
}

} // namespace fg
