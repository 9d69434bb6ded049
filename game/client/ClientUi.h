// The visitor client's Dear ImGui panels: booth panel, directory, minimap, agenda, chat, people,
// settings, help, status, banners, nameplates, first-run form and the loading screen.
// Called inside RENDER's ImGui frame (Renderer::setUi); ImGui's backends are never touched here.
#pragma once

#include "engine/render/RenderTypes.h"
#include "game/client/ClientState.h"

#include <functional>
#include <string>

namespace fg::client {

// What the panels need about this frame besides the session.
struct UiFrame {
    render::Camera camera;
    glm::vec2 viewSize{1280, 720};
    netclient::ClientStats net;
    std::size_t visible = 0, instances = 0, drawCalls = 0;
    std::function<void(const std::string& boothId)> teleport; // to a booth
};

// Every window for one frame.
void drawClientUi(Session& s, const UiFrame& f);
// Loading screen with a progress bar (fraction 0..1) and what is being loaded.
void drawLoadingScreen(float fraction, const std::string& what, const std::string& title);
// A full-screen message with the reason (e.g. the server refused), shown instead of the world.
void drawBlockingMessage(const std::string& title, const std::string& text);

// Individual panels (ClientUi.cpp calls them according to Session::ui).
void drawBoothPanel(Session& s);
void drawDirectory(Session& s);
void drawAgenda(Session& s);
void drawChat(Session& s);
void drawPeople(Session& s);
void drawSettings(Session& s);
void drawHelp(Session& s);
void drawMinimap(Session& s);
void drawFirstRun(Session& s);
void drawLabels(Session& s, const UiFrame& f);
void drawStatus(Session& s, const UiFrame& f);
void drawBanners(Session& s);

// Screen position of a world point, or false when behind the camera.
bool projectToScreen(const render::Camera& camera, glm::vec2 viewSize, glm::vec3 world,
                     glm::vec2& out);
// The live-now / upcoming state of a session at time NOW.
enum class SessionTiming : std::uint8_t { Past, Live, Upcoming };
SessionTiming timingOf(const expo::Session& session, UnixSeconds now);

} // namespace fg::client
