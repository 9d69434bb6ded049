// Pure rules of the personal agenda: stars, when a starred session's doors open (the reminder),
// a session's times in the event's and the viewer's zones, its registration line, and its
// calendar entries. No ImGui, no network: the agenda feature and tests use these.
#pragma once

#include "engine/calendar/Calendar.h"
#include "engine/core/Time.h"
#include "game/expo/Exhibition.h"
#include "game/expo/protocol/AgendaMessages.h"

#include <map>
#include <string>
#include <vector>

namespace fg::client {

namespace proto = expo::proto;

inline constexpr UnixSeconds kDoorsOpenBefore = 10 * 60; // doors open 10 min before the start

bool isStarred(const std::vector<std::string>& starred, const std::string& sessionId);
// Adds or removes SESSIONID; true when the list changed.
bool setStarred(std::vector<std::string>& starred, const std::string& sessionId, bool on);
// The starred session whose doors are open at NOW (from 10 min before its start until its end)
// and that is not in SHOWN yet, earliest first; null when none.
const expo::Session* agendaReminderDue(const expo::Exhibition& ex,
                                       const std::vector<std::string>& starred,
                                       const std::vector<std::string>& shown, UnixSeconds now);
// "09:00-10:30 +07 (Asia/Ho_Chi_Minh)": a session's times in ZONE, the zone named both ways;
// ZONE unknown to the TZ database: the times in UTC, saying so.
std::string sessionTimes(const expo::Session& e, const std::string& zone);
// START-END in ZONE the same way ("2021-10-12 17:00-17:30 +07 (Asia/Ho_Chi_Minh)").
std::string zonedSpan(UnixSeconds start, UnixSeconds end, const std::string& zone);
// START-END in the event's zone, then " / " and the viewer's zone when it differs.
std::string eventAndViewerSpan(UnixSeconds start, UnixSeconds end, const std::string& eventZone,
                               const std::string& viewerZone);
// "12 of 20 places taken" / "registered" / "waiting list: 3rd" for the agenda row; "" for a
// session without registration.
std::string registrationText(const expo::Session& e, const proto::RegistrationInfo* mine,
                             std::uint32_t capacity);
// Calendar entries of SESSIONS (ids; unknown ones are skipped), located at their venue.
std::vector<calendar::CalendarEvent> agendaCalendar(const expo::Exhibition& ex,
                                                    const std::vector<std::string>& sessionIds);
// "Dr. Lan Tran, Minister of Information (Ministry of Information, VN)".
std::string speakerLine(const expo::Speaker& p);

} // namespace fg::client
