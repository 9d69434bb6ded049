// Chat: hall, booth and direct lines from ChatReceived, unread counts per tab, the chat window
// and its menu entry, and the chat / chat-window actions. Sends only ChatSend via NetClient.
#pragma once

#include "game/client/ClientFeature.h"
#include "game/client/ClientState.h"

#include <functional>
#include <map>

namespace fg::client {

class ClientFeatures;

struct ChatLine {
    proto::ChatScope scope = proto::ChatScope::Hall;
    std::string boothId;
    std::uint16_t from = 0; // 0: me / system
    std::string fromName;
    std::string text;
    bool mine = false;
    std::int64_t timeMs = 0;  // the server's clock
    bool history = false;     // stored before this client joined (ChatHistory)
    std::string company;      // booth chat from the booth's staff: their company (server-given)
    std::uint64_t lineId = 0; // the server's stable id (report, delete); 0: none known
};

enum class ChatTab : std::uint8_t { Hall, Booth, Direct };

class ChatFeature : public ClientFeature {
public:
    ChatFeature(Session& s, ClientFeatures&) : m_s(s) {}
    void registerHandlers(netclient::ClientRouter& router, PendingRequests&) override;
    void drawMenu() override;
    void drawPanels(const UiFrame&) override;
    std::optional<Status> runAction(const std::string& name,
                                    const std::vector<std::string>& args) override;

    // Shows the window on TAB (a direct tab talks to DIRECTTO when it is not 0).
    void openTab(ChatTab tab, std::uint16_t directTo = 0);
    // Sends TEXT to the current tab's scope (the open booth for Booth); false if not joined.
    bool send(const std::string& text);
    void receive(const proto::ChatReceived& m);
    // Adds a room's stored lines in time order, skipping lines already shown.
    void addHistory(const proto::ChatHistory& h);
    bool windowOpen() const { return m_open; }
    ChatTab tab() const { return m_tab; }
    std::uint16_t directTo() const { return m_directTo; }
    const std::vector<ChatLine>& lines() const { return m_lines; }
    int unread(ChatTab tab) const;
    // Drops the line with stable id LINEID (an organiser deleted it); false when none is shown.
    bool removeLine(std::uint64_t lineId);
    // What a right-click on a line offers (report, delete: the moderation feature's); drawn
    // inside the line's context menu.
    void setLineMenu(std::function<void(const ChatLine&)> menu) { m_lineMenu = std::move(menu); }

private:
    Session& m_s;
    std::vector<ChatLine> m_lines;
    std::map<ChatTab, int> m_unread;
    ChatTab m_tab = ChatTab::Hall;
    std::uint16_t m_directTo = 0;
    bool m_open = false;
    std::string m_input;
    std::function<void(const ChatLine&)> m_lineMenu;
};

} // namespace fg::client
