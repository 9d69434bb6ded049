// What exhibitors do for their own booths: staff duty, read leads and statistics. Permission checks
// come first in every call; no networking.
#include "server/interactions/Interactions.h"
#include "server/store/Store.h"

#include <algorithm>
#include <fmt/format.h>

namespace fg::interact {

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
