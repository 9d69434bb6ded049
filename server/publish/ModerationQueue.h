// The moderation queue: submitted booth revisions waiting for the organiser, and the decisions.
// Persisted as one JSON file written atomically; holds references (hashes), never bundle bytes.
#pragma once

#include "engine/core/Hash.h"
#include "engine/core/Result.h"
#include "engine/core/Time.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fg::publish {

enum class SubmissionState : std::uint8_t { Pending, Approved, Rejected };
const char* toString(SubmissionState state); // "pending", "approved", "rejected"

struct Submission {
    std::string boothId;
    std::string exhibitorId;
    SubmissionState state = SubmissionState::Pending;
    std::string reason; // why it was rejected
    UnixSeconds submittedAt = 0;
    Hash128 bundle;            // the uploaded .booth in the content store
    Hash128 manifest;          // booth.json with files replaced by asset hashes
    std::int64_t revision = 0; // assigned when approved
    std::uint32_t warnings = 0;
};

class ModerationQueue {
public:
    explicit ModerationQueue(std::filesystem::path file);
    // Reads the file (a missing file is an empty queue).
    Status load();

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
    Status save() const;
    Submission* findPending(const std::string& boothId);

    std::filesystem::path m_file;
    std::vector<Submission> m_items; // oldest first
};

} // namespace fg::publish
