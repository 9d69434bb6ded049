// Roundtables in the client, for the session StageFeature::attending() returns when it is a
// roundtable: the speaking list as the server pushes it, the countdown run on from receipt, the
// "Speaking list" panel (request the floor, withdraw; moderator controls), script actions and
// what the 3D seats show. The server checks every request; nothing here decides who may do what.
#pragma once

#include "game/client/ClientFeature.h"
#include "game/client/ClientState.h"
#include "game/scene/ExhibitionScene.h"

#include <map>

namespace fg::client {

class ClientFeatures;
class StageFeature;

// One roundtable room of the visitor's hall to draw this frame (its table, cards, countdown).
struct ShownTable {
    const expo::Hall* hall = nullptr;
    const expo::Venue* venue = nullptr;
    scene::ExhibitionScene::TableView view;
};

class RoundtableFeature : public ClientFeature {
public:
    RoundtableFeature(Session& s, ClientFeatures& host);
    void registerHandlers(netclient::ClientRouter& router, PendingRequests& pending) override;
    void drawPanels(const UiFrame& f) override;
    std::optional<Status> runAction(const std::string& name,
                                    const std::vector<std::string>& args) override;
    void onJoined() override;

    // The attended live roundtable (in its room or its overflow) and its list, or null.
    const expo::Session* session() const;
    const proto::SpeakingList* list() const;
    // Milliseconds left of the current intervention now (below 0: over time).
    std::int64_t remainingMs() const;
    // This visitor is the current speaker / waits on the list.
    bool speaking() const;
    bool waiting() const;

    // The roundtable rooms of the visitor's hall: the session's speakers on the cards in order;
    // for the attended session the current speaker's seat lit and the countdown.
    std::vector<ShownTable> tables() const;

    // Requests (the server answers refusals with the reason).
    bool requestFloor(bool on);
    bool control(proto::FloorAction action, std::uint16_t clientId = 0, std::uint32_t seconds = 0);

private:
    struct Received {
        proto::SpeakingList list;
        double at = 0; // Session::now when it arrived
    };
    // RoundtablePanel.cpp
    void listWindow();
    void floorBlock(const proto::SpeakingList& l);
    void queueBlock(const proto::SpeakingList& l, bool moderator);
    void speakerButtons(const proto::SpeakingList& l);
    void moderatorButtons(const proto::SpeakingList& l);
    // RoundtableActions.cpp
    Status moderatorAction(const std::string& name, const std::vector<std::string>& args);
    Result<std::uint16_t> personNamed(const std::string& name) const;

    Session& m_s;
    const StageFeature* m_stage = nullptr;
    std::map<std::string, Received> m_lists; // by session id
    bool m_window = true;
    int m_seconds = 180; // the moderator's "time per intervention" field
};

// "2:05", or "-0:12" when over time, for a countdown of MS milliseconds (a started second counts).
std::string floorClock(std::int64_t ms);

} // namespace fg::client
