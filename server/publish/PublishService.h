// Booth publishing on the server: uploads in, checks, content-addressed assets, moderation, and
// the approved revisions that visitors receive. No networking here: ServerApp feeds it messages.
#pragma once

#include "game/booth/BoothBundle.h"
#include "game/booth/PublishedRevision.h"
#include "server/publish/BuiltBundles.h"
#include "server/publish/BundleInspector.h"
#include "server/publish/ContentStore.h"
#include "server/publish/ModerationQueue.h"
#include "server/publish/UploadAssembler.h"

#include <functional>
#include <memory>
#include <optional>

namespace fg::publish {

struct PublishConfig {
    std::filesystem::path dir; // holds assets/, uploads/ and scratch/ (and a legacy queue.json)
    // The server's store, the moderation queue's only record; it must outlive the service. When
    // null (tools, tests) the service opens DIR/fairground.db as its own.
    store::Store* store = nullptr;
    bool autoApprove = false; // approve every bundle that passes the checks
    UploadLimits upload;
    InspectOptions inspect; // scratchDir is set to DIR/scratch when empty
};

// An approved booth as visitors get it (game/booth: the client applies it too).
using booth::PublishedRevision;

// A bundle that passed every check, its bundle, manifest and assets already in the store; what
// enqueue() turns into a pending (or approved) submission.
struct CheckedBundle {
    Submission submission;
    std::vector<booth::BoothProblem> warnings;
};

struct SubmitResult {
    std::string boothId;
    bool approved = false;
    std::int64_t revision = 0; // when approved
    std::vector<booth::BoothProblem> warnings;
};

class PublishService {
public:
    explicit PublishService(PublishConfig config);
    ~PublishService();
    Status open(); // creates the folders, opens the store when none was given, loads the queue

    UploadAssembler& uploads() { return m_uploads; }
    ContentStore& store() { return m_store; }
    const ContentStore& store() const { return m_store; }
    const PublishConfig& config() const { return m_config; }

    // Checks BYTES as EXHIBITORID's booth in EXHIBITION. Refused with the reason(s) when it
    // cannot be read, is not theirs, or has blocking problems; else queued (or approved).
    Result<SubmitResult> submit(const std::string& exhibitorId, std::span<const std::uint8_t> bytes,
                                const expo::Exhibition& exhibition);
    // submit() in two halves. check() is the slow half (sandboxed import, storing assets) and
    // touches only the content store, so a server runs it on a worker thread (one at a time)
    // while it keeps using the service; enqueue() is the fast half, on the owner's thread.
    Result<CheckedBundle> check(const std::string& exhibitorId, std::span<const std::uint8_t> bytes,
                                const expo::Exhibition& exhibition);
    Result<SubmitResult> enqueue(CheckedBundle checked);
    std::vector<Submission> pending() const { return m_queue.pending(); }
    Result<PublishedRevision> approve(const std::string& boothId);
    Status reject(const std::string& boothId, const std::string& reason);
    std::optional<Submission> latest(const std::string& boothId) const {
        return m_queue.latest(boothId);
    }
    std::optional<Submission> approvedSubmission(const std::string& boothId) const {
        return m_queue.approved(boothId);
    }
    // Never-published booths made into stored bundles (the editor opens them from the server).
    BuiltBundles& built() { return m_built; }
    const BuiltBundles& built() const { return m_built; }
    // The booth whose .booth (uploaded or built) is stored as HASH: such bytes are the
    // exhibitor's own and are served only to that exhibitor or an organiser.
    std::optional<std::string> bundleBooth(const Hash128& hash) const;
    // The newest approved revision of BOOTHID, read back from the store.
    std::optional<PublishedRevision> published(const std::string& boothId) const;

    // Called after every approval (console or automatic), e.g. to announce it to visitors.
    void setOnPublished(std::function<void(const PublishedRevision&)> callback) {
        m_onPublished = std::move(callback);
    }
    // Called after every rejection, e.g. to tell the exhibitor why.
    void setOnRejected(std::function<void(const Submission&)> callback) {
        m_onRejected = std::move(callback);
    }

private:
    Result<PublishedRevision> revisionOf(const Submission& sub) const;

    PublishConfig m_config;
    std::unique_ptr<store::Store> m_ownDb; // only when the config names no store
    ContentStore m_store;
    UploadAssembler m_uploads;
    ModerationQueue m_queue;
    BuiltBundles m_built;
    std::function<void(const PublishedRevision&)> m_onPublished;
    std::function<void(const Submission&)> m_onRejected;
};

// One rule for server and client, kept in game/booth.
using booth::applyRevision;

} // namespace fg::publish
