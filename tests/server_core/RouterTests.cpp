// ServerRouter and Permit without sockets: wrong stage or role, unregistered and server-to-client
// types, the own-booth permit, and the bundle-access policy. Test-only.
#include "server/content/BundleAccessPolicy.h"
#include "server/core/BoothAccess.h"
#include "server/core/ServerRouter.h"
#include "tests/interactions/TestExhibition.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace fg;
using namespace fg::expo::proto;
using fg::presence::Session;
using fg::server::BundleAccessPolicy;
using fg::server::Permit;
using fg::server::ServerRouter;

namespace {

struct RouterFixture {
    expo::Exhibition exhibition = test::makeTestExhibition();
    std::vector<std::string> faults; // what each counted fault said
    ServerRouter router{[this](Session& s, std::string_view what) {
                            ++s.badPackets;
                            faults.emplace_back(what);
                        },
                        [this](const Session& s, const std::string& boothId) {
                            return server::boothAccessRefusal(s, exhibition, boothId);
                        }};
};

Session person(Role role, std::string exhibitor = {}, bool joined = true) {
    Session s;
    s.id = 7;
    s.joined = joined;
    s.role = role;
    s.exhibitorId = std::move(exhibitor);
    return s;
}

Message msg(auto m) {
    return Message{std::move(m)};
}

} // namespace

TEST_CASE("router: a message from the wrong role is refused and counted as a fault") {
    RouterFixture f;
    int ran = 0;
    std::string answered;
    f.router.on<ConsoleCommand>(
        Permit::roles({Role::Organiser}).because("console commands need the organiser role"),
        [&](Session&, const ConsoleCommand&) { ++ran; },
        [&](Session&, const ConsoleCommand&, std::string_view why) { answered = why; });
    Session visitor = person(Role::Visitor);
    Message m = msg(ConsoleCommand{1, "status"});
    f.router.dispatch(visitor, m);
    CHECK(ran == 0);
    CHECK(visitor.badPackets == 1);
    CHECK(answered == "console commands need the organiser role");
    Session organiser = person(Role::Organiser);
    f.router.dispatch(organiser, m);
    CHECK(ran == 1);
    CHECK(organiser.badPackets == 0);
}

TEST_CASE("router: unregistered and server-to-client messages are refused as faults") {
    RouterFixture f;
    Session s = person(Role::Organiser);
    Message like = msg(Like{1, "acme-1"});
    f.router.dispatch(s, like); // nobody registered Like
    Message welcome = msg(Welcome{});
    f.router.dispatch(s, welcome);
    CHECK(s.badPackets == 2);
    REQUIRE(f.faults.size() == 2);
    CHECK(f.faults[0] == "Like is not handled here");
    CHECK(f.faults[1] == "Welcome is not a client message");
    CHECK_FALSE(f.router.registered(messageIndex<Like>()));
}

TEST_CASE("router: Hello only before the handshake, everything else only after") {
    RouterFixture f;
    int hellos = 0, likes = 0;
    f.router.on<Hello>(Permit::beforeJoin(), [&](Session&, Hello&) { ++hellos; });
    f.router.on<Like>(Permit::joined(), [&](Session&, const Like&) { ++likes; });
    Session fresh = person(Role::Visitor, {}, /*joined=*/false);
    Message like = msg(Like{1, "acme-1"});
    f.router.dispatch(fresh, like);
    CHECK(likes == 0);
    Message hello = msg(Hello{});
    f.router.dispatch(fresh, hello);
    CHECK(hellos == 1);
    Session joined = person(Role::Visitor);
    f.router.dispatch(joined, hello);
    f.router.dispatch(joined, like);
    CHECK(hellos == 1);
    CHECK(likes == 1);
    CHECK(fresh.badPackets == 1);
    CHECK(joined.badPackets == 1);
    CHECK(f.faults == std::vector<std::string>{"Like before Hello", "second Hello"});
}

TEST_CASE("router: an own-booth permit refuses another exhibitor's booth") {
    RouterFixture f;
    std::vector<std::string> begun;
    std::string refusal;
    f.router.on<UploadBegin>(
        Permit::roles({Role::Exhibitor}).ownBooth(&UploadBegin::boothId),
        [&](Session&, const UploadBegin& m) { begun.push_back(m.boothId); },
        [&](Session&, const UploadBegin&, std::string_view why) { refusal = why; });
    Session acme = person(Role::Exhibitor, "acme");
    Message own = msg(UploadBegin{1, "acme-1", 10, {}});
    Message other = msg(UploadBegin{2, "beta-1", 10, {}});
    Message missing = msg(UploadBegin{3, "nope", 10, {}});
    f.router.dispatch(acme, own);
    f.router.dispatch(acme, other);
    CHECK(refusal == "booth 'beta-1' belongs to another exhibitor (your token is for 'acme')");
    f.router.dispatch(acme, missing);
    CHECK(refusal == "booth 'nope' does not exist in this event");
    Session organiser = person(Role::Organiser);
    f.router.dispatch(organiser, own); // organisers may own any booth, but not upload here
    CHECK(begun == std::vector<std::string>{"acme-1"});
    CHECK(acme.badPackets == 2);
    CHECK(organiser.badPackets == 1);
}

TEST_CASE("router: the own-booth permit admits an organiser for any booth") {
    RouterFixture f;
    int ran = 0;
    f.router.on<BoothStatsRequest>(Permit::joined().ownBooth(&BoothStatsRequest::boothId),
                                   [&](Session&, const BoothStatsRequest&) { ++ran; });
    Session organiser = person(Role::Organiser);
    Message m = msg(BoothStatsRequest{1, "beta-1"});
    f.router.dispatch(organiser, m);
    Session visitor = person(Role::Visitor);
    f.router.dispatch(visitor, m);
    CHECK(ran == 1);
    CHECK(visitor.badPackets == 1);
}

TEST_CASE("bundle access: a stored booth bundle goes only to its exhibitor or an organiser") {
    const expo::Exhibition exhibition = test::makeTestExhibition();
    Hash128 bundle{};
    bundle.high = 42;
    BundleAccessPolicy policy(
        [&](const Hash128& h) -> std::optional<std::string> {
            if (h == bundle) return std::string("acme-1");
            return std::nullopt;
        },
        [&](const Session& s, const std::string& boothId) {
            return server::boothAccessRefusal(s, exhibition, boothId);
        });
    ContentRequest request{1, ContentKind::Asset, bundle};
    CHECK(policy.refusal(person(Role::Exhibitor, "acme"), request).empty());
    CHECK(policy.refusal(person(Role::Organiser), request).empty());
    CHECK(policy.refusal(person(Role::Exhibitor, "beta"), request).find("another exhibitor") !=
          std::string::npos);
    CHECK_FALSE(policy.refusal(person(Role::Visitor), request).empty());
    ContentRequest other{2, ContentKind::Asset, Hash128{}};
    CHECK(policy.refusal(person(Role::Visitor), other).empty()); // not a bundle: any visitor
}

TEST_CASE("router: past its budget a message type is refused and counted, not run") {
    RouterFixture f;
    int likes = 0, opens = 0;
    std::vector<std::string> refusals;
    f.router.setDefaultBudget({4, 2});
    f.router.on<Like>(
        Permit::joined(), [&](Session&, const Like&) { ++likes; },
        [&](Session&, const Like&, std::string_view why) { refusals.emplace_back(why); });
    f.router.on<OpenItem>(Permit::joined().budget(2, 1),
                          [&](Session&, const OpenItem&) { ++opens; });
    Session s = person(Role::Visitor);
    Message like = msg(Like{1, "acme-booth"});
    Message open = msg(OpenItem{});
    for (int i = 0; i < 10; ++i) {
        f.router.dispatch(s, like, 100.0);
        f.router.dispatch(s, open, 100.0);
    }
    CHECK(likes == 4); // the default burst
    CHECK(opens == 2); // the budget stated at registration
    CHECK(f.router.rateLimited() == 14);
    CHECK(f.router.rateOffenders() == 1);
    CHECK(refusals.size() == 6);
    CHECK(f.faults.empty());           // a burst is not malformed data: no disconnect for it
    f.router.dispatch(s, like, 101.0); // refilled at 2 per second
    f.router.dispatch(s, like, 101.0);
    f.router.dispatch(s, like, 101.0);
    CHECK(likes == 6);
    Session other = person(Role::Visitor);
    other.id = 8; // its own buckets
    f.router.dispatch(other, like, 101.0);
    CHECK(likes == 7);
    f.router.resetBudgets(s); // a new connection in the slot starts full
    f.router.dispatch(s, like, 101.0);
    CHECK(likes == 8);
    CHECK(f.router.rateOffenders() == 1);
}

TEST_CASE("router: a verified-only permit refuses a guest, whatever the guest's role claims") {
    RouterFixture f;
    int ran = 0;
    std::string answered;
    // The permit the programme and awards slices put on votes, upvotes, poll answers, ballots.
    f.router.on<Like>(
        Permit::joined().verifiedOnly(), [&](Session&, const Like&) { ++ran; },
        [&](Session&, const Like&, std::string_view why) { answered = why; });
    Message vote = msg(Like{1, "acme-1"});
    Session guest = person(Role::Visitor); // no ticket: a client that sends it anyway
    f.router.dispatch(guest, vote);
    CHECK(ran == 0);
    CHECK(guest.badPackets == 1);
    CHECK(answered == "Like: guests cannot vote; sign in with your ticket code");
    Session ticketHolder = person(Role::Visitor);
    ticketHolder.personKey = "ticket:12";
    f.router.dispatch(ticketHolder, vote);
    CHECK(ran == 1);
    CHECK(ticketHolder.badPackets == 0);
    // A role permit still comes first: a verified visitor is no organiser.
    f.router.on<ConsoleCommand>(Permit::roles({Role::Organiser}).verifiedOnly(),
                                [&](Session&, const ConsoleCommand&) { ++ran; });
    Message line = msg(ConsoleCommand{1, "status"});
    f.router.dispatch(ticketHolder, line);
    CHECK(f.faults.back() == "ConsoleCommand is not allowed for the visitor role");
}
