// Booth revisions and the downloaded exhibition: checks what the server announced, fetches by
// hash through ContentFetcher, applies revisions with fg_booth's applyRevision (one rule for
// server and client). Must not render; ClientApp rebuilds the world when told to.
#include "game/client/ClientContent.h"

#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "engine/core/Translate.h"
#include "game/booth/PublishedRevision.h"
#include "game/client/ClientApp.h"
#include "game/client/DisplayText.h"
#include "game/client/settings/SettingsFeature.h"
#include "game/expo/protocol/ContentNames.h"
#include "game/netclient/NetClient.h"
#include "game/netclient/ServerPins.h"

#include <chrono>
#include <fmt/format.h>
#include <set>
#include <thread>

namespace fg::client {

namespace fs = std::filesystem;
using netclient::AssetState;

namespace {

// The booth and profile of a revision as a one-booth exhibition, so the shared reference walk
// (and its kinds) applies to them.
expo::Exhibition asExhibition(const booth::BoothBundle& bundle) {
    expo::Exhibition ex;
    ex.booths.push_back(bundle.booth);
    ex.exhibitors.push_back(bundle.profile);
    return ex;
}

} // namespace

std::uint64_t BoothUpdates::appliedRevision(const std::string& boothId) const {
    auto it = m_applied.find(boothId);
    return it == m_applied.end() ? 0 : it->second;
}

Status BoothUpdates::receive(const proto::BoothRevision& rev, netclient::ContentFetcher& fetcher) {
    if (rev.revision <= appliedRevision(rev.boothId)) return {};
    const std::string label = fmt::format("booth {} revision {}", rev.boothId, rev.revision);
    auto bundle = booth::parseBoothJson(rev.manifestJson, label);
    if (!bundle) return bundle.error();
    if (bundle->booth.id != rev.boothId)
        return makeError(
            fmt::format("{}: the manifest describes booth '{}'", label, bundle->booth.id));
    std::vector<std::string> names;
    std::set<std::string> seen;
    std::string bad;
    const expo::Exhibition one = asExhibition(*bundle);
    expo::forEachFileReference(one, [&](const std::string& ref, expo::FileKind kind) {
        expo::AssetName parsed;
        if (!expo::parseAssetName(ref, parsed) || !expo::assetExtensionFits(parsed.extension, kind))
            bad = ref;
        else if (seen.insert(ref).second)
            names.push_back(ref);
    });
    if (!bad.empty())
        return makeError(fmt::format("{}: '{}' is not an asset name of its kind", label, bad));
    for (const auto& name : names)
        if (Status st = fetcher.want(name); !st) return st.error();
    m_waiting.push_back(Waiting{rev, std::move(*bundle), std::move(names)});
    return {};
}

std::size_t BoothUpdates::applyReady(expo::Exhibition& ex, const netclient::ContentFetcher& fetcher,
                                     const std::function<std::string(const std::string&)>& resolve,
                                     std::vector<std::string>& failed) {
    std::size_t applied = 0;
    while (!m_waiting.empty()) {
        Waiting& w = m_waiting.front();
        std::string lost;
        bool ready = true;
        for (const auto& name : w.names) {
            AssetState state = fetcher.state(name);
            if (state == AssetState::Failed) lost = name;
            ready = ready && state == AssetState::Ready;
        }
        if (lost.empty() && !ready) break; // keep the order: later ones wait for this one
        if (!lost.empty()) {
            failed.push_back(trf("booth {} revision {}: asset {} could not be fetched",
                                 w.message.boothId, w.message.revision, lost));
        } else if (w.message.revision > appliedRevision(w.message.boothId)) {
            expo::Exhibition one = asExhibition(w.manifest);
            expo::forEachFileReference(
                one, [&](std::string& ref, expo::FileKind) { ref = resolve(ref); });
            booth::PublishedRevision rev;
            rev.boothId = w.message.boothId;
            rev.revision = std::int64_t(w.message.revision);
            rev.manifest = w.manifest;
            rev.manifest.booth = one.booths.front();
            rev.manifest.profile = one.exhibitors.front();
            booth::applyRevision(ex, rev);
            m_applied[rev.boothId] = w.message.revision;
            log::info("client: booth {} is now revision {}", rev.boothId, rev.revision);
            ++applied;
        }
        m_waiting.pop_front();
    }
    return applied;
}

ClientContent::ClientContent(const fs::path& cacheDir, fs::path baseDir)
    : m_fetcher(fs::absolute(cacheDir)), m_baseDir(std::move(baseDir)) {}

std::string ClientContent::reference(const std::string& name) const {
    if (m_baseDir == m_fetcher.dir()) return name;
    return m_fetcher.pathOf(name).string();
}

bool ClientContent::pump(netclient::NetClient* client, expo::Exhibition& ex,
                         std::vector<std::string>& failed) {
    if (client != m_attached || (client && !client->hasContentHandler())) {
        // The old client may already be destroyed (Connection replaces it on a reconnect).
        m_fetcher.detach(/*clientGone=*/true);
        if (client) m_fetcher.attach(*client);
        m_attached = client;
    }
    if (client) m_fetcher.update();
    auto resolve = [this](const std::string& name) { return reference(name); };
    m_decks.applyReady(ex, m_fetcher, resolve, failed);
    return m_updates.applyReady(ex, m_fetcher, resolve, failed) > 0;
}

// ---- ClientApp's content hooks ----

netclient::ClientConfig ClientApp::linkConfig(const std::string& host, std::uint16_t port) const {
    netclient::ClientConfig config;
    config.host = host;
    config.port = port;
    // Frames on a CPU renderer can take seconds (first pipeline builds); do not drop the peer.
    config.timeoutMs = 30000;
    const VisitorProfile& p = m_session.profile;
    config.hello.role = proto::Role::Visitor;
    // The server decides the role from the credential: the Hello always asks as a visitor.
    const std::string code = !m_options.ticket.empty() ? m_options.ticket
                             : m_session.visitorOnly   ? std::string()
                                                       : p.token;
    // "TOKEN@KEY" (checked when it was given): the key is expected before the token is sent.
    if (Status st = netclient::applyInvitation(config, code); !st) config.hello.credential = code;
    if (!m_localKey.empty()) {
        config.serverKey = m_localKey; // the embedded server: its key is known, nothing to pin
    } else {
        config.pinsFile = m_options.configFile.parent_path() / "known_servers.json";
    }
    config.hello.name = p.name;
    config.hello.look = p.color;
    config.hello.country = p.country;
    config.hello.clientKey = p.clientKey;
    return config;
}

Status ClientApp::downloadWorld() {
    netclient::ClientConfig config = linkConfig(m_options.connectHost, m_options.connectPort);
    // A first run has no name yet: download as a guest, join under the real name later.
    bool guest = m_settings->firstRun();
    if (guest) config.hello.name = "guest-" + m_session.profile.clientKey.substr(0, 8);
    m_link = std::make_unique<Connection>(config);
    const std::string address = m_link->address();
    const double deadline = monotonicSeconds() + 20.0;
    while (m_link->state() != LinkState::Joined) {
        m_link->update(monotonicSeconds());
        if (m_link->credentialRefused() && !m_link->credential().empty() && !guest) {
            // The world is downloaded as a guest; the join that follows shows the refusal and
            // offers "Continue as a visitor".
            log::warn("client: sign-in refused ({}); downloading as a guest", m_link->message());
            guest = true;
            config.hello.credential.clear();
            config.hello.name = "guest-" + m_session.profile.clientKey.substr(0, 8);
            m_link = std::make_unique<Connection>(config);
            continue;
        }
        if (m_link->state() == LinkState::Failed) return makeError(m_link->message());
        if (monotonicSeconds() > deadline)
            return makeError(fmt::format("cannot reach {}: {}", address, m_link->message()));
        renderProgress(0.0f, trf("connecting to {}", address));
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    auto progress = [this](const netclient::FetchProgress& p, std::string_view) {
        renderProgress(0.9f * p.fraction(),
                       trf("downloading the exhibition: {} of {} files, {:.1f} MiB", p.filesDone,
                           p.filesTotal, double(p.bytesDone) / 1048576.0));
    };
    auto got = netclient::downloadExhibition(*m_link->client(), m_content->fetcher(), progress);
    if (guest) {
        m_link->disconnect();
        m_link.reset();
    }
    if (!got) return makeError(fmt::format("{}: {}", address, got.error().message));
    m_exhibition = std::make_unique<expo::Exhibition>(std::move(got->exhibition));
    m_content->setBaseDir(got->baseDir);
    return {};
}

void ClientApp::registerContentHandlers() {
    m_features->router().on<proto::BoothRevision>([this](proto::BoothRevision& rev) {
        if (Status st = m_content->updates().receive(rev, m_content->fetcher()); !st)
            toast(m_session, st.error().message, true);
    });
    m_features->router().on<proto::DeckChanged>([this](proto::DeckChanged& changed) {
        if (Status st = m_content->decks().receive(changed, m_content->fetcher()); !st)
            toast(m_session, st.error().message, true);
    });
}

void ClientApp::pumpContent(netclient::NetClient* client) {
    std::vector<std::string> failed;
    const bool changed = m_content->pump(client, *m_worldExhibition, failed);
    for (const auto& line : failed)
        toast(m_session, line, true);
    if (!changed) return;
    *m_exhibition = displayCopy(*m_worldExhibition, m_session.fontText);
    if (Status st = rebuildWorld(); !st) toast(m_session, st.error().message, true);
}

} // namespace fg::client
