// ServerApp's booth publishing: upload messages in, bundle checks on the SubmitWorker thread,
// moderation commands, and approved revisions applied, persisted and sent to every visitor.
// Must not block the tick: chunks are appended as they arrive, checks run off-thread.
#include "engine/core/Log.h"
#include "game/booth/BoothBundle.h"
#include "game/expo/ExhibitionJson.h"
#include "server/ServerApp.h"
#include "server/publish/PublishConsole.h"
#include "server/store/Store.h"

#include <fmt/format.h>
#include <sstream>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

namespace {

// The server acknowledges every this many chunks (and the last one): with 32 KiB chunks and a
// client window of 256 KiB, the sender never waits for an ack while the window still has room.
constexpr std::uint32_t kChunksPerStatus = 4;

std::string bounded(std::string text, std::size_t max) {
    if (text.size() > max) text.resize(max);
    return text;
}

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

Status ServerApp::startPublish() {
    publish::PublishConfig config;
    config.dir = m_config.publishDir.empty() ? m_config.dataDir / "publish" : m_config.publishDir;
    config.autoApprove = m_config.autoApprove;
    config.store = m_store.get(); // the moderation queue's only record
    m_publish = std::make_unique<publish::PublishService>(std::move(config));
    if (Status st = m_publish->open(); !st) return st.error();
    applyPublishedBooths();
    m_publish->setOnPublished([this](const publish::PublishedRevision& r) { onBoothPublished(r); });
    m_publish->setOnRejected(
        [this](const publish::Submission& sub) { tellExhibitorRejected(sub); });
    m_submitWorker = std::make_unique<publish::SubmitWorker>(*m_publish);
    return {};
}

// Booths approved before a restart (or a reload) are served as approved.
void ServerApp::applyPublishedBooths() {
    for (const auto& b : m_exhibition->booths)
        if (auto rev = m_publish->published(b.id)) publish::applyRevision(*m_exhibition, *rev);
}

std::optional<Result<std::string>> ServerApp::runPublishCommand(std::string_view line) {
    std::istringstream in{std::string(line)};
    std::string word, verb;
    in >> word >> verb;
    if (!publish::isBoothCommand(line) ||
        !(verb == "pending" || verb == "approve" || verb == "reject"))
        return std::nullopt;
    log::info("server: console: {}", line);
    return publish::runBoothCommand(*m_publish, line);
}

// The exhibitor learns of a moderator's rejection while connected (the editor waits for the
// verdict after "queued"); the reason also stays in the queue for `booth pending`.
void ServerApp::tellExhibitorRejected(const publish::Submission& sub) {
    const PublishResult result{0, sub.boothId, PublishOutcome::Refused, 0,
                               bounded(sub.reason, kMaxPublishReasonsLength)};
    for (const auto& s : m_sessions)
        if (s.joined && s.role == Role::Exhibitor && s.exhibitorId == sub.exhibitorId)
            send(s, result);
}

bool ServerApp::handlePublishMessage(Session& s, Message& m) {
    if (auto* begin = std::get_if<UploadBegin>(&m)) return handleUploadBegin(s, *begin), true;
    if (auto* chunk = std::get_if<UploadChunk>(&m)) return handleUploadChunk(s, *chunk), true;
    if (auto* finish = std::get_if<UploadFinish>(&m)) return handleUploadFinish(s, *finish), true;
    return false;
}

void ServerApp::handleUploadBegin(Session& s, const UploadBegin& m) {
    auto refuse = [&](std::string why) {
        log::info("server: upload of '{}' by {} ('{}') refused: {}", m.boothId, s.id, s.name, why);
        send(s, UploadStatus{m.requestId, m.boothId, 0, false, bounded(why, kMaxReasonLength)});
    };
    if (s.role != Role::Exhibitor || s.exhibitorId.empty())
        return refuse("only exhibitors can publish booths; connect with an exhibitor token");
    const expo::Booth* booth = expo::findBooth(*m_exhibition, m.boothId);
    if (!booth) return refuse(fmt::format("booth '{}' does not exist in this event", m.boothId));
    if (booth->exhibitor != s.exhibitorId)
        return refuse(
            fmt::format("booth '{}' belongs to another exhibitor (your token is for '{}')",
                        m.boothId, s.exhibitorId));
    auto held = m_publish->uploads().begin(s.exhibitorId, m.boothId, m.totalBytes, m.hash);
    if (!held) return refuse(held.error().message);
    m_uploadLinks[s.id] = UploadLink{m.requestId, m.boothId, m.totalBytes, 0};
    log::info("server: upload of '{}' by '{}': {} bytes, resuming at {}", m.boothId, s.name,
              m.totalBytes, *held);
    send(s, UploadStatus{m.requestId, m.boothId, *held, true, {}});
}

void ServerApp::handleUploadChunk(Session& s, const UploadChunk& m) {
    auto link = m_uploadLinks.find(s.id);
    if (link == m_uploadLinks.end() || link->second.boothId != m.boothId) {
        // Not a fault: chunks already in flight when an upload ended with an error land here.
        send(s, UploadStatus{0, m.boothId, 0, false, "no upload of this booth was begun"});
        return;
    }
    UploadLink& up = link->second;
    auto held = m_publish->uploads().chunk(s.exhibitorId, m.boothId, m.offset, m.bytes);
    if (!held) {
        send(s, UploadStatus{up.requestId, m.boothId, 0, false,
                             bounded(held.error().message, kMaxReasonLength)});
        m_uploadLinks.erase(link);
        return;
    }
    if (++up.chunksSinceStatus >= kChunksPerStatus || *held >= up.totalBytes) {
        up.chunksSinceStatus = 0;
        send(s, UploadStatus{up.requestId, m.boothId, *held, true, {}});
    }
}

void ServerApp::handleUploadFinish(Session& s, const UploadFinish& m) {
    auto link = m_uploadLinks.find(s.id);
    if (link == m_uploadLinks.end() || link->second.boothId != m.boothId) {
        send(s, PublishResult{m.requestId, m.boothId, PublishOutcome::Refused, 0,
                              "no upload of this booth was begun"});
        return;
    }
    m_uploadLinks.erase(link);
    auto bytes = m_publish->uploads().finish(s.exhibitorId, m.boothId);
    if (!bytes) {
        send(s, PublishResult{m.requestId, m.boothId, PublishOutcome::Refused, 0,
                              bounded(bytes.error().message, kMaxPublishReasonsLength)});
        return;
    }
    m_submitWorker->push(publish::SubmitJob{s.id, m.requestId, s.exhibitorId, m.boothId,
                                            std::move(*bytes),
                                            std::make_shared<expo::Exhibition>(*m_exhibition)});
}

void ServerApp::pumpPublish() {
    pumpBoothFetch(); // ServerAppBoothFetch.cpp
    for (auto& done : m_submitWorker->takeDone()) {
        const publish::SubmitJob& job = done.job;
        PublishResult out{job.requestId, job.boothId, PublishOutcome::Refused, 0, {}};
        auto submitted = done.checked ? m_publish->enqueue(std::move(*done.checked))
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
        Session* s = session(job.sessionId);
        if (s && s->joined && s->exhibitorId == job.exhibitorId) send(*s, std::move(out));
    }
}

void ServerApp::onBoothPublished(const publish::PublishedRevision& rev) {
    publish::applyRevision(*m_exhibition, rev);
    auto revision =
        m_store->storeExhibition(expo::toJson(*m_exhibition),
                                 fmt::format("publish {} revision {}", rev.boothId, rev.revision));
    if (revision)
        m_revision = std::uint64_t(*revision);
    else
        log::error("server: storing the exhibition after publishing: {}", revision.error().message);
    log::info("server: booth {} revision {} is live (exhibition revision {})", rev.boothId,
              rev.revision, m_revision);
    auto msg = revisionMessage(rev, m_revision);
    if (!msg) return log::error("server: {}", msg.error().message);
    for (const auto& s : m_sessions)
        if (s.joined) send(s, *msg);
}

void ServerApp::sendPublishedBooths(const Session& s) {
    for (const auto& b : m_exhibition->booths) {
        auto rev = m_publish->published(b.id);
        if (!rev) continue;
        if (auto msg = revisionMessage(*rev, m_revision)) send(s, std::move(*msg));
    }
}

void ServerApp::dropUpload(const Session& s) {
    m_uploadLinks.erase(s.id); // the partial file stays: the exhibitor resumes from it
}

} // namespace fg::server
