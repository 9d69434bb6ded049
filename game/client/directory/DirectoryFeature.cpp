// Directory window and actions. Opening a booth goes through BoothFeature when the build has
// one; never edits another feature's state directly.
#include "game/client/directory/DirectoryFeature.h"

#include "engine/core/Translate.h"
#include "game/client/ClientFeatures.h"
#include "game/client/LocalText.h"
#include "game/client/awards/AwardsFeature.h"
#include "game/client/booth/BoothFeature.h"

#include <algorithm>
#include <imgui.h>
#include <imgui_stdlib.h>
#include <set>

namespace fg::client {
namespace {

bool containsNoCase(const std::string& hay, const std::string& needle) {
    if (needle.empty()) return true;
    auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) ==
               std::tolower(static_cast<unsigned char>(b));
    });
    return it != hay.end();
}

bool combo(const char* label, std::string& value, const std::set<std::string>& options) {
    bool changed = false;
    if (ImGui::BeginCombo(label, value.empty() ? tr("(all)") : value.c_str())) {
        if (ImGui::Selectable(trl("(all)"), value.empty())) value.clear(), changed = true;
        for (const auto& o : options)
            if (ImGui::Selectable(o.c_str(), o == value)) value = o, changed = true;
        ImGui::EndCombo();
    }
    return changed;
}

} // namespace

std::optional<Status> DirectoryFeature::runAction(const std::string& name,
                                                  const std::vector<std::string>& args) {
    if (name == "search") {
        m_open = true;
        m_search = joinArgs(args);
    } else if (name == "directory-finalists") {
        m_open = true;
        m_finalists = args.empty() || args[0] != "off";
    } else if (name == "directory")
        m_open = !m_open;
    else if (name == "directory-sector") { // the Sector filter, as picked in the panel
        m_open = true;
        m_sector = joinArgs(args);
    } else
        return std::nullopt;
    return Status{};
}

void DirectoryFeature::drawMenu() {
    ImGui::MenuItem(trl("Directory"), nullptr, &m_open);
}

void DirectoryFeature::row(const expo::Booth& b, const expo::Exhibitor& x) {
    ImGui::PushID(b.id.c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    // A selectable name: arrow keys move the selection, G walks there (KeyboardFeature).
    if (ImGui::Selectable(inUiLanguage(x.name, x.nameI18n).c_str(), m_selected == b.id) ||
        ImGui::IsItemFocused())
        m_selected = b.id;
    if (const auto* awards = m_host.find<AwardsFeature>(); awards && !awards->wonBy(b.id).empty()) {
        ImGui::SameLine();
        ImGui::TextColored({1.0f, 0.82f, 0.25f, 1}, "%s", tr("[winner]"));
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(x.country.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(x.sector.c_str());
    ImGui::TableNextColumn();
    if (ImGui::SmallButton(trl("Go"))) {
        teleportToBooth(m_s, b.id);
        if (auto* booth = m_host.find<BoothFeature>()) booth->open(b.id);
    }
    ImGui::PopID();
}

void DirectoryFeature::drawPanels(const UiFrame&) {
    if (!m_open) return;
    ImGui::SetNextWindowPos({10, 40}, ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(uiSize(520, 420), ImGuiCond_Appearing);
    if (!ImGui::Begin(trl("Exhibitor directory"), &m_open)) return ImGui::End();
    std::set<std::string> sectors, countries;
    for (const auto& x : m_s.ex->exhibitors)
        sectors.insert(x.sector), countries.insert(x.country);
    ImGui::InputTextWithHint("##search", tr("Search by name"), &m_search);
    combo(trl("Sector"), m_sector, sectors);
    combo(trl("Country"), m_country, countries);
    const auto* awards = m_host.find<AwardsFeature>();
    if (awards && !m_s.ex->awards.empty())
        ImGui::Checkbox(trl("Award finalists only"), &m_finalists);
    ImGui::Separator();
    if (ImGui::BeginTable("dir", 4,
                          ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                              ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(tr("Company"));
        ImGui::TableSetupColumn(tr("Country"));
        ImGui::TableSetupColumn(tr("Sector"));
        ImGui::TableSetupColumn("");
        ImGui::TableHeadersRow();
        for (const auto& b : m_s.ex->booths) {
            const expo::Exhibitor* x = expo::findExhibitor(*m_s.ex, b.exhibitor);
            if (!x || !(containsNoCase(x->name, m_search) ||
                        containsNoCase(inUiLanguage(x->name, x->nameI18n), m_search)))
                continue;
            if (!m_sector.empty() && x->sector != m_sector) continue;
            if (!m_country.empty() && x->country != m_country) continue;
            if (m_finalists && awards && awards->finalistOf(b.id).empty()) continue;
            row(b, *x);
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

} // namespace fg::client
