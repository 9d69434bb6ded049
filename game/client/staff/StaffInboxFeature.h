// The booth inbox of exhibitor staff: every booth chat of the exhibitor's booths in one window,
// unread counts per booth, earlier lines from the chat history and replies that visitors read
// with the staff name and company. Sends ChatSend and ChatHistoryRequest only; never changes the
// chat window's state.
#pragma once

#include "game/client/ClientFeature.h"
#include "game/client/ClientState.h"

#include <map>
#include <set>

namespace fg::client {

class ClientFeatures;

struct InboxLine {
    std::string fromName;
    std::string company; // the sender's company when they staff the booth (server-given)
    std::string text;
    std::int64_t timeMs = 0;
    bool mine = false;
    bool history = false; // stored before this client joined
};

class StaffInboxFeature : public ClientFeature {
public:
    StaffInboxFeature(Session& s, ClientFeatures&) : m_s(s) {}
    void registerHandlers(netclient::ClientRouter& router, PendingRequests&) override;
    void drawMenu() override;
    void drawPanels(const UiFrame&) override;
    // open-inbox [BOOTH], reply-inbox BOOTH TEXT...
    std::optional<Status> runAction(const std::string& name,
                                    const std::vector<std::string>& args) override;
    void onJoined() override;
    void update() override; // asks each own booth's stored lines once per connection

    void open(const std::string& boothId);
    bool windowOpen() const { return m_open; }
    // Sends TEXT to BOOTHID's chat as staff (the server checks nothing more than for anyone).
    bool reply(const std::string& boothId, const std::string& text);
    const std::vector<InboxLine>& lines(const std::string& boothId) const;
    int unread(const std::string& boothId) const;
    int totalUnread() const;

private:
    struct Room {
        std::vector<InboxLine> lines;
        int unread = 0;
    };
    void received(const proto::ChatReceived& m);
    void history(const proto::ChatHistory& h);
    void roomList();
    void roomLines(const std::string& boothId);

    Session& m_s;
    std::map<std::string, Room> m_rooms; // own booth id -> its chat
    std::set<std::string> m_asked;       // booths whose history was asked this connection
    std::string m_selected;
    std::string m_input;
    bool m_open = false;
};

} // namespace fg::client
