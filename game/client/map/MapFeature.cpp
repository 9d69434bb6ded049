// The hall map window: pavilions, stages, booths, you and others; click a booth to teleport
// there and open its panel; the map action. ImGui draw lists only; reads the core's world state.
#include "game/client/map/MapFeature.h"

#include "engine/core/Translate.h"
#include "game/client/ClientFeatures.h"
#include "game/client/LocalText.h"
#include "game/client/SceneKit.h"
#include "game/client/booth/BoothFeature.h"
#include "game/client/moderation/ModerationFeature.h"
#include "game/scene/ExhibitionScene.h"

#include <algorithm>
#include <fmt/format.h>
#include <glm/geometric.hpp>
#include <imgui.h>

namespace fg::client {
namespace {

ImU32 rgbToImU32(std::uint32_t rgb, int alpha = 255) {
    return IM_COL32((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, alpha);
}

// fg_scene's linear colours as the sRGB the 3D view shows them in.
ImU32 sceneColour(glm::vec3 linear) {
    const glm::vec3 c = glm::pow(glm::clamp(linear, 0.0f, 1.0f), glm::vec3(1.0f / 2.2f));
    return IM_COL32(int(c.r * 255.0f), int(c.g * 255.0f), int(c.b * 255.0f), 255);
}

} // namespace

std::optional<Status> MapFeature::runAction(const std::string& name,
                                            const std::vector<std::string>& args) {
    if (name != "map") return std::nullopt;
    m_open = !m_open;
    m_large = !args.empty() && args[0] == "large"; // "map large": 60 % of the window
    return Status{};
}

void MapFeature::drawMenu() {
    ImGui::MenuItem(trl("Map"), nullptr, &m_open);
}

void MapFeature::body(ImDrawList* dl, ImVec2 at, ImVec2 size) {
    Session& s = m_s;
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
    const ModerationFeature* moderation = m_host.find<ModerationFeature>();
    for (std::size_t i = 0; i < s.ex->booths.size(); ++i) {
        const auto& b = s.ex->booths[i];
        if (b.hall != hall.id) continue;
        const expo::Rect f = expo::boothFootprint(b);
        const ImVec2 a = map({f.x, f.z + f.depth}), c = map({f.x + f.width, f.z});
        const bool over = mouse.x >= a.x && mouse.x <= c.x && mouse.y >= a.y && mouse.y <= c.y;
        if (over) hovered = int(i);
        const auto heat = moderation ? moderation->heat(b.id) : std::nullopt;
        dl->AddRectFilled(a, c,
                          over || int(i) == s.selection.booth ? IM_COL32(255, 210, 80, 255)
                          : heat                              ? rgbToImU32(heat->second)
                                 : sceneColour(scene::boothAccentColour(*s.ex, b)));
        if (heat && heat->first) { // the count too: the colour is never the only cue
            const std::string n = std::to_string(heat->first);
            const ImVec2 size = ImGui::CalcTextSize(n.c_str());
            const ImVec2 mid((a.x + c.x - size.x) * 0.5f, (a.y + c.y - size.y) * 0.5f);
            dl->AddRectFilled(ImVec2(mid.x - 2, mid.y), ImVec2(mid.x + size.x + 2, mid.y + size.y),
                              IM_COL32(0, 0, 0, 170));
            dl->AddText(mid, IM_COL32(255, 255, 255, 255), n.c_str());
        }
    }
    for (const auto& r : s.remotes)
        dl->AddCircleFilled(map(r.position), 2.5f, IM_COL32(86, 180, 233, 255)); // sky blue
    const glm::vec2 me = s.avatar->position();
    const float yaw = glm::radians(s.avatar->yaw());
    const glm::vec2 dir{std::sin(yaw), std::cos(yaw)};
    // Me: Okabe-Ito vermillion, larger and with a heading line, so neither hue nor size alone
    // tells me from the sky-blue others (safe for red-green colour blindness).
    dl->AddCircleFilled(map(me), 4.5f, IM_COL32(213, 94, 0, 255));
    dl->AddCircle(map(me), 5.5f, IM_COL32(255, 255, 255, 255), 0, 1.5f);
    dl->AddLine(map(me), map(me + dir * (10.0f / k)), IM_COL32(213, 94, 0, 255), 2.0f);
    if (hovered >= 0) {
        const auto& b = s.ex->booths[std::size_t(hovered)];
        const expo::Exhibitor* x = expo::findExhibitor(*s.ex, b.exhibitor);
        ImGui::SetTooltip(tr("%s (%s) - click to teleport"),
                          x ? inUiLanguage(x->name, x->nameI18n).c_str() : b.id.c_str(),
                          b.id.c_str());
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            teleportToBooth(s, b.id);
            if (auto* booth = m_host.find<BoothFeature>()) booth->open(b.id);
        }
    }
}

void MapFeature::drawPanels(const UiFrame&) {
    Session& s = m_s;
    if (!m_open) return;
    if (!s.ex || s.hall >= s.ex->halls.size()) return;
    const ImGuiIO& io = ImGui::GetIO();
    const expo::Hall& hall = s.ex->halls[s.hall];
    const float width = m_large ? std::min(io.DisplaySize.x * 0.6f, 700.0f) : 320.0f;
    const float height = width * hall.size.y / hall.size.x;
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 10, io.DisplaySize.y - 34), ImGuiCond_Always,
                            ImVec2(1, 1));
    const auto* moderation = m_host.find<ModerationFeature>();
    const float legend = moderation && moderation->heat("") ? 22.0f : 0.0f; // organisers' heat map
    ImGui::SetNextWindowSize(ImVec2(width + 16, height + 40 + legend), ImGuiCond_Always);
    if (ImGui::Begin((trf("Map: {}", inUiLanguage(hall.name, hall.nameI18n)) + "###map").c_str(),
                     &m_open, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoScrollbar)) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        body(ImGui::GetWindowDrawList(), at, ImVec2(width, height));
        ImGui::Dummy(ImVec2(width, height));
        if (legend > 0) m_host.find<ModerationFeature>()->drawHeatLegend();
    }
    ImGui::End();
}

} // namespace fg::client
