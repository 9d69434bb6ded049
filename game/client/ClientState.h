// What the visitor client knows and shows, shared by the app loop, the script player and the
// UI panels: the exhibition, the profile, people, chat, banners, the open booth, and the
// actions (open booth, drop card, teleport, ...) that UI buttons and script lines both call.
// No rendering or ImGui here; actions go out through the Connection.
#pragma once

#include "game/client/AvatarController.h"
#include "game/client/Connection.h"
#include "game/client/VisitorProfile.h"
#include "game/client/WalkArea.h"
#include "game/expo/Exhibition.h"

#include <deque>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fg::client {

namespace proto = expo::proto;

struct ChatLine {
    proto::ChatScope scope = proto::ChatScope::Hall;
    std::string boothId;
    std::uint16_t from = 0; // 0: me / system
    std::string fromName;
    std::string text;
    bool mine = false;
};

enum class ChatTab : std::uint8_t { Hall, Booth, Direct };

struct Toast {
    std::string text;
    double until = 0;
    bool error = false;
};

struct CardForm {
    std::string name, company, email, note;
    bool consent = false;
};

struct MeetingForm {
    int dayOffset = 0; // days after today
    int hour = 10, minute = 0;
    int minutes = 30;
    std::string note;
};

struct UiFlags {
    bool directory = false, agenda = false, map = false, chat = false, settings = false;
    bool help = false, people = false, firstRun = false, cardForm = false, meetingForm = false;
};

// The booth whose panel is open (index into exhibition booths, -1 none) and its forms.
struct BoothView {
    int booth = -1;
    int zoomPoster = -1; // slot shown full screen, -1 none
    float zoom = 1.0f;   // 1 = poster fits the view; up to 4
    CardForm card;
    MeetingForm meeting;
    int confirmLink = -1; // link index awaiting "open in browser?" confirmation
    std::string lastResult;
};

struct Session {
    const expo::Exhibition* ex = nullptr;
    std::filesystem::path baseDir;
    VisitorProfile profile;
    std::filesystem::path profileFile;
    Connection* link = nullptr;
    AvatarController* avatar = nullptr;
    const std::vector<WalkArea>* areas = nullptr;
    std::uint32_t hall = 0;
    // A booth teleport moves the avatar on the server's Correction; the visitor then faces the
    // booth (hall point) instead of keeping the heading it had before the jump.
    std::optional<glm::vec2> faceAfterTeleport;

    std::vector<netclient::RemoteAvatar> remotes; // interpolated this frame
    UiFlags ui;
    BoothView booth;
    int hoveredBooth = -1;
    std::vector<ChatLine> chat;
    std::map<ChatTab, int> unread;
    ChatTab chatTab = ChatTab::Hall;
    std::uint16_t directTo = 0;
    std::deque<proto::Announcement> banners;
    double bannerUntil = 0;
    std::vector<Toast> toasts;
    std::map<std::uint32_t, std::string> pending;   // requestId -> what it was
    std::map<std::string, std::uint32_t> likes;     // booth id -> count the server reported
    std::map<std::string, int> cardsDropped;        // booth id -> cards I left (confirmed)
    std::vector<proto::MeetingIncoming> meetingsIn; // for exhibitors
    std::set<std::string> staffOnline;              // booth ids the server announced as staffed
    // The exhibitor's own booth figures (BoothStats by booth id) and when they were asked for.
    std::map<std::string, proto::BoothStats> boothStats;
    double statsAskedAt = -1e9;
    // BoothStatsRequest ids come from this range so they never meet NetClient's own counter.
    std::uint32_t nextStatsRequest = 0xF0000000u;
    std::string directorySearch, directorySector, directoryCountry;
    int agendaDay = -1; // index into the days that have sessions; -1 picks today or the next
    std::int64_t eventClockOffset = 0; // seconds added to UTC now (agenda rehearsal: event-time)
    bool profileChanged = false;       // settings/profile edited: save and re-send name on rejoin
    bool minimapLarge = false;
    double now = 0;
    float fps = 0, frameMs = 0;
    std::uint64_t frame = 0;
    bool quit = false;
};

// Index of booth ID in the exhibition, or -1.
int boothIndex(const Session& s, const std::string& id);
std::uint32_t hallIndexOf(const expo::Exhibition& ex, const std::string& hallId);

void toast(Session& s, std::string text, bool error = false);
// Opens the booth's panel and pre-fills the card form from the profile.
bool openBooth(Session& s, const std::string& id);
void closeBooth(Session& s);
// Walks to the front of the booth when it is in the current hall, else teleports to it.
bool goToBooth(Session& s, const std::string& id);
bool teleportToBooth(Session& s, const std::string& id);
bool teleportToVenue(Session& s, const std::string& venueId);
// Sends the card form of the open booth (consent is required by the form and the server).
bool dropCard(Session& s);
bool likeBooth(Session& s);
bool openDocument(Session& s, std::size_t index); // counted on the server, opened locally
bool openLink(Session& s, std::size_t index, bool confirmed);
bool requestMeeting(Session& s);
bool sendChat(Session& s, const std::string& text);
// Applies one message from the server (chat, announcements, results, meetings).
void handleMessage(Session& s, proto::Message& message);
// Runs a named script action (open-booth ID, drop-card, like, walk-to ID, ...).
Status runAction(Session& s, const std::string& name, const std::vector<std::string>& args);
// True when the server says someone staffs booth ID (its StaffPresence messages).
bool staffOnline(const Session& s, const std::string& id);
// The open booth is the joined exhibitor's own (or we are an organiser): its statistics apply.
bool ownsOpenBooth(const Session& s);
// While an own booth's panel is open, asks the server for its statistics every few seconds.
void pollBoothStats(Session& s);
int visitorsNear(const Session& s, int booth);
// Replaces typographic punctuation (dashes, curly quotes) that the UI font lacks with ASCII, in
// the client's display copy of the exhibition (ids are ASCII and untouched).
void simplifyDisplayText(expo::Exhibition& ex);

} // namespace fg::client
