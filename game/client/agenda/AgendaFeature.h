// The agenda: sessions by day (live now / upcoming / ended against the event clock), stars and
// the "My agenda" filter (kept in the profile), each session's times in the event's and the
// viewer's zones, description and speakers, registration (place, waiting list), the doors-open
// reminder with "Go", and the .ics export. Reads the exhibition; the server decides registrations.
#pragma once

#include "engine/core/Time.h"
#include "game/client/ClientFeature.h"
#include "game/client/ClientState.h"
#include "game/client/agenda/AgendaBook.h"

#include <filesystem>
#include <map>

namespace fg::client {

class ClientFeatures;

// The live-now / upcoming state of a session at time NOW.
enum class SessionTiming : std::uint8_t { Past, Live, Upcoming };
SessionTiming timingOf(const expo::Session& session, UnixSeconds now);

class AgendaFeature : public ClientFeature {
public:
    AgendaFeature(Session& s, ClientFeatures&);
    void registerHandlers(netclient::ClientRouter& router, PendingRequests& pending) override;
    void drawMenu() override;
    void drawPanels(const UiFrame&) override;
    std::optional<Status> runAction(const std::string& name,
                                    const std::vector<std::string>& args) override;
    void onJoined() override;
    void update() override; // raises the doors-open reminder of a starred session
    bool shown() const { return m_open; }
    int day() const { return m_day; }

    // Stars or unstars SESSIONID and saves the profile (an unknown id is an error).
    Status star(const std::string& sessionId, bool on);
    bool starred(const std::string& sessionId) const;
    // Asks the server for a place (or the waiting list), or cancels it.
    bool registerFor(const std::string& sessionId, bool cancel);
    const proto::RegistrationInfo* registration(const std::string& sessionId) const;
    // The event clock: UTC now plus the rehearsal offset (event-time).
    UnixSeconds now() const { return unixNow() + m_clockOffset; }
    // Writes the starred sessions (ALL: every session) to FILE (default
    // ~/Downloads/fairground-agenda.ics); returns the path.
    Result<std::filesystem::path> exportIcs(bool all, std::filesystem::path file = {});
    std::optional<std::string> reminder() const { return m_reminder; }
    std::optional<std::string> livePrompt() const { return m_livePrompt; }
    const std::string& viewerZone() const { return m_viewerZone; }

private:
    // AgendaPanel.cpp
    void dayPicker(const std::vector<UnixSeconds>& days, UnixSeconds now);
    void row(const expo::Session& e, UnixSeconds now);
    void rowButtons(const expo::Session& e, UnixSeconds now);
    void details(const expo::Session& e);
    void registrationLine(const expo::Session& e, UnixSeconds now);
    void exportRow();
    void reminderWindow();
    // LiveNowPrompt.cpp: what the server says is live, and the "Live now" prompt.
    std::optional<proto::StageWireState> serverState(const std::string& sessionId) const;
    void watchLive();
    void livePromptWindow();
    void showSession(const expo::Session& e);
    void agendaWindow();
    Status exportAction(const std::vector<std::string>& args);

    Session& m_s;
    ClientFeatures& m_features; // the stage: "Watch from overflow" when a venue is full
    bool m_open = false;
    bool m_mineOnly = false; // "My agenda": starred sessions of every day
    int m_day = -1;          // index into the days that have sessions; -1 picks today or the next
    std::int64_t m_clockOffset = 0; // seconds added to UTC now (agenda rehearsal: event-time)
    std::string m_viewerZone;
    std::map<std::string, proto::RegistrationInfo> m_registrations; // mine, by session id
    std::vector<std::string> m_reminded; // sessions whose reminder was raised this run
    std::optional<std::string> m_reminder;
    std::vector<std::string> m_toldLive;     // sessions whose "Live now" prompt was raised
    std::optional<std::string> m_livePrompt; // the session the prompt is about
    std::optional<UnixSeconds> m_dayWanted;  // the day the agenda opens on (the prompt's)
    std::string m_exportPath;
    std::string m_openDetails; // a session whose details open on the next frame
};

} // namespace fg::client
