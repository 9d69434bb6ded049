// The moderation feature's client state without a network: a deleted line leaves the chat, the
// organiser's lists arrive through the router, durations and heat colours. Messages made here.
#include "game/client/ClientFeatures.h"
#include "game/client/chat/ChatFeature.h"
#include "game/client/moderation/ModerationFeature.h"

#include <doctest/doctest.h>
#include <set>

using namespace fg::client;

namespace {

struct Fixture {
    Session s;
    ClientFeatures features{s};

    void receive(proto::Message m) {
        std::vector<proto::Message> inbox;
        inbox.push_back(std::move(m));
        features.dispatch(inbox);
    }
};

proto::ChatReceived line(std::string text, std::uint64_t id) {
    proto::ChatReceived m;
    m.from = 3;
    m.fromName = "Vy";
    m.text = std::move(text);
    m.lineId = id;
    return m;
}

} // namespace

TEST_CASE(
    "moderation feature: a deleted line leaves the chat and lists arrive through the router") {
    Fixture f;
    f.receive(line("hello", 11));
    f.receive(line("you are all idiots", 12));
    f.receive(proto::ChatDeleted{12});
    f.receive(proto::ChatDeleted{99}); // a line this client never showed
    auto* chat = f.features.find<ChatFeature>();
    REQUIRE(chat);
    REQUIRE(chat->lines().size() == 1);
    CHECK(chat->lines()[0].text == "hello");
    CHECK(chat->lines()[0].lineId == 11);

    auto* mod = f.features.find<ModerationFeature>();
    REQUIRE(mod);
    f.receive(proto::ApprovalQueue{0, {proto::ApprovalEntry{"b-1", "acme", 10, 1}}});
    f.receive(proto::ReportList{0, {proto::ReportEntry{}}});
    f.receive(proto::BoothHeat{{{"b-1", 3}}});
    CHECK(mod->queue().size() == 1);
    CHECK(mod->reports().size() == 1);
    CHECK(f.features.router().unhandled() == 0);
    CHECK_FALSE(mod->organiser()); // not joined: no organiser tools, no heat map
    CHECK_FALSE(mod->heat("b-1").has_value());
    CHECK_FALSE(f.features.runAction("kick", {"Vy"}).ok()); // nobody in view
    // Not joined: a report cannot be sent (the action says so instead of pretending).
    CHECK_FALSE(f.features.runAction("report-last-line", {"spam"}).ok());
}

TEST_CASE("moderation feature: durations and colour-blind-safe heat colours") {
    CHECK(*parseModerationDuration("30s") == 30);
    CHECK(*parseModerationDuration("10m") == 600);
    CHECK(*parseModerationDuration("2h") == 7200);
    CHECK(*parseModerationDuration("1d") == 86400);
    CHECK(*parseModerationDuration("45") == 2700);
    CHECK(*parseModerationDuration("forever") == 0);
    for (const char* bad : {"", "m", "10y", "-5m", "1234567m"}) {
        auto d = parseModerationDuration(bad);
        REQUIRE_FALSE(d);
        CHECK(d.error().message.find("is not a duration") != std::string::npos);
    }
    CHECK(heatColour(0, 8) == 0x440154);
    CHECK(heatColour(8, 8) == 0xfde725);
    std::set<std::uint32_t> steps;
    for (std::uint32_t n = 0; n <= 4; ++n)
        steps.insert(heatColour(n, 4));
    CHECK(steps.size() == 5); // five distinct steps, ordered dark to light
}
