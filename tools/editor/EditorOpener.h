// The editor's "Open my booth from the server": signs in with the exhibitor's (or organiser's)
// token, asks which booths it may open, lets the user pick one when there are several, and
// downloads the chosen .booth through netclient::BoothFetchClient. Pumped once per frame; never
// blocks. It hands over a checked BoothBundle; it never touches the booth being edited.
#pragma once

#include "game/netclient/BoothFetchClient.h"
#include "tools/editor/EditorPublisher.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace fg::editor {

enum class OpenState : std::uint8_t {
    Idle,
    Connecting,
    Asking,
    Choosing,
    Downloading,
    Done,
    Failed
};

class EditorOpener {
public:
    // A sign-in gets this long, twice (a loaded machine may miss ENet's handshake once), before
    // "server unreachable".
    static constexpr double kConnectSeconds = 10.0;
    static constexpr int kConnectTries = 2;
    static constexpr double kTotalSeconds = 180.0; // the whole open, download included

    // Starts opening BOOTHID (empty: the token's own booths) from SETTINGS.server; downloaded
    // bundles are cached in CACHEDIR. Refused at once for a bad address or an empty token.
    // With ASK, a pending version offered besides the approved one is a choice for the user;
    // otherwise PREFERPENDING decides.
    Status start(const PublishSettings& settings, const std::string& boothId, bool preferPending,
                 bool ask, const std::filesystem::path& cacheDir);
    void pump();
    void cancel();
    // With state() Choosing: open entries()[INDEX].
    Status choose(std::size_t index);

    OpenState state() const { return m_state; }
    bool busy() const {
        return m_state == OpenState::Connecting || m_state == OpenState::Asking ||
               m_state == OpenState::Downloading;
    }
    float progress() const;
    // What the panel shows: "connecting to ...", "downloading ...", "server unreachable: ...",
    // "not logged in: bad token (...)", the server's refusal.
    std::string statusText() const;
    // What the server offered, and what it says about it (pending versions, missing files).
    const std::vector<expo::proto::BoothFetchEntry>& entries() const;
    std::string note() const;
    const expo::proto::BoothFetchEntry* chosen() const;
    // "server HOST:PORT", for titles.
    std::string sourceLabel() const { return "server " + m_settings.server; }
    // The opened booth, once (state() Done).
    std::optional<booth::BoothBundle> takeBundle();

private:
    Status connect(expo::proto::Role role);
    void pumpConnecting();
    void pumpFetch();
    void fail(std::string why);

    PublishSettings m_settings;
    std::string m_host;
    std::uint16_t m_port = 0;
    std::string m_boothId;
    bool m_preferPending = false;
    bool m_ask = false;
    std::filesystem::path m_cacheDir;
    expo::proto::Role m_role = expo::proto::Role::Exhibitor;
    int m_tries = 0; // sign-in attempts of this open
    std::unique_ptr<netclient::NetClient> m_net;
    std::unique_ptr<netclient::ContentFetcher> m_fetcher;
    std::unique_ptr<netclient::BoothFetchClient> m_fetch;
    OpenState m_state = OpenState::Idle;
    double m_startedAt = 0, m_connectStartedAt = 0;
    std::string m_error;
};

const char* toString(OpenState state);

} // namespace fg::editor
