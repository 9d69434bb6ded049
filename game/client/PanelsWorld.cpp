// On-screen layers tied to the world: minimap (teleport by click), nameplates and booth labels
// projected from 3D, status line (connection, RTT, loss, FPS), banners, toasts, the first-run
// form and the loading/blocking screens. ImGui draw lists and widgets only.
#include "game/client/ClientUi.h"
#include "game/client/SceneKit.h"
#include "game/scene/ExhibitionScene.h"

#include <algorithm>
#include <fmt/format.h>
#include <glm/geometric.hpp>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace fg::client {
namespace {

ImU32 rgbToImU32(std::uint32_t rgb, int alpha = 255) {
    return IM_COL32((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, alpha);
}

// Labels already placed this frame; a label that would overlap one is skipped (nearest first).
std::vector<ImVec4> gPlaced;

// fg_scene's linear colours as the sRGB the 3D view shows them in.
ImU32 sceneColour(glm::vec3 linear) {
    const glm::vec3 c = glm::pow(glm::clamp(linear, 0.0f, 1.0f), glm::vec3(1.0f / 2.2f));
    return IM_COL32(int(c.r * 255.0f), int(c.g * 255.0f), int(c.b * 255.0f), 255);
}

void labelAt(ImDrawList* dl, glm::vec2 p, const std::string& text, ImU32 bg, ImU32 fg) {
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 a{p.x - size.x / 2 - 4, p.y - size.y - 2}, b{p.x + size.x / 2 + 4, p.y + 2};
    for (const ImVec4& r : gPlaced)
        if (a.x < r.z && b.x > r.x && a.y < r.w && b.y > r.y) return;
    gPlaced.push_back({a.x, a.y, b.x, b.y});
    dl->AddRectFilled(a, b, bg, 3.0f);
    dl->AddText(ImVec2(a.x + 4, a.y + 2), fg, text.c_str());
}

const char* badge(proto::Role role) {
    return role == proto::Role::Organiser ? " ORG" : role == proto::Role::Exhibitor ? " EXH" : "";
}

void minimapBody(Session& s, ImDrawList* dl, ImVec2 at, ImVec2 size) {
    const expo::Hall& hall = s.ex->halls[s.hall];
    const float k = std::min(size.x / hall.size.x, size.y / hall.size.y);
    // North (+z) is up on the map.
    auto map = [&](glm::vec2 p) { return ImVec2(at.x + p.x * k, at.y + (hall.size.y - p.y) * k); };
    dl->AddRectFilled(map({0, hall.size.y}), map({hall.size.x, 0}), IM_COL32(60, 64, 72, 255));
    for (const auto& p : s.ex->pavilions)
        if (p.hall == hall.id)
            dl->AddRectFilled(map({p.rect.x, p.rect.z + p.rect.depth}),
                              map({p.rect.x + p.rect.width, p.rect.z}),
                              rgbToImU32(rgbOf(p.colors.floor), 200));
    for (const auto& v : hall.venues)
        dl->AddRectFilled(map({v.rect.x, v.rect.z + v.rect.depth}),
                          map({v.rect.x + v.rect.width, v.rect.z}), IM_COL32(30, 30, 40, 255));
    int hovered = -1;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (std::size_t i = 0; i < s.ex->booths.size(); ++i) {
        const auto& b = s.ex->booths[i];
        if (b.hall != hall.id) continue;
        const expo::Rect f = expo::boothFootprint(b);
        const ImVec2 a = map({f.x, f.z + f.depth}), c = map({f.x + f.width, f.z});
        const bool over = mouse.x >= a.x && mouse.x <= c.x && mouse.y >= a.y && mouse.y <= c.y;
        if (over) hovered = int(i);
        dl->AddRectFilled(a, c,
                          over || int(i) == s.booth.booth
                              ? IM_COL32(255, 210, 80, 255)
                              : sceneColour(scene::boothAccentColour(*s.ex, b)));
    }
    for (const auto& r : s.remotes)
        dl->AddCircleFilled(map(r.position), 2.5f, IM_COL32(120, 200, 255, 255));
    const glm::vec2 me = s.avatar->position();
    const float yaw = glm::radians(s.avatar->yaw());
    const glm::vec2 dir{std::sin(yaw), std::cos(yaw)};
    dl->AddCircleFilled(map(me), 4.5f, IM_COL32(255, 80, 80, 255));
    dl->AddLine(map(me), map(me + dir * (10.0f / k)), IM_COL32(255, 80, 80, 255), 2.0f);
    if (hovered >= 0) {
        const auto& b = s.ex->booths[std::size_t(hovered)];
        const expo::Exhibitor* x = expo::findExhibitor(*s.ex, b.exhibitor);
        ImGui::SetTooltip("%s (%s) - click to teleport", x ? x->name.c_str() : b.id.c_str(),
                          b.id.c_str());
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left))
            teleportToBooth(s, b.id), openBooth(s, b.id);
    }
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

void drawMinimap(Session& s) {
    if (!s.ex || s.hall >= s.ex->halls.size()) return;
    const ImGuiIO& io = ImGui::GetIO();
    const expo::Hall& hall = s.ex->halls[s.hall];
    const float width = s.minimapLarge ? std::min(io.DisplaySize.x * 0.6f, 700.0f) : 320.0f;
    const float height = width * hall.size.y / hall.size.x;
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 10, io.DisplaySize.y - 34), ImGuiCond_Always,
                            ImVec2(1, 1));
    ImGui::SetNextWindowSize(ImVec2(width + 16, height + 40), ImGuiCond_Always);
    if (ImGui::Begin(fmt::format("Map: {}###map", hall.name).c_str(), &s.ui.map,
                     ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoScrollbar)) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        minimapBody(s, ImGui::GetWindowDrawList(), at, ImVec2(width, height));
        ImGui::Dummy(ImVec2(width, height));
    }
    ImGui::End();
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
            fmt::format("{} [{}]{}", r.info->name, r.info->country.empty() ? "--" : r.info->country,
                        badge(r.info->role));
        const ImU32 bg = r.info->role == proto::Role::Visitor     ? IM_COL32(0, 0, 0, 150)
                         : r.info->role == proto::Role::Exhibitor ? IM_COL32(200, 110, 0, 220)
                                                                  : IM_COL32(180, 30, 30, 220);
        labelAt(dl, p, text, bg, IM_COL32(255, 255, 255, 255));
    }
    // Booth names are on their fascias in the 3D world (fg_scene signs); a label marks only the
    // booth under the mouse and the one whose panel is open.
    for (int i : {s.hoveredBooth, s.booth.booth}) {
        if (i < 0 || std::size_t(i) >= s.ex->booths.size()) continue;
        const auto& b = s.ex->booths[std::size_t(i)];
        if (b.hall != hall.id) continue;
        const glm::vec3 top = toWorld(hall, b.position, 3.6f);
        glm::vec2 p;
        if (glm::distance(top, eye) > 45.0f || !projectToScreen(f.camera, f.viewSize, top, p))
            continue;
        const expo::Exhibitor* x = expo::findExhibitor(*s.ex, b.exhibitor);
        labelAt(dl, p, x ? x->name : b.id, IM_COL32(255, 200, 60, 230), IM_COL32(0, 0, 0, 255));
        if (s.hoveredBooth == s.booth.booth) break;
    }
}

void drawStatus(Session& s, const UiFrame& f) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, io.DisplaySize.y), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, 26), ImGuiCond_Always);
    ImGui::Begin("##status", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs |
                     ImGuiWindowFlags_NoSavedSettings);
    const LinkState st = s.link ? s.link->state() : LinkState::Connecting;
    const ImVec4 color =
        st == LinkState::Joined ? ImVec4(0.4f, 0.9f, 0.4f, 1) : ImVec4(1, 0.6f, 0.2f, 1);
    ImGui::TextColored(color, "%s %s", toString(st), s.link ? s.link->address().c_str() : "");
    if (s.profile.settings.showStats) {
        ImGui::SameLine();
        ImGui::Text("| RTT %u ms  loss %.1f%%  | %.0f FPS (%.1f ms) | %zu/%zu drawn, %zu draws | "
                    "%zu people",
                    f.net.rttMs, f.net.packetLoss * 100.0f, s.fps, s.frameMs, f.visible,
                    f.instances, f.drawCalls, s.remotes.size());
    }
    ImGui::SameLine();
    ImGui::TextDisabled("| %s - %s", s.ex->halls[s.hall].name.c_str(), s.profile.name.c_str());
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
        ImGui::Text("ANNOUNCEMENT from %s: %s", s.banners.front().from.c_str(),
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
        ImGui::TextColored(s.toasts[i].error ? ImVec4(1, 0.5f, 0.4f, 1) : ImVec4(0.6f, 1, 0.6f, 1),
                           "%s", s.toasts[i].text.c_str());
        ImGui::End();
        y += 32;
    }
}

void drawFirstRun(Session& s) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::Begin("Welcome to the fair", nullptr,
                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse);
    ImGui::TextWrapped(
        "Tell other visitors and exhibitors who you are. This is remembered on this computer.");
    ImGui::InputText("Display name", &s.profile.name);
    ImGui::InputText("Organisation", &s.profile.organisation);
    ImGui::InputText("E-mail (for business cards)", &s.profile.email);
    ImGui::InputText("Country code (e.g. VN)", &s.profile.country,
                     ImGuiInputTextFlags_CharsUppercase);
    float rgb[3] = {float((s.profile.color >> 16) & 255) / 255.0f,
                    float((s.profile.color >> 8) & 255) / 255.0f,
                    float(s.profile.color & 255) / 255.0f};
    if (ImGui::ColorEdit3("Avatar colour", rgb))
        s.profile.color = (std::uint32_t(rgb[0] * 255) << 16) | (std::uint32_t(rgb[1] * 255) << 8) |
                          std::uint32_t(rgb[2] * 255);
    const std::string problem = checkProfile(s.profile);
    if (!problem.empty()) ImGui::TextColored({1, 0.6f, 0.4f, 1}, "%s", problem.c_str());
    ImGui::BeginDisabled(!problem.empty());
    if (ImGui::Button("Enter the fair")) {
        s.ui.firstRun = false;
        s.profileChanged = true;
    }
    ImGui::EndDisabled();
    ImGui::End();
}

void drawLoadingScreen(float fraction, const std::string& what, const std::string& title) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(520.0f, io.DisplaySize.x - 40), 0), ImGuiCond_Always);
    ImGui::Begin("Loading", nullptr, ImGuiWindowFlags_NoDecoration);
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
