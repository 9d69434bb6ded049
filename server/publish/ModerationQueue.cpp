// Moderation queue state: decisions in memory mirror the store's rows, written store first.
// Must not look into bundles or decide policy (auto-approval is PublishService's).
#include "server/publish/ModerationQueue.h"

#include "server/store/Store.h"

#include <algorithm>
#include <fmt/format.h>

namespace fg::publish {

const char* toString(SubmissionState state) {
    return store::submissionStateName(state);
}

ModerationQueue::ModerationQueue(std::filesystem::path legacyFile)
    : m_legacyFile(std::move(legacyFile)) {}

Status ModerationQueue::load(store::Store& store) {
    m_store = &store;
    m_items.clear();
    if (Status st = importLegacyQueue(m_legacyFile, store); !st) return st;
    auto rows = store.submissions();
    if (!rows) return rows.error();
    m_items = std::move(*rows);
    return {};
}

Submission* ModerationQueue::findPending(const std::string& boothId) {
    for (auto& s : m_items)
        if (s.boothId == boothId && s.state == SubmissionState::Pending) return &s;
    return nullptr;
}

Status ModerationQueue::submit(Submission sub) {
    if (!m_store) return makeError("moderation queue: not loaded");
    sub.state = SubmissionState::Pending;
    sub.revision = 0;
    if (Status st = m_store->submitPending(sub); !st) return st;
    std::erase_if(m_items, [&](const Submission& s) {
        return s.boothId == sub.boothId && s.state == SubmissionState::Pending;
    });
    m_items.push_back(std::move(sub));
    return {};
}

std::vector<Submission> ModerationQueue::pending() const {
    std::vector<Submission> out;
    for (const auto& s : m_items)
        if (s.state == SubmissionState::Pending) out.push_back(s);
    return out;
}

// Records DECIDED (its booth's pending submission, now approved or rejected) in the store and
// then in memory, so a failed write leaves both as they were.
Result<Submission> ModerationQueue::decide(Submission decided) {
    if (!m_store) return makeError("moderation queue: not loaded");
    if (Status st = m_store->decideSubmission(decided); !st) return st.error();
    *findPending(decided.boothId) = decided;
    return decided;
}

Result<Submission> ModerationQueue::approve(const std::string& boothId) {
    const Submission* s = findPending(boothId);
    if (!s) return makeError(fmt::format("booth {}: nothing pending", boothId));
    auto last = approved(boothId);
    Submission out = *s;
    out.state = SubmissionState::Approved;
    out.revision = last ? last->revision + 1 : 1;
    return decide(std::move(out));
}

Result<Submission> ModerationQueue::reject(const std::string& boothId, const std::string& reason) {
    const Submission* s = findPending(boothId);
    if (!s) return makeError(fmt::format("booth {}: nothing pending", boothId));
    Submission out = *s;
    out.state = SubmissionState::Rejected;
    out.reason = reason;
    return decide(std::move(out));
}

std::optional<Submission> ModerationQueue::approved(const std::string& boothId) const {
    for (auto it = m_items.rbegin(); it != m_items.rend(); ++it)
        if (it->boothId == boothId && it->state == SubmissionState::Approved) return *it;
    return std::nullopt;
}

std::optional<Submission> ModerationQueue::latest(const std::string& boothId) const {
    for (auto it = m_items.rbegin(); it != m_items.rend(); ++it)
        if (it->boothId == boothId) return *it;
    return std::nullopt;
}

std::optional<std::string> ModerationQueue::boothOfBundle(const Hash128& bundle) const {
    for (const auto& s : m_items)
        if (s.bundle == bundle) return s.boothId;
    return std::nullopt;
}

} // namespace fg::publish
