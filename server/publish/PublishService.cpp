// Submission flow: inspect, store bundle + manifest, queue or auto-approve, announce approvals.
// Must not send anything itself; approvals reach visitors through the onPublished callback.
#include "server/publish/PublishService.h"

#include "engine/core/Log.h"
#include "game/booth/BoothPaths.h"
#include "server/store/Store.h"

#include <fmt/format.h>

namespace fg::publish {

namespace fs = std::filesystem;

namespace {

std::string assetName(const StoredAsset& a, const std::string& entry) {
    std::string ext = a.kind == "model"   ? ".fgm"
                      : a.kind == "image" ? ".fgt"
                                          : booth::extensionOf(entry);
    return toHex(a.hash) + ext;
}

// The bundle with every file reference replaced by its asset name.
booth::BoothBundle manifestOf(const InspectedBundle& in) {
    booth::BoothBundle m = in.bundle;
    m.files.clear();
    auto rename = [&](std::string& path) {
        auto it = in.assets.find(path);
        if (it != in.assets.end()) path = assetName(it->second, path);
    };
    auto& c = m.booth.content;
    for (auto& p : c.posters)
        rename(p.image);
    for (auto& x : c.models)
        rename(x.file);
    for (auto& d : c.documents)
        rename(d.file);
    for (auto& v : c.videos)
        rename(v.thumbnail);
    rename(m.profile.logo);
    return m;
}

} // namespace

PublishService::PublishService(PublishConfig config)
    : m_config(std::move(config)), m_store(m_config.dir / "assets"),
      m_uploads(m_config.dir / "uploads", m_config.upload), m_queue(m_config.dir / "queue.json"),
      m_built(m_config.dir / "built.json", m_store) {
    if (m_config.inspect.scratchDir.empty()) m_config.inspect.scratchDir = m_config.dir / "scratch";
}

PublishService::~PublishService() = default;

Status PublishService::open() {
    std::error_code ec;
    for (const char* sub : {"assets", "uploads", "scratch"})
        fs::create_directories(m_config.dir / sub, ec);
    if (ec) return makeError(fmt::format("{}: {}", m_config.dir.string(), ec.message()));
    if (!m_config.store) {
        auto db = store::Store::open(m_config.dir);
        if (!db) return db.error();
        m_ownDb = std::move(*db);
        m_config.store = m_ownDb.get();
    }
    if (Status st = m_queue.load(*m_config.store); !st) return st;
    return m_built.load();
}

std::optional<std::string> PublishService::bundleBooth(const Hash128& hash) const {
    if (auto booth = m_queue.boothOfBundle(hash)) return booth;
    return m_built.boothOf(hash);
}

Result<SubmitResult> PublishService::submit(const std::string& exhibitorId,
                                            std::span<const std::uint8_t> bytes,
                                            const expo::Exhibition& exhibition) {
    auto checked = check(exhibitorId, bytes, exhibition);
    if (!checked) return checked.error();
    return enqueue(std::move(*checked));
}

Result<CheckedBundle> PublishService::check(const std::string& exhibitorId,
                                            std::span<const std::uint8_t> bytes,
                                            const expo::Exhibition& exhibition) {
    auto inspected = inspectBundle(bytes, exhibitorId, exhibition, m_store, m_config.inspect);
    if (!inspected) return inspected.error();
    if (booth::blocksPublishing(inspected->problems))
        return makeError("the booth has problems: " + problemSummary(inspected->problems));
    auto bundleHash = m_store.put(bytes);
    if (!bundleHash) return bundleHash.error();
    std::string manifest = booth::toBoothJson(manifestOf(*inspected));
    auto manifestHash =
        m_store.put({reinterpret_cast<const std::uint8_t*>(manifest.data()), manifest.size()});
    if (!manifestHash) return manifestHash.error();
    CheckedBundle out;
    Submission& sub = out.submission;
    sub.boothId = inspected->bundle.booth.id;
    sub.exhibitorId = exhibitorId;
    sub.bundle = *bundleHash;
    sub.manifest = *manifestHash;
    sub.warnings = static_cast<std::uint32_t>(inspected->problems.size());
    out.warnings = std::move(inspected->problems);
    log::info("publish: booth {} from {} passed the checks ({} bytes)", sub.boothId, exhibitorId,
              bytes.size());
    return out;
}

Result<SubmitResult> PublishService::enqueue(CheckedBundle checked) {
    Submission sub = std::move(checked.submission);
    sub.submittedAt = unixNow();
    if (Status st = m_queue.submit(sub); !st) return st.error();
    log::info("publish: booth {} submitted by {}", sub.boothId, sub.exhibitorId);
    SubmitResult out{sub.boothId, false, 0, std::move(checked.warnings)};
    if (m_config.autoApprove) {
        auto rev = approve(sub.boothId);
        if (!rev) return rev.error();
        out.approved = true;
        out.revision = rev->revision;
    }
    return out;
}

Result<PublishedRevision> PublishService::revisionOf(const Submission& sub) const {
    auto bytes = m_store.get(sub.manifest);
    if (!bytes) return bytes.error();
    auto manifest = booth::parseBoothJson(std::string(bytes->begin(), bytes->end()), "manifest");
    if (!manifest) return manifest.error();
    PublishedRevision rev{sub.boothId, sub.revision, std::move(*manifest), {}};
    for (const std::string& name : booth::referencedFiles(rev.manifest)) {
        Hash128 h;
        if (name.size() > 32 && parseHex(name.substr(0, 32), h)) rev.assets.push_back(h);
    }
    return rev;
}

Result<PublishedRevision> PublishService::approve(const std::string& boothId) {
    auto sub = m_queue.approve(boothId);
    if (!sub) return sub.error();
    auto rev = revisionOf(*sub);
    if (!rev) return rev.error();
    log::info("publish: booth {} revision {} approved", boothId, rev->revision);
    if (m_onPublished) m_onPublished(*rev);
    return rev;
}

Status PublishService::reject(const std::string& boothId, const std::string& reason) {
    auto sub = m_queue.reject(boothId, reason);
    if (!sub) return sub.error();
    log::info("publish: booth {} rejected: {}", boothId, reason);
    if (m_onRejected) m_onRejected(*sub);
    return {};
}

std::optional<PublishedRevision> PublishService::published(const std::string& boothId) const {
    auto sub = m_queue.approved(boothId);
    if (!sub) return std::nullopt;
    auto rev = revisionOf(*sub);
    if (!rev) return std::nullopt;
    return std::move(*rev);
}

} // namespace fg::publish
