// RoundtableFeature's script actions (docs/CLIENT.md): floor-request, floor-withdraw,
// floor-window and the moderator's floor-next|give|remove|up|down|time|add|stop|clear, as a person
// would click them. Requests only.
#include "game/client/ClientTry.h"
#include "game/client/roundtable/RoundtableFeature.h"

#include <charconv>
#include <fmt/format.h>

namespace fg::client {

using namespace fg::expo::proto;

namespace {

std::string joined(const std::vector<std::string>& args) {
    std::string out;
    for (const std::string& a : args)
        out += (out.empty() ? "" : " ") + a;
    return out;
}

} // namespace

Result<std::uint16_t> RoundtableFeature::personNamed(const std::string& name) const {
    const SpeakingList* l = list();
    if (!l) return makeError("floor: you attend no live roundtable");
    for (const FloorEntry& e : l->queue)
        if (e.name == name && e.clientId != 0) return e.clientId;
    for (const auto& r : m_s.remotes)
        if (r.info && r.info->name == name) return r.id;
    return makeError(fmt::format("floor: nobody called \"{}\" here", name));
}

Status RoundtableFeature::moderatorAction(const std::string& name,
                                          const std::vector<std::string>& args) {
    const std::pair<const char*, FloorAction> plain[] = {{"floor-next", FloorAction::Next},
                                                         {"floor-stop", FloorAction::Stop},
                                                         {"floor-clear", FloorAction::Clear}};
    for (const auto& [verb, action] : plain)
        if (name == verb) return actionRan(control(action), name, args);
    if (name == "floor-time" || name == "floor-add") {
        FG_CLIENT_TRY(needArgs(name, args, 1));
        std::uint32_t seconds = 0;
        const std::string& a = args[0];
        auto [end, ec] = std::from_chars(a.data(), a.data() + a.size(), seconds);
        if (ec != std::errc() || end != a.data() + a.size())
            return makeError(fmt::format("{}: \"{}\" is not a number of seconds", name, a));
        return actionRan(
            control(name == "floor-time" ? FloorAction::SetTime : FloorAction::AddTime, 0, seconds),
            name, args);
    }
    const std::pair<const char*, FloorAction> named[] = {{"floor-give", FloorAction::Give},
                                                         {"floor-remove", FloorAction::Remove},
                                                         {"floor-up", FloorAction::MoveUp},
                                                         {"floor-down", FloorAction::MoveDown}};
    for (const auto& [verb, action] : named)
        if (name == verb) {
            FG_CLIENT_TRY(needArgs(name, args, 1));
            auto id = personNamed(joined(args));
            if (!id) return id.error();
            return actionRan(control(action, *id), name, args);
        }
    return makeError(name + ": unknown");
}

std::optional<Status> RoundtableFeature::runAction(const std::string& name,
                                                   const std::vector<std::string>& args) {
    if (name.rfind("floor-", 0) != 0) return std::nullopt;
    if (name == "floor-window") {
        m_window = args.empty() || args[0] != "off";
        return Status{};
    }
    if (name == "floor-request" || name == "floor-withdraw")
        return actionRan(requestFloor(name == "floor-request"), name, args);
    return moderatorAction(name, args);
}

} // namespace fg::client
