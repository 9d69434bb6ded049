// Publish module: upload handlers, the submit worker's results, moderation console commands and
// live revisions. Must not block the tick: chunks are appended as they arrive, checks run
// off-thread; the bundle and queue rules are PublishService's.
#include "server/publish/PublishModule.h"

#include "engine/core/Log.h"
#include "game/booth/BoothBundle.h"
#include "game/expo/ExhibitionJson.h"
#include "server/console/ConsoleCommands.h"
#include "server/core/BusTopics.h"
#include "server/publish/PublishConsole.h"
#include "server/store/Store.h"

#include <fmt/format.h>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

namespace {

// The server acknowledges every this many chunks (and the last one): with 32 KiB chunks and a
// client window of 256 KiB, the sender never waits for an ack while the window still has room.
constexpr std::uint32_t kChunksPerStatus = 4;

std::string warningText(const std::vector<booth::BoothProblem>& warnings) {
    std::string out;
    for (const auto& w : warnings)
        out += w.toString() + "\n";
    return bounded(out, kMaxPublishReasonsLength);
}

Result<Message> revisionMessage(const publish::PublishedRevision& rev, std::uint64_t exhibition) {
    BoothRevision msg{rev.boothId, std::uint64_t(rev.revision), exhibition,
                      booth::toBoothJson(rev.manifest), rev.assets};
    if (msg.manifestJson.size() > kMaxManifestJsonLength || msg.assets.size() > kMaxRevisionAssets)
        return makeError(fmt::format("booth {} revision {}: manifest of {} bytes and {} assets is "
                                     "too large to announce",
                                     rev.boothId, rev.revision, msg.manifestJson.size(),
                                     msg.assets.size()));
    return Message{std::move(msg)};
}

} // namespace

void applyPublishedBooths(expo::Exhibition& exhibition, const publish::PublishService& service) {
    for (const auto& b : exhibition.booths)
        if (auto rev = service.published(b.id)) publish::applyRevision(exhibition, *rev);
}

PublishModule::PublishModule(ServerContext& ctx) : m_ctx(ctx) {
    publish::PublishService& service = ctx.publisher();
    service.setOnPublished([this](const publish::PublishedRevision& r) { onBoothPublished(r); });
    service.setOnRejected([this](const publish::Submission& sub) { tellExhibitorRejected(sub); });
    m_submitWorker = std::make_unique<publish::SubmitWorker>(service);
}

PublishModule::~PublishModule() {
    m_submitWorker.reset(); // its thread stops before the callbacks' target goes
    m_ctx.publisher().setOnPublished(nullptr);
    m_ctx.publisher().setOnRejected(nullptr);
}

void PublishModule::registerHandlers(ServerRouter& router) {
    router.on<UploadBegin>(
        Permit::roles({Role::Exhibitor})
            .because("only exhibitors can publish booths; connect with an exhibitor token")
            .ownBooth(&UploadBegin::boothId),
        [this](Session& s, const UploadBegin& m) { uploadBegin(s, m); },
        [this](Session& s, const UploadBegin& m, std::string_view why) {
            log::info("server: upload of '{}' by {} ('{}') refused: {}", m.boothId, s.id, s.name,
                      why);
            m_ctx.send(s, UploadStatus{m.requestId, m.boothId, 0, false,
                                       bounded(std::string(why), kMaxReasonLength)});
        });
    // Chunks and finishes answer "no upload begun" themselves: late chunks are not faults.
    // A bundle is many chunks in a row: bulk budget (the upload's own quota bounds the bytes).
    router.on<UploadChunk>(Permit::joined().budget(2048, 1024),
                           [this](Session& s, const UploadChunk& m) { uploadChunk(s, m); });
    router.on<UploadFinish>(Permit::joined(),
                            [this](Session& s, const UploadFinish& m) { uploadFinish(s, m); });
}

void PublishModule::registerCommands(console::ConsoleCommands& commands) {
    for (const char* verb : {"pending", "approve", "reject"})
        commands.addSubcommand("booth", verb, [this](const console::CommandArgs& a) {
            const std::string line = "booth " + a.rest(0);
            log::info("server: console: {}", line);
            auto r = publish::runBoothCommand(m_ctx.publisher(), line);
            return r ? console::ConsoleResult{*r, true}
                     : console::ConsoleResult{r.error().message, false};
        });
}

void PublishModule::addStatus(std::vector<console::StatusFigure>& figures) const {
    figures.push_back({"booths_pending", "booths waiting for approval",
                       double(m_ctx.publisher().pending().size())});
}

void PublishModule::uploadBegin(Session& s, const UploadBegin& m) {
    auto held = m_ctx.publisher().uploads().begin(s.exhibitorId, m.boothId, m.totalBytes, m.hash);
    if (!held) {
        log::info("server: upload of '{}' by {} ('{}') refused: {}", m.boothId, s.id, s.name,
                  held.error().message);
        m_ctx.send(s, UploadStatus{m.requestId, m.boothId, 0, false,
                                   bounded(held.error().message, kMaxReasonLength)});
        return;
    }
    m_uploadLinks[s.id] = UploadLink{m.requestId, m.boothId, m.totalBytes, 0};
    log::info("server: upload of '{}' by '{}': {} bytes, resuming at {}", m.boothId, s.name,
              m.totalBytes, *held);
    m_ctx.send(s, UploadStatus{m.requestId, m.boothId, *held, true, {}});
}

void PublishModule::uploadChunk(Session& s, const UploadChunk& m) {
    auto link = m_uploadLinks.find(s.id);
    if (link == m_uploadLinks.end() || link->second.boothId != m.boothId) {
        // Not a fault: chunks already in flight when an upload ended with an error land here.
        m_ctx.send(s, UploadStatus{0, m.boothId, 0, false, "no upload of this booth was begun"});
        return;
    }
    UploadLink& up = link->second;
    auto held = m_ctx.publisher().uploads().chunk(s.exhibitorId, m.boothId, m.offset, m.bytes);
    if (!held) {
        m_ctx.send(s, UploadStatus{up.requestId, m.boothId, 0, false,
                                   bounded(held.error().message, kMaxReasonLength)});
        m_uploadLinks.erase(link);
        return;
    }
    if (++up.chunksSinceStatus >= kChunksPerStatus || *held >= up.totalBytes) {
        up.chunksSinceStatus = 0;
        m_ctx.send(s, UploadStatus{up.requestId, m.boothId, *held, true, {}});
    }
}

void PublishModule::uploadFinish(Session& s, const UploadFinish& m) {
    auto link = m_uploadLinks.find(s.id);
    if (link == m_uploadLinks.end() || link->second.boothId != m.boothId) {
        m_ctx.send(s, PublishResult{m.requestId, m.boothId, PublishOutcome::Refused, 0,
                                    "no upload of this booth was begun"});
        return;
    }
    m_uploadLinks.erase(link);
    auto bytes = m_ctx.publisher().uploads().finish(s.exhibitorId, m.boothId);
    if (!bytes) {
        m_ctx.send(s, PublishResult{m.requestId, m.boothId, PublishOutcome::Refused, 0,
                                    bounded(bytes.error().message, kMaxPublishReasonsLength)});
        return;
    }
    m_submitWorker->push(
        publish::SubmitJob{s.id, m.requestId, s.exhibitorId, m.boothId, std::move(*bytes),
                           std::make_shared<expo::Exhibition>(m_ctx.exhibition())});
}

void PublishModule::onTick(std::uint32_t, double) {
    for (auto& done : m_submitWorker->takeDone())
        answerSubmission(done);
}

void PublishModule::answerSubmission(publish::SubmitDone& done) {
    const publish::SubmitJob& job = done.job;
    PublishResult out{job.requestId, job.boothId, PublishOutcome::Refused, 0, {}};
    auto submitted = done.checked ? m_ctx.publisher().enqueue(std::move(*done.checked))
                                  : Result<publish::SubmitResult>(done.checked.error());
    if (!submitted) {
        log::info("server: booth '{}' from '{}' refused: {}", job.boothId, job.exhibitorId,
                  submitted.error().message);
        out.reasons = bounded(submitted.error().message, kMaxPublishReasonsLength);
    } else {
        out.outcome = submitted->approved ? PublishOutcome::Approved : PublishOutcome::Queued;
        out.revision = std::uint64_t(submitted->revision);
        out.reasons = warningText(submitted->warnings);
    }
    // The connection may be gone (or its slot reused): answer only the same exhibitor.
    Session* s = m_ctx.session(job.sessionId);
    if (s && s->joined && s->exhibitorId == job.exhibitorId) m_ctx.send(*s, std::move(out));
}

void PublishModule::onBoothPublished(const publish::PublishedRevision& rev) {
    publish::applyRevision(m_ctx.exhibition(), rev);
    // The approval is already a record (submissions); the revision number follows from it.
    auto revision = m_ctx.store().liveExhibitionRevision();
    if (revision)
        m_ctx.setRevision(std::uint64_t(*revision));
    else
        log::error("server: exhibition revision after publishing: {}", revision.error().message);
    log::info("server: booth {} revision {} is live (exhibition revision {})", rev.boothId,
              rev.revision, m_ctx.revision());
    auto msg = revisionMessage(rev, m_ctx.revision());
    if (!msg) return log::error("server: {}", msg.error().message);
    if (Status st = broadcast(m_ctx.bus(), topic::kEveryone, std::move(*msg)); !st)
        log::error("server: {}", st.error().message);
}

// The exhibitor learns of a moderator's rejection while connected (the editor waits for the
// verdict after "queued"); the reason also stays in the queue for `booth pending`.
void PublishModule::tellExhibitorRejected(const publish::Submission& sub) {
    const PublishResult result{0, sub.boothId, PublishOutcome::Refused, 0,
                               bounded(sub.reason, kMaxPublishReasonsLength)};
    for (const Session& s : m_ctx.sessions())
        if (s.joined && s.role == Role::Exhibitor && s.exhibitorId == sub.exhibitorId)
            m_ctx.send(s, result);
}

void PublishModule::onJoin(Session& s) {
    for (const auto& b : m_ctx.exhibition().booths) {
        auto rev = m_ctx.publisher().published(b.id);
        if (!rev) continue;
        if (auto msg = revisionMessage(*rev, m_ctx.revision())) m_ctx.send(s, std::move(*msg));
    }
}

void PublishModule::onLeave(Session& s, LeaveReason) {
    m_uploadLinks.erase(s.id); // the partial file stays: the exhibitor resumes from it
}

} // namespace fg::server
