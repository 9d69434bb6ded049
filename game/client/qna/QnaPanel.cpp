// QnaFeature's windows: "Q&A" (ask box, list with upvotes and sort, moderator tools, reactions,
// raise hand, the moderator's hand queue), "Poll" (answer, results chart, the moderator's form
// and controls) and reactions floating above avatars. Draws only; requests go through
// QnaFeature's functions.
#include "engine/core/Translate.h"
#include "game/client/AvatarController.h"
#include "game/client/SceneKit.h"
#include "game/client/qna/QnaFeature.h"

#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace fg::client {

using namespace fg::expo::proto;

namespace {

const char* reactionText(ReactionKind kind) {
    switch (kind) {
    case ReactionKind::Applause:
        return tr("*clap clap*");
    case ReactionKind::Heart:
        return "<3";
    case ReactionKind::ThumbsUp:
        return "+1";
    }
    return "?";
}

ImU32 reactionColor(ReactionKind kind) {
    return kind == ReactionKind::Heart      ? IM_COL32(220, 40, 80, 255)
           : kind == ReactionKind::ThumbsUp ? IM_COL32(40, 140, 220, 255)
                                            : IM_COL32(230, 170, 20, 255);
}

const char* stateText(QuestionState state) {
    switch (state) {
    case QuestionState::Pending:
        return tr("waiting for approval");
    case QuestionState::Answered:
        return tr("answered");
    case QuestionState::Hidden:
        return tr("hidden");
    default:
        return "";
    }
}

} // namespace

void QnaFeature::drawPanels(const UiFrame& f) {
    if (m_session.empty()) return;
    drawReactions(f);
    if (m_qnaWindow) qnaWindow();
    if (m_pollWindow && (m_moderator || !m_polls.empty())) pollWindow();
}

void QnaFeature::qnaWindow() {
    ImGui::SetNextWindowSize(uiSize(420, 460), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImVec2(ImGui::GetIO().DisplaySize.x - 440.0f, 60),
                            ImGuiCond_FirstUseEver);
    if (ImGui::Begin(trl("Q&A", "qna"), &m_qnaWindow)) {
        askRow();
        ImGui::Separator();
        ImGui::TextUnformatted(tr("Sort:"));
        ImGui::SameLine();
        if (ImGui::RadioButton(trl("votes"), m_byVotes)) m_byVotes = true;
        ImGui::SameLine();
        if (ImGui::RadioButton(trl("time"), !m_byVotes)) m_byVotes = false;
        if (m_moderator) {
            ImGui::SameLine();
            bool approval = m_requireApproval;
            if (ImGui::Checkbox(trl("require approval"), &approval))
                moderate(0, approval ? QnaAction::RequireApproval : QnaAction::AllowAll);
        }
        ImGui::BeginChild("questions", ImVec2(0, m_moderator ? -150.0f : -70.0f), true);
        const auto list = listed();
        if (!m_loaded)
            ImGui::TextDisabled("%s", tr("loading questions..."));
        else if (list.empty())
            ImGui::TextDisabled("%s", tr("no questions yet: ask the first"));
        for (const QuestionInfo* q : list)
            questionRow(*q);
        ImGui::EndChild();
        handsSection();
    }
    ImGui::End();
}

void QnaFeature::askRow() {
    ImGui::SetNextItemWidth(-70.0f);
    const bool enter = ImGui::InputTextWithHint("##ask", tr("Ask a question..."), &m_text,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button(trl("Ask")) || enter) && !m_text.empty()) ask(m_text, m_anonymous);
    ImGui::Checkbox(trl("anonymous (the moderator still sees who asks)"), &m_anonymous);
}

void QnaFeature::questionRow(const QuestionInfo& q) {
    ImGui::PushID(int(q.id));
    const bool voted = m_myVotes.count(q.id) != 0;
    ImGui::BeginDisabled(voted || q.state == QuestionState::Pending);
    if (ImGui::Button(fmt::format("^ {}", q.votes).c_str(), ImVec2(56, 0))) upvote(q.id);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginGroup();
    if (q.pinned) ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.2f, 1.0f), "%s", tr("being answered"));
    ImGui::TextWrapped("%s", q.text.c_str());
    const std::string who = q.author.empty() ? std::string(tr("anonymous"))
                            : q.anonymous    ? trf("{} (anonymous to others)", q.author)
                                             : q.author;
    ImGui::TextDisabled(tr("#%llu  %s  %s"), static_cast<unsigned long long>(q.id), who.c_str(),
                        stateText(q.state));
    if (m_moderator) moderatorButtons(q);
    ImGui::EndGroup();
    ImGui::Separator();
    ImGui::PopID();
}

void QnaFeature::moderatorButtons(const QuestionInfo& q) {
    if (q.state == QuestionState::Pending) {
        if (ImGui::SmallButton(trl("Approve"))) moderate(q.id, QnaAction::Approve);
        ImGui::SameLine();
    }
    if (ImGui::SmallButton(q.pinned ? trl("Unpin") : trl("Pin")))
        moderate(q.id, q.pinned ? QnaAction::Unpin : QnaAction::Pin);
    ImGui::SameLine();
    if (q.state != QuestionState::Answered && ImGui::SmallButton(trl("Answered")))
        moderate(q.id, QnaAction::Answered);
    ImGui::SameLine();
    if (ImGui::SmallButton(trl("Hide"))) moderate(q.id, QnaAction::Hide);
}

void QnaFeature::handsSection() {
    for (ReactionKind kind :
         {ReactionKind::Applause, ReactionKind::Heart, ReactionKind::ThumbsUp}) {
        if (ImGui::Button(reactionText(kind))) react(kind);
        ImGui::SameLine();
    }
    if (ImGui::Button(m_handRaised ? trl("Lower hand") : trl("Raise hand")))
        raiseHand(!m_handRaised);
    if (!m_moderator) return;
    ImGui::Text(tr("Raised hands (%zu)"), m_hands.size());
    for (const HandEntry& h : m_hands) {
        ImGui::PushID(h.clientId);
        ImGui::Text("%s%s", h.name.c_str(), h.onStage ? tr("  (on stage)") : "");
        ImGui::SameLine();
        if (ImGui::SmallButton(h.onStage ? trl("Send back") : trl("Bring on stage")))
            stageHand(h.clientId, !h.onStage);
        ImGui::PopID();
    }
}

void QnaFeature::pollWindow() {
    ImGui::SetNextWindowSize(uiSize(420, 360), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImVec2(ImGui::GetIO().DisplaySize.x - 440.0f, 530),
                            ImGuiCond_FirstUseEver);
    if (ImGui::Begin(trl("Poll", "poll"), &m_pollWindow)) {
        for (auto it = m_polls.rbegin(); it != m_polls.rend(); ++it)
            pollBlock(it->second);
        if (m_polls.empty()) ImGui::TextDisabled("%s", tr("no polls yet"));
        if (m_moderator) pollForm();
    }
    ImGui::End();
}

void QnaFeature::pollBlock(PollInfo& p) {
    if (p.state == PollState::Prepared && !m_moderator) return;
    ImGui::PushID(int(p.id));
    const char* state = p.state == PollState::Open     ? tr("open")
                        : p.state == PollState::Closed ? tr("closed")
                                                       : tr("prepared");
    ImGui::TextWrapped("%s", p.question.c_str());
    ImGui::TextDisabled(trn("#%llu  %s  %u answer", "#%llu  %s  %u answers", p.voters),
                        static_cast<unsigned long long>(p.id), state, p.voters);
    if (!p.counts.empty()) {
        resultsChart(p);
    } else if (p.state == PollState::Open && p.mine == 0) {
        std::uint32_t& picked = m_picked[p.id];
        for (std::size_t i = 0; i < p.options.size(); ++i) {
            bool on = picked & (1u << i);
            if (p.multiple ? ImGui::Checkbox(p.options[i].c_str(), &on)
                           : ImGui::RadioButton(p.options[i].c_str(), on))
                picked = p.multiple ? (picked ^ (1u << i)) : (1u << i);
        }
        ImGui::BeginDisabled(picked == 0);
        if (ImGui::Button(trl("Answer"))) answerPoll(p.id, picked);
        ImGui::EndDisabled();
    } else if (p.mine != 0) {
        ImGui::TextDisabled("%s", tr("answered; results when the moderator shows them"));
    }
    if (m_moderator) {
        if (p.state == PollState::Prepared && ImGui::SmallButton(trl("Open")))
            controlPoll(p.id, PollAction::Open);
        if (p.state == PollState::Open && ImGui::SmallButton(trl("Close")))
            controlPoll(p.id, PollAction::Close);
        if (!p.resultsShown) {
            ImGui::SameLine();
            if (ImGui::SmallButton(trl("Show results"))) controlPoll(p.id, PollAction::ShowResults);
        }
    }
    ImGui::Separator();
    ImGui::PopID();
}

void QnaFeature::resultsChart(const PollInfo& p) {
    std::uint32_t total = 0;
    for (std::uint32_t c : p.counts)
        total += c;
    for (std::size_t i = 0; i < p.options.size() && i < p.counts.size(); ++i) {
        const float share = total ? float(p.counts[i]) / float(total) : 0.0f;
        const bool mine = p.mine & (1u << i);
        ImGui::ProgressBar(share, ImVec2(160, 0),
                           fmt::format("{} ({:.0f}%)", p.counts[i], share * 100.0f).c_str());
        ImGui::SameLine();
        ImGui::Text("%s%s", p.options[i].c_str(), mine ? tr("  (mine)") : "");
    }
}

void QnaFeature::pollForm() {
    if (!ImGui::CollapsingHeader(trl("New poll"))) return;
    ImGui::InputTextWithHint("##pollq", tr("Question"), &m_pollQuestion);
    ImGui::InputTextMultiline("##pollo", &m_pollOptions, ImVec2(-1, 70));
    ImGui::TextDisabled(tr("one option per line (2 to %u)"), kMaxPollOptions);
    ImGui::Checkbox(trl("multiple choice"), &m_pollMultiple);
    std::vector<std::string> options;
    for (std::size_t at = 0; at <= m_pollOptions.size();) {
        std::size_t nl = std::min(m_pollOptions.find('\n', at), m_pollOptions.size());
        if (nl > at) options.push_back(m_pollOptions.substr(at, nl - at));
        at = nl + 1;
    }
    if (ImGui::Button(trl("Prepare"))) createPoll(m_pollQuestion, options, m_pollMultiple, false);
    ImGui::SameLine();
    if (ImGui::Button(trl("Open now"))) createPoll(m_pollQuestion, options, m_pollMultiple, true);
}

void QnaFeature::drawReactions(const UiFrame& f) {
    if (m_floating.empty() || !m_s.ex || m_s.hall >= m_s.ex->halls.size()) return;
    const expo::Hall& hall = m_s.ex->halls[m_s.hall];
    const netclient::NetClient* c = joinedClient(m_s);
    ImDrawList* dl = ImGui::GetBackgroundDrawList(); // under the panels, as the name labels are
    for (const Floating& r : m_floating) {
        std::optional<glm::vec2> at;
        if (c && r.id == c->id() && m_s.avatar) at = m_s.avatar->position();
        for (const auto& remote : m_s.remotes)
            if (remote.id == r.id) at = remote.position;
        if (!at) continue;
        const float rise = float(m_s.now - r.at) * 0.5f; // drifts up half a metre a second
        glm::vec2 p;
        if (!projectToScreen(f.camera, f.viewSize, toWorld(hall, *at, 2.6f + rise), p)) continue;
        dl->AddText(ImGui::GetFont(), 26.0f, ImVec2(p.x - 20, p.y), reactionColor(r.kind),
                    reactionText(r.kind));
    }
}

} // namespace fg::client
