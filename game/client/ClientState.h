// The visitor client's shared core, used by the app loop, the script player, the panels and every
// feature state: the exhibition, profile, link, avatar, hall, the open booth, banners, toasts,
// pending requests and the frame clock; and the world actions (walk, teleport) all features share.
// Feature state (chat, booth forms, directory, ...) lives in its feature, never here; no ImGui.
#pragma once

#include "game/client/AvatarController.h"
#include "game/client/Connection.h"
#include "game/client/PendingRequests.h"
#include "game/client/VisitorProfile.h"
#include "game/client/WalkArea.h"
#include "game/expo/Exhibition.h"

#include <deque>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fg::client {

namespace proto = expo::proto;

struct Toast {
    std::string text;
    double until = 0;
    bool error = false;
};

// The booth whose panel is open (index into exhibition booths, -1 none): the 3D view highlights
// it, the poster camera follows its zoom, and booth features act on it.
struct BoothSelection {
    int booth = -1;
    int zoomPoster = -1; // slot shown full screen, -1 none
    float zoom = 1.0f;   // 1 = poster fits the view; up to 4
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
    BoothSelection selection;
    int hoveredBooth = -1;
    bool help = false; // the help window
    std::vector<std::string>
        droppedFiles; // dropped on the window this frame (a feature takes them)
    std::deque<proto::Announcement> banners;
    double bannerUntil = 0;
    std::vector<Toast> toasts;
    PendingRequests pending; // requestId -> what it asked, answered through the features
    // "Continue as a visitor" after the server refused the invitation code: the code stays in
    // the profile but is not sent again this run.
    bool visitorOnly = false;
    double now = 0;
    float fps = 0, frameMs = 0;
    std::uint64_t frame = 0;
    bool quit = false;
    // Adds text's characters to the UI font atlas (the renderer's); see uiText() below.
    std::function<void(std::string_view)> fontText;
};

// TEXT as the panels draw it (right-to-left runs in visual order), its characters added to the
// UI font atlas: call on text from the network before keeping it for display.
std::string uiText(const Session& s, std::string_view text);

// Index of booth ID in the exhibition, or -1.
int boothIndex(const Session& s, const std::string& id);
std::uint32_t hallIndexOf(const expo::Exhibition& ex, const std::string& hallId);
// The open booth, or nullptr.
const expo::Booth* selectedBooth(const Session& s);
// The link's client while joined, else nullptr (requests are refused, not queued, meanwhile).
netclient::NetClient* joinedClient(Session& s);
const netclient::NetClient* joinedClient(const Session& s);

void toast(Session& s, std::string text, bool error = false);
// Walks to the front of the booth when it is in the current hall, else teleports to it.
bool goToBooth(Session& s, const std::string& id);
bool teleportToBooth(Session& s, const std::string& id);
bool teleportToVenue(Session& s, const std::string& venueId);
int visitorsNear(const Session& s, int booth);
// xdg-open in a child process: the target is one argv entry, never parsed by a shell.
bool launchBrowser(const std::string& url);
// The core's share of server messages: ActionResult (refusal toast, then the pending request's
// feature) and Announcement (banners).
void onActionResult(Session& s, const proto::ActionResult& result);
void onAnnouncement(Session& s, const proto::Announcement& announcement);
// Runs a core script action (walk-to ID, teleport ID, help, quit); nullopt when NAME is not one.
std::optional<Status> runCoreAction(Session& s, const std::string& name,
                                    const std::vector<std::string>& args);
// Script action helpers: an error unless ARGS has N entries; the arguments joined by spaces.
Status needArgs(const std::string& name, const std::vector<std::string>& args, std::size_t n);
std::string joinArgs(const std::vector<std::string>& args);
// A script action that ran (OK) or could not run now (the error names it).
Status actionRan(bool ok, const std::string& name, const std::vector<std::string>& args);

} // namespace fg::client
