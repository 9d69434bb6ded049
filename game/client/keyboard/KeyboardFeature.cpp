// The keyboard's actions (script names: next-booth, previous-booth, open-focused-booth,
// walk-to-selected, next-session, focus-world) and the focused booth's hint. Never reads keys.
#include "game/client/keyboard/KeyboardFeature.h"

#include "engine/core/Translate.h"
#include "game/client/ClientFeatures.h"
#include "game/client/agenda/AgendaFeature.h"
#include "game/client/booth/BoothFeature.h"
#include "game/client/directory/DirectoryFeature.h"

#include <algorithm>
#include <glm/geometric.hpp>
#include <imgui.h>

namespace fg::client {

std::vector<int> KeyboardFeature::hallBooths() const {
    std::vector<int> out;
    for (std::size_t i = 0; (m_s.ex != nullptr) && i < m_s.ex->booths.size(); ++i)
        if (hallIndexOf(*m_s.ex, m_s.ex->booths[i].hall) == m_s.hall) out.push_back(int(i));
    return out;
}

bool KeyboardFeature::stepBooth(int step) {
    const std::vector<int> booths = hallBooths();
    if (booths.empty()) return false;
    const int current = boothIndex(m_s, m_focused);
    auto at = std::find(booths.begin(), booths.end(), current);
    int next = 0;
    if (at == booths.end() && m_s.avatar) { // no focus yet: the nearest booth
        auto nearest = std::min_element(booths.begin(), booths.end(), [&](int a, int b) {
            const glm::vec2 me = m_s.avatar->position();
            return glm::distance(m_s.ex->booths[std::size_t(a)].position, me) <
                   glm::distance(m_s.ex->booths[std::size_t(b)].position, me);
        });
        next = int(nearest - booths.begin());
    } else if (at != booths.end()) {
        const int n = int(booths.size());
        next = ((int(at - booths.begin()) + step) % n + n) % n;
    }
    m_focused = m_s.ex->booths[std::size_t(booths[std::size_t(next)])].id;
    return goToBooth(m_s, m_focused);
}

bool KeyboardFeature::openFocused() {
    auto* booth = m_host.find<BoothFeature>();
    return !m_focused.empty() && booth && booth->open(m_focused);
}

bool KeyboardFeature::walkToSelected() {
    const auto* directory = m_host.find<DirectoryFeature>();
    if (!directory || directory->selected().empty()) return false;
    m_focused = directory->selected();
    return goToBooth(m_s, m_focused);
}

bool KeyboardFeature::goToNextSession() {
    const auto* agenda = m_host.find<AgendaFeature>();
    if (!agenda || !(m_s.ex != nullptr)) return false;
    const UnixSeconds now = agenda->now();
    const expo::Session* next = nullptr;
    for (const expo::Session& e : m_s.ex->sessions)
        if (agenda->starred(e.id) && e.end > now && (!next || e.start < next->start)) next = &e;
    if (!next) {
        toast(m_s, "No starred session ahead: star sessions in the agenda first");
        return false;
    }
    toast(m_s, "Going to " + next->title);
    return teleportToVenue(m_s, next->venue);
}

std::optional<Status> KeyboardFeature::runAction(const std::string& name,
                                                 const std::vector<std::string>& args) {
    bool ok = false;
    if (name == "next-booth" || name == "previous-booth")
        ok = stepBooth(name == "next-booth" ? 1 : -1);
    else if (name == "open-focused-booth")
        ok = openFocused();
    else if (name == "walk-to-selected")
        ok = walkToSelected();
    else if (name == "next-session")
        ok = goToNextSession();
    else if (name == "focus-world")
        ok = m_releaseUi = true;
    else
        return std::nullopt;
    return actionRan(ok, name, args);
}

void KeyboardFeature::drawPanels(const UiFrame&) {
    if (m_releaseUi) { // no window keeps the keyboard: WASD walks again
        ImGui::SetWindowFocus(nullptr);
        m_releaseUi = false;
    }
    const int index = boothIndex(m_s, m_focused);
    if (index < 0 || selectedBooth(m_s)) return;
    const expo::Exhibitor* x =
        expo::findExhibitor(*m_s.ex, m_s.ex->booths[std::size_t(index)].exhibitor);
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y - 60), ImGuiCond_Always,
                            ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.75f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs |
                                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoNav |
                                   ImGuiWindowFlags_NoFocusOnAppearing;
    if (ImGui::Begin("##focused-booth", nullptr, flags))
        ImGui::Text(tr("Booth %s: %s   (O or Enter: open   N / B: next / previous)"),
                    m_focused.c_str(), x ? x->name.c_str() : "");
    ImGui::End();
}

} // namespace fg::client
