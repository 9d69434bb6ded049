// The editor's side of "open my booth from the server" (see BoothFetchClient.h, docs/PROTOCOL.md).
// Must not block: every call returns at once; the caller pumps the NetClient.
#include "game/netclient/BoothFetchClient.h"

#include "engine/core/Log.h"
#include "game/expo/ExhibitionSyntax.h"

#include <cmath>
#include <fmt/format.h>
#include <set>

namespace fg::netclient {

using namespace fg::expo::proto;

namespace {

constexpr std::uint32_t kFirstRequestId = 0x60000000; // apart from other clients' request ids

std::string sizeText(std::uint64_t bytes) {
    return bytes >= 1024 * 1024 ? fmt::format("{:.1f} MB", double(bytes) / (1024.0 * 1024.0))
                                : fmt::format("{:.0f} KB", std::ceil(double(bytes) / 1024.0));
}

} // namespace

std::string describe(const BoothFetchEntry& e) {
    std::string what = e.source == BoothSource::Published
                           ? fmt::format("approved revision {}", e.revision)
                       : e.source == BoothSource::Pending ? "waiting for approval"
                                                          : "as in the exhibition";
    return fmt::format("booth {} ({}): {}, {}", e.boothId, e.name, what, sizeText(e.size));
}

BoothFetchClient::BoothFetchClient(NetClient& net, ContentFetcher& fetcher,
                                   BoothFetchOptions options)
    : m_net(&net), m_fetcher(&fetcher), m_options(std::move(options)) {
    m_requestId = kFirstRequestId + net.id();
    if (!m_net->sendRaw(BoothFetchRequest{m_requestId, m_options.boothId}))
        fail("could not send the request (not connected?)");
}

const BoothFetchEntry* BoothFetchClient::chosen() const {
    return m_chosen ? &m_entries[*m_chosen] : nullptr;
}

void BoothFetchClient::fail(std::string why) {
    m_phase = BoothFetchPhase::Failed;
    m_error = std::move(why);
    log::info("open from server: {}", m_error);
}

bool BoothFetchClient::handle(const Message& message) {
    auto* reply = std::get_if<BoothFetchReply>(&message);
    if (!reply || reply->requestId != m_requestId) return false;
    if (m_phase == BoothFetchPhase::Asking) onReply(*reply);
    return true;
}

// The server is not trusted: every entry must be for the asked booth, of a size a .booth may
// have; anything else rejects the whole answer before a byte is fetched.
Status BoothFetchClient::checkEntries() const {
    if (m_entries.empty()) return makeError("the server offered nothing to open");
    const std::uint64_t limit = maxBundleBytes(m_options.limits);
    for (const BoothFetchEntry& e : m_entries) {
        if (!expo::isValidId(e.boothId))
            return makeError(fmt::format("the server's answer names a booth '{}'", e.boothId));
        if (!m_options.boothId.empty() && e.boothId != m_options.boothId)
            return makeError(fmt::format("asked for booth '{}', the server offered '{}'",
                                         m_options.boothId, e.boothId));
        if (e.size == 0 || e.size > limit)
            return makeError(fmt::format("booth {}: the server offers {} bytes; a .booth has 1 to "
                                         "{} bytes",
                                         e.boothId, e.size, limit));
    }
    return {};
}

void BoothFetchClient::onReply(const BoothFetchReply& reply) {
    if (!reply.ok) return fail(reply.reason.empty() ? "the server refused" : reply.reason);
    m_entries = reply.entries;
    m_note = reply.note;
    if (Status st = checkEntries(); !st)
        return fail("the server's answer is not usable: " + st.error().message);
    std::set<std::string> booths;
    bool pending = false;
    for (const BoothFetchEntry& e : m_entries) {
        booths.insert(e.boothId);
        pending = pending || e.source == BoothSource::Pending;
    }
    if (booths.size() > 1 || (pending && m_options.askWhenPending)) {
        m_phase = BoothFetchPhase::Choosing;
        return;
    }
    chooseDefault();
}

// An approved (or never published) booth unless the caller prefers a pending version.
void BoothFetchClient::chooseDefault() {
    std::size_t pick = 0;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const bool pending = m_entries[i].source == BoothSource::Pending;
        if (pending == m_options.preferPending) {
            pick = i;
            break;
        }
    }
    (void)choose(pick);
}

Status BoothFetchClient::choose(std::size_t index) {
    if (index >= m_entries.size())
        return makeError(
            fmt::format("no entry {} (the server offered {})", index, m_entries.size()));
    if (m_phase != BoothFetchPhase::Asking && m_phase != BoothFetchPhase::Choosing)
        return makeError("a booth was already chosen");
    m_chosen = index;
    const BoothFetchEntry& e = m_entries[index];
    auto name = m_fetcher->wantByHash(e.bundle, ".booth", e.size);
    if (!name) {
        fail(name.error().message);
        return name.error();
    }
    m_cacheName = *name;
    m_phase = BoothFetchPhase::Downloading;
    log::info("open from server: downloading {}", describe(e));
    pump();
    return {};
}

void BoothFetchClient::pump() {
    if (m_phase != BoothFetchPhase::Downloading) return;
    m_fetcher->update();
    switch (m_fetcher->state(m_cacheName)) {
    case AssetState::Ready:
        return openDownloaded();
    case AssetState::Failed:
        return fail(m_fetcher->errors().empty() ? "the download failed"
                                                : m_fetcher->errors().back());
    default:
        return;
    }
}

void BoothFetchClient::openDownloaded() {
    const BoothFetchEntry& e = m_entries[*m_chosen];
    auto bytes = readFileBytes(m_fetcher->pathOf(m_cacheName), maxBundleBytes(m_options.limits));
    if (!bytes) return fail(bytes.error().message);
    const std::string label =
        fmt::format("booth {} from {}", e.boothId,
                    m_options.label.empty() ? std::string("the server") : m_options.label);
    auto bundle = booth::loadBundleBytes(*bytes, label, m_options.limits);
    if (!bundle) return fail(bundle.error().message);
    if (bundle->booth.id != e.boothId)
        return fail(fmt::format("{}: the bundle holds booth '{}'", label, bundle->booth.id));
    m_bundle = std::move(*bundle);
    m_phase = BoothFetchPhase::Done;
}

std::string BoothFetchClient::statusText() const {
    switch (m_phase) {
    case BoothFetchPhase::Asking:
        return "asking the server which booths you may open";
    case BoothFetchPhase::Choosing:
        return fmt::format("the server offers {} versions: pick one", m_entries.size());
    case BoothFetchPhase::Downloading: {
        const FetchProgress& p = m_fetcher->progress();
        return fmt::format("downloading {} ({:.0f}%)", describe(*chosen()), p.fraction() * 100.0f);
    }
    case BoothFetchPhase::Done:
        return "opened " + describe(*chosen());
    case BoothFetchPhase::Failed:
        break;
    }
    return m_error;
}

} // namespace fg::netclient
