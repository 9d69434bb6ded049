// Publishing from the editor over the network, and the remembered server address and token.
// Must not touch the booth being edited: it sends the bytes it was given.
#include "tools/editor/EditorPublisher.h"

#include "engine/core/Log.h"

#include <cstdlib>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace fg::editor {

namespace fs = std::filesystem;
using netclient::ClientState;
using netclient::PublishPhase;

bool splitHostPort(const std::string& text, std::string& host, std::uint16_t& port) {
    auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0) return false;
    char* end = nullptr;
    unsigned long p = std::strtoul(text.c_str() + colon + 1, &end, 10);
    if (!end || *end != '\0' || p == 0 || p > 65535) return false;
    host = text.substr(0, colon);
    port = std::uint16_t(p);
    return true;
}

fs::path defaultPublishSettingsFile() {
    const char* config = std::getenv("XDG_CONFIG_HOME");
    const char* home = std::getenv("HOME");
    fs::path base =
        config && *config ? fs::path(config) : fs::path(home ? home : "/tmp") / ".config";
    return base / "fairground" / "editor" / "publish.json";
}

Result<PublishSettings> loadPublishSettings(const fs::path& file) {
    PublishSettings s;
    if (!fs::exists(file)) return s;
    auto text = readFileText(file, 64 << 10);
    if (!text) return text.error();
    auto j = nlohmann::json::parse(*text, nullptr, false);
    if (!j.is_object()) return makeError(file.string() + ": not a JSON object");
    if (j.contains("server") && j["server"].is_string()) s.server = j["server"];
    if (j.contains("token") && j["token"].is_string()) s.token = j["token"];
    return s;
}

Status savePublishSettings(const fs::path& file, const PublishSettings& settings) {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    nlohmann::json j{{"server", settings.server}, {"token", settings.token}};
    if (Status st = writeFileAtomic(file, j.dump(2) + "\n"); !st) return st;
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write, ec);
    return {};
}

Status EditorPublisher::start(const PublishSettings& settings, const std::string& boothId,
                              Bytes bundle) {
    cancel();
    m_settings = settings;
    m_boothId = boothId;
    m_bundle = std::move(bundle);
    m_reconnects = 0;
    m_error.clear();
    if (!splitHostPort(settings.server, m_host, m_port)) {
        fail(fmt::format("server address '{}': expected HOST:PORT", settings.server));
        return makeError(m_error);
    }
    if (settings.token.empty()) {
        fail("an exhibitor token is needed (the organiser issues it with 'invite exhibitor')");
        return makeError(m_error);
    }
    if (Status st = connect(); !st) return st;
    return {};
}

Result<netclient::ClientConfig> linkConfig(const PublishSettings& settings, const std::string& host,
                                           std::uint16_t port) {
    netclient::ClientConfig config;
    config.host = host;
    config.port = port;
    if (Status st = netclient::applyInvitation(config, settings.token); !st) return st.error();
    config.pinsFile = settings.pinsFile;
    return config;
}

Status EditorPublisher::connect() {
    auto linked = linkConfig(m_settings, m_host, m_port);
    if (!linked) {
        fail(linked.error().message);
        return makeError(m_error);
    }
    netclient::ClientConfig config = std::move(*linked);
    config.hello.role = expo::proto::Role::Exhibitor;
    config.hello.presence = false; // publishing is not walking: no avatar
    // Names are unique on the server, and after a dropped link the old session may linger until
    // the server times it out: each connection gets its own name.
    config.hello.name = fmt::format("editor-{}-{}", ::getpid() % 1000000, m_reconnects);
    auto net = netclient::NetClient::connect(config);
    if (!net) {
        fail(net.error().message);
        return makeError(m_error);
    }
    m_net = std::move(*net);
    m_state = PublishState::Connecting;
    return {};
}

void EditorPublisher::cancel() {
    m_awaitingVerdict = false;
    m_verdict.reset();
    m_upload.reset();
    if (m_net) m_net->disconnect();
    m_net.reset();
    if (busy()) m_state = PublishState::Idle;
}

void EditorPublisher::fail(std::string why) {
    m_error = std::move(why);
    m_state = PublishState::Failed;
    log::warn("editor: publish: {}", m_error);
    m_upload.reset();
    if (m_net) m_net->disconnect();
    m_net.reset();
}

void EditorPublisher::onDisconnected(const std::string& why) {
    if (++m_reconnects > kMaxReconnects)
        return fail(fmt::format("connection lost {} times ({})", m_reconnects, why));
    log::info("editor: publish: connection lost ({}), reconnecting to resume", why);
    m_net.reset();
    (void)connect();
}

void EditorPublisher::pump() {
    if (m_awaitingVerdict) return awaitVerdict();
    if (!busy() || !m_net) return;
    m_net->update(0);
    const ClientState cs = m_net->state();
    if (cs == ClientState::Rejected) return fail("the server refused: " + m_net->rejection().text);
    if (cs == ClientState::Disconnected) return onDisconnected("disconnected");
    if (cs != ClientState::Joined) return;
    if (m_state == PublishState::Connecting && !m_net->keyNotice().empty())
        log::warn("editor: {}", m_net->keyNotice());
    if (m_state == PublishState::Connecting) {
        if (!m_upload)
            m_upload = std::make_unique<netclient::PublishClient>(*m_net, m_boothId, m_bundle);
        else
            m_upload->reconnected(*m_net);
        m_state = PublishState::Uploading;
    }
    for (const auto& m : m_net->takeInbox())
        m_upload->handle(m);
    m_upload->pump();
    if (m_upload->phase() == PublishPhase::Failed) return fail(m_upload->error());
    if (m_upload->phase() == PublishPhase::Done) {
        m_state = PublishState::Finished;
        const auto& r = m_upload->result();
        m_awaitingVerdict = r && r->outcome == expo::proto::PublishOutcome::Queued;
        if (!m_awaitingVerdict) m_net->disconnect();
    }
}

// A moderator's rejection arrives as a PublishResult with request 0; an approval as the booth's
// BoothRevision (sent to everyone). A lost link just ends the wait: the booth stays queued.
void EditorPublisher::awaitVerdict() {
    m_net->update(0);
    if (m_net->state() != ClientState::Joined) {
        m_awaitingVerdict = false;
        return;
    }
    using namespace expo::proto;
    for (const auto& m : m_net->takeInbox()) {
        if (auto* r = std::get_if<PublishResult>(&m);
            r && r->requestId == 0 && r->boothId == m_boothId)
            m_verdict = *r;
        if (auto* rev = std::get_if<BoothRevision>(&m); rev && rev->boothId == m_boothId)
            m_verdict = PublishResult{0, m_boothId, PublishOutcome::Approved, rev->revision, {}};
    }
    if (!m_verdict) return;
    m_awaitingVerdict = false;
    m_net->disconnect();
}

float EditorPublisher::progress() const {
    if (m_state == PublishState::Finished) return 1.0f;
    return m_upload ? m_upload->progress() : 0.0f;
}

const expo::proto::PublishResult* EditorPublisher::result() const {
    if (m_verdict) return &*m_verdict;
    return m_upload && m_upload->result() ? &*m_upload->result() : nullptr;
}

std::string EditorPublisher::statusText() const {
    switch (m_state) {
    case PublishState::Idle:
        return {};
    case PublishState::Connecting:
        return m_reconnects
                   ? fmt::format("reconnecting to {} (try {})", m_settings.server, m_reconnects)
                   : "connecting to " + m_settings.server;
    case PublishState::Failed:
        return "publishing failed: " + m_error;
    case PublishState::Uploading:
    case PublishState::Finished:
        break;
    }
    if (m_verdict && m_verdict->outcome == expo::proto::PublishOutcome::Approved)
        return fmt::format("approved by the organiser: revision {}", m_verdict->revision);
    if (m_verdict) return "rejected by the organiser: " + m_verdict->reasons;
    return m_upload ? m_upload->statusText() : std::string();
}

} // namespace fg::editor
