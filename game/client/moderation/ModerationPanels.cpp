// The moderation feature's ImGui: the Moderation menu, the "Moderate" confirmation (duration,
// reason), the approval queue, the reports panel, announcements, the avatar right-click menu,
// chat line menus and the heat map legend. Widgets only: every request goes through the feature.
#include "engine/core/Time.h"
#include "engine/core/Translate.h"
#include "game/client/ClientFeatures.h"
#include "game/client/SceneKit.h"
#include "game/client/chat/ChatFeature.h"
#include "game/client/moderation/ModerationFeature.h"

#include <array>
#include <fmt/format.h>
#include <glm/geometric.hpp>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace fg::client {

using proto::ModerationVerb;
using proto::ReportVerdict;

namespace {

struct Choice {
    const char* label;
    std::uint32_t seconds;
};
constexpr std::array<Choice, 4> kDurations = {{{trMark("10 minutes"), 600},
                                               {trMark("1 hour"), 3600},
                                               {trMark("1 day"), 86400},
                                               {trMark("until lifted"), 0}}};

const char* verbName(ModerationVerb v) {
    switch (v) {
    case ModerationVerb::Kick:
        return trMark("Kick");
    case ModerationVerb::Mute:
        return trMark("Mute");
    case ModerationVerb::Unmute:
        return trMark("Unmute");
    case ModerationVerb::Ban:
        return trMark("Ban");
    }
    return "?";
}

ImU32 rgb(std::uint32_t c) {
    return IM_COL32((c >> 16) & 255, (c >> 8) & 255, c & 255, 255);
}

void durationCombo(const char* label, int& index) {
    ImGui::SetNextItemWidth(140);
    if (!ImGui::BeginCombo(label, tr(kDurations[std::size_t(index)].label))) return;
    for (int i = 0; i < int(kDurations.size()); ++i)
        if (ImGui::Selectable(trl(kDurations[std::size_t(i)].label), i == index)) index = i;
    ImGui::EndCombo();
}

} // namespace

void ModerationFeature::drawMenu() {
    if (!organiser()) return;
    if (!ImGui::BeginMenu(trl("Moderation"))) return;
    ImGui::MenuItem((trf("Approval queue ({})", m_queue.size()) + "###queue").c_str(), nullptr,
                    &m_queueOpen);
    ImGui::MenuItem((trf("Reports ({})", m_reports.size()) + "###reports").c_str(), nullptr,
                    &m_reportsOpen);
    ImGui::MenuItem(trl("Announce..."), nullptr, &m_announceOpen);
    ImGui::MenuItem(trl("Heat map on the hall map"), nullptr, &m_heatOn);
    ImGui::EndMenu();
}

void ModerationFeature::drawPanels(const UiFrame& frame) {
    if (!organiser()) return;
    pickAvatar(frame);
    drawModerate();
    drawQueue();
    drawReports();
    drawAnnounce();
}

void ModerationFeature::drawPersonActions(std::uint16_t id, const std::string& name) {
    if (!organiser()) return;
    for (ModerationVerb v : {ModerationVerb::Kick, ModerationVerb::Mute, ModerationVerb::Ban}) {
        ImGui::SameLine();
        if (ImGui::SmallButton(verbName(v))) m_moderate = Pending{id, name, v, 1, {}};
    }
}

// A right-click on an avatar (not on a window) opens its menu: message, kick, mute, ban.
void ModerationFeature::pickAvatar(const UiFrame& f) {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Right) && !io.WantCaptureMouse && m_s.ex) {
        const expo::Hall& hall = m_s.ex->halls[m_s.hall];
        float best = 40.0f; // pixels
        m_menuTarget = 0;
        for (const auto& r : m_s.remotes) {
            glm::vec2 p;
            if (!r.info ||
                !projectToScreen(f.camera, f.viewSize, toWorld(hall, r.position, 1.2f), p))
                continue;
            const float d = glm::distance(p, glm::vec2(io.MousePos.x, io.MousePos.y));
            if (d < best) {
                best = d;
                m_menuTarget = r.id;
            }
        }
        if (m_menuTarget) ImGui::OpenPopup("avatar-menu");
    }
    if (!ImGui::BeginPopup("avatar-menu")) return;
    const netclient::RemoteAvatar* who = nullptr;
    for (const auto& r : m_s.remotes)
        if (r.id == m_menuTarget && r.info) who = &r;
    if (!who) {
        ImGui::CloseCurrentPopup();
        return ImGui::EndPopup();
    }
    const std::string& name = who->info->name;
    ImGui::TextDisabled("%s", name.c_str());
    if (ImGui::MenuItem(trl("Message"))) {
        if (auto* chat = m_host.find<ChatFeature>()) chat->openTab(ChatTab::Direct, who->id);
    }
    for (ModerationVerb v : {ModerationVerb::Kick, ModerationVerb::Mute, ModerationVerb::Ban})
        if (ImGui::MenuItem(fmt::format("{}...", verbName(v)).c_str()))
            m_moderate = Pending{who->id, name, v, 1, {}};
    ImGui::EndPopup();
}

// Confirms a kick, mute or ban with its duration and the reason the person will read.
void ModerationFeature::drawModerate() {
    if (!m_moderate) return;
    Pending& p = *m_moderate;
    bool open = true;
    ImGui::SetNextWindowPos({480, 200}, ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(uiSize(330, 0), ImGuiCond_Appearing);
    const std::string title = fmt::format("{} {}###moderate", tr(verbName(p.verb)), p.name);
    if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse)) {
        if (p.verb != ModerationVerb::Kick) durationCombo(trl("for"), p.duration);
        ImGui::SetNextItemWidth(220);
        ImGui::InputTextWithHint(trl("reason"), tr("shown to them"), &p.reason);
        if (ImGui::Button(trl(verbName(p.verb)))) {
            const std::uint32_t seconds =
                p.verb == ModerationVerb::Kick ? 0 : kDurations[std::size_t(p.duration)].seconds;
            act(p.verb, p.target, seconds, p.reason,
                fmt::format("{} {}", verbName(p.verb), p.name));
            open = false;
        }
        ImGui::SameLine();
        if (ImGui::Button(trl("Cancel"))) open = false;
    }
    ImGui::End();
    if (!open) m_moderate.reset();
}

void ModerationFeature::drawQueue() {
    if (!m_queueOpen) return;
    ImGui::SetNextWindowPos({20, 60}, ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(uiSize(560, 240), ImGuiCond_Appearing);
    if (!ImGui::Begin(trl("Approval queue"), &m_queueOpen)) return ImGui::End();
    if (m_queue.empty()) ImGui::TextDisabled("%s", tr("No booth is waiting for approval."));
    ImGui::SetNextItemWidth(300);
    ImGui::InputTextWithHint("##why", tr("reason for a rejection"), &m_rejectReason);
    for (const auto& e : m_queue) {
        ImGui::PushID(e.boothId.c_str());
        ImGui::Separator();
        ImGui::Text(tr("%s  by %s"), e.boothId.c_str(), e.exhibitorId.c_str());
        ImGui::TextDisabled(
            trn("submitted %s, %u warning", "submitted %s, %u warnings", e.warnings),
            formatUtcTimestamp(e.submittedAt).c_str(), e.warnings);
        if (ImGui::Button(trl("Approve"))) decideBooth(e.boothId, true, "");
        ImGui::SameLine();
        ImGui::BeginDisabled(m_rejectReason.empty());
        if (ImGui::Button(trl("Reject"))) decideBooth(e.boothId, false, m_rejectReason);
        ImGui::EndDisabled();
        ImGui::PopID();
    }
    ImGui::End();
}

void ModerationFeature::drawReports() {
    if (!m_reportsOpen) return;
    ImGui::SetNextWindowPos({20, 320}, ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(uiSize(600, 340), ImGuiCond_Appearing);
    if (!ImGui::Begin(trl("Reports"), &m_reportsOpen)) return ImGui::End();
    if (m_reports.empty())
        ImGui::TextDisabled("%s", tr("No open report."));
    else
        durationCombo(trl("mute for"), m_reportMute);
    for (const auto& r : m_reports)
        drawReport(r);
    ImGui::End();
}

void ModerationFeature::drawReport(const proto::ReportEntry& r) {
    ImGui::PushID(int(r.id));
    ImGui::Separator();
    ImGui::Text(tr("#%llu in %s, reported by %s: %s"), static_cast<unsigned long long>(r.id),
                r.room.c_str(), r.reporterName.c_str(),
                r.reason.empty() ? tr("(no reason)") : r.reason.c_str());
    for (const auto& c : r.context) {
        const bool reported = c.lineId == r.lineId;
        ImGui::TextColored(reported ? ImVec4(1, 0.85f, 0.3f, 1) : ImVec4(0.7f, 0.7f, 0.7f, 1),
                           "%s %s: %s", reported ? ">" : " ", c.fromName.c_str(), c.text.c_str());
    }
    if (ImGui::Button(trl("Delete message"))) decideReport(r.id, ReportVerdict::DeleteLine, 0);
    ImGui::SameLine();
    const std::string mute = trf("Mute {}", r.senderName) + "###mutesender";
    if (ImGui::Button(mute.c_str()))
        decideReport(r.id, ReportVerdict::MuteSender,
                     kDurations[std::size_t(m_reportMute)].seconds);
    ImGui::SameLine();
    if (ImGui::Button(trl("Resolved"))) decideReport(r.id, ReportVerdict::Resolve, 0);
    ImGui::SameLine();
    if (ImGui::Button(trl("Dismiss"))) decideReport(r.id, ReportVerdict::Dismiss, 0);
    ImGui::PopID();
}

void ModerationFeature::drawAnnounce() {
    if (!m_announceOpen || !m_s.ex) return;
    ImGui::SetNextWindowPos({400, 80}, ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(uiSize(380, 0), ImGuiCond_Appearing);
    if (!ImGui::Begin(trl("Announce"), &m_announceOpen)) return ImGui::End();
    const auto& halls = m_s.ex->halls;
    auto label = [&](int i) {
        return i == 0 ? std::string(tr("everyone"))
                      : trf("hall {}", halls[std::size_t(i - 1)].name);
    };
    ImGui::SetNextItemWidth(200);
    if (ImGui::BeginCombo(trl("to"), label(m_announceHall).c_str())) {
        for (int i = 0; i <= int(halls.size()); ++i)
            if (ImGui::Selectable(label(i).c_str(), i == m_announceHall)) m_announceHall = i;
        ImGui::EndCombo();
    }
    ImGui::InputTextMultiline("##text", &m_announceText, ImVec2(-1, 60));
    if (ImGui::Button(trl("Announce")) &&
        announce(m_announceHall ? halls[std::size_t(m_announceHall - 1)].id : "", m_announceText))
        m_announceText.clear();
    ImGui::End();
}

// A chat line's right-click menu: anyone reports; an organiser deletes or mutes its sender.
void ModerationFeature::lineMenu(const ChatLine& l) {
    ImGui::TextDisabled("%s: %.40s", l.fromName.c_str(), l.text.c_str());
    if (!l.mine) {
        ImGui::SetNextItemWidth(200);
        ImGui::InputTextWithHint("##reason", tr("why (optional)"), &m_reportReason);
        if (ImGui::MenuItem(trl("Report to the organisers"))) {
            report(l.lineId, m_reportReason);
            m_reportReason.clear();
        }
    }
    if (!organiser()) return;
    if (ImGui::MenuItem(trl("Delete for everyone"))) deleteLine(l.lineId);
    if (l.from && !l.mine && ImGui::MenuItem((trf("Mute {}...", l.fromName) + "###mute").c_str()))
        m_moderate = Pending{l.from, l.fromName, ModerationVerb::Mute, 1, {}};
}

void ModerationFeature::drawHeatLegend() {
    if (!heat("")) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGui::TextUnformatted(tr("visitors per booth:"));
    ImGui::SameLine();
    std::uint32_t max = 0;
    for (const auto& [id, n] : m_heat)
        max = std::max(max, n);
    for (std::uint32_t step = 0; step < 5; ++step) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        dl->AddRectFilled(at, ImVec2(at.x + 18, at.y + 14), rgb(heatColour(step, 4)));
        ImGui::Dummy(ImVec2(18, 14));
        ImGui::SameLine(0, 2);
    }
    ImGui::Text(" 0 .. %u", max);
}

} // namespace fg::client
