// Chat state, its window and its actions. Reads the open booth from the core for booth chat;
// never touches another feature's state.
#include "game/client/chat/ChatFeature.h"

#include "engine/core/Translate.h"

#include <algorithm>
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace fg::client {
namespace {

constexpr std::size_t kMaxLines = 500;

ChatTab tabOf(proto::ChatScope scope) {
    return scope == proto::ChatScope::Booth    ? ChatTab::Booth
           : scope == proto::ChatScope::Direct ? ChatTab::Direct
                                               : ChatTab::Hall;
}

bool shownOn(ChatTab tab, const ChatLine& l) {
    return (tab == ChatTab::Hall && l.scope == proto::ChatScope::Hall) ||
           (tab == ChatTab::Booth && l.scope == proto::ChatScope::Booth) ||
           (tab == ChatTab::Direct && l.scope == proto::ChatScope::Direct);
}

} // namespace

void ChatFeature::registerHandlers(netclient::ClientRouter& router, PendingRequests&) {
    router.on<proto::ChatReceived>([this](proto::ChatReceived& m) { receive(m); });
}

void ChatFeature::receive(const proto::ChatReceived& m) {
    const bool mine = m_s.link && m_s.link->client() && m.from == m_s.link->client()->id();
    m_lines.push_back({m.scope, m.boothId, m.from, uiText(m_s, m.fromName), uiText(m_s, m.text),
                       mine, m.timeMs, false, uiText(m_s, m.company), m.lineId});
    if (m_lines.size() > kMaxLines) m_lines.erase(m_lines.begin());
    const ChatTab tab = tabOf(m.scope);
    if (!mine && (!m_open || m_tab != tab)) ++m_unread[tab];
}

void ChatFeature::addHistory(const proto::ChatHistory& h) {
    const bool booth = h.scope == proto::ChatScope::Booth;
    for (const proto::ChatHistoryLine& l : h.lines) {
        ChatLine line{h.scope,
                      booth ? h.boothId : "",
                      0,
                      uiText(m_s, l.fromName),
                      uiText(m_s, l.text),
                      false,
                      l.timeMs,
                      true,
                      l.company,
                      l.lineId};
        line.mine = !m_s.profile.name.empty() && l.fromName == m_s.profile.name;
        auto same = [&](const ChatLine& o) {
            return o.scope == line.scope && o.boothId == line.boothId && o.timeMs == line.timeMs &&
                   o.fromName == line.fromName && o.text == line.text;
        };
        if (std::any_of(m_lines.begin(), m_lines.end(), same)) continue; // also arrived live
        auto at = std::upper_bound(m_lines.begin(), m_lines.end(), line.timeMs,
                                   [](std::int64_t t, const ChatLine& o) { return t < o.timeMs; });
        m_lines.insert(at, std::move(line));
    }
    while (m_lines.size() > kMaxLines)
        m_lines.erase(m_lines.begin());
}

bool ChatFeature::removeLine(std::uint64_t lineId) {
    if (lineId == 0) return false;
    return std::erase_if(m_lines, [&](const ChatLine& l) { return l.lineId == lineId; }) > 0;
}

int ChatFeature::unread(ChatTab tab) const {
    auto it = m_unread.find(tab);
    return it == m_unread.end() ? 0 : it->second;
}

void ChatFeature::openTab(ChatTab tab, std::uint16_t directTo) {
    m_open = true;
    m_tab = tab;
    if (directTo) m_directTo = directTo;
}

bool ChatFeature::send(const std::string& text) {
    auto* c = joinedClient(m_s);
    if (!c || text.empty()) return false;
    const expo::Booth* b = selectedBooth(m_s);
    proto::ChatScope scope = proto::ChatScope::Hall;
    if (m_tab == ChatTab::Booth && b) scope = proto::ChatScope::Booth;
    if (m_tab == ChatTab::Direct && m_directTo) scope = proto::ChatScope::Direct;
    m_s.pending.add(c->chat(scope, b ? b->id : "", m_directTo, text), ChatPending{});
    return true;
}

std::optional<Status> ChatFeature::runAction(const std::string& name,
                                             const std::vector<std::string>& args) {
    if (name == "chat") {
        m_open = true;
        return actionRan(send(joinArgs(args)), name, args);
    }
    if (name == "chat-window") {
        m_open = !m_open;
        return Status{};
    }
    return std::nullopt;
}

void ChatFeature::drawMenu() {
    int total = 0;
    for (auto& [tab, n] : m_unread)
        total += n;
    const std::string label =
        (total ? trf("Chat ({})", total) : std::string(tr("Chat"))) + "###chatmenu";
    ImGui::MenuItem(label.c_str(), nullptr, &m_open);
}

void ChatFeature::drawPanels(const UiFrame&) {
    if (!m_open) return;
    ImGui::SetNextWindowPos({10, 300}, ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(uiSize(440, 300), ImGuiCond_Appearing);
    if (!ImGui::Begin(trl("Chat"), &m_open)) return ImGui::End();
    const std::pair<ChatTab, const char*> tabs[] = {{ChatTab::Hall, trMark("Hall")},
                                                    {ChatTab::Booth, trMark("Booth")},
                                                    {ChatTab::Direct, trMark("Direct")}};
    for (auto [tab, name] : tabs) {
        if (tab != ChatTab::Hall) ImGui::SameLine();
        const int n = m_unread[tab];
        const std::string label = n ? fmt::format("{} ({})###{}", tr(name), n, name)
                                    : fmt::format("{}###{}", tr(name), name);
        if (ImGui::RadioButton(label.c_str(), m_tab == tab)) m_tab = tab;
    }
    m_unread[m_tab] = 0;
    ImGui::BeginChild("lines", ImVec2(0, -30), true);
    for (const ChatLine& l : m_lines) {
        if (!shownOn(m_tab, l)) continue;
        const float alpha = l.history ? 0.65f : 1.0f; // earlier lines are dimmed
        // A booth's staff reply names the company: "Lan Pham (Lotus Bay Telecom)".
        const std::string who =
            l.company.empty() ? l.fromName : fmt::format("{} ({})", l.fromName, l.company);
        ImGui::TextColored(l.mine ? ImVec4(0.6f, 0.9f, 0.6f, alpha) : ImVec4(0.6f, 0.8f, 1, alpha),
                           "%s%s:",
                           l.boothId.empty() || l.scope != proto::ChatScope::Booth
                               ? ""
                               : ("[" + l.boothId + "] ").c_str(),
                           who.c_str());
        ImGui::SameLine();
        if (l.history) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.72f, 0.72f, 0.72f, 1));
        ImGui::TextWrapped("%s", l.text.c_str());
        if (l.history) ImGui::PopStyleColor();
        ImGui::PushID(&l);
        if (m_lineMenu && l.lineId && ImGui::BeginPopupContextItem("line")) {
            m_lineMenu(l);
            ImGui::EndPopup();
        }
        ImGui::PopID();
    }
    if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY()) ImGui::SetScrollHereY(1.0f);
    ImGui::EndChild();
    const bool enter = ImGui::InputText("##say", &m_input, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button(trl("Send")) || enter) && send(m_input)) m_input.clear();
    ImGui::End();
}

} // namespace fg::client
