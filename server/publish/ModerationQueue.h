// The moderation queue: submitted booth revisions waiting for the organiser, and the decisions.
// Its only record is the server's store (StorePublishing.cpp), read once at load(); holds
// references (hashes), never bundle bytes.
#pragma once

#include "engine/core/Hash.h"
#include "engine/core/Result.h"
#include "engine/core/Time.h"
#include "server/store/StoreTypes.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fg::store {
class Store;
}

namespace fg::publish {

// One definition of a submission, shared with the store that keeps it.
using store::Submission;
using store::SubmissionState;
const char* toString(SubmissionState state); // "pending", "approved", "rejected"

class ModerationQueue {
public:
    // LEGACYFILE: where servers before the store kept the queue (DIR/queue.json); imported once.
    explicit ModerationQueue(std::filesystem::path legacyFile);
    // Reads the queue from STORE (kept for every later change), importing the legacy file first.
    Status load(store::Store& store);

    // Adds SUB as pending, replacing an earlier pending submission of the same booth.
    Status submit(Submission sub);
    std::vector<Submission> pending() const;
    // Marks BOOTHID's pending submission approved with the booth's next revision.
    Result<Submission> approve(const std::string& boothId);
    Result<Submission> reject(const std::string& boothId, const std::string& reason);
    // The newest approved submission of BOOTHID.
    std::optional<Submission> approved(const std::string& boothId) const;
    // The newest submission of BOOTHID in any state (what the exhibitor sees).
    std::optional<Submission> latest(const std::string& boothId) const;
    // The booth whose submission (in any state) uploaded the .booth named BUNDLE.
    std::optional<std::string> boothOfBundle(const Hash128& bundle) const;

private:
    Result<Submission> decide(Submission decided);
    Submission* findPending(const std::string& boothId);

    std::filesystem::path m_legacyFile;
    store::Store* m_store = nullptr;
    std::vector<Submission> m_items; // oldest first, as the store returns them
};

// Reads a queue.json written by servers before the store held the queue; every damaged entry
// is an error naming the file and its index.
Result<std::vector<Submission>> readLegacyQueue(const std::filesystem::path& file);
// Moves a legacy queue.json into an empty queue table, then renames it FILE.imported. A file
// left by a crash after the import (the table already filled) is only renamed.
Status importLegacyQueue(const std::filesystem::path& file, store::Store& store);

} // namespace fg::publish
