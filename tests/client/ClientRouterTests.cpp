// The client router: a handler registered once receives its message, every handler of a type
// runs, and messages without a handler are counted and ignored. No network: messages are made here.
#include "game/netclient/ClientRouter.h"

#include <doctest/doctest.h>

using namespace fg::netclient;
namespace proto = fg::expo::proto;

TEST_CASE("client router: a registered handler receives its message, once") {
    ClientRouter router;
    int chats = 0;
    std::string text;
    router.on<proto::ChatReceived>([&](proto::ChatReceived& m) {
        ++chats;
        text = m.text;
    });
    proto::ChatReceived chat;
    chat.from = 3;
    chat.fromName = "Linh";
    chat.text = "xin chao";
    proto::Message m = chat;
    CHECK(router.dispatch(m));
    CHECK(chats == 1);
    CHECK(text == "xin chao");
    CHECK(router.unhandled() == 0);
    CHECK(router.handles(proto::messageIndex<proto::ChatReceived>()));
}

TEST_CASE("client router: unregistered messages are counted and ignored") {
    ClientRouter router;
    int chats = 0;
    router.on<proto::ChatReceived>([&](proto::ChatReceived&) { ++chats; });
    proto::Message announcement = proto::Announcement{};
    proto::Message stats = proto::BoothStats{};
    CHECK_FALSE(router.dispatch(announcement));
    CHECK_FALSE(router.dispatch(stats));
    CHECK_FALSE(router.dispatch(announcement));
    CHECK(chats == 0);
    CHECK(router.unhandled() == 3);
    CHECK(router.unhandled(proto::messageIndex<proto::Announcement>()) == 2);
    CHECK(router.unhandled(proto::messageIndex<proto::BoothStats>()) == 1);
    CHECK(router.unhandled(proto::kMessageCount + 5) == 0); // out of range: zero, not a crash
}

TEST_CASE("client router: every handler of a type runs in registration order") {
    ClientRouter router;
    std::string order;
    router.on<proto::ActionResult>([&](proto::ActionResult&) { order += "a"; });
    router.on<proto::ActionResult>([&](proto::ActionResult&) { order += "b"; });
    proto::Message m = proto::ActionResult{7, true, 0, ""};
    CHECK(router.dispatch(m));
    CHECK(order == "ab");
}
