// Parsing and output of the booth moderation console commands.
// Must not touch the network or the console's own registry; it only calls PublishService.
#include "server/publish/PublishConsole.h"

#include <fmt/format.h>
#include <sstream>

namespace fg::publish {

namespace {

constexpr const char* kUsage =
    "usage: booth pending | booth approve BOOTH | booth reject BOOTH REASON";

std::string pendingTable(const PublishService& service) {
    auto pending = service.pending();
    if (pending.empty()) return "no booths waiting for approval\n";
    std::string out =
        fmt::format("{:<24} {:<24} {:<21} {}\n", "booth", "exhibitor", "submitted", "warnings");
    for (const auto& s : pending)
        out += fmt::format("{:<24} {:<24} {:<21} {}\n", s.boothId, s.exhibitorId,
                           formatUtcTimestamp(s.submittedAt), s.warnings);
    return out;
}

} // namespace

bool isBoothCommand(std::string_view line) {
    std::istringstream in{std::string(line)};
    std::string word;
    in >> word;
    return word == "booth";
}

Result<std::string> runBoothCommand(PublishService& service, std::string_view line) {
    std::istringstream in{std::string(line)};
    std::string word, verb, booth;
    in >> word >> verb >> booth;
    if (word != "booth" || verb.empty()) return makeError(kUsage);
    if (verb == "pending" && booth.empty()) return pendingTable(service);
    if (verb == "approve" && !booth.empty()) return approveBooth(service, booth);
    if (verb == "reject" && !booth.empty()) {
        std::string reason;
        std::getline(in, reason);
        reason.erase(0, reason.find_first_not_of(' '));
        return rejectBooth(service, booth, reason);
    }
    return makeError(kUsage);
}

Result<std::string> approveBooth(PublishService& service, const std::string& boothId) {
    auto rev = service.approve(boothId);
    if (!rev) return rev.error();
    return fmt::format("booth {} approved: revision {} ({} assets)\n", boothId, rev->revision,
                       rev->assets.size());
}

Result<std::string> rejectBooth(PublishService& service, const std::string& boothId,
                                const std::string& reason) {
    if (reason.empty()) return makeError("booth reject needs a reason the exhibitor can read");
    if (Status st = service.reject(boothId, reason); !st) return st.error();
    return fmt::format("booth {} rejected: {}\n", boothId, reason);
}

} // namespace fg::publish
