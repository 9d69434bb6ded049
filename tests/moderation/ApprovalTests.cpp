// The approval queue from an organiser's client over loopback: an exhibitor's upload appears in
// the organiser's queue; a rejection needs a reason and reaches the exhibitor; an approval
// publishes the booth to visitors, the same as `booth approve` on the console.
#include "game/netclient/PublishClient.h"
#include "tests/moderation/ModerationFixture.h"
#include "tests/publish/PublishTestSupport.h"

using namespace fg;
using namespace fg::test;
using store::Role;

namespace {

const proto::ApprovalQueue* latestQueue(const TestClient& c) {
    const proto::ApprovalQueue* last = nullptr;
    for (const auto& m : c.inbox)
        if (auto* q = std::get_if<proto::ApprovalQueue>(&m); q && q->requestId == 0) last = q;
    return last;
}

// Uploads acme's booth over EXH's connection until the server answers it.
proto::PublishOutcome upload(server::ServerApp& app, TestClient& exh, const Clients& all) {
    const auto bundle = publish::test::bundleFor("acme");
    netclient::PublishClient pc(*exh.net, bundle.booth.id, booth::saveBundleBytes(bundle));
    std::size_t seen = exh.inbox.size();
    pumpUntil(
        app, all,
        [&] {
            for (; seen < exh.inbox.size(); ++seen)
                pc.handle(exh.inbox[seen]);
            pc.pump();
            return pc.finished();
        },
        60.0);
    REQUIRE_MESSAGE(pc.result().has_value(), pc.statusText());
    return pc.result()->outcome;
}

} // namespace

TEST_CASE("approval queue: an organiser's client sees submissions, rejects with a reason and "
          "approves") {
    TestServer srv;
    server::ServerApp& app = *srv.app;
    auto org = connectClient(app, signedIn(app, "Boss", Role::Organiser));
    auto exh =
        connectClient(app, signedIn(app, "Acme staff", Role::Exhibitor, "acme"), {org.get()});
    auto vy = connectClient(app, visitor(app.port(), "Vy"), {org.get(), exh.get()});
    Clients all{org.get(), exh.get(), vy.get()};
    REQUIRE(pumpUntil(app, all, [&] { return latestQueue(*org) != nullptr; }));
    CHECK(latestQueue(*org)->entries.empty());

    REQUIRE((upload(app, *exh, all) == proto::PublishOutcome::Queued));
    REQUIRE(pumpUntil(app, all, [&] { return !latestQueue(*org)->entries.empty(); }));
    const proto::ApprovalEntry entry = latestQueue(*org)->entries[0];
    CHECK(entry.boothId == "acme-booth");
    CHECK(entry.exhibitorId == "acme");
    CHECK(entry.submittedAt > 0);
    const std::uint32_t asked = (*org)->request(proto::ApprovalQueueRequest{});
    REQUIRE(pumpUntil(app, all, [&] {
        return org->find<proto::ApprovalQueue>([&](const proto::ApprovalQueue& q) {
            return q.requestId == asked && q.entries.size() == 1;
        }) != nullptr;
    }));

    auto noReason = ask(app, *org, all, proto::ApprovalDecision{0, "acme-booth", false, ""}, 21);
    CHECK_FALSE(noReason.ok);
    CHECK(noReason.text == "booth reject needs a reason the exhibitor can read");
    auto rejected =
        ask(app, *org, all, proto::ApprovalDecision{0, "acme-booth", false, "logo too small"}, 22);
    CHECK_MESSAGE(rejected.ok, rejected.text);
    CHECK(rejected.text == "booth acme-booth rejected: logo too small");
    REQUIRE(pumpUntil(app, all, [&] { return latestQueue(*org)->entries.empty(); }));
    CHECK(exh->find<proto::PublishResult>([](const proto::PublishResult& r) {
        return r.outcome == proto::PublishOutcome::Refused && r.reasons == "logo too small";
    }));

    REQUIRE((upload(app, *exh, all) == proto::PublishOutcome::Queued));
    REQUIRE(pumpUntil(app, all, [&] { return !latestQueue(*org)->entries.empty(); }));
    auto approved = ask(app, *org, all, proto::ApprovalDecision{0, "acme-booth", true, ""}, 23);
    CHECK_MESSAGE(approved.ok, approved.text);
    CHECK(approved.text.find("booth acme-booth approved: revision 1") == 0);
    REQUIRE(pumpUntil(app, all, [&] {
        return vy->find<proto::BoothRevision>([](const proto::BoothRevision& r) {
            return r.boothId == "acme-booth";
        }) != nullptr;
    }));
    CHECK(app.console().execute("booth pending").text == "no booths waiting for approval\n");
}
