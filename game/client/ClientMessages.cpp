// The core's share of server messages (ActionResult refusals, announcements) and the core script
// actions (walk-to, teleport, help, quit). Feature messages and actions live in the features.
#include "engine/core/Log.h"
#include "engine/core/Translate.h"
#include "game/client/ClientState.h"
#include "game/client/ClientTry.h"
#include "game/client/LocalText.h"

#include <fmt/format.h>

namespace fg::client {

void onActionResult(Session& s, const proto::ActionResult& r) {
    const PendingRequest* what = s.pending.find(r.requestId);
    if (!r.ok) {
        const std::string kind = what ? pendingName(*what) : "";
        toast(s,
              r.text.empty() ? trf("the server refused: {}", tr(kind.c_str())) : serverText(r.text),
              true);
    }
    s.pending.resolve(r); // unknown ids (a teleport, an answered request) end here
}

void onAnnouncement(Session& s, const proto::Announcement& a) {
    s.banners.push_back(a);
    s.banners.back().text = uiText(s, a.text);
    s.banners.back().from = uiText(s, a.from);
    log::info("client: announcement from {}: {}", a.from, a.text);
}

std::string joinArgs(const std::vector<std::string>& args) {
    std::string out;
    for (const auto& a : args)
        out += (out.empty() ? "" : " ") + a;
    return out;
}

Status needArgs(const std::string& name, const std::vector<std::string>& args, std::size_t n) {
    if (args.size() < n) return makeError(fmt::format("action {}: needs {} argument(s)", name, n));
    return {};
}

Status actionRan(bool ok, const std::string& name, const std::vector<std::string>& args) {
    if (!ok) return makeError(fmt::format("action {} {} could not run now", name, joinArgs(args)));
    return {};
}

std::optional<Status> runCoreAction(Session& s, const std::string& name,
                                    const std::vector<std::string>& args) {
    if (name == "walk-to") {
        FG_CLIENT_TRY(needArgs(name, args, 1));
        return actionRan(goToBooth(s, args[0]), name, args);
    }
    if (name == "teleport") {
        FG_CLIENT_TRY(needArgs(name, args, 1));
        const bool ok =
            boothIndex(s, args[0]) >= 0 ? teleportToBooth(s, args[0]) : teleportToVenue(s, args[0]);
        return actionRan(ok, name, args);
    }
    if (name == "help") {
        s.help = !s.help;
        return Status{};
    }
    if (name == "quit") {
        s.quit = true;
        return Status{};
    }
    return std::nullopt;
}

} // namespace fg::client
