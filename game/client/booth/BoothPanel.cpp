// The booth panel: company profile, posters (zoom), documents, links (confirm, then browser),
// 3D models, like, booth chat, business card form with consent, staff online,
// then the sections other features add (an exhibitor's own figures). ImGui widgets only.
#include "engine/core/Translate.h"
#include "game/client/ClientFeatures.h"
#include "game/client/LocalText.h"
#include "game/client/booth/BoothFeature.h"
#include "game/client/chat/ChatFeature.h"

#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace fg::client {

void BoothFeature::profileSection(const expo::Booth& b, const expo::Exhibitor* x) {
    if (!x) return;
    ImGui::TextWrapped("%s", inUiLanguage(x->description, x->descriptionI18n).c_str());
    ImGui::Spacing();
    ImGui::Text(tr("Country: %s   Sector: %s%s"), x->country.c_str(), x->sector.c_str(),
                x->sme ? tr("   SME") : "");
    ImGui::Text(tr("Website: %s"), x->website.c_str());
    ImGui::Text(tr("Contact: %s"), x->email.c_str());
    staffLine(b);
}

// "staff online: NAME, NAME" with a button that opens the booth chat their replies come to.
void BoothFeature::staffLine(const expo::Booth& b) {
    const bool staff = staffOnline(b.id);
    const ImVec4 green{0.3f, 0.85f, 0.4f, 1}, grey{0.6f, 0.6f, 0.6f, 1};
    std::string names;
    for (const std::string& n : staffNames(b.id))
        names += (names.empty() ? "" : ", ") + n;
    const std::string text = !staff          ? std::string(tr("[offline] No staff at the booth"))
                             : names.empty() ? std::string(tr("[online] Staff at the booth"))
                                             : trf("[online] staff online: {}", names);
    ImGui::TextColored(staff ? green : grey, "%s", text.c_str());
    auto* chat = m_host.find<ChatFeature>();
    if (staff && chat) {
        ImGui::SameLine();
        if (ImGui::SmallButton(trl("Chat with staff"))) chat->openTab(ChatTab::Booth);
    }
    const int near = visitorsNear(m_s, m_s.selection.booth);
    ImGui::Text(trn("%d visitor nearby", "%d visitors nearby", unsigned(near)), near);
}

void BoothFeature::postersSection(const expo::Booth& b) {
    if (b.content.posters.empty() ||
        !ImGui::CollapsingHeader(trl("Posters"), ImGuiTreeNodeFlags_DefaultOpen))
        return;
    for (const expo::Poster& p : b.content.posters) {
        ImGui::PushID(int(p.slot));
        ImGui::BulletText(tr("Poster %u"), p.slot + 1);
        ImGui::SameLine();
        if (ImGui::SmallButton(trl("Zoom"))) {
            m_s.selection.zoomPoster = int(p.slot);
            m_s.selection.zoom = 1.0f;
        }
        ImGui::PopID();
    }
    if (m_s.selection.zoomPoster >= 0) {
        ImGui::SliderFloat(trl("Zoom"), &m_s.selection.zoom, 1.0f, 4.0f, tr("%.1fx"));
        if (ImGui::Button(trl("Back to the booth"))) m_s.selection.zoomPoster = -1;
    }
}

void BoothFeature::itemsSection(const expo::Booth& b) {
    if (!b.content.documents.empty() &&
        ImGui::CollapsingHeader(trl("Documents"), ImGuiTreeNodeFlags_DefaultOpen))
        for (std::size_t i = 0; i < b.content.documents.size(); ++i) {
            ImGui::PushID(int(i));
            if (ImGui::SmallButton(trl("Open"))) openDocument(i);
            ImGui::SameLine();
            ImGui::TextUnformatted(b.content.documents[i].title.c_str());
            ImGui::PopID();
        }
    if (!b.content.links.empty() &&
        ImGui::CollapsingHeader(trl("Links"), ImGuiTreeNodeFlags_DefaultOpen))
        for (std::size_t i = 0; i < b.content.links.size(); ++i) {
            ImGui::PushID(int(100 + i));
            if (ImGui::SmallButton(trl("Visit"))) openLink(i, false);
            ImGui::SameLine();
            ImGui::TextUnformatted(b.content.links[i].title.c_str());
            ImGui::PopID();
        }
    if (!b.content.models.empty() && ImGui::CollapsingHeader(trl("3D models")))
        for (const expo::ModelPlacement& m : b.content.models)
            ImGui::BulletText(tr("%s (shown on the stand)"), m.file.c_str());
    if (!b.content.videos.empty() && ImGui::CollapsingHeader(trl("Videos")))
        for (const expo::Video& v : b.content.videos)
            ImGui::BulletText("%s", v.title.c_str());
}

void BoothFeature::linkConfirm(const expo::Booth& b) {
    if (m_forms.confirmLink < 0) return;
    ImGui::OpenPopup(trl("Open link?"));
    if (ImGui::BeginPopupModal(trl("Open link?"), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("%s", tr("Open this address in your web browser?"));
        ImGui::TextColored({0.5f, 0.8f, 1, 1}, "%s",
                           b.content.links[std::size_t(m_forms.confirmLink)].url.c_str());
        if (ImGui::Button(trl("Open"))) {
            openLink(std::size_t(m_forms.confirmLink), true);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(trl("Cancel"))) {
            m_forms.confirmLink = -1;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

void BoothFeature::cardFormSection() {
    CardForm& c = m_forms.card;
    ImGui::InputText(trl("Name"), &c.name);
    ImGui::InputText(trl("Company"), &c.company);
    ImGui::InputText(trl("E-mail"), &c.email);
    ImGui::InputTextMultiline(trl("Note"), &c.note, ImVec2(-1, 50));
    ImGui::Checkbox(trl("I agree to share these details with this exhibitor"), &c.consent);
    ImGui::BeginDisabled(!c.consent);
    if (ImGui::Button(trl("Drop my card"))) dropCard();
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(trl("Cancel", "Cancel##card"))) m_cardForm = false;
}

void BoothFeature::actionsSection(const expo::Booth& b) {
    ImGui::Separator();
    const auto count = likes(b.id);
    if (ImGui::Button(count ? (trf("Like ({})", *count) + "###Like").c_str() : trl("Like"))) like();
    ImGui::SameLine();
    if (ImGui::Button(trl("Drop business card"))) m_cardForm = true;
    ImGui::SetItemDefaultFocus(); // a panel opened from the keyboard starts on its main action
    ImGui::SameLine();
    if (auto* chat = m_host.find<ChatFeature>(); chat && ImGui::Button(trl("Booth chat")))
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
    const std::string title =
        trf("{} - booth {}", x ? inUiLanguage(x->name, x->nameI18n) : b.exhibitor, b.id) +
        "###booth";
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
