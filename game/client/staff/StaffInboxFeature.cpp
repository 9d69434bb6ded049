// Booth inbox state, its window and its actions: booth-scope chat lines of own booths (live and
// stored) merged per booth in time order, unread until that booth is shown. ImGui widgets only.
#include "game/client/staff/StaffInboxFeature.h"

#include "engine/core/Time.h"
#include "engine/core/Translate.h"
#include "game/client/staff/OwnBooths.h"

#include <algorithm>
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace fg::client {
namespace {

constexpr std::size_t kMaxRoomLines = 500;

bool isOwn(const Session& s, const std::string& boothId) {
    const std::vector<std::string> own = ownBooths(s);
    return std::find(own.begin(), own.end(), boothId) != own.end();
}

std::string sender(const InboxLine& l) {
    return l.company.empty() ? l.fromName : fmt::format("{} ({})", l.fromName, l.company);
}

} // namespace

void StaffInboxFeature::registerHandlers(netclient::ClientRouter& router, PendingRequests&) {
    router.on<proto::ChatReceived>([this](proto::ChatReceived& m) { received(m); });
    router.on<proto::ChatHistory>([this](proto::ChatHistory& h) { history(h); });
}

void StaffInboxFeature::onJoined() {
    m_asked.clear(); // a new connection: stored lines are asked again (duplicates are skipped)
}

void StaffInboxFeature::update() {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c) return;
    for (const std::string& id : ownBooths(m_s)) {
        m_rooms.try_emplace(id);
        if (m_asked.insert(id).second) c->chatHistory({0, proto::ChatScope::Booth, id, 0, 0});
    }
    if (m_selected.empty() && !m_rooms.empty()) m_selected = m_rooms.begin()->first;
}

void StaffInboxFeature::received(const proto::ChatReceived& m) {
    if (m.scope != proto::ChatScope::Booth || !isOwn(m_s, m.boothId)) return;
    const netclient::NetClient* c = joinedClient(m_s);
    const bool mine = c && m.from == c->id();
    Room& room = m_rooms[m.boothId];
    room.lines.push_back({m.fromName, m.company, m.text, m.timeMs, mine, false});
    if (room.lines.size() > kMaxRoomLines) room.lines.erase(room.lines.begin());
    if (!mine && !(m_open && m_selected == m.boothId)) ++room.unread;
}

void StaffInboxFeature::history(const proto::ChatHistory& h) {
    if (h.scope != proto::ChatScope::Booth || !isOwn(m_s, h.boothId)) return;
    Room& room = m_rooms[h.boothId];
    for (const proto::ChatHistoryLine& l : h.lines) {
        InboxLine line{l.fromName, "", l.text, l.timeMs, l.fromName == m_s.profile.name, true};
        auto same = [&](const InboxLine& o) {
            return o.timeMs == line.timeMs && o.fromName == line.fromName && o.text == line.text;
        };
        if (std::any_of(room.lines.begin(), room.lines.end(), same)) continue;
        auto at = std::upper_bound(room.lines.begin(), room.lines.end(), line.timeMs,
                                   [](std::int64_t t, const InboxLine& o) { return t < o.timeMs; });
        room.lines.insert(at, std::move(line));
    }
}

void StaffInboxFeature::open(const std::string& boothId) {
    m_open = true;
    if (!boothId.empty()) m_selected = boothId;
}

bool StaffInboxFeature::reply(const std::string& boothId, const std::string& text) {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c || text.empty() || !isOwn(m_s, boothId)) return false;
    m_s.pending.add(c->chat(proto::ChatScope::Booth, boothId, 0, text), ChatPending{});
    return true;
}

const std::vector<InboxLine>& StaffInboxFeature::lines(const std::string& boothId) const {
    static const std::vector<InboxLine> kNone;
    auto it = m_rooms.find(boothId);
    return it == m_rooms.end() ? kNone : it->second.lines;
}

int StaffInboxFeature::unread(const std::string& boothId) const {
    auto it = m_rooms.find(boothId);
    return it == m_rooms.end() ? 0 : it->second.unread;
}

int StaffInboxFeature::totalUnread() const {
    int n = 0;
    for (const auto& [id, room] : m_rooms)
        n += room.unread;
    return n;
}

std::optional<Status> StaffInboxFeature::runAction(const std::string& name,
                                                   const std::vector<std::string>& args) {
    if (name == "open-inbox") {
        open(staffBoothFor(m_s, args, 0));
        return Status{};
    }
    if (name != "reply-inbox") return std::nullopt;
    if (Status st = needArgs(name, args, 2); !st) return st;
    const std::string text = joinArgs({args.begin() + 1, args.end()});
    return actionRan(reply(args[0], text), name, args);
}

void StaffInboxFeature::drawMenu() {
    if (ownBooths(m_s).empty()) return; // exhibitor staff only
    const int n = totalUnread();
    const std::string label = (n ? trf("Inbox ({})", n) : std::string(tr("Inbox"))) + "###inbox";
    ImGui::MenuItem(label.c_str(), nullptr, &m_open);
}

void StaffInboxFeature::roomList() {
    for (auto& [id, room] : m_rooms) {
        const std::string label =
            room.unread ? fmt::format("{} ({})###{}", id, room.unread, id) : id + "###" + id;
        if (ImGui::Selectable(label.c_str(), m_selected == id)) m_selected = id;
    }
}

void StaffInboxFeature::roomLines(const std::string& boothId) {
    for (const InboxLine& l : lines(boothId)) {
        const float alpha = l.history ? 0.65f : 1.0f;
        const std::string when = formatUtcTimestamp(l.timeMs / 1000).substr(11, 5);
        ImGui::TextDisabled("%s", when.c_str());
        ImGui::SameLine();
        ImGui::TextColored(l.mine ? ImVec4(0.6f, 0.9f, 0.6f, alpha) : ImVec4(0.6f, 0.8f, 1, alpha),
                           "%s:", sender(l).c_str());
        ImGui::SameLine();
        ImGui::TextWrapped("%s", l.text.c_str());
    }
    if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY()) ImGui::SetScrollHereY(1.0f);
}

void StaffInboxFeature::drawPanels(const UiFrame&) {
    if (!m_open) return;
    ImGui::SetNextWindowPos({460, 300}, ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(uiSize(560, 320), ImGuiCond_Appearing);
    const std::string title = trf("Booth inbox ({} unread)", totalUnread()) + "###boothinbox";
    if (!ImGui::Begin(title.c_str(), &m_open)) return ImGui::End();
    if (m_rooms.empty())
        ImGui::TextDisabled("%s", tr("No own booths: sign in with an exhibitor token."));
    if (auto it = m_rooms.find(m_selected); it != m_rooms.end()) it->second.unread = 0;
    ImGui::BeginChild("rooms", ImVec2(150, 0), true);
    roomList();
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::BeginChild("roomlines", ImVec2(0, -30), true);
    roomLines(m_selected);
    ImGui::EndChild();
    ImGui::SetNextItemWidth(-70); // room for the Reply button
    const bool enter = ImGui::InputText("##reply", &m_input, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button(trl("Reply")) || enter) && reply(m_selected, m_input)) m_input.clear();
    ImGui::EndGroup();
    ImGui::End();
}

} // namespace fg::client
