// .booth load/save (booth.json + files in a BoothArchive) and extraction from an exhibition.
// Must not validate content rules (BoothProblems does) beyond what is needed to read safely.
#include "game/booth/BoothBundle.h"

#include "game/booth/BoothAssets.h"
#include "game/booth/BoothPaths.h"

#include <fmt/format.h>
#include <set>

namespace fg::booth {

bool BoothBundle::sameContent(const BoothBundle& other) const {
    if (!(booth == other.booth && profile == other.profile)) return false;
    if (files.size() != other.files.size()) return false;
    for (auto a = files.begin(), b = other.files.begin(); a != files.end(); ++a, ++b)
        if (a->first != b->first || *a->second != *b->second) return false;
    return true;
}

std::uint64_t BoothBundle::fileBytes() const {
    std::uint64_t total = 0;
    for (const auto& [name, data] : files)
        total += data->size();
    return total;
}

Bytes saveBundleBytes(const BoothBundle& bundle) {
    ArchiveEntries entries;
    std::string json = toBoothJson(bundle);
    entries[kBoothJsonName] = Bytes(json.begin(), json.end());
    for (const auto& [name, data] : bundle.files)
        entries[name] = *data;
    return writeArchive(entries);
}

Result<BoothBundle> loadBundleBytes(std::span<const std::uint8_t> bytes, const std::string& name,
                                    const ArchiveLimits& limits) {
    auto entries = readArchive(bytes, name, limits);
    if (!entries) return entries.error();
    auto json = entries->find(kBoothJsonName);
    if (json == entries->end()) return makeError(name + ": no booth.json in the bundle");
    std::string text(json->second.begin(), json->second.end());
    auto bundle = parseBoothJson(text, name + ":booth.json");
    if (!bundle) return bundle.error();
    entries->erase(json);
    for (auto& [entry, data] : *entries)
        bundle->files.emplace(entry, std::make_shared<const Bytes>(std::move(data)));
    return bundle;
}

Status saveBundle(const BoothBundle& bundle, const std::filesystem::path& file) {
    Bytes bytes = saveBundleBytes(bundle);
    return writeFileAtomic(file, bytes);
}

Result<BoothBundle> loadBundle(const std::filesystem::path& file, const ArchiveLimits& limits) {
    // The archive can hold at most maxTotalBytes plus headers; a bigger file is refused unread.
    auto bytes = readFileBytes(file, limits.maxTotalBytes + (1u << 20));
    if (!bytes) return bytes.error();
    return loadBundleBytes(*bytes, file.filename().string(), limits);
}

std::vector<std::string> referencedFiles(const BoothBundle& bundle) {
    std::set<std::string> names;
    const auto& c = bundle.booth.content;
    for (const auto& p : c.posters)
        names.insert(p.image);
    for (const auto& m : c.models)
        names.insert(m.file);
    for (const auto& d : c.documents)
        names.insert(d.file);
    for (const auto& v : c.videos)
        names.insert(v.thumbnail);
    if (!bundle.profile.logo.empty()) names.insert(bundle.profile.logo);
    names.erase("");
    return {names.begin(), names.end()};
}

namespace {

// A model and the .bin/.mtl/texture files it names, kept at the same relative places.
void addModelWithCompanions(BoothBundle& out, const std::filesystem::path& baseDir,
                            const std::string& name) {
    auto files = readModelFiles(baseDir / name);
    if (!files) return; // reported later as a missing or bad file
    std::string folder = name.substr(0, name.rfind('/') + 1);
    for (auto& [file, bytes] : *files) {
        std::string entry =
            file == std::filesystem::path(name).filename().string() ? name : folder + file;
        if (checkEntryName(entry))
            out.files.emplace(entry, std::make_shared<const Bytes>(std::move(bytes)));
    }
}

} // namespace

Result<BoothBundle> bundleFromExhibition(const expo::Exhibition& exhibition,
                                         const std::string& boothId,
                                         const std::filesystem::path& baseDir) {
    const expo::Booth* booth = expo::findBooth(exhibition, boothId);
    if (!booth) return makeError(fmt::format("no booth \"{}\" in the exhibition", boothId));
    const expo::Exhibitor* exhibitor = expo::findExhibitor(exhibition, booth->exhibitor);
    if (!exhibitor)
        return makeError(
            fmt::format("booth \"{}\": no exhibitor \"{}\"", boothId, booth->exhibitor));
    BoothBundle out;
    out.booth = *booth;
    // Meeting hours are run on the server (the meetings slice), not designed in the editor: a
    // bundle carries the design only, as applyRevision takes only the design back.
    out.booth.meetings.reset();
    out.profile = *exhibitor;
    for (const std::string& name : referencedFiles(out)) {
        if (!checkEntryName(name)) continue; // reported later as a bad or missing file
        if (fileKindOf(name) == FileKind::Model) {
            addModelWithCompanions(out, baseDir, name);
            continue;
        }
        auto bytes = readFileBytes(baseDir / name, maxBytesFor(fileKindOf(name)) + 1);
        if (bytes) out.files.emplace(name, std::make_shared<const Bytes>(std::move(*bytes)));
    }
    return out;
}

} // namespace fg::booth
