// The meetings slice in the client: a booth's free slots and the request form (a section of the
// booth panel), the own booth's hours form for exhibitor staff, "My meetings" (upcoming,
// pending, past, with the answers each side may give), the 5-minute reminder with "Go to the
// booth", the iCalendar export and the script actions. The server checks every request.
#pragma once

#include "game/client/ClientFeature.h"
#include "game/client/ClientState.h"
#include "game/client/meetings/MeetingBook.h"

#include <filesystem>
#include <map>
#include <set>

namespace fg::client {

class ClientFeatures;

// The own booth's hours as the form edits them.
struct HoursForm {
    bool open = false;
    std::set<UnixSeconds> days; // empty: every day of the event
    int from = 9 * 60, to = 17 * 60, slot = 30, tables = 1;
};

class MeetingsFeature : public ClientFeature {
public:
    MeetingsFeature(Session& s, ClientFeatures& host);
    void registerHandlers(netclient::ClientRouter& router, PendingRequests& pending) override;
    void drawMenu() override;
    void drawPanels(const UiFrame&) override;
    std::optional<Status> runAction(const std::string& name,
                                    const std::vector<std::string>& args) override;
    void onJoined() override;
    // Asks for the open booth's slots when it changes; raises the reminder when one is due.
    void update() override;

    const std::map<std::uint64_t, proto::MeetingInfo>& meetings() const { return m_meetings; }
    const proto::MeetingSlots* slots(const std::string& boothId) const;
    bool listLoaded() const { return m_listLoaded; }
    std::optional<std::uint64_t> reminder() const { return m_reminder; }

    bool askSlots(const std::string& boothId);
    bool request(const std::string& boothId, UnixSeconds start, const std::string& note);
    bool answer(std::uint64_t id, proto::MeetingAction action, UnixSeconds start,
                const std::string& reason);
    bool setHours(const std::string& boothId, const std::optional<expo::MeetingHours>& hours);
    // Writes my meetings to FILE (default: ~/Downloads/fairground-meetings.ics); the path.
    Result<std::filesystem::path> exportIcs(std::filesystem::path file = {});
    // Reminder check at NOW (UTC seconds): the first accepted meeting due, once each.
    void checkReminders(UnixSeconds now);

private:
    // MeetingsPanel.cpp
    void boothSection(const expo::Booth& b);
    void slotPicker(const expo::Booth& b, const proto::MeetingSlots& slots);
    void hoursSection(const expo::Booth& b);
    void listWindow();
    void groupTable(MeetingGroup group, UnixSeconds now);
    void meetingRow(const proto::MeetingInfo& m, UnixSeconds now);
    void answerButtons(const proto::MeetingInfo& m, UnixSeconds now);
    void reminderWindow();
    void exportRow();
    // MeetingsActions.cpp
    bool ownsBooth(const expo::Booth& b) const;
    Result<std::uint64_t> pickMeeting(const std::string& what, const std::string& arg,
                                      proto::MeetingAction action) const;
    Status requestAction(const std::vector<std::string>& args);
    Status answerAction(const std::string& name, const std::vector<std::string>& args);
    Status hoursAction(const std::vector<std::string>& args);
    void formFrom(const proto::MeetingSlots& slots);
    // A meeting's times in the event's zone and the viewer's (MeetingBook.h).
    std::string when(UnixSeconds start, std::uint32_t minutes) const;

    Session& m_s;
    std::string m_viewerZone;
    std::map<std::uint64_t, proto::MeetingInfo> m_meetings; // mine, both sides, by id
    bool m_listLoaded = false;
    std::map<std::string, proto::MeetingSlots> m_slots; // by booth id, as last answered
    int m_askedFor = -1;                                // booth index whose slots were asked
    // The booth panel's request form.
    std::int64_t m_pickedSlot = 0;
    int m_pickedDay = 0;
    std::string m_note;
    bool m_scrollToSection = false;
    // The own booth's hours form (filled from the server's answer).
    HoursForm m_form;
    std::string m_formBooth;
    // "My meetings": the window, answers being written, the export path.
    bool m_window = false;
    std::map<std::uint64_t, std::string> m_reasons;
    std::string m_exportPath;
    std::string m_exportResult;
    std::set<std::uint64_t> m_reminded;
    std::optional<std::uint64_t> m_reminder;
};

// ~/Downloads/NAME (NAME in the current folder without a HOME); the export makes the folder.
std::filesystem::path downloadsPath(const std::string& name);

} // namespace fg::client
