// The jury panel: per finalist of the juror's categories one 1-10 slider per rubric criterion
// (with its weight), Submit, what is already scored, and the finalists the juror may not score
// (own organisation) shown disabled with the reason. ImGui widgets only; the server decides.
#include "engine/core/Translate.h"
#include "game/client/awards/AwardsFeature.h"

#include <algorithm>
#include <imgui.h>

namespace fg::client {

using namespace fg::expo::proto;

namespace {

bool listed(const std::vector<std::string>& list, const std::string& booth) {
    return std::find(list.begin(), list.end(), booth) != list.end();
}

} // namespace

void AwardsFeature::juryWindow() {
    ImGui::SetNextWindowPos({660, 40}, ImGuiCond_Appearing);
    ImGui::SetNextWindowSize({560, 600}, ImGuiCond_Appearing);
    if (!ImGui::Begin(trl("Jury scoring"), &m_jury)) return ImGui::End();
    bool any = false;
    for (const expo::AwardCategory& a : m_s.ex->awards)
        if (const AwardStatus* st = status(a.id); st && st->juror) {
            juryCategory(a, *st);
            any = true;
        }
    if (!any) ImGui::TextDisabled("%s", tr("You are not on any category's jury."));
    ImGui::End();
}

void AwardsFeature::juryCategory(const expo::AwardCategory& a, const AwardStatus& st) {
    if (!ImGui::CollapsingHeader(a.name.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;
    ImGui::PushID(a.id.c_str());
    ImGui::TextDisabled(
        tr("Scored %zu of %zu finalists; each criterion 1 (weak) to 10 (excellent)"),
        st.scored.size(), a.finalists.size() - st.conflicts.size());
    auto refusal = m_refusals.find(a.id);
    if (refusal != m_refusals.end())
        ImGui::TextColored({1.0f, 0.45f, 0.4f, 1}, tr("Not accepted: %s"), refusal->second.c_str());
    for (const std::string& booth : a.finalists)
        juryFinalist(a, st, booth);
    ImGui::PopID();
}

void AwardsFeature::juryFinalist(const expo::AwardCategory& a, const AwardStatus& st,
                                 const std::string& booth) {
    ImGui::PushID(booth.c_str());
    ImGui::Separator();
    const bool conflict = listed(st.conflicts, booth);
    const bool scored = listed(st.scored, booth);
    ImGui::Text("%s", boothName(booth).c_str());
    if (conflict || scored) ImGui::SameLine();
    if (conflict)
        ImGui::TextColored({1.0f, 0.6f, 0.3f, 1}, "%s",
                           tr("(your own organisation: you may not score it)"));
    else if (scored)
        ImGui::TextColored({0.4f, 0.85f, 0.45f, 1}, "%s", tr("(scored; submit again to change)"));
    ImGui::BeginDisabled(conflict);
    std::vector<int>& values = sliders(a, booth);
    for (std::size_t i = 0; i < a.rubric.size(); ++i) {
        ImGui::PushID(int(i));
        ImGui::SetNextItemWidth(200);
        const std::string label =
            a.rubric[i].name + " (weight " + std::to_string(a.rubric[i].weight) + ")";
        ImGui::SliderInt(label.c_str(), &values[i], 1, 10);
        ImGui::PopID();
    }
    if (ImGui::Button(scored ? trl("Submit again") : trl("Submit"))) {
        std::vector<std::uint8_t> scores;
        for (int v : values)
            scores.push_back(std::uint8_t(std::clamp(v, 1, 10)));
        score(a.id, booth, scores);
    }
    ImGui::EndDisabled();
    ImGui::PopID();
}

} // namespace fg::client
