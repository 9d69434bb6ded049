// Building never-published booths into stored .booth bundles, and the index that avoids
// rebuilding them. Must not change the exhibition or any stored blob (blobs are immutable).
#include "server/publish/BuiltBundles.h"

#include "engine/core/File.h"
#include "engine/core/Log.h"
#include "game/booth/BoothBundle.h"
#include "game/booth/BoothPaths.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace fg::publish {

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

constexpr std::size_t kMaxFolderEntries = 512; // a model's folder walked for the key

std::string fileStamp(const fs::path& file) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec) return "-";
    const auto time = fs::last_write_time(file, ec);
    return fmt::format("{} {}", size, ec ? 0 : time.time_since_epoch().count());
}

// A model's companions (.bin, .mtl, textures) are found by the importer, not listed in the
// booth: every file of the model's folder takes part in the key.
void addFolderStamps(const fs::path& folder, std::string& text) {
    std::error_code ec;
    std::size_t n = 0;
    for (fs::recursive_directory_iterator it(folder, ec), end;
         !ec && it != end && n < kMaxFolderEntries; it.increment(ec), ++n)
        if (it->is_regular_file(ec))
            text += fmt::format("{} {}\n", it->path().string(), fileStamp(it->path()));
}

Json toJson(const BuiltBundle& b, const Hash128& key) {
    return {{"key", toHex(key)},
            {"booth", b.boothId},
            {"bundle", toHex(b.bundle)},
            {"size", b.size},
            {"missing", b.missing}};
}

} // namespace

BuiltBundles::BuiltBundles(fs::path indexFile, ContentStore& store)
    : m_file(std::move(indexFile)), m_store(store) {}

Status BuiltBundles::load() {
    std::lock_guard lock(m_mutex);
    m_items.clear();
    m_boothOf.clear();
    std::error_code ec;
    if (!fs::exists(m_file, ec)) return {};
    auto text = readFileText(m_file, 16 << 20);
    if (!text) return text.error();
    Json j = Json::parse(*text, nullptr, false);
    if (!j.is_array()) return makeError(m_file.string() + ": not a JSON array");
    for (std::size_t i = 0; i < j.size(); ++i) {
        Item item;
        try {
            item.built.boothId = j[i].at("booth").get<std::string>();
            item.built.size = j[i].at("size").get<std::uint64_t>();
            item.built.missing = j[i].at("missing").get<std::vector<std::string>>();
            if (!parseHex(j[i].at("key").get<std::string>(), item.key) ||
                !parseHex(j[i].at("bundle").get<std::string>(), item.built.bundle))
                throw std::runtime_error("hash");
        } catch (const std::exception&) {
            return makeError(fmt::format("{}: [{}]: damaged entry", m_file.string(), i));
        }
        m_boothOf[{item.built.bundle.high, item.built.bundle.low}] = item.built.boothId;
        m_items.push_back(std::move(item));
    }
    return {};
}

Status BuiltBundles::save() const {
    Json j = Json::array();
    for (const Item& item : m_items)
        j.push_back(toJson(item.built, item.key));
    return writeFileAtomic(m_file, j.dump(1) + "\n");
}

Result<Hash128> BuiltBundles::inputKey(const expo::Exhibition& exhibition,
                                       const std::string& boothId, const fs::path& baseDir) const {
    const expo::Booth* booth = expo::findBooth(exhibition, boothId);
    if (!booth) return makeError(fmt::format("booth '{}' does not exist in this event", boothId));
    booth::BoothBundle record; // the booth and profile, without files
    record.booth = *booth;
    if (const expo::Exhibitor* e = expo::findExhibitor(exhibition, booth->exhibitor))
        record.profile = *e;
    std::string text = booth::toBoothJson(record) + "\n";
    for (const std::string& name : booth::referencedFiles(record)) {
        text += fmt::format("{} {}\n", name, fileStamp(baseDir / name));
        if (booth::fileKindOf(name) == booth::FileKind::Model)
            addFolderStamps((baseDir / name).parent_path(), text);
    }
    return hash128({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()});
}

std::optional<BuiltBundle> BuiltBundles::find(const Hash128& key,
                                              const std::string& boothId) const {
    std::lock_guard lock(m_mutex);
    for (const Item& item : m_items)
        if (item.key == key && item.built.boothId == boothId && m_store.has(item.built.bundle)) {
            BuiltBundle out = item.built;
            out.fromCache = true;
            return out;
        }
    return std::nullopt;
}

std::optional<BuiltBundle> BuiltBundles::cached(const expo::Exhibition& exhibition,
                                                const std::string& boothId,
                                                const fs::path& baseDir) const {
    auto key = inputKey(exhibition, boothId, baseDir);
    if (!key) return std::nullopt;
    return find(*key, boothId);
}

Result<BuiltBundle> BuiltBundles::get(const expo::Exhibition& exhibition,
                                      const std::string& boothId, const fs::path& baseDir) {
    auto key = inputKey(exhibition, boothId, baseDir);
    if (!key) return key.error();
    if (auto found = find(*key, boothId)) return *found;
    auto bundle = booth::bundleFromExhibition(exhibition, boothId, baseDir);
    if (!bundle) return bundle.error();
    BuiltBundle out;
    out.boothId = boothId;
    for (const std::string& name : booth::referencedFiles(*bundle))
        if (!bundle->files.count(name)) out.missing.push_back(name);
    const Bytes bytes = booth::saveBundleBytes(*bundle);
    auto hash = m_store.put(bytes);
    if (!hash) return hash.error();
    out.bundle = *hash;
    out.size = bytes.size();
    ++m_builds;
    log::info("publish: booth {} made into a bundle from the exhibition ({} bytes, {} missing "
              "file(s))",
              boothId, out.size, out.missing.size());
    std::lock_guard lock(m_mutex);
    std::erase_if(m_items, [&](const Item& i) { return i.key == *key; });
    // Items are replaced only when the same inputs are built again; the index grows by one
    // item (~200 bytes) per booth change, and keeps every bundle guarded after a restart.
    m_items.push_back(Item{*key, out});
    m_boothOf[{out.bundle.high, out.bundle.low}] = boothId;
    if (Status st = save(); !st) log::warn("publish: {}", st.error().message);
    return out;
}

std::optional<std::string> BuiltBundles::boothOf(const Hash128& bundle) const {
    std::lock_guard lock(m_mutex);
    auto it = m_boothOf.find({bundle.high, bundle.low});
    if (it == m_boothOf.end()) return std::nullopt;
    return it->second;
}

} // namespace fg::publish
