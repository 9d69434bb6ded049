// The booth panel: company profile, posters (zoom), documents, links (confirm, then browser),
// 3D models, like, booth chat, business card form with consent, staff online,
// then the sections other features add (an exhibitor's own figures). ImGui widgets only.
#include "game/client/ClientFeatures.h"
#include "game/client/booth/BoothFeature.h"
#include "game/client/chat/ChatFeature.h"

#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace fg::client {

void BoothFeature::profileSection(const expo::Booth& b, const expo::Exhibitor* x) {
    if (!x) return;
    ImGui::TextWrapped("%s", x->description.c_str());
    ImGui::Spacing();
    ImGui::Text("Country: %s   Sector: %s%s", x->country.c_str(), x->sector.c_str(),
                x->sme ? "   SME" : "");
    ImGui::Text("Website: %s", x->website.c_str());
    ImGui::Text("Contact: %s", x->email.c_str());
    staffLine(b);
}

// "staff online: NAME, NAME" with a button that opens the booth chat their replies come to.
void BoothFeature::staffLine(const expo::Booth& b) {
    const bool staff = staffOnline(b.id);
    const ImVec4 green{0.3f, 0.85f, 0.4f, 1}, grey{0.6f, 0.6f, 0.6f, 1};
    std::string names;
    for (const std::string& n : staffNames(b.id))
        names += (names.empty() ? "" : ", ") + n;
    const std::string text = !staff          ? "[offline] No staff at the booth"
                             : names.empty() ? "[online] Staff at the booth"
                                             : "[online] staff online: " + names;
    ImGui::TextColored(staff ? green : grey, "%s", text.c_str());
    auto* chat = m_host.find<ChatFeature>();
    if (staff && chat) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Chat with staff")) chat->openTab(ChatTab::Booth);
    }
    ImGui::Text("%d visitors nearby", visitorsNear(m_s, m_s.selection.booth));
}

void BoothFeature::postersSection(const expo::Booth& b) {
    if (b.content.posters.empty() ||
        !ImGui::CollapsingHeader("Posters", ImGuiTreeNodeFlags_DefaultOpen))
        return;
    for (const expo::Poster& p : b.content.posters) {
        ImGui::PushID(int(p.slot));
        ImGui::BulletText("Poster %u", p.slot + 1);
        ImGui::SameLine();
        if (ImGui::SmallButton("Zoom")) {
            m_s.selection.zoomPoster = int(p.slot);
            m_s.selection.zoom = 1.0f;
        }
        ImGui::PopID();
    }
    if (m_s.selection.zoomPoster >= 0) {
        ImGui::SliderFloat("Zoom", &m_s.selection.zoom, 1.0f, 4.0f, "%.1fx");
        if (ImGui::Button("Back to the booth")) m_s.selection.zoomPoster = -1;
    }
}

void BoothFeature::itemsSection(const expo::Booth& b) {
    if (!b.content.documents.empty() &&
        ImGui::CollapsingHeader("Documents", ImGuiTreeNodeFlags_DefaultOpen))
        for (std::size_t i = 0; i < b.content.documents.size(); ++i) {
            ImGui::PushID(int(i));
            if (ImGui::SmallButton("Open")) openDocument(i);
            ImGui::SameLine();
            ImGui::TextUnformatted(b.content.documents[i].title.c_str());
            ImGui::PopID();
        }
    if (!b.content.links.empty() &&
        ImGui::CollapsingHeader("Links", ImGuiTreeNodeFlags_DefaultOpen))
        for (std::size_t i = 0; i < b.content.links.size(); ++i) {
            ImGui::PushID(int(100 + i));
            if (ImGui::SmallButton("Visit")) openLink(i, false);
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

void BoothFeature::linkConfirm(const expo::Booth& b) {
    if (m_forms.confirmLink < 0) return;
    ImGui::OpenPopup("Open link?");
    if (ImGui::BeginPopupModal("Open link?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("Open this address in your web browser?");
        ImGui::TextColored({0.5f, 0.8f, 1, 1}, "%s",
                           b.content.links[std::size_t(m_forms.confirmLink)].url.c_str());
        if (ImGui::Button("Open")) {
            openLink(std::size_t(m_forms.confirmLink), true);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) {
            m_forms.confirmLink = -1;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

void BoothFeature::cardFormSection() {
    CardForm& c = m_forms.card;
    ImGui::InputText("Name", &c.name);
    ImGui::InputText("Company", &c.company);
    ImGui::InputText("E-mail", &c.email);
    ImGui::InputTextMultiline("Note", &c.note, ImVec2(-1, 50));
    ImGui::Checkbox("I agree to share these details with this exhibitor", &c.consent);
    ImGui::BeginDisabled(!c.consent);
    if (ImGui::Button("Drop my card")) dropCard();
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel##card")) m_cardForm = false;
}

void BoothFeature::actionsSection(const expo::Booth& b) {
    ImGui::Separator();
    const auto count = likes(b.id);
    if (ImGui::Button(count ? fmt::format("Like ({})", *count).c_str() : "Like")) like();
    ImGui::SameLine();
    if (ImGui::Button("Drop business card")) m_cardForm = true;
    ImGui::SetItemDefaultFocus(); // a panel opened from the keyboard starts on its main action
    ImGui::SameLine();
    if (auto* chat = m_host.find<ChatFeature>(); chat && ImGui::Button("Booth chat"))
        chat->openTab(ChatTab::Booth);
    if (m_cardForm) cardFormSection();
    if (!m_forms.lastResult.empty())
        ImGui::TextColored({0.5f, 0.9f, 0.5f, 1}, "%s", m_forms.lastResult.c_str());
}

void BoothFeature::drawPanels(const UiFrame&) {
    const expo::Booth* selected = selectedBooth(m_s);
    if (!selected) return;
    const expo::Booth& b = *selected;
    const expo::Exhibitor* x = expo::findExhibitor(*m_s.ex, b.exhibitor);
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 10, 40), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::SetNextWindowSize(
        ImVec2(std::min(uiSize(430, 0).x, io.DisplaySize.x * 0.45f), io.DisplaySize.y - 90),
        ImGuiCond_Always);
    bool open = true;
    const std::string title = fmt::format("{} - booth {}###booth", x ? x->name : b.exhibitor, b.id);
    if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse)) {
        profileSection(b, x);
        actionsSection(b);
        postersSection(b);
        itemsSection(b);
        for (const Section& section : m_sections)
            section(b);
        linkConfirm(b);
    }
    ImGui::End();
    if (!open) close();
}

} // namespace fg::client
