// Publishing and moderation as a server module: upload messages in, bundle checks on the
// SubmitWorker thread, `booth pending|approve|reject` console commands, approved revisions applied,
// stored and sent to every visitor. Never changes PublishService internals; never blocks the tick.
#pragma once

#include "server/core/ServerContext.h"
#include "server/core/ServerModule.h"
#include "server/publish/PublishService.h"
#include "server/publish/SubmitWorker.h"

#include <map>
#include <memory>
#include <string>

namespace fg::server {

// Booths approved before a restart (or a reload) are served as approved.
void applyPublishedBooths(expo::Exhibition& exhibition, const publish::PublishService& service);

class PublishModule final : public ServerModule {
public:
    explicit PublishModule(ServerContext& ctx);
    ~PublishModule() override;

    void registerHandlers(ServerRouter& router) override;
    void registerCommands(console::ConsoleCommands& commands) override;
    void onJoin(presence::Session& s) override;
    void onLeave(presence::Session& s, proto::LeaveReason reason) override;
    void onTick(std::uint32_t tick, double now) override;
    void addStatus(std::vector<console::StatusFigure>& figures) const override;

private:
    // An exhibitor's upload in progress on one connection.
    struct UploadLink {
        std::uint32_t requestId = 0;
        std::string boothId;
        std::uint64_t totalBytes = 0;
        std::uint32_t chunksSinceStatus = 0;
    };
    void uploadBegin(presence::Session& s, const proto::UploadBegin& m);
    void uploadChunk(presence::Session& s, const proto::UploadChunk& m);
    void uploadFinish(presence::Session& s, const proto::UploadFinish& m);
    void answerSubmission(publish::SubmitDone& done);
    void onBoothPublished(const publish::PublishedRevision& rev);
    void tellExhibitorRejected(const publish::Submission& sub);

    ServerContext& m_ctx;
    std::unique_ptr<publish::SubmitWorker> m_submitWorker;
    std::map<std::uint16_t, UploadLink> m_uploadLinks; // by session id
};

} // namespace fg::server
