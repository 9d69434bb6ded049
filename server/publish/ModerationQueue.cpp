// Moderation queue state and its JSON persistence.
// Must not look into bundles or decide policy (auto-approval is PublishService's).
#include "server/publish/ModerationQueue.h"

#include "engine/core/File.h"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace fg::publish {

namespace {

using Json = nlohmann::json;

Json toJson(const Submission& s) {
    return {{"booth", s.boothId},
            {"exhibitor", s.exhibitorId},
            {"state", toString(s.state)},
            {"reason", s.reason},
            {"submitted_at", s.submittedAt},
            {"bundle", toHex(s.bundle)},
            {"manifest", toHex(s.manifest)},
            {"revision", s.revision},
            {"warnings", s.warnings}};
}

bool fromJson(const Json& j, Submission& s) {
    try {
        s.boothId = j.at("booth").get<std::string>();
        s.exhibitorId = j.at("exhibitor").get<std::string>();
        std::string state = j.at("state").get<std::string>();
        s.state = state == "approved"   ? SubmissionState::Approved
                  : state == "rejected" ? SubmissionState::Rejected
                                        : SubmissionState::Pending;
        s.reason = j.at("reason").get<std::string>();
        s.submittedAt = j.at("submitted_at").get<std::int64_t>();
        s.revision = j.at("revision").get<std::int64_t>();
        s.warnings = j.at("warnings").get<std::uint32_t>();
        return parseHex(j.at("bundle").get<std::string>(), s.bundle) &&
               parseHex(j.at("manifest").get<std::string>(), s.manifest);
    } catch (const Json::exception&) {
        return false;
    }
}

} // namespace

const char* toString(SubmissionState state) {
    switch (state) {
    case SubmissionState::Pending:
        return "pending";
    case SubmissionState::Approved:
        return "approved";
    case SubmissionState::Rejected:
        return "rejected";
    }
    return "?";
}

ModerationQueue::ModerationQueue(std::filesystem::path file) : m_file(std::move(file)) {}

Status ModerationQueue::load() {
    m_items.clear();
    std::error_code ec;
    if (!std::filesystem::exists(m_file, ec)) return {};
    auto text = readFileText(m_file);
    if (!text) return text.error();
    Json j = Json::parse(*text, nullptr, false);
    if (!j.is_array()) return makeError(m_file.string() + ": not a JSON array");
    for (std::size_t i = 0; i < j.size(); ++i) {
        Submission s;
        if (!fromJson(j[i], s))
            return makeError(fmt::format("{}: [{}]: damaged submission", m_file.string(), i));
        m_items.push_back(std::move(s));
    }
    return {};
}

Status ModerationQueue::save() const {
    Json j = Json::array();
    for (const auto& s : m_items)
        j.push_back(toJson(s));
    return writeFileAtomic(m_file, j.dump(1) + "\n");
}

Submission* ModerationQueue::findPending(const std::string& boothId) {
    for (auto& s : m_items)
        if (s.boothId == boothId && s.state == SubmissionState::Pending) return &s;
    return nullptr;
}

Status ModerationQueue::submit(Submission sub) {
    sub.state = SubmissionState::Pending;
    sub.revision = 0;
    std::erase_if(m_items, [&](const Submission& s) {
        return s.boothId == sub.boothId && s.state == SubmissionState::Pending;
    });
    m_items.push_back(std::move(sub));
    return save();
}

std::vector<Submission> ModerationQueue::pending() const {
    std::vector<Submission> out;
    for (const auto& s : m_items)
        if (s.state == SubmissionState::Pending) out.push_back(s);
    return out;
}

Result<Submission> ModerationQueue::approve(const std::string& boothId) {
    Submission* s = findPending(boothId);
    if (!s) return makeError(fmt::format("booth {}: nothing pending", boothId));
    auto last = approved(boothId);
    s->state = SubmissionState::Approved;
    s->revision = last ? last->revision + 1 : 1;
    Submission out = *s;
    if (Status st = save(); !st) return st.error();
    return out;
}

Result<Submission> ModerationQueue::reject(const std::string& boothId, const std::string& reason) {
    Submission* s = findPending(boothId);
    if (!s) return makeError(fmt::format("booth {}: nothing pending", boothId));
    s->state = SubmissionState::Rejected;
    s->reason = reason;
    Submission out = *s;
    if (Status st = save(); !st) return st.error();
    return out;
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
