// ServerApp's content transfer: starts the content service, queues joined peers' requests and
// pumps chunks once per tick within the bulk budget. Never sends content to an unjoined peer.
#include "engine/core/Log.h"
#include "server/ServerApp.h"
#include "server/content/ContentService.h"
#include "server/publish/PublishService.h"

#include <fmt/format.h>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

Status ServerApp::startContent() {
    std::filesystem::path dir = m_config.contentDir;
    if (dir.empty()) dir = m_config.dataDir / "content";
    m_content = std::make_unique<content::ContentService>(dir, m_config.contentLimits);
    // Approved booths' cooked assets live in the publish store (m_publish starts after this).
    m_content->setBlobSource([this](const Hash128& hash) -> std::optional<Bytes> {
        if (!m_publish || !m_publish->store().has(hash)) return std::nullopt;
        auto bytes = m_publish->store().get(hash);
        if (!bytes) return std::nullopt;
        return std::move(*bytes);
    });
    // Without serveContent (tests, the client's embedded server) nothing is cooked, but assets
    // by hash are still served: a published booth's files must reach every visitor.
    if (m_config.serveContent)
        m_content->start(*m_exhibition, m_config.exhibitionPath.parent_path());
    return {};
}

void ServerApp::handleContentRequest(Session& s, const ContentRequest& request) {
    if (!m_content->enqueue(s.id, request))
        send(s, ContentError{request.requestId, request.hash,
                             fmt::format("too many content requests outstanding (at most {})",
                                         m_config.contentLimits.maxRequestsPerPeer)});
}

void ServerApp::pumpContent(bool newTick) {
    if (newTick) m_content->refillBudget();
    content::Transport transport;
    transport.queuedBytes = [this](std::uint32_t id) {
        return m_host->queuedBytes(id - 1u, net::kChannelBulk);
    };
    transport.send = [this](std::uint32_t id, Message&& message) {
        Session* s = session(id);
        return s && s->joined && send(*s, std::move(message));
    };
    content::PumpStats st = m_content->pump(*m_exhibition, m_revision, transport);
    if (st.chunks > 0 || st.errors > 0)
        log::debug("server: content {} chunks, {} bytes, {} done, {} errors", st.chunks, st.bytes,
                   st.finished, st.errors);
}

void ServerApp::dropContent(const Session& s) {
    m_content->dropPeer(s.id);
}

} // namespace fg::server
