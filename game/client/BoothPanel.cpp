// The booth panel: company profile, posters (zoom), documents, links (confirm, then browser),
// 3D models, like, booth chat, business card form with consent, meeting request, staff online;
// an exhibitor's own booth adds its live statistics and newest leads (BoothStats). ImGui only.
#include "engine/core/Time.h"
#include "game/client/ClientUi.h"

#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace fg::client {
namespace {

void profileSection(Session& s, const expo::Booth& b, const expo::Exhibitor* x) {
    if (!x) return;
    ImGui::TextWrapped("%s", x->description.c_str());
    ImGui::Spacing();
    ImGui::Text("Country: %s   Sector: %s%s", x->country.c_str(), x->sector.c_str(),
                x->sme ? "   SME" : "");
    ImGui::Text("Website: %s", x->website.c_str());
    ImGui::Text("Contact: %s", x->email.c_str());
    const bool staff = staffOnline(s, b.id);
    const ImVec4 green{0.3f, 0.85f, 0.4f, 1}, grey{0.6f, 0.6f, 0.6f, 1};
    ImGui::TextColored(staff ? green : grey, "%s",
                       staff ? "[online] Staff at the booth" : "[offline] No staff at the booth");
    ImGui::SameLine();
    ImGui::Text("  %d visitors nearby", visitorsNear(s, s.booth.booth));
}

void postersSection(Session& s, const expo::Booth& b) {
    if (b.content.posters.empty() ||
        !ImGui::CollapsingHeader("Posters", ImGuiTreeNodeFlags_DefaultOpen))
        return;
    for (const expo::Poster& p : b.content.posters) {
        ImGui::PushID(int(p.slot));
        ImGui::BulletText("Poster %u", p.slot + 1);
        ImGui::SameLine();
        if (ImGui::SmallButton("Zoom")) {
            s.booth.zoomPoster = int(p.slot);
            s.booth.zoom = 1.0f;
        }
        ImGui::PopID();
    }
    if (s.booth.zoomPoster >= 0) {
        ImGui::SliderFloat("Zoom", &s.booth.zoom, 1.0f, 4.0f, "%.1fx");
        if (ImGui::Button("Back to the booth")) s.booth.zoomPoster = -1;
    }
}

void itemsSection(Session& s, const expo::Booth& b) {
    if (!b.content.documents.empty() &&
        ImGui::CollapsingHeader("Documents", ImGuiTreeNodeFlags_DefaultOpen))
        for (std::size_t i = 0; i < b.content.documents.size(); ++i) {
            ImGui::PushID(int(i));
            if (ImGui::SmallButton("Open")) openDocument(s, i);
            ImGui::SameLine();
            ImGui::TextUnformatted(b.content.documents[i].title.c_str());
            ImGui::PopID();
        }
    if (!b.content.links.empty() &&
        ImGui::CollapsingHeader("Links", ImGuiTreeNodeFlags_DefaultOpen))
        for (std::size_t i = 0; i < b.content.links.size(); ++i) {
            ImGui::PushID(int(100 + i));
            if (ImGui::SmallButton("Visit")) openLink(s, i, false);
            ImGui::SameLine();
            ImGui::TextUnformatted(b.content.links[i].title.c_str());
            ImGui::PopID();
        }
    if (!b.content.models.empty() && ImGui::CollapsingHeader("3D models"))
        for (const expo::ModelPlacement& m : b.content.models)
            ImGui::BulletText("%s (shown on the stand)", m.file.c_str());
    if (!b.content.videos.empty() && ImGui::CollapsingHeader("Videos"))
        for (const expo::Video& v : b.content.videos)
            ImGui::BulletText("%s", v.title.c_str());
}

void linkConfirm(Session& s, const expo::Booth& b) {
    if (s.booth.confirmLink < 0) return;
    ImGui::OpenPopup("Open link?");
    if (ImGui::BeginPopupModal("Open link?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("Open this address in your web browser?");
        ImGui::TextColored({0.5f, 0.8f, 1, 1}, "%s",
                           b.content.links[std::size_t(s.booth.confirmLink)].url.c_str());
        if (ImGui::Button("Open")) {
            openLink(s, std::size_t(s.booth.confirmLink), true);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) {
            s.booth.confirmLink = -1;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

void cardForm(Session& s) {
    CardForm& c = s.booth.card;
    ImGui::InputText("Name", &c.name);
    ImGui::InputText("Company", &c.company);
    ImGui::InputText("E-mail", &c.email);
    ImGui::InputTextMultiline("Note", &c.note, ImVec2(-1, 50));
    ImGui::Checkbox("I agree to share these details with this exhibitor", &c.consent);
    ImGui::BeginDisabled(!c.consent);
    if (ImGui::Button("Drop my card")) dropCard(s);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel##card")) s.ui.cardForm = false;
}

void meetingForm(Session& s) {
    MeetingForm& m = s.booth.meeting;
    ImGui::SliderInt("Day (from today)", &m.dayOffset, 0, 6);
    ImGui::SliderInt("Hour (UTC)", &m.hour, 0, 23);
    ImGui::SliderInt("Minute", &m.minute, 0, 55);
    ImGui::SliderInt("Length (min)", &m.minutes, 5, 120);
    ImGui::InputText("Note##meeting", &m.note);
    if (ImGui::Button("Send request")) requestMeeting(s);
    ImGui::SameLine();
    if (ImGui::Button("Cancel##meeting")) s.ui.meetingForm = false;
}

void actionsSection(Session& s, const expo::Booth& b) {
    ImGui::Separator();
    const auto likes = s.likes.find(b.id);
    if (ImGui::Button(likes == s.likes.end() ? "Like"
                                             : fmt::format("Like ({})", likes->second).c_str()))
        likeBooth(s);
    ImGui::SameLine();
    if (ImGui::Button("Drop business card")) s.ui.cardForm = true;
    ImGui::SameLine();
    if (ImGui::Button("Request a meeting")) s.ui.meetingForm = true;
    ImGui::SameLine();
    if (ImGui::Button("Booth chat")) {
        s.ui.chat = true;
        s.chatTab = ChatTab::Booth;
    }
    if (s.ui.cardForm) cardForm(s);
    if (s.ui.meetingForm) meetingForm(s);
    if (!s.booth.lastResult.empty())
        ImGui::TextColored({0.5f, 0.9f, 0.5f, 1}, "%s", s.booth.lastResult.c_str());
}

std::string minutesSeconds(std::uint32_t seconds) {
    return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
}

void statsTable(const proto::BoothStats& st) {
    if (!ImGui::BeginTable("boothstats", 4, ImGuiTableFlags_SizingStretchSame)) return;
    const std::pair<const char*, std::string> cells[] = {
        {"Visits", std::to_string(st.visits)},
        {"Unique visitors", std::to_string(st.uniqueVisitors)},
        {"Mean dwell", minutesSeconds(st.meanDwellSeconds)},
        {"Here now", std::to_string(st.visitorsNow)},
        {"Likes", std::to_string(st.likes)},
        {"Cards (leads)", std::to_string(st.cards)},
        {"Document opens", std::to_string(st.documentOpens)},
        {"Link / video opens", fmt::format("{} / {}", st.linkOpens, st.videoOpens)}};
    for (const auto& [label, value] : cells) {
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", label);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(value.c_str());
    }
    ImGui::EndTable();
}

void leadsList(const proto::BoothStats& st) {
    ImGui::Text("Newest leads (%zu of %u):", st.recentLeads.size(), st.cards);
    if (st.recentLeads.empty()) ImGui::TextDisabled("  no cards yet");
    for (const proto::LeadSummary& l : st.recentLeads) {
        const std::string when = formatUtcTimestamp(l.timeUnix);
        ImGui::BulletText("%s  %s (%s) <%s>", when.c_str(), l.name.c_str(), l.organisation.c_str(),
                          l.email.c_str());
        if (!l.message.empty()) ImGui::TextWrapped("    \"%s\"", l.message.c_str());
    }
}

void ownBoothSection(Session& s, const expo::Booth& b) {
    if (!ownsOpenBooth(s)) return;
    if (!ImGui::CollapsingHeader("Your booth (live)", ImGuiTreeNodeFlags_DefaultOpen)) return;
    const auto stats = s.boothStats.find(b.id);
    if (stats == s.boothStats.end()) {
        ImGui::TextDisabled("asking the server for this booth's statistics...");
    } else {
        const proto::BoothStats& st = stats->second;
        ImGui::TextColored(st.staffOnline ? ImVec4{0.3f, 0.85f, 0.4f, 1}
                                          : ImVec4{0.6f, 0.6f, 0.6f, 1},
                           "%s", st.staffOnline ? "Staff online" : "No staff online");
        ImGui::SameLine();
        ImGui::TextDisabled("  (refreshed every 3 s)");
        statsTable(st);
        leadsList(st);
    }
    ImGui::Text("Meeting requests this session: %zu", s.meetingsIn.size());
    for (const auto& m : s.meetingsIn)
        ImGui::BulletText("%s: %u min, %s", m.fromName.c_str(), m.minutes, m.note.c_str());
    ImGui::TextDisabled("All leads as CSV: `leads %s --csv` on the console", b.id.c_str());
}

} // namespace

void drawBoothPanel(Session& s) {
    if (!s.ex || s.booth.booth < 0) return;
    const expo::Booth& b = s.ex->booths[std::size_t(s.booth.booth)];
    const expo::Exhibitor* x = expo::findExhibitor(*s.ex, b.exhibitor);
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 10, 40), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::SetNextWindowSize(
        ImVec2(std::min(430.0f, io.DisplaySize.x * 0.45f), io.DisplaySize.y - 90),
        ImGuiCond_Always);
    bool open = true;
    const std::string title = fmt::format("{} - booth {}###booth", x ? x->name : b.exhibitor, b.id);
    if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse)) {
        profileSection(s, b, x);
        actionsSection(s, b);
        postersSection(s, b);
        itemsSection(s, b);
        ownBoothSection(s, b);
        linkConfirm(s, b);
    }
    ImGui::End();
    if (!open) closeBooth(s);
}

} // namespace fg::client
