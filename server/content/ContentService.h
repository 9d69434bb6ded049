// The server's content service: cooks the exhibition's files on a worker thread at start, then
// answers ContentRequests (the manifest of the live exhibition, assets by hash) through a
// ContentServer. ServerApp owns one and calls it from its thread only.
#pragma once

#include "server/content/ContentCatalog.h"
#include "server/content/ContentServer.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <thread>
#include <unordered_map>

namespace fg::content {

// Another source of blobs by hash (the publish service's store of approved booth assets).
using BlobSource = std::function<std::optional<Bytes>(const Hash128& hash)>;

class ContentService {
public:
    ContentService(const std::filesystem::path& dir, ContentLimits limits = {});
    ~ContentService();
    ContentService(const ContentService&) = delete;
    ContentService& operator=(const ContentService&) = delete;

    // Starts cooking EX's files (resolved in BASEDIR) on a worker thread; requests wait for it.
    // Without start() only assets by hash are served (from the store and the blob source, e.g.
    // published booths) and the manifest is refused.
    void start(expo::Exhibition ex, std::filesystem::path baseDir);
    // True once the worker finished (successfully or not: failed() tells), or when not started.
    bool ready() const { return m_ready.load(); }
    bool failed() const { return ready() && !m_buildError.empty(); }
    // Blocks until ready() (tests, tools).
    void waitReady();
    void setBlobSource(BlobSource source) { m_extra = std::move(source); }

    bool enqueue(std::uint32_t peer, const proto::ContentRequest& request) {
        return m_server.enqueue(peer, request);
    }
    void dropPeer(std::uint32_t peer) { m_server.dropPeer(peer); }
    // A new server tick: the pumps until the next one share ContentLimits::pumpBudgetBytes.
    void refillBudget() { m_server.refillBudget(); }
    // Serves pending requests; LIVE at REVISION is what the manifest describes.
    PumpStats pump(const expo::Exhibition& live, std::uint64_t revision,
                   const Transport& transport);

    // The manifest JSON of LIVE (cached per revision); nullopt with a reason when not ready.
    Result<std::shared_ptr<const Bytes>> manifest(const expo::Exhibition& live,
                                                  std::uint64_t revision);
    const ContentCatalog& catalog() const { return m_catalog; }
    const ContentServer& server() const { return m_server; }

private:
    Lookup lookup(const proto::ContentRequest& request, const expo::Exhibition& live,
                  std::uint64_t revision);
    std::shared_ptr<const Bytes> blob(const Hash128& hash);

    ContentCatalog m_catalog;
    ContentServer m_server;
    std::filesystem::path m_baseDir;
    std::thread m_worker;
    bool m_started = false;
    std::atomic<bool> m_ready{true};
    std::string m_buildError;
    BlobSource m_extra;
    std::shared_ptr<const Bytes> m_manifest;
    Hash128 m_manifestHash;
    std::uint64_t m_manifestRevision = 0;
    // Peers fetching the same asset share one copy while any transfer holds it.
    std::unordered_map<std::string, std::weak_ptr<const Bytes>> m_blobs;
};

} // namespace fg::content
