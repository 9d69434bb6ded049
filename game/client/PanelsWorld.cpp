// On-screen layers of the shared core tied to the world: nameplates and booth labels projected
// from 3D, status line (connection, RTT, loss, FPS), banners, toasts, and the loading/blocking
// screens. ImGui draw lists and widgets only; feature panels live in their features.
#include "engine/core/Translate.h"
#include "game/client/ClientUi.h"
#include "game/client/LocalText.h"
#include "game/client/SceneKit.h"

#include <algorithm>
#include <fmt/format.h>
#include <glm/geometric.hpp>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace fg::client {
namespace {

// Labels already placed this frame; a label that would overlap one is skipped (nearest first).
std::vector<ImVec4> gPlaced;

void labelAt(ImDrawList* dl, glm::vec2 p, const std::string& text, ImU32 bg, ImU32 fg) {
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 a{p.x - size.x / 2 - 4, p.y - size.y - 2}, b{p.x + size.x / 2 + 4, p.y + 2};
    for (const ImVec4& r : gPlaced)
        if (a.x < r.z && b.x > r.x && a.y < r.w && b.y > r.y) return;
    gPlaced.push_back({a.x, a.y, b.x, b.y});
    dl->AddRectFilled(a, b, bg, 3.0f);
    dl->AddText(ImVec2(a.x + 4, a.y + 2), fg, text.c_str());
}

// The role as the server gave it in Join, in words a visitor understands at a glance.
const char* badge(proto::Role role) {
    return role == proto::Role::Organiser   ? tr(" - organiser")
           : role == proto::Role::Exhibitor ? tr(" - exhibitor staff")
                                            : "";
}

} // namespace

bool projectToScreen(const render::Camera& camera, glm::vec2 viewSize, glm::vec3 world,
                     glm::vec2& out) {
    const glm::vec4 clip =
        camera.projection(viewSize.x / viewSize.y) * camera.view() * glm::vec4(world, 1.0f);
    if (clip.w < 0.1f) return false;
    const glm::vec2 ndc = glm::vec2(clip) / clip.w; // Vulkan: y already points down
    out = {(ndc.x * 0.5f + 0.5f) * viewSize.x, (ndc.y * 0.5f + 0.5f) * viewSize.y};
    return ndc.x > -1.2f && ndc.x < 1.2f && ndc.y > -1.2f && ndc.y < 1.2f;
}

void drawLabels(Session& s, const UiFrame& f) {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const glm::vec3 eye = f.camera.position;
    const expo::Hall& hall = s.ex->halls[s.hall];
    gPlaced.clear();
    for (const auto& r : s.remotes) {
        const glm::vec3 head = toWorld(hall, r.position, 2.15f);
        if (glm::distance(head, eye) > 40.0f) continue;
        glm::vec2 p;
        if (!r.info || !projectToScreen(f.camera, f.viewSize, head, p)) continue;
        const std::string text =
            fmt::format("{} [{}]{}", uiText(s, r.info->name), // any script, in display order
                        r.info->country.empty() ? "--" : r.info->country, badge(r.info->role));
        const ImU32 bg = r.info->role == proto::Role::Visitor     ? IM_COL32(0, 0, 0, 150)
                         : r.info->role == proto::Role::Exhibitor ? IM_COL32(200, 110, 0, 220)
                                                                  : IM_COL32(180, 30, 30, 220);
        labelAt(dl, p, text, bg, IM_COL32(255, 255, 255, 255));
    }
    // Booth names are on their fascias in the 3D world (fg_scene signs); a label marks only the
    // booth under the mouse and the one whose panel is open.
    for (int i : {s.hoveredBooth, s.selection.booth}) {
        if (i < 0 || std::size_t(i) >= s.ex->booths.size()) continue;
        const auto& b = s.ex->booths[std::size_t(i)];
        if (b.hall != hall.id) continue;
        const glm::vec3 top = toWorld(hall, b.position, 3.6f);
        glm::vec2 p;
        if (glm::distance(top, eye) > 45.0f || !projectToScreen(f.camera, f.viewSize, top, p))
            continue;
        const expo::Exhibitor* x = expo::findExhibitor(*s.ex, b.exhibitor);
        labelAt(dl, p, x ? inUiLanguage(x->name, x->nameI18n) : b.id, IM_COL32(255, 200, 60, 230),
                IM_COL32(0, 0, 0, 255));
        if (s.hoveredBooth == s.selection.booth) break;
    }
}

// "signed in as exhibitor (Acme)": the role the server gave this join, never a local guess.
std::string signedInAs(const Session& s) {
    const netclient::NetClient* c = joinedClient(s);
    if (!c || c->welcome().role == proto::Role::Visitor) return {};
    const proto::Welcome& w = c->welcome();
    if (w.role == proto::Role::Organiser) return tr("signed in as organiser");
    std::string name = w.exhibitorId;
    for (const auto& e : s.ex->exhibitors)
        if (e.id == w.exhibitorId) name = e.name;
    return trf("signed in as exhibitor ({})", name);
}

void drawStatus(Session& s, const UiFrame& f) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, io.DisplaySize.y), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, ImGui::GetFrameHeight() + 6),
                             ImGuiCond_Always);
    ImGui::Begin("##status", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs |
                     ImGuiWindowFlags_NoSavedSettings);
    const LinkState st = s.link ? s.link->state() : LinkState::Connecting;
    const ImVec4 color =
        // Okabe-Ito bluish green / orange: apart in hue and lightness for every colour vision.
        st == LinkState::Joined ? ImVec4(0.0f, 0.75f, 0.55f, 1) : ImVec4(0.9f, 0.62f, 0.0f, 1);
    ImGui::TextColored(color, "%s %s", tr(toString(st)), s.link ? s.link->address().c_str() : "");
    if (const std::string role = signedInAs(s); !role.empty()) {
        ImGui::SameLine();
        ImGui::TextColored({1, 0.8f, 0.3f, 1}, "| %s", role.c_str());
    }
    if (s.profile.settings.showStats) {
        ImGui::SameLine();
        ImGui::Text(tr("| RTT %u ms  loss %.1f%%  | %.0f FPS (%.1f ms) | %zu/%zu drawn, %zu draws "
                       "| %zu people"),
                    f.net.rttMs, f.net.packetLoss * 100.0f, s.fps, s.frameMs, f.visible,
                    f.instances, f.drawCalls, s.remotes.size());
    }
    ImGui::SameLine();
    const expo::Hall& here = s.ex->halls[s.hall];
    ImGui::TextDisabled("| %s - %s", inUiLanguage(here.name, here.nameI18n).c_str(),
                        s.profile.name.c_str());
    ImGui::End();
}

void drawBanners(Session& s) {
    const ImGuiIO& io = ImGui::GetIO();
    if (!s.banners.empty() && s.bannerUntil == 0) s.bannerUntil = s.now + 8.0;
    if (!s.banners.empty() && s.now > s.bannerUntil) s.banners.pop_front(), s.bannerUntil = 0;
    float y = 40;
    if (!s.banners.empty()) {
        ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, y), ImGuiCond_Always, ImVec2(0.5f, 0));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(180, 40, 40, 235));
        ImGui::Begin("##banner", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                         ImGuiWindowFlags_NoInputs);
        ImGui::Text(tr("ANNOUNCEMENT from %s: %s"), s.banners.front().from.c_str(),
                    s.banners.front().text.c_str());
        ImGui::End();
        ImGui::PopStyleColor();
        y += 40;
    }
    std::erase_if(s.toasts, [&](const Toast& t) { return t.until < s.now; });
    for (std::size_t i = 0; i < s.toasts.size(); ++i) {
        ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, y), ImGuiCond_Always, ImVec2(0.5f, 0));
        ImGui::Begin(fmt::format("##toast{}", i).c_str(), nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                         ImGuiWindowFlags_NoInputs);
        // Okabe-Ito vermillion for errors, sky blue otherwise (not red against green).
        ImGui::TextColored(s.toasts[i].error ? ImVec4(0.95f, 0.45f, 0.1f, 1)
                                             : ImVec4(0.34f, 0.71f, 0.91f, 1),
                           "%s", s.toasts[i].text.c_str());
        ImGui::End();
        y += 32;
    }
}

void drawLoadingScreen(float fraction, const std::string& what, const std::string& title) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(520.0f, io.DisplaySize.x - 40), 0), ImGuiCond_Always);
    ImGui::Begin(trl("Loading"), nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::TextUnformatted(title.c_str());
    ImGui::ProgressBar(fraction, ImVec2(-1, 0));
    ImGui::TextDisabled("%s", what.c_str());
    ImGui::End();
}

void drawBlockingMessage(const std::string& title, const std::string& text) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(560.0f, io.DisplaySize.x - 40), 0), ImGuiCond_Always);
    ImGui::Begin(title.c_str(), nullptr, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoResize);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::End();
}

} // namespace fg::client
