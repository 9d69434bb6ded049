// The Awards panel (every category: voting window, my ballot, finalists with their pitch, poster,
// video, "Go to booth", "Vote"; totals when the server sends them; "Reveal" for whoever may) and
// the awards section of the booth panel. ImGui widgets only; requests go through AwardsFeature.
#include "engine/core/Time.h"
#include "engine/core/Translate.h"
#include "game/client/awards/AwardsFeature.h"

#include <algorithm>
#include <fmt/format.h>
#include <imgui.h>

namespace fg::client {

using namespace fg::expo::proto;

namespace {

const ImVec4 kGold{1.0f, 0.82f, 0.25f, 1}, kRed{1.0f, 0.45f, 0.4f, 1},
    kGreen{0.4f, 0.85f, 0.45f, 1};

const expo::AwardPitch* pitchOf(const expo::AwardCategory& a, const std::string& booth) {
    for (const expo::AwardPitch& p : a.pitches)
        if (p.booth == booth) return &p;
    return nullptr;
}

} // namespace

void AwardsFeature::drawMenu() {
    if (!m_s.ex || m_s.ex->awards.empty()) return;
    if (ImGui::MenuItem(trl("Awards"), nullptr, &m_window) && m_window) refresh();
    bool juror = false;
    if (m_state)
        for (const AwardStatus& st : m_state->categories)
            juror = juror || st.juror;
    if (juror) ImGui::MenuItem(trl("Jury"), nullptr, &m_jury);
}

void AwardsFeature::drawPanels(const UiFrame&) {
    if (!m_s.ex || m_s.ex->awards.empty()) return;
    if (m_window) awardsWindow();
    if (m_jury) juryWindow();
    videoConfirm();
}

void AwardsFeature::awardsWindow() {
    ImGui::SetNextWindowPos({20, 40}, ImGuiCond_Appearing);
    ImGui::SetNextWindowSize({620, 640}, ImGuiCond_Appearing);
    if (!ImGui::Begin(trl("SME Awards"), &m_window)) return ImGui::End();
    if (!m_state) ImGui::TextDisabled("%s", tr("Asking the server..."));
    if (ImGui::BeginTabBar("categories")) {
        for (const expo::AwardCategory& a : m_s.ex->awards) {
            const bool pick = !m_tab.empty() && m_tab == a.id;
            if (ImGui::BeginTabItem(a.name.c_str(), nullptr,
                                    pick ? ImGuiTabItemFlags_SetSelected : 0)) {
                categoryTab(a);
                ImGui::EndTabItem();
            }
        }
        m_tab.clear();
        ImGui::EndTabBar();
    }
    ImGui::End();
}

void AwardsFeature::categoryTab(const expo::AwardCategory& a) {
    const AwardStatus* st = status(a.id);
    ImGui::TextDisabled(tr("Jury %u %%, public vote %u %%; ties go to the %s score"), a.juryWeight,
                        a.publicWeight,
                        a.tieBreak == expo::TieBreak::Jury ? tr("jury's") : tr("public"));
    votingLine(a, st);
    if (st && !st->winner.empty())
        ImGui::TextColored(kGold, tr("Winner: %s"), boothName(st->winner).c_str());
    auto refusal = m_refusals.find(a.id);
    if (refusal != m_refusals.end())
        ImGui::TextColored(kRed, tr("Not accepted: %s"), refusal->second.c_str());
    revealRow(a, st);
    ImGui::Separator();
    ImGui::BeginChild("finalists");
    for (std::size_t i = 0; i < a.finalists.size(); ++i)
        finalistRow(a, i, st);
    ImGui::EndChild();
}

void AwardsFeature::votingLine(const expo::AwardCategory& a, const AwardStatus* st) {
    if (!st) return;
    const std::string opens = formatUtcTimestamp(st->opensUnix);
    const std::string closes = formatUtcTimestamp(st->closesUnix);
    if (st->voting == VotingState::Open)
        ImGui::TextColored(kGreen, tr("Voting is open until %s"), closes.c_str());
    else if (st->voting == VotingState::NotYet)
        ImGui::Text(tr("Voting opens at %s"), opens.c_str());
    else
        ImGui::Text(tr("Voting is closed (the window was %s to %s)"), opens.c_str(),
                    closes.c_str());
    if (st->myBallot.empty())
        ImGui::TextDisabled("%s", tr("You have not voted in this category."));
    else
        ImGui::Text(tr("My ballot: %s%s"), boothName(st->myBallot).c_str(),
                    st->voting == VotingState::Open ? tr(" (you may change it until voting closes)")
                                                    : "");
    if (!a.guestsVote)
        ImGui::TextDisabled("%s", tr("Voting needs a ticket or an invitation (no guests)."));
}

void AwardsFeature::finalistRow(const expo::AwardCategory& a, std::size_t index,
                                const AwardStatus* st) {
    const std::string& booth = a.finalists[index];
    ImGui::PushID(booth.c_str());
    const bool winner = st && st->winner == booth;
    const bool mine = st && st->myBallot == booth;
    ImGui::TextColored(winner ? kGold : ImVec4{1, 1, 1, 1}, "%s%s%s", boothName(booth).c_str(),
                       winner ? tr("  [WINNER]") : "", mine ? tr("  (my vote)") : "");
    if (st && index < st->ballots.size()) {
        ImGui::SameLine();
        ImGui::TextDisabled(tr("%u votes"), st->ballots[index]);
    }
    if (const expo::AwardPitch* pitch = pitchOf(a, booth)) pitchBlock(*pitch);
    if (ImGui::SmallButton(trl("Go to booth"))) goTo(booth);
    ImGui::SameLine();
    const bool open = st && st->voting == VotingState::Open;
    ImGui::BeginDisabled(!open || mine);
    const char* label = mine ? "Voted" : st && !st->myBallot.empty() ? "Change vote" : "Vote";
    if (ImGui::SmallButton(label)) vote(a.id, booth);
    ImGui::EndDisabled();
    ImGui::Separator();
    ImGui::PopID();
}

void AwardsFeature::pitchBlock(const expo::AwardPitch& pitch) {
    if (!pitch.poster.empty()) {
        m_posters.picture(pitch.poster, 120);
        ImGui::SameLine();
    }
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - 8);
    ImGui::TextUnformatted(pitch.text.c_str());
    ImGui::PopTextWrapPos();
    if (!pitch.video.empty() && ImGui::SmallButton(trl("Watch the pitch video")))
        m_confirmVideo = pitch.video;
    ImGui::EndGroup();
}

void AwardsFeature::revealRow(const expo::AwardCategory& a, const AwardStatus* st) {
    if (!mayReveal(a) || (st && !st->winner.empty())) return;
    ImGui::SetNextItemWidth(100);
    ImGui::InputInt(trl("countdown (s)"), &m_countdown);
    m_countdown = std::clamp(m_countdown, 0, int(kMaxRevealCountdown));
    ImGui::SameLine();
    if (ImGui::Button(trl("Reveal the winner"))) revealWinner(a.id, std::uint32_t(m_countdown));
}

// A pitch's video opens in the browser after a confirmation, like a booth's links.
void AwardsFeature::videoConfirm() {
    if (m_confirmVideo.empty()) return;
    ImGui::OpenPopup("###Open pitch video?");
    if (ImGui::BeginPopupModal(trl("Open pitch video?"), nullptr,
                               ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("%s", tr("Open this address in your web browser?"));
        ImGui::TextColored({0.5f, 0.8f, 1, 1}, "%s", m_confirmVideo.c_str());
        if (ImGui::Button(trl("Open"))) {
            launchBrowser(m_confirmVideo);
            toast(m_s, "opened " + m_confirmVideo + " in your browser");
            m_confirmVideo.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(trl("Cancel"))) {
            m_confirmVideo.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

// In the booth panel of a finalist: its categories, the winner badge and "Vote".
void AwardsFeature::boothSection(const expo::Booth& b) {
    const auto categories = finalistOf(b.id);
    if (categories.empty() ||
        !ImGui::CollapsingHeader(trl("SME Awards"), ImGuiTreeNodeFlags_DefaultOpen))
        return;
    if (m_scrollToSection) ImGui::SetScrollHereY(0.0f), m_scrollToSection = false;
    const auto won = wonBy(b.id);
    for (const expo::AwardCategory* a : categories) {
        ImGui::PushID(a->id.c_str());
        const bool winner = std::find(won.begin(), won.end(), a) != won.end();
        if (winner)
            ImGui::TextColored(kGold, tr("WINNER: %s"), a->name.c_str());
        else
            ImGui::Text(tr("Finalist: %s"), a->name.c_str());
        const AwardStatus* st = status(a->id);
        if (st && st->voting == VotingState::Open && st->myBallot != b.id) {
            ImGui::SameLine();
            if (ImGui::SmallButton(st->myBallot.empty() ? trl("Vote") : trl("Change vote")))
                vote(a->id, b.id);
        }
        ImGui::PopID();
    }
    if (ImGui::SmallButton(trl("Open the Awards panel"))) m_window = true, refresh();
}

} // namespace fg::client
