// Typed pending requests through the client's features: an ActionResult reaches the feature that
// asked, a refused card sets the booth panel's result text, unknown requestIds are harmless.
// No network: results are handed to ClientFeatures as if they came from the inbox.
#include "game/client/ClientFeatures.h"
#include "game/client/booth/BoothFeature.h"
#include "game/client/exhibitor/ExhibitorFeature.h"

#include <doctest/doctest.h>

using namespace fg::client;

namespace {

struct Fixture {
    fg::expo::Exhibition ex;
    Session s;
    std::unique_ptr<ClientFeatures> features;
    BoothFeature* booth = nullptr;

    Fixture() {
        ex.booths.push_back({});
        ex.booths.back().id = "b-001";
        s.ex = &ex;
        features = std::make_unique<ClientFeatures>(s);
        booth = features->find<BoothFeature>();
        REQUIRE(booth);
        REQUIRE(features->runAction("open-booth", {"b-001"}));
    }
    void receive(proto::Message m) {
        std::vector<proto::Message> inbox;
        inbox.push_back(std::move(m));
        features->dispatch(inbox);
    }
};

proto::ActionResult result(std::uint32_t id, bool ok, std::uint32_t value = 0,
                           std::string text = "") {
    return proto::ActionResult{id, ok, value, std::move(text)};
}

} // namespace

TEST_CASE("pending requests: a like's answer reaches the booth feature") {
    Fixture f;
    f.s.pending.add(5, LikePending{"b-001"});
    f.receive(result(5, true, 12));
    REQUIRE(f.booth->likes("b-001"));
    CHECK(*f.booth->likes("b-001") == 12);
    CHECK(f.s.pending.size() == 0);
    REQUIRE(f.s.toasts.size() == 1);
    CHECK(f.s.toasts[0].text == "liked (12 likes)");
}

TEST_CASE("pending requests: a refused card sets the booth panel's result text") {
    Fixture f;
    f.s.pending.add(9, CardPending{"b-001"});
    f.receive(result(9, false, 0, "consent is required"));
    CHECK(f.booth->forms().lastResult == "card not delivered: consent is required");
    CHECK(f.booth->cardsDropped("b-001") == 0);
    REQUIRE(f.s.toasts.size() == 1);
    CHECK(f.s.toasts[0].error);
    CHECK(f.s.toasts[0].text == "consent is required");
}

TEST_CASE("pending requests: a delivered card is counted and toasted") {
    Fixture f;
    f.s.pending.add(10, CardPending{"b-001"});
    f.receive(result(10, true));
    CHECK(f.booth->forms().lastResult == "card delivered");
    CHECK(f.booth->cardsDropped("b-001") == 1);
    REQUIRE(f.s.toasts.size() == 1);
    CHECK(f.s.toasts[0].text == "your card was left at booth b-001");
}

TEST_CASE("pending requests: an unknown requestId is harmless") {
    Fixture f;
    f.s.pending.add(3, CardPending{"b-001"});
    f.receive(result(99, true, 4)); // nobody asked: nothing happens
    CHECK(f.s.toasts.empty());
    CHECK(f.s.pending.size() == 1);
    CHECK(f.booth->forms().lastResult.empty());
    CHECK_FALSE(f.booth->likes("b-001"));
    f.receive(result(98, false)); // a refusal nobody tracked (a teleport) is still shown
    REQUIRE(f.s.toasts.size() == 1);
    CHECK(f.s.toasts[0].text == "the server refused: ");
    CHECK(f.s.pending.size() == 1);
    f.receive(result(3, false, 0, "")); // the card's refusal names its kind
    CHECK(f.s.toasts.back().text == "the server refused: card");
    CHECK(f.s.pending.size() == 0);
}

TEST_CASE("pending requests: booth statistics are answered by BoothStats, refused by result") {
    Fixture f;
    auto* exhibitor = f.features->find<ExhibitorFeature>();
    REQUIRE(exhibitor);
    f.s.pending.add(0xF0000001u, StatsPending{"b-001"});
    proto::BoothStats stats;
    stats.requestId = 0xF0000001u;
    stats.boothId = "b-001";
    stats.visits = 7;
    f.receive(stats);
    CHECK(f.s.pending.size() == 0);
    REQUIRE(exhibitor->stats("b-001"));
    CHECK(exhibitor->stats("b-001")->visits == 7);
    f.s.pending.add(0xF0000002u, StatsPending{"b-001"});
    f.receive(result(0xF0000002u, false, 0, "not your booth"));
    CHECK_FALSE(exhibitor->stats("b-001"));
}

TEST_CASE("pending requests: each kind goes only to its own handler") {
    PendingRequests pending;
    int cards = 0, likes = 0;
    pending.on<CardPending>([&](const CardPending&, const proto::ActionResult&) { ++cards; });
    pending.on<LikePending>([&](const LikePending&, const proto::ActionResult&) { ++likes; });
    pending.add(1, CardPending{"x"});
    pending.add(2, ChatPending{});
    pending.add(0, LikePending{"x"}); // 0: the request was never sent
    CHECK(pending.size() == 2);
    CHECK(pending.resolve(result(1, true)));
    CHECK(pending.resolve(result(2, true))); // no chat handler: forgotten, nothing else
    CHECK_FALSE(pending.resolve(result(1, true)));
    CHECK(cards == 1);
    CHECK(likes == 0);
    CHECK(pending.size() == 0);
}
