// The visitor client's shared Dear ImGui layers: the menu bar, world labels, help, status,
// banners, the loading screen and blocking messages; feature panels come from ClientFeatures.
// Called inside RENDER's ImGui frame (Renderer::setUi); ImGui's backends are never touched here.
#pragma once

#include "engine/render/RenderTypes.h"
#include "game/client/ClientState.h"

#include <string>

struct ImVec2; // Dear ImGui's; panels that size windows include <imgui.h>

namespace fg::client {

class ClientFeatures;

// What the panels need about this frame besides the session.
struct UiFrame {
    render::Camera camera;
    glm::vec2 viewSize{1280, 720};
    netclient::ClientStats net;
    std::size_t visible = 0, instances = 0, drawCalls = 0;
};

// Every window for one frame: a feature's blocking form (first run), else the menu bar, labels,
// the features' panels, help, banners, status and the connection overlay.
void drawClientUi(Session& s, ClientFeatures& features, const UiFrame& f);
// Loading screen with a progress bar (fraction 0..1) and what is being loaded.
void drawLoadingScreen(float fraction, const std::string& what, const std::string& title);
// A full-screen message with the reason (e.g. the server refused), shown instead of the world.
void drawBlockingMessage(const std::string& title, const std::string& text);

// The core's layers (PanelsWorld.cpp, ClientUi.cpp).
void drawHelp(Session& s);
void drawLabels(Session& s, const UiFrame& f);
// "signed in as exhibitor (Acme)" / "signed in as organiser" while joined in that role, else "".
std::string signedInAs(const Session& s);
void drawStatus(Session& s, const UiFrame& f);
void drawBanners(Session& s);

// A panel's size of W x H pixels at 100 % UI scale, at the scale in use (the font's size over
// its 15 px at 100 %), so a panel at 150 % holds the same lines as at 100 %.
ImVec2 uiSize(float w, float h);

// Screen position of a world point, or false when behind the camera.
bool projectToScreen(const render::Camera& camera, glm::vec2 viewSize, glm::vec3 world,
                     glm::vec2& out);

} // namespace fg::client
