// Upload inspection: ownership and layout, then per-file import (models in a child process).
// Must not import a model in the server process or write outside the store and scratch folder.
#include "server/publish/BundleInspector.h"

#include "engine/asset/CookedFormat.h"
#include "engine/asset/ImageLoader.h"
#include "engine/core/Log.h"
#include "game/booth/BoothAssets.h"
#include "game/booth/BoothPaths.h"

#include <fmt/format.h>
#include <unistd.h>

namespace fg::publish {

namespace fs = std::filesystem;

namespace {

Status checkOwnership(booth::BoothBundle& b, const std::string& exhibitorId,
                      const expo::Exhibition& ex) {
    const expo::Booth* own = expo::findBooth(ex, b.booth.id);
    if (!own)
        return makeError(fmt::format("booth \"{}\" does not exist at this event", b.booth.id));
    if (own->exhibitor != exhibitorId || b.booth.exhibitor != exhibitorId ||
        b.profile.id != exhibitorId)
        return makeError(
            fmt::format("booth \"{}\" belongs to another exhibitor; you may publish only your own",
                        b.booth.id));
    if (own->size != b.booth.size)
        return makeError(fmt::format("booth \"{}\" is size {} at this event, the bundle is size {}",
                                     b.booth.id, expo::toString(own->size),
                                     expo::toString(b.booth.size)));
    // Where the booth stands is the organiser's decision, whatever the bundle says.
    b.booth.hall = own->hall;
    b.booth.pavilion = own->pavilion;
    b.booth.position = own->position;
    b.booth.rotation = own->rotation;
    return {};
}

// Unpacks every file with a safe name (companions must sit beside their model for the importer).
Status unpack(const booth::BoothBundle& b, const fs::path& dir) {
    std::error_code ec;
    fs::remove_all(dir, ec);
    for (const auto& [name, data] : b.files) {
        if (!booth::checkEntryName(name)) continue;
        fs::create_directories((dir / name).parent_path(), ec);
        if (Status st = writeFileAtomic(dir / name, *data); !st) return st;
    }
    return {};
}

void importModel(const std::string& name, const fs::path& dir, ContentStore& store,
                 const InspectOptions& o, InspectedBundle& out) {
    booth::FileStats& s = out.stats[name];
    ImportOptions import;
    import.maxFileBytes = booth::maxBytesFor(booth::FileKind::Model);
    auto cooked = cookModelSandboxed(dir / name, import, o.sandbox);
    if (!cooked) return void(s.error = cooked.error().message);
    auto model = readCookedModel(*cooked, name);
    if (!model) return void(s.error = model.error().message);
    s = booth::statsOfModel(*model);
    if (auto hash = store.put(*cooked))
        out.assets[name] = {*hash, "model", cooked->size()};
    else
        s = {false, hash.error().message};
}

void importImage(const std::string& name, const Bytes& data, ContentStore& store,
                 InspectedBundle& out) {
    booth::FileStats& s = out.stats[name];
    ImageLimits limits;
    limits.maxFileBytes = booth::maxBytesFor(booth::FileKind::Image);
    auto image = loadImageFromMemory(data, name, limits);
    if (!image) return void(s.error = image.error().message);
    s = {true,         {},           0, booth::textureMemory(image->width, image->height),
         image->width, image->height};
    Bytes cooked = cookImage(*image);
    if (auto hash = store.put(cooked))
        out.assets[name] = {*hash, "image", cooked.size()};
    else
        s = {false, hash.error().message};
}

} // namespace

Result<InspectedBundle> inspectBundle(std::span<const std::uint8_t> bytes,
                                      const std::string& exhibitorId,
                                      const expo::Exhibition& exhibition, ContentStore& store,
                                      const InspectOptions& options) {
    auto bundle = booth::loadBundleBytes(bytes, "upload", options.archive);
    if (!bundle) return bundle.error();
    if (Status st = checkOwnership(*bundle, exhibitorId, exhibition); !st) return st.error();
    InspectedBundle out;
    out.bundle = std::move(*bundle);
    fs::path dir = options.scratchDir / fmt::format("inspect-{}", ::getpid());
    if (Status st = unpack(out.bundle, dir); !st) return st.error();
    for (const auto& [name, data] : out.bundle.files) {
        std::string ext = booth::extensionOf(name);
        booth::FileKind kind = booth::fileKindOf(name);
        if (!booth::checkEntryName(name) || ext == ".bin" || ext == ".mtl") continue;
        if (kind == booth::FileKind::Model)
            importModel(name, dir, store, options, out);
        else if (kind == booth::FileKind::Image)
            importImage(name, *data, store, out);
        else if (kind == booth::FileKind::Document && data->size() <= booth::maxBytesFor(kind))
            if (auto hash = store.put(*data)) out.assets[name] = {*hash, "document", data->size()};
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    out.problems = booth::checkBundle(out.bundle, out.stats);
    return out;
}

std::string problemSummary(const std::vector<booth::BoothProblem>& problems, std::size_t max) {
    std::string out;
    std::size_t n = 0;
    for (const auto& p : problems) {
        if (p.severity != booth::Severity::Error) continue;
        if (n++ == max) return out + "; ...";
        out += (out.empty() ? "" : "; ") + std::string(booth::toString(p.kind)) + ": " + p.path +
               ": " + p.message;
    }
    return out;
}

} // namespace fg::publish
