// Content module: the content service, the bundle-access policy on every request, and the pump.
// Must not serve an unjoined peer or bypass the policy for any ContentRequest.
#include "server/content/ContentModule.h"

#include "engine/core/Log.h"
#include "server/publish/PublishService.h"

#include <fmt/format.h>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

std::string BundleAccessPolicy::refusal(const Session& s, const ContentRequest& m) const {
    if (m.kind != ContentKind::Asset || !m_bundleBooth) return {};
    auto boothId = m_bundleBooth(m.hash);
    if (!boothId) return {};
    return m_boothRule ? m_boothRule(s, *boothId) : "no booth rule on this server";
}

ContentModule::ContentModule(ServerContext& ctx, BundleAccessPolicy policy)
    : m_ctx(ctx), m_policy(std::move(policy)) {
    const ServerConfig& config = ctx.config();
    std::filesystem::path dir = config.contentDir;
    if (dir.empty()) dir = config.dataDir / "content";
    m_content = std::make_unique<content::ContentService>(dir, config.contentLimits);
    // Approved booths' cooked assets live in the publish store.
    m_content->setBlobSource([&ctx](const Hash128& hash) -> std::optional<Bytes> {
        const publish::ContentStore& store = ctx.publisher().store();
        if (!store.has(hash)) return std::nullopt;
        auto bytes = store.get(hash);
        if (!bytes) return std::nullopt;
        return std::move(*bytes);
    });
    // Without serveContent (tests, the client's embedded server) nothing is cooked, but assets
    // by hash are still served: a published booth's files must reach every visitor.
    if (config.serveContent)
        m_content->start(ctx.exhibition(), config.exhibitionPath.parent_path());
    m_transport.queuedBytes = [&ctx](std::uint32_t id) {
        const Session* s = ctx.session(id);
        return s ? ctx.queuedBytes(*s, net::kChannelBulk) : std::size_t(0);
    };
    m_transport.send = [&ctx](std::uint32_t id, Message&& message) {
        Session* s = ctx.session(id);
        return s && s->joined && ctx.send(*s, std::move(message));
    };
}

void ContentModule::registerHandlers(ServerRouter& router) {
    // A booth's assets are requested together: bulk budget.
    router.on<ContentRequest>(Permit::joined().budget(2048, 1024),
                              [this](Session& s, const ContentRequest& m) { request(s, m); });
}

void ContentModule::request(Session& s, const ContentRequest& m) {
    if (std::string why = m_policy.refusal(s, m); !why.empty()) {
        log::info("server: {} ('{}') refused bundle {}: {}", s.id, s.name, toHex(m.hash), why);
        m_ctx.send(
            s, ContentError{m.requestId, m.hash,
                            bounded("this booth bundle is not yours: " + why, kMaxReasonLength)});
        return;
    }
    if (!m_content->enqueue(s.id, m))
        m_ctx.send(s, ContentError{m.requestId, m.hash,
                                   fmt::format("too many content requests outstanding (at most {})",
                                               m_ctx.config().contentLimits.maxRequestsPerPeer)});
}

void ContentModule::onLeave(Session& s, LeaveReason) {
    m_content->dropPeer(s.id);
}

void ContentModule::onTick(std::uint32_t, double) {
    pump(/*newTick=*/true);
}

void ContentModule::onStep(double) {
    pump(/*newTick=*/false);
}

void ContentModule::pump(bool newTick) {
    if (newTick) m_content->refillBudget();
    content::PumpStats st = m_content->pump(m_ctx.exhibition(), m_ctx.revision(), m_transport);
    if (st.chunks > 0 || st.errors > 0)
        log::debug("server: content {} chunks, {} bytes, {} done, {} errors", st.chunks, st.bytes,
                   st.finished, st.errors);
}

} // namespace fg::server
