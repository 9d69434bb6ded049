// Opening a booth from the server in the editor: sign-in, the server's offer, the pick, the
// download. Must not touch the booth being edited: EditorApp takes the bundle when it is ready.
#include "tools/editor/EditorOpener.h"

#include "engine/core/Log.h"
#include "engine/core/Time.h"

#include <fmt/format.h>
#include <unistd.h>

namespace fg::editor {

using netclient::BoothFetchPhase;
using netclient::ClientState;
namespace proto = expo::proto;

const char* toString(OpenState state) {
    switch (state) {
    case OpenState::Idle:
        return "idle";
    case OpenState::Connecting:
        return "connecting";
    case OpenState::Asking:
        return "asking";
    case OpenState::Choosing:
        return "choosing";
    case OpenState::Downloading:
        return "downloading";
    case OpenState::Done:
        return "done";
    case OpenState::Failed:
        return "failed";
    }
    return "unknown";
}

Status EditorOpener::start(const PublishSettings& settings, const std::string& boothId,
                           bool preferPending, bool ask, const std::filesystem::path& cacheDir) {
    cancel();
    m_settings = settings;
    m_boothId = boothId;
    m_preferPending = preferPending;
    m_ask = ask;
    m_cacheDir = cacheDir;
    m_error.clear();
    m_startedAt = monotonicSeconds();
    if (!splitHostPort(settings.server, m_host, m_port)) {
        fail(fmt::format("server address '{}': expected HOST:PORT", settings.server));
        return makeError(m_error);
    }
    if (settings.token.empty()) {
        fail("not logged in: an exhibitor token is needed (the organiser issues it with 'invite "
             "exhibitor')");
        return makeError(m_error);
    }
    m_tries = 0;
    return connect(proto::Role::Exhibitor);
}

Status EditorOpener::connect(proto::Role role) {
    m_role = role;
    ++m_tries;
    auto linked = linkConfig(m_settings, m_host, m_port);
    if (!linked) {
        fail(linked.error().message);
        return makeError(m_error);
    }
    netclient::ClientConfig config = std::move(*linked);
    config.hello.role = role;
    config.hello.presence = false; // publishing is not walking: no avatar
    // Names are unique on the server; an editor may also be publishing under its own name.
    config.hello.name = fmt::format("editor-open-{}-{}", ::getpid() % 1000000, m_tries);
    auto net = netclient::NetClient::connect(config);
    if (!net) {
        fail("server unreachable: " + net.error().message);
        return makeError(m_error);
    }
    m_net = std::move(*net);
    m_state = OpenState::Connecting;
    m_connectStartedAt = monotonicSeconds();
    return {};
}

void EditorOpener::cancel() {
    m_fetch.reset();
    if (m_fetcher) m_fetcher->detach(!m_net);
    m_fetcher.reset();
    if (m_net) m_net->disconnect();
    m_net.reset();
    if (busy() || m_state == OpenState::Choosing) m_state = OpenState::Idle;
}

void EditorOpener::fail(std::string why) {
    m_error = std::move(why);
    log::warn("editor: open from server: {}", m_error);
    cancel();
    m_state = OpenState::Failed;
}

void EditorOpener::pump() {
    if (!m_net || m_state == OpenState::Done) return;
    if (monotonicSeconds() - m_startedAt > kTotalSeconds)
        return fail(fmt::format("gave up after {:.0f} s ({})", kTotalSeconds, statusText()));
    m_net->update(0);
    if (m_state == OpenState::Connecting) return pumpConnecting();
    if (m_net->state() != ClientState::Joined)
        return fail(fmt::format("the connection to {} was lost", m_settings.server));
    pumpFetch();
}

void EditorOpener::pumpConnecting() {
    const ClientState cs = m_net->state();
    if (cs == ClientState::Rejected) {
        const proto::Reject& r = m_net->rejection();
        // The token decides the role; the editor does not know it beforehand.
        if (m_role == proto::Role::Exhibitor && r.reason == proto::RejectReason::BadCredentials &&
            r.text.find("organiser role") != std::string::npos) {
            m_net.reset();
            (void)connect(proto::Role::Organiser);
            return;
        }
        if (r.reason == proto::RejectReason::BadCredentials)
            return fail("not logged in: bad token (" + r.text + ")");
        return fail("the server refused the sign-in: " + r.text);
    }
    if (cs == ClientState::Disconnected ||
        monotonicSeconds() - m_connectStartedAt > kConnectSeconds) {
        if (m_tries >= kConnectTries)
            return fail(fmt::format("server unreachable: no answer from {}", m_settings.server));
        log::info("editor: open from server: no answer from {}, trying again", m_settings.server);
        m_net.reset();
        (void)connect(m_role);
        return;
    }
    if (cs != ClientState::Joined) return;
    m_fetcher = std::make_unique<netclient::ContentFetcher>(m_cacheDir);
    m_fetcher->attach(*m_net);
    netclient::BoothFetchOptions options;
    options.boothId = m_boothId;
    options.preferPending = m_preferPending;
    options.askWhenPending = m_ask;
    options.label = sourceLabel();
    m_fetch = std::make_unique<netclient::BoothFetchClient>(*m_net, *m_fetcher, options);
    m_state = OpenState::Asking;
}

void EditorOpener::pumpFetch() {
    if (!m_fetch) return;
    for (const auto& m : m_net->takeInbox())
        m_fetch->handle(m);
    m_fetch->pump();
    switch (m_fetch->phase()) {
    case BoothFetchPhase::Asking:
        return;
    case BoothFetchPhase::Choosing:
        m_state = OpenState::Choosing;
        return;
    case BoothFetchPhase::Downloading:
        m_state = OpenState::Downloading;
        return;
    case BoothFetchPhase::Failed:
        return fail(m_fetch->error());
    case BoothFetchPhase::Done:
        m_state = OpenState::Done;
        m_net->disconnect();
        return;
    }
}

Status EditorOpener::choose(std::size_t index) {
    if (m_state != OpenState::Choosing || !m_fetch) return makeError("nothing to choose from");
    if (Status st = m_fetch->choose(index); !st) return st;
    m_state = OpenState::Downloading;
    return {};
}

float EditorOpener::progress() const {
    if (m_state == OpenState::Done) return 1.0f;
    return m_fetcher && m_state == OpenState::Downloading ? m_fetcher->progress().fraction() : 0.0f;
}

const std::vector<proto::BoothFetchEntry>& EditorOpener::entries() const {
    static const std::vector<proto::BoothFetchEntry> kNone;
    return m_fetch ? m_fetch->entries() : kNone;
}

std::string EditorOpener::note() const {
    return m_fetch ? m_fetch->note() : std::string();
}

const proto::BoothFetchEntry* EditorOpener::chosen() const {
    return m_fetch ? m_fetch->chosen() : nullptr;
}

std::optional<booth::BoothBundle> EditorOpener::takeBundle() {
    if (m_state != OpenState::Done || !m_fetch) return std::nullopt;
    return m_fetch->takeBundle();
}

std::string EditorOpener::statusText() const {
    switch (m_state) {
    case OpenState::Idle:
        return {};
    case OpenState::Connecting:
        return "connecting to " + m_settings.server;
    case OpenState::Failed:
        return m_error;
    default:
        break;
    }
    return m_fetch ? m_fetch->statusText() : std::string();
}

} // namespace fg::editor
