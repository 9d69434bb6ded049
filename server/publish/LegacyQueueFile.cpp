// queue.json, the moderation queue's file before the store held it: read once, imported, renamed.
// Never written any more; must not touch a store that already holds the queue.
#include "engine/core/File.h"
#include "engine/core/Log.h"
#include "server/publish/ModerationQueue.h"
#include "server/store/Store.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace fg::publish {

namespace {

using Json = nlohmann::json;

std::optional<SubmissionState> parseState(const std::string& state) {
    if (state == "pending") return SubmissionState::Pending;
    if (state == "approved") return SubmissionState::Approved;
    if (state == "rejected") return SubmissionState::Rejected;
    return std::nullopt;
}

// The entry's fields, or what is wrong with it.
Result<Submission> fromJson(const Json& j) {
    try {
        Submission s;
        s.boothId = j.at("booth").get<std::string>();
        s.exhibitorId = j.at("exhibitor").get<std::string>();
        const std::string state = j.at("state").get<std::string>();
        auto parsed = parseState(state);
        if (!parsed) return makeError(fmt::format("unknown state '{}'", state));
        s.state = *parsed;
        s.reason = j.at("reason").get<std::string>();
        s.submittedAt = j.at("submitted_at").get<std::int64_t>();
        s.revision = j.at("revision").get<std::int64_t>();
        s.warnings = j.at("warnings").get<std::uint32_t>();
        if (!parseHex(j.at("bundle").get<std::string>(), s.bundle) ||
            !parseHex(j.at("manifest").get<std::string>(), s.manifest))
            return makeError("bundle or manifest is not a 32-digit hash");
        if ((s.state == SubmissionState::Approved) != (s.revision > 0))
            return makeError(fmt::format("{} with revision {}", state, s.revision));
        return s;
    } catch (const Json::exception& e) {
        return makeError(e.what());
    }
}

} // namespace

Result<std::vector<Submission>> readLegacyQueue(const std::filesystem::path& file) {
    auto text = readFileText(file);
    if (!text) return text.error();
    Json j = Json::parse(*text, nullptr, false);
    if (!j.is_array()) return makeError(file.string() + ": not a JSON array");
    std::vector<Submission> out;
    for (std::size_t i = 0; i < j.size(); ++i) {
        auto s = fromJson(j[i]);
        if (!s)
            return makeError(fmt::format("{}: [{}]: damaged submission: {}", file.string(), i,
                                         s.error().message));
        out.push_back(std::move(*s));
    }
    return out;
}

Status importLegacyQueue(const std::filesystem::path& file, store::Store& store) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return {};
    auto existing = store.submissions();
    if (!existing) return existing.error();
    if (existing->empty()) {
        auto legacy = readLegacyQueue(file);
        if (!legacy) return legacy.error();
        if (Status st = store.importSubmissions(*legacy); !st) return st;
        log::info("publish: imported {} submissions from {} into the store", legacy->size(),
                  file.string());
    } else {
        log::warn("publish: {} was imported before; only renaming it", file.string());
    }
    std::filesystem::path done = file;
    done += ".imported";
    std::filesystem::rename(file, done, ec);
    if (ec) return makeError(fmt::format("{}: cannot rename: {}", file.string(), ec.message()));
    return {};
}

} // namespace fg::publish
