// Client side of content transfer: asks a server over a NetClient for the exhibition manifest
// and for assets by hash, reassembles chunks, verifies hashes and caches assets on disk as
// DIR/<hash>.<ext>. A cached file whose bytes match its name is never requested again.
// No rendering and no ENet types here; the app decides what to do with the files.
#pragma once

#include "engine/core/File.h"
#include "engine/core/Hash.h"
#include "engine/core/Result.h"
#include "game/expo/Exhibition.h"
#include "game/expo/protocol/Messages.h"

#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fg::netclient {

class NetClient;
namespace proto = fg::expo::proto;

struct FetchProgress {
    std::uint64_t bytesDone = 0;     // verified bytes: cached files plus bytes received
    std::uint64_t bytesTotal = 0;    // known so far (a file's size is known from its first chunk)
    std::uint64_t bytesReceived = 0; // content bytes that came over the network
    std::size_t filesDone = 0;       // cached, downloaded or failed
    std::size_t filesTotal = 0;
    std::size_t filesCached = 0; // found verified on disk: nothing requested
    std::size_t requests = 0;    // ContentRequests sent (retries included)
    std::size_t retries = 0;
    std::size_t failed = 0;
    float fraction() const;
};

enum class AssetState : std::uint8_t { Unknown, Pending, Ready, Failed };

class ContentFetcher {
public:
    static constexpr std::size_t kMaxInFlight = 32; // requests outstanding at the server

    // Verified assets live in CACHEDIR (created on demand).
    explicit ContentFetcher(std::filesystem::path cacheDir);

    // Routes CLIENT's ContentChunk/ContentError messages here and sends requests through it.
    // Call again after a reconnect (a new NetClient): requests in flight are sent again.
    void attach(NetClient& client);
    // Stops routing; with CLIENTGONE the client is not touched (it may be destroyed already).
    void detach(bool clientGone = false);

    // Asks for the server's current exhibition manifest; takeManifest() has it once verified.
    void requestManifest();
    std::optional<std::string> takeManifest();
    // Adds an asset ("<hash>.<ext>") to fetch unless a verified copy is cached.
    Status want(const std::string& assetName);
    // Adds content HASH that is not a manifest asset (a .booth bundle) to fetch into the cache as
    // "<hash>EXTENSION" (".booth"); its size must be EXPECTEDBYTES when that is not 0. Returns
    // the cache name, for state() and pathOf().
    Result<std::string> wantByHash(const Hash128& hash, const std::string& extension,
                                   std::uint64_t expectedBytes = 0);

    // Sends queued requests while fewer than kMaxInFlight are outstanding.
    void update();
    // Handles one content message (NetClient calls this through attach()).
    void onMessage(proto::Message& message);

    bool busy() const { return !m_queue.empty() || !m_inFlight.empty(); }
    // Ready: verified in the cache; Failed: gave up (see errors()); Unknown: never wanted.
    AssetState state(const std::string& assetName) const;
    const FetchProgress& progress() const { return m_progress; }
    // One line per asset that failed twice, naming it and why.
    const std::vector<std::string>& errors() const { return m_errors; }
    std::filesystem::path pathOf(const std::string& assetName) const { return m_dir / assetName; }
    const std::filesystem::path& dir() const { return m_dir; }

private:
    struct Job {
        std::string name; // asset name; empty for the manifest
        Hash128 hash;     // expected; for the manifest, what its first chunk declared
        std::uint32_t attempts = 0;
        std::uint64_t total = 0;
        std::uint64_t expectBytes = 0; // 0: whatever the first chunk says (within the limit)
        bool started = false;
        Bytes data;
    };
    Status wantJob(const std::string& name, const Hash128& hash, std::uint64_t expectBytes);
    void onChunk(const proto::ContentChunk& chunk);
    void fail(std::uint32_t requestId, const std::string& why);
    void finish(std::uint32_t requestId);
    bool send(Job job);
    std::string label(const Job& job) const;

    std::filesystem::path m_dir;
    NetClient* m_client = nullptr;
    std::uint32_t m_nextRequest = 1;
    std::deque<Job> m_queue;
    std::map<std::uint32_t, Job> m_inFlight;
    std::map<std::string, AssetState> m_states; // names wanted so far (each fetched once)
    std::optional<std::string> m_manifest;
    std::vector<std::string> m_errors;
    FetchProgress m_progress;
};

// A served exhibition ready to show: its model (references are asset names) and the folder the
// names resolve in.
struct DownloadedExhibition {
    expo::Exhibition exhibition;
    std::filesystem::path baseDir;
    FetchProgress progress;
    double seconds = 0;
};

// Parses and validates a served manifest: everything fg_expo checks except that file
// references are asset names of the right kind ("<hash>.fgt" for images, ".fgm" for models,
// ".pdf"/".txt" for documents) instead of files in a folder. Problems are listed in the error.
Result<expo::Exhibition> readManifest(std::string_view json);
// Every distinct asset name EX references, in reference order.
std::vector<std::string> assetNamesOf(const expo::Exhibition& ex);

using FetchProgressFn = std::function<void(const FetchProgress& progress, std::string_view what)>;

// Fetches the manifest and every asset it names over CLIENT (already joined), calling
// PROGRESS while it waits. Drives CLIENT.update() itself: nothing else may pump CLIENT
// meanwhile. Fails naming the assets that could not be fetched, or after TIMEOUTSECONDS.
Result<DownloadedExhibition> downloadExhibition(NetClient& client, ContentFetcher& fetcher,
                                                const FetchProgressFn& progress,
                                                double timeoutSeconds = 120.0);
// Waits until FETCHER has nothing outstanding, pumping CLIENT; fails as downloadExhibition,
// naming the files that failed during this wait.
Status waitForFetches(NetClient& client, ContentFetcher& fetcher, const FetchProgressFn& progress,
                      double timeoutSeconds);

} // namespace fg::netclient
