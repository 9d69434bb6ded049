// Feature states behind the client router: chat lines, staff presence (cleared on each Welcome)
// and incoming meetings reach the feature that owns them. No network: messages are made here.
#include "game/client/ClientFeatures.h"
#include "game/client/booth/BoothFeature.h"
#include "game/client/chat/ChatFeature.h"
#include "game/client/exhibitor/ExhibitorFeature.h"
#include "game/client/meetings/MeetingsFeature.h"

#include <doctest/doctest.h>

using namespace fg::client;

namespace {

struct Fixture {
    fg::expo::Exhibition ex;
    Session s;
    ClientFeatures features{s};

    void receive(proto::Message m) {
        std::vector<proto::Message> inbox;
        inbox.push_back(std::move(m));
        features.dispatch(inbox);
    }
};

} // namespace

TEST_CASE("features: chat lines arrive through the router and count as unread") {
    Fixture f;
    proto::ChatReceived chat;
    chat.scope = proto::ChatScope::Booth;
    chat.from = 4;
    chat.fromName = "An";
    chat.text = "hello";
    f.receive(chat);
    auto* c = f.features.find<ChatFeature>();
    REQUIRE(c);
    REQUIRE(c->lines().size() == 1);
    CHECK(c->lines()[0].text == "hello");
    CHECK(c->unread(ChatTab::Booth) == 1);
    CHECK(f.features.router().unhandled() == 0);
}

TEST_CASE("features: staff presence is tracked per booth and cleared on each Welcome") {
    Fixture f;
    auto* booth = f.features.find<BoothFeature>();
    REQUIRE(booth);
    f.receive(proto::StaffPresence{0, "b-001", true});
    f.receive(proto::StaffPresence{0, "b-002", true});
    f.receive(proto::StaffPresence{0, "b-002", false});
    CHECK(booth->staffOnline("b-001"));
    CHECK_FALSE(booth->staffOnline("b-002"));
    f.features.onJoined(); // the server sends the staffed booths again after a Welcome
    CHECK_FALSE(booth->staffOnline("b-001"));
}

TEST_CASE("features: an incoming meeting request reaches the meetings feature") {
    Fixture f;
    proto::MeetingInfo m;
    m.id = 7;
    m.boothId = "b-001";
    m.visitorName = "Linh";
    m.startUnix = 1634032800; // 2021-10-12 10:00 UTC
    m.minutes = 30;
    m.asHost = true;
    f.receive(proto::MeetingUpdate{m});
    auto* meetings = f.features.find<MeetingsFeature>();
    REQUIRE(meetings);
    REQUIRE(meetings->meetings().size() == 1);
    CHECK(meetings->meetings().at(7).visitorName == "Linh");
    REQUIRE(f.s.toasts.size() == 1);
    CHECK(f.s.toasts[0].text ==
          "Linh asks for a meeting at booth b-001, 2021-10-12 10:00-10:30 UTC");
}

TEST_CASE("features: messages no feature handles are counted, not crashed on") {
    Fixture f;
    f.receive(proto::ConsoleResponse{});
    f.receive(proto::ContentChunk{});
    CHECK(f.features.router().unhandled() == 2);
}

TEST_CASE("features: chat history merges into the chat window in time order, without doubles") {
    Fixture f;
    f.s.profile.name = "Vy";
    proto::ChatReceived live;
    live.scope = proto::ChatScope::Booth;
    live.boothId = "acme-booth";
    live.fromName = "An";
    live.timeMs = 3000;
    live.text = "still here?";
    f.receive(live);
    proto::ChatHistory h;
    h.scope = proto::ChatScope::Booth;
    h.boothId = "acme-booth";
    h.requestId = 7;
    h.lines = {proto::ChatHistoryLine{1, "Vy", proto::Role::Visitor, 1000, "is the demo on?"},
               proto::ChatHistoryLine{2, "Acme", proto::Role::Exhibitor, 2000, "yes, at 3"},
               proto::ChatHistoryLine{3, "An", proto::Role::Visitor, 3000, "still here?"}};
    f.receive(h);
    auto* c = f.features.find<ChatFeature>();
    REQUIRE(c);
    REQUIRE(c->lines().size() == 3); // the live line is not shown twice
    CHECK(c->lines()[0].text == "is the demo on?");
    CHECK(c->lines()[0].history);
    CHECK(c->lines()[0].mine); // my name: shown as mine
    CHECK(c->lines()[0].boothId == "acme-booth");
    CHECK(c->lines()[1].fromName == "Acme");
    CHECK(c->lines()[2].text == "still here?");
    CHECK_FALSE(c->lines()[2].history);
    CHECK(f.features.router().unhandled() == 0);
}
