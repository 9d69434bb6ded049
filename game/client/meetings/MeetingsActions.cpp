// MeetingsFeature's script actions (docs/CLIENT.md): request-meeting, answer-meeting,
// propose-meeting, accept-proposal, decline-proposal, cancel-meeting, set-meeting-hours,
// meeting-slots, meetings-window, meetings-section, export-ics. Each one what a person could
// click; the server checks it like a click.
#include "engine/core/Translate.h"
#include "game/client/ClientTry.h"
#include "game/client/meetings/MeetingsFeature.h"
#include "game/expo/MeetingHours.h"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>

namespace fg::client {

using proto::MeetingAction;
using proto::MeetingState;

bool MeetingsFeature::ownsBooth(const expo::Booth& b) const {
    const netclient::NetClient* c = joinedClient(m_s);
    if (!c) return false;
    if (c->welcome().role == proto::Role::Organiser) return true;
    return c->welcome().role == proto::Role::Exhibitor && c->welcome().exhibitorId == b.exhibitor;
}

// "newest": the newest meeting this action applies to (the booth's side for the booth's
// answers, mine as a visitor for proposals, either for cancel); else a meeting id.
Result<std::uint64_t> MeetingsFeature::pickMeeting(const std::string& what, const std::string& arg,
                                                   MeetingAction action) const {
    if (arg != "newest") {
        char* end = nullptr;
        const std::uint64_t id = std::strtoull(arg.c_str(), &end, 10);
        if (arg.empty() || *end != '\0')
            return makeError(fmt::format("{}: \"{}\" is not a meeting id", what, arg));
        return id;
    }
    for (auto it = m_meetings.rbegin(); it != m_meetings.rend(); ++it) {
        const proto::MeetingInfo& m = it->second;
        const bool hostAction = action == MeetingAction::Accept ||
                                action == MeetingAction::Decline ||
                                action == MeetingAction::Propose;
        if (hostAction && m.asHost && m.state == MeetingState::Requested) return m.id;
        if (!hostAction && action != MeetingAction::Cancel && !m.asHost &&
            m.state == MeetingState::Proposed)
            return m.id;
        if (action == MeetingAction::Cancel &&
            (m.state == MeetingState::Requested || m.state == MeetingState::Proposed ||
             m.state == MeetingState::Accepted))
            return m.id;
    }
    return makeError(fmt::format("{}: no meeting to answer yet", what));
}

// request-meeting [first|TIME] [NOTE...] at the open booth: its first slot free for me, or the
// slot starting at TIME (YYYY-MM-DDTHH:MM:SSZ).
Status MeetingsFeature::requestAction(const std::vector<std::string>& args) {
    const expo::Booth* b = selectedBooth(m_s);
    if (!b) return makeError("request-meeting: no booth is open");
    const proto::MeetingSlots* s = slots(b->id);
    if (!s) return makeError("request-meeting: the booth's slots have not arrived yet");
    std::size_t noteFrom = 0;
    UnixSeconds start = 0;
    if (!args.empty() && args[0] != "first") {
        if (auto t = parseUtcTimestamp(args[0])) start = *t, noteFrom = 1;
    } else if (!args.empty()) {
        noteFrom = 1;
    }
    if (start == 0) {
        auto it = std::find_if(s->slots.begin(), s->slots.end(), [&](const proto::MeetingSlot& x) {
            return !slotRefusal(*s, x, m_meetings);
        });
        if (it == s->slots.end()) return makeError("request-meeting: no free slot at " + b->id);
        start = it->startUnix;
    }
    const std::vector<std::string> note(args.begin() + long(noteFrom), args.end());
    return actionRan(request(b->id, start, joinArgs(note)), "request-meeting", args);
}

// answer-meeting ID|newest accept|decline [REASON...], propose-meeting ID|newest [next|TIME],
// accept-proposal ID|newest, decline-proposal ID|newest [REASON...],
// cancel-meeting ID|newest [REASON...].
Status MeetingsFeature::answerAction(const std::string& name,
                                     const std::vector<std::string>& args) {
    FG_CLIENT_TRY(needArgs(name, args, name == "answer-meeting" ? 2 : 1));
    MeetingAction action = MeetingAction::Cancel;
    std::size_t reasonFrom = 1;
    if (name == "answer-meeting") {
        if (args[1] != "accept" && args[1] != "decline")
            return makeError(
                fmt::format("answer-meeting: expected accept or decline, found \"{}\"", args[1]));
        action = args[1] == "accept" ? MeetingAction::Accept : MeetingAction::Decline;
        reasonFrom = 2;
    } else if (name == "propose-meeting") {
        action = MeetingAction::Propose;
    } else if (name == "accept-proposal") {
        action = MeetingAction::AcceptProposal;
    } else if (name == "decline-proposal") {
        action = MeetingAction::DeclineProposal;
    }
    auto id = pickMeeting(name, args[0], action);
    if (!id) return Status(id.error());
    UnixSeconds start = 0;
    if (action == MeetingAction::Propose) {
        auto it = m_meetings.find(*id);
        if (it == m_meetings.end()) return makeError(fmt::format("{}: no meeting #{}", name, *id));
        // "next": the slot right after the requested one (the server checks it is a slot).
        start = meetingEnd(it->second);
        if (args.size() > 1 && args[1] != "next") {
            auto t = parseUtcTimestamp(args[1]);
            if (!t) return Status(t.error());
            start = *t;
        }
        reasonFrom = args.size();
    }
    const std::vector<std::string> reason(args.begin() + long(std::min(reasonFrom, args.size())),
                                          args.end());
    return actionRan(answer(*id, action, start, joinArgs(reason)), name, args);
}

// set-meeting-hours BOOTH off | BOOTH FROM TO SLOT TABLES [DAY...]
Status MeetingsFeature::hoursAction(const std::vector<std::string>& args) {
    const char* name = "set-meeting-hours";
    if (args.size() == 2 && args[1] == "off")
        return actionRan(setHours(args[0], std::nullopt), name, args);
    if (args.size() < 5)
        return makeError("set-meeting-hours: expected BOOTH off, or BOOTH FROM TO SLOT TABLES "
                         "[DAY...]");
    expo::MeetingHours h;
    auto from = expo::parseClock(args[1]);
    auto to = expo::parseClock(args[2]);
    if (!from) return Status(from.error());
    if (!to) return Status(to.error());
    h.fromMinute = *from;
    h.toMinute = *to;
    h.slotMinutes = std::atoi(args[3].c_str());
    h.tables = std::atoi(args[4].c_str());
    for (std::size_t i = 5; i < args.size(); ++i) {
        auto d = parseDate(args[i]);
        if (!d) return Status(d.error());
        h.days.push_back(*d);
    }
    return actionRan(setHours(args[0], h), name, args);
}

std::optional<Status> MeetingsFeature::runAction(const std::string& name,
                                                 const std::vector<std::string>& args) {
    if (name == "request-meeting") return requestAction(args);
    if (name == "answer-meeting" || name == "propose-meeting" || name == "accept-proposal" ||
        name == "decline-proposal" || name == "cancel-meeting")
        return answerAction(name, args);
    if (name == "set-meeting-hours") return hoursAction(args);
    if (name == "meeting-slots") {
        FG_CLIENT_TRY(needArgs(name, args, 1));
        return actionRan(askSlots(args[0]), name, args);
    }
    if (name == "meetings-window") {
        m_window = args.empty() || args[0] != "off";
        return Status{};
    }
    if (name == "meetings-section") {
        m_scrollToSection = true;
        return Status{};
    }
    if (name == "export-ics") {
        auto path =
            exportIcs(args.empty() ? std::filesystem::path() : std::filesystem::path(args[0]));
        if (!path) return Status(path.error());
        m_exportResult = trf("wrote {}", path->string());
        return Status{};
    }
    return std::nullopt;
}

} // namespace fg::client
