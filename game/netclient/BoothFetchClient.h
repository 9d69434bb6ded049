// Opens a booth from a server for the editor: asks which bundles this token may open
// (BoothFetchRequest), lets the caller pick when there are several booths, downloads the chosen
// .booth by hash through a ContentFetcher and reads it under the archive limits. Trusts nothing
// the server sends. No UI and no ENet here; the caller pumps the NetClient.
#pragma once

#include "game/booth/BoothBundle.h"
#include "game/netclient/ContentFetcher.h"
#include "game/netclient/NetClient.h"

#include <optional>
#include <string>
#include <vector>

namespace fg::netclient {

enum class BoothFetchPhase : std::uint8_t { Asking, Choosing, Downloading, Done, Failed };

struct BoothFetchOptions {
    std::string boothId;         // empty: the booths of the token's exhibitor
    bool preferPending = false;  // open a version waiting for approval when one is offered
    bool askWhenPending = false; // let the caller choose when a pending version is offered
    std::string label;           // names the source in messages, e.g. "server 10.0.0.5:7777"
    booth::ArchiveLimits limits;
};

class BoothFetchClient {
public:
    // Largest .booth accepted: the archive's total limit plus room for its entry headers.
    static std::uint64_t maxBundleBytes(const booth::ArchiveLimits& limits) {
        return limits.maxTotalBytes + 64ull * limits.maxEntries * 1024;
    }

    // Sends the request over NET (joined with an exhibitor or organiser token). FETCHER must be
    // attached to NET; both must outlive this object.
    BoothFetchClient(NetClient& net, ContentFetcher& fetcher, BoothFetchOptions options);

    // Looks at one message from the NetClient's inbox; true when it was this request's answer.
    bool handle(const proto::Message& message);
    // Sends content requests and checks the download; call after each NetClient::update.
    void pump();
    // With phase() Choosing: download entries()[INDEX].
    Status choose(std::size_t index);

    BoothFetchPhase phase() const { return m_phase; }
    std::uint32_t requestId() const { return m_requestId; }
    bool finished() const {
        return m_phase == BoothFetchPhase::Done || m_phase == BoothFetchPhase::Failed;
    }
    // What the server offered (valid once the answer arrived).
    const std::vector<proto::BoothFetchEntry>& entries() const { return m_entries; }
    const std::string& note() const { return m_note; }
    // The entry being downloaded or opened.
    const proto::BoothFetchEntry* chosen() const;
    const std::string& error() const { return m_error; }
    // The opened booth once phase() is Done.
    const std::optional<booth::BoothBundle>& bundle() const { return m_bundle; }
    std::optional<booth::BoothBundle> takeBundle() { return std::exchange(m_bundle, {}); }
    // One line for a person: "asking the server", "downloading 40% ...", "opened ...".
    std::string statusText() const;

private:
    void onReply(const proto::BoothFetchReply& reply);
    Status checkEntries() const;
    void chooseDefault();
    void openDownloaded();
    void fail(std::string why);

    NetClient* m_net;
    ContentFetcher* m_fetcher;
    BoothFetchOptions m_options;
    BoothFetchPhase m_phase = BoothFetchPhase::Asking;
    std::uint32_t m_requestId = 0;
    std::vector<proto::BoothFetchEntry> m_entries;
    std::string m_note;
    std::optional<std::size_t> m_chosen;
    std::string m_cacheName;
    std::string m_error;
    std::optional<booth::BoothBundle> m_bundle;
};

// "booth acme-01 (Acme): approved revision 2, 1.2 MB" for pick lists and logs.
std::string describe(const proto::BoothFetchEntry& entry);

} // namespace fg::netclient
