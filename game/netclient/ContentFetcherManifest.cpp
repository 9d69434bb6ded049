// Reading a served manifest (fg_expo's validation with asset names for file references) and the
// blocking download of an exhibition for the loading screen. Never writes outside the cache.
#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "game/expo/ExhibitionJson.h"
#include "game/expo/protocol/ContentNames.h"
#include "game/netclient/ContentFetcher.h"
#include "game/netclient/NetClient.h"

#include <fmt/format.h>
#include <set>

namespace fg::netclient {

namespace {

// fg_expo checks file references as authoring files in a folder (extension, existence, size)
// and reports each at the reference's own path. In a manifest they are asset names, checked by
// checkReferences instead (and by hash when fetched), so problems at those paths are replaced.
bool isReferenceProblem(const expo::Problem& p) {
    static const char* kSuffixes[] = {".flag",      ".logo",  ".image", ".file",
                                      ".thumbnail", ".photo", ".poster"};
    for (const char* suffix : kSuffixes) {
        std::string_view s(suffix);
        if (p.path.size() > s.size() && p.path.ends_with(s)) return true;
    }
    // sessions[i].deck and sessions[i].deck[j]: page textures in a manifest.
    return p.path.starts_with("sessions[") &&
           (p.path.ends_with(".deck") || p.path.find(".deck[") != std::string::npos);
}

Status checkReferences(const expo::Exhibition& ex) {
    std::string bad;
    expo::forEachFileReference(ex, [&](const std::string& reference, expo::FileKind kind) {
        expo::AssetName parsed;
        if (bad.empty() && (!expo::parseAssetName(reference, parsed) ||
                            !expo::assetExtensionFits(parsed.extension, kind)))
            bad = reference;
    });
    if (!bad.empty())
        return makeError(fmt::format("manifest: '{}' is not an asset name of its kind", bad));
    return {};
}

} // namespace

Result<expo::Exhibition> readManifest(std::string_view json) {
    // An empty folder: no reference may resolve to a local file by accident.
    expo::LoadReport report = expo::parseExhibition(json, std::filesystem::path(), "manifest");
    std::string text;
    std::size_t count = 0;
    for (const auto& p : report.problems) {
        if (isReferenceProblem(p)) continue;
        ++count;
        text += '\n'; // appended apart: GCC 12 -O3 warns falsely (-Wrestrict) on "\n" + string
        text += p.toString();
    }
    if (!report.exhibition) return makeError("manifest: not an exhibition" + text);
    if (count > 0) return makeError(fmt::format("manifest: {} problem(s){}", count, text));
    if (Status st = checkReferences(*report.exhibition); !st) return st.error();
    return std::move(*report.exhibition);
}

std::vector<std::string> assetNamesOf(const expo::Exhibition& ex) {
    std::vector<std::string> names;
    std::set<std::string> seen;
    expo::forEachFileReference(ex, [&](const std::string& reference, expo::FileKind) {
        if (seen.insert(reference).second) names.push_back(reference);
    });
    return names;
}

Status waitForFetches(NetClient& client, ContentFetcher& fetcher, const FetchProgressFn& progress,
                      double timeoutSeconds) {
    const double deadline = monotonicSeconds() + timeoutSeconds;
    const std::size_t earlierErrors = fetcher.errors().size();
    while (fetcher.busy()) {
        if (client.state() != ClientState::Joined)
            return makeError("content: the connection to the server was lost while downloading");
        if (monotonicSeconds() > deadline)
            return makeError(fmt::format("content: download not finished after {:.0f} s ({} of {} "
                                         "files)",
                                         timeoutSeconds, fetcher.progress().filesDone,
                                         fetcher.progress().filesTotal));
        fetcher.update();
        client.update(10);
        if (progress) progress(fetcher.progress(), "downloading");
    }
    const auto& errors = fetcher.errors();
    if (errors.size() > earlierErrors) {
        std::string text =
            fmt::format("content: {} file(s) could not be fetched:", errors.size() - earlierErrors);
        for (std::size_t i = earlierErrors; i < errors.size(); ++i)
            text += "\n  " + errors[i];
        return makeError(text);
    }
    return {};
}

Result<DownloadedExhibition> downloadExhibition(NetClient& client, ContentFetcher& fetcher,
                                                const FetchProgressFn& progress,
                                                double timeoutSeconds) {
    const double t0 = monotonicSeconds();
    fetcher.attach(client);
    fetcher.requestManifest();
    if (Status st = waitForFetches(client, fetcher, progress, timeoutSeconds); !st)
        return st.error();
    auto json = fetcher.takeManifest();
    if (!json) return makeError("content: the server sent no manifest");
    auto ex = readManifest(*json);
    if (!ex) return ex.error();
    for (const std::string& name : assetNamesOf(*ex))
        if (Status st = fetcher.want(name); !st) return st.error();
    const double left = timeoutSeconds - (monotonicSeconds() - t0);
    if (Status st = waitForFetches(client, fetcher, progress, left); !st) return st.error();
    DownloadedExhibition out{std::move(*ex), fetcher.dir(), fetcher.progress(),
                             monotonicSeconds() - t0};
    const FetchProgress& p = out.progress;
    log::info("content: exhibition ready in {:.2f} s: {} files, {} cached, {} downloaded ({} "
              "bytes received), {} requests",
              out.seconds, p.filesTotal, p.filesCached, p.filesTotal - p.filesCached - p.failed,
              p.bytesReceived, p.requests);
    return out;
}

} // namespace fg::netclient
