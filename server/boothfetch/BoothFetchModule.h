// "Open my booth from the server" for the editor as a server module: which bundles an exhibitor
// or organiser may open (approved, pending, or the exhibition's booth made into a bundle).
// Never changes the exhibition or the moderation queue; bytes travel by the content module.
#pragma once

#include "server/core/ServerContext.h"
#include "server/core/ServerModule.h"
#include "server/publish/BundleBuildWorker.h"

#include <memory>
#include <string>
#include <vector>

namespace fg::server {

class BoothFetchModule final : public ServerModule {
public:
    explicit BoothFetchModule(ServerContext& ctx) : m_ctx(ctx) {}
    ~BoothFetchModule() override;

    void registerHandlers(ServerRouter& router) override;
    void onTick(std::uint32_t tick, double now) override;

private:
    void fetch(presence::Session& s, const proto::BoothFetchRequest& m, bool buildNow = false);
    bool queueBuilds(presence::Session& s, const proto::BoothFetchRequest& m,
                     const std::vector<const expo::Booth*>& booths, std::string& refusal);
    void refuse(presence::Session& s, const proto::BoothFetchRequest& m, std::string_view why);
    Status addEntries(const expo::Booth& booth, proto::BoothFetchReply& reply);
    std::string boothsToOffer(const presence::Session& s, const std::string& boothId,
                              std::vector<const expo::Booth*>& out);

    ServerContext& m_ctx;
    std::unique_ptr<publish::BundleBuildWorker> m_buildWorker; // made on first use
};

} // namespace fg::server
