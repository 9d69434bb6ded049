// People window and action. "Message" opens ChatFeature's direct tab when the build has chat;
// an organiser also gets the moderation feature's Kick, Mute and Ban.
// ImGui widgets only.
#include "game/client/people/PeopleFeature.h"

#include "engine/core/Translate.h"
#include "game/client/ClientFeatures.h"
#include "game/client/chat/ChatFeature.h"
#include "game/client/moderation/ModerationFeature.h"

#include <algorithm>
#include <glm/geometric.hpp>
#include <imgui.h>

namespace fg::client {

std::optional<Status> PeopleFeature::runAction(const std::string& name,
                                               const std::vector<std::string>&) {
    if (name != "people") return std::nullopt;
    m_open = !m_open;
    return Status{};
}

void PeopleFeature::drawMenu() {
    ImGui::MenuItem(trl("People"), nullptr, &m_open);
}

void PeopleFeature::drawPanels(const UiFrame&) {
    if (!m_open) return;
    ModerationFeature* moderation = m_host.find<ModerationFeature>();
    const bool organiser = moderation && moderation->organiser(); // room for Kick, Mute, Ban
    ImGui::SetNextWindowPos({organiser ? 400.0f : 460.0f, 300}, ImGuiCond_Appearing);
    const float extra = m_sections.empty() ? 0.0f : 330.0f; // the sections' widgets (voice)
    ImGui::SetNextWindowSize(uiSize((organiser ? 480.0f : 300.0f) + extra, 260),
                             ImGuiCond_Appearing);
    if (!ImGui::Begin(trl("People nearby"), &m_open)) return ImGui::End();
    std::vector<std::pair<float, const netclient::RemoteAvatar*>> near;
    for (const auto& r : m_s.remotes)
        near.push_back({glm::distance(r.position, m_s.avatar->position()), &r});
    std::sort(near.begin(), near.end(), [](auto& a, auto& b) { return a.first < b.first; });
    ChatFeature* chat = m_host.find<ChatFeature>();
    for (auto [d, r] : near) {
        ImGui::PushID(r->id);
        ImGui::Text(tr("%5.1f m  %s %s %s"), d, r->info ? r->info->name.c_str() : "?",
                    r->info ? r->info->country.c_str() : "",
                    r->info ? proto::toString(r->info->role) : "");
        ImGui::SameLine();
        if (chat && ImGui::SmallButton(trl("Message"))) chat->openTab(ChatTab::Direct, r->id);
        if (moderation && r->info) moderation->drawPersonActions(r->id, r->info->name);
        for (const auto& section : m_sections)
            section(*r);
        ImGui::PopID();
    }
    if (near.empty()) ImGui::TextDisabled("%s", tr("Nobody in view."));
    ImGui::End();
}

} // namespace fg::client
