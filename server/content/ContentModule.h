// Content transfer as a server module: queues joined peers' ContentRequests (after the bundle
// access policy), pumps chunks within the bulk budget, and owns the ContentService.
// Never sends content to an unjoined peer; never changes the exhibition or the publish queue.
#pragma once

#include "server/content/BundleAccessPolicy.h"
#include "server/content/ContentService.h"
#include "server/core/ServerContext.h"
#include "server/core/ServerModule.h"

#include <memory>

namespace fg::server {

class ContentModule final : public ServerModule {
public:
    ContentModule(ServerContext& ctx, BundleAccessPolicy policy);

    void registerHandlers(ServerRouter& router) override;
    void onLeave(presence::Session& s, proto::LeaveReason reason) override;
    void onTick(std::uint32_t tick, double now) override;
    void onStep(double now) override;
    content::ContentService& service() { return *m_content; }

private:
    void request(presence::Session& s, const proto::ContentRequest& request);
    // Every step: queued bytes drain fast; the byte budget is per tick (newTick refills it).
    void pump(bool newTick);

    ServerContext& m_ctx;
    BundleAccessPolicy m_policy;
    std::unique_ptr<content::ContentService> m_content;
    content::Transport m_transport; // made once: pump() runs every step
};

} // namespace fg::server
