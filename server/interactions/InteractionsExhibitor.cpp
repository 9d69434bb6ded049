// Meeting requests and what exhibitors do for their own booths: answer meetings, staff duty,
// read leads and statistics. Permission checks come first in every call; no networking.
#include "server/interactions/Interactions.h"
#include "server/store/Store.h"

#include <algorithm>
#include <fmt/format.h>

namespace fg::interact {

Result<store::MeetingRequest> Interactions::requestMeeting(const Actor& actor,
                                                           std::string_view boothId,
                                                           UnixSeconds start, std::uint32_t minutes,
                                                           std::string_view note, double now) {
    auto booth = findBooth(boothId, "meeting request");
    if (!booth) return booth.error();
    if (actor.role == store::Role::Exhibitor && actor.exhibitorId == (*booth)->exhibitor)
        return makeError("meeting request: you cannot request a meeting at your own booth");
    if (minutes < m_limits.minMeetingMinutes || minutes > m_limits.maxMeetingMinutes)
        return makeError(fmt::format("meeting request: length {} min is outside {}-{} min", minutes,
                                     m_limits.minMeetingMinutes, m_limits.maxMeetingMinutes));
    if (start != 0 && start < unixNow())
        return makeError(
            fmt::format("meeting request: start {} is in the past", formatUtcTimestamp(start)));
    auto text = note.empty() ? Result<std::string>(std::string())
                             : cleanChatText(note, m_limits.maxNoteBytes);
    if (!text) return makeError("meeting request: note: " + text.error().message.substr(6));
    if (auto s = checkAction(actor, "meeting request", now); !s) return s.error();
    store::MeetingRequest r;
    r.boothId = std::string(boothId);
    r.exhibitorId = (*booth)->exhibitor;
    r.visitorName = actor.name;
    r.visitorKey = visitorKey(actor);
    r.message = std::move(*text);
    if (start != 0) r.proposedAt = start;
    r.minutes = minutes;
    auto id = m_store.addMeetingRequest(r);
    if (!id) return id.error();
    r.id = *id;
    return r;
}

Result<store::MeetingRequest> Interactions::answerMeeting(const Actor& actor,
                                                          std::int64_t meetingId, bool accept) {
    auto found = m_store.meetingRequest(meetingId);
    if (!found) return found.error();
    if (!found->has_value())
        return makeError(fmt::format("meeting reply: no meeting request #{}", meetingId));
    store::MeetingRequest r = **found;
    if (auto s = requireBoothStaff(actor, r.boothId, "meeting reply"); !s) return s.error();
    if (r.state != store::MeetingState::Pending)
        return makeError(fmt::format("meeting reply: request #{} was already {}", meetingId,
                                     store::meetingStateName(r.state)));
    r.state = accept ? store::MeetingState::Accepted : store::MeetingState::Declined;
    if (auto s = m_store.setMeetingState(meetingId, r.state); !s) return s.error();
    return r;
}

Status Interactions::setStaffOnDuty(const Actor& actor, std::string_view boothId, bool onDuty) {
    if (actor.role != store::Role::Exhibitor)
        return makeError("staff duty: only exhibitors staff booths");
    if (auto s = requireBoothStaff(actor, boothId, "staff duty"); !s) return s;
    if (onDuty)
        m_onDuty.emplace(std::string(boothId), actor.id);
    else
        m_onDuty.erase({std::string(boothId), actor.id});
    return {};
}

bool Interactions::staffOnline(std::string_view boothId) const {
    auto it = m_onDuty.lower_bound({std::string(boothId), 0});
    if (it != m_onDuty.end() && it->first == boothId) return true;
    return m_visits.staffPresent(std::string(boothId));
}

std::vector<std::uint32_t> Interactions::staffAt(std::string_view boothId) const {
    std::vector<std::uint32_t> ids = m_visits.actorsAt(std::string(boothId), true);
    for (auto it = m_onDuty.lower_bound({std::string(boothId), 0});
         it != m_onDuty.end() && it->first == boothId; ++it)
        ids.push_back(it->second);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

void Interactions::joinBoothChat(std::uint32_t actorId, std::string_view boothId) {
    m_boothChats.emplace(actorId, std::string(boothId));
}

bool Interactions::inBoothChat(std::uint32_t actorId, std::string_view boothId) const {
    return m_boothChats.count({actorId, std::string(boothId)}) != 0;
}

Result<std::vector<store::Lead>> Interactions::leads(const Actor& actor, std::string_view boothId) {
    if (auto s = requireBoothStaff(actor, boothId, "leads"); !s) return s.error();
    return m_store.leadsForBooth(boothId);
}

Result<store::BoothStats> Interactions::boothStats(const Actor& actor, std::string_view boothId) {
    if (auto s = requireBoothStaff(actor, boothId, "booth stats"); !s) return s.error();
    return m_store.boothStats(boothId);
}

std::vector<VisitEvent> Interactions::updatePosition(const Actor& actor, const std::string& hall,
                                                     glm::vec2 position, double now) {
    return m_visits.update(actor, hall, position, now);
}

std::vector<VisitEvent> Interactions::removeActor(std::uint32_t actorId, double now) {
    m_chatLimiter.forget(actorId);
    m_actionLimiter.forget(actorId);
    std::erase_if(m_onDuty, [&](const auto& duty) { return duty.second == actorId; });
    std::erase_if(m_boothChats, [&](const auto& chat) { return chat.first == actorId; });
    return m_visits.remove(actorId, now);
}

} // namespace fg::interact
