// Booth statistics and leads for the exhibitor's booth panel, and staff presence pushed to
// visitors: a real ServerApp on 127.0.0.1 with NetClients (tests/server_net's fixture).
#include "server/store/Store.h"
#include "tests/server_net/TestWorld.h"

#include <doctest/doctest.h>

using namespace fg;
using namespace fg::test;
using proto::Role;

namespace {

netclient::ClientConfig exhibitor(std::uint16_t port, const std::string& name,
                                  const std::string& token) {
    auto c = visitor(port, name);
    c.hello.role = Role::Exhibitor;
    c.hello.credential = token;
    return c;
}

const proto::BoothStats* statsFor(const TestClient& c, std::uint32_t requestId) {
    return c.find<proto::BoothStats>(
        [&](const proto::BoothStats& s) { return s.requestId == requestId; });
}

} // namespace

TEST_CASE("exhibitor stats: only the booth's exhibitor or an organiser gets figures and leads") {
    TestServer srv;
    auto& store = srv.app->store();
    auto acmeToken = store.issueCredential(store::Role::Exhibitor, "acme", "acme staff");
    auto globexToken = store.issueCredential(store::Role::Exhibitor, "globex", "globex staff");
    auto orgToken = store.issueCredential(store::Role::Organiser, "", "ops");
    REQUIRE((acmeToken.ok() && globexToken.ok() && orgToken.ok()));
    const std::uint16_t port = srv.app->port();

    auto guest = connectClient(*srv.app, visitor(port, "Linh Tran"));
    REQUIRE((guest->net->state() == netclient::ClientState::Joined));
    const std::uint32_t card = (*guest)->dropCard(proto::DropCard{
        0, "acme-booth", "Linh Tran", "Hanoi Telecom", "linh@example.vn", "5G please", true});
    REQUIRE(pumpUntil(*srv.app, {guest.get()}, [&] { return guest->result(card) != nullptr; }));
    REQUIRE(guest->result(card)->ok);

    auto acme =
        connectClient(*srv.app, exhibitor(port, "Acme Staff", acmeToken->token), {guest.get()});
    auto globex = connectClient(*srv.app, exhibitor(port, "Globex Staff", globexToken->token),
                                {guest.get(), acme.get()});
    auto org = connectClient(*srv.app,
                             [&] {
                                 auto c = visitor(port, "Organiser");
                                 c.hello.role = Role::Organiser;
                                 c.hello.credential = orgToken->token;
                                 return c;
                             }(),
                             {guest.get(), acme.get(), globex.get()});
    Clients all{guest.get(), acme.get(), globex.get(), org.get()};
    for (TestClient* c : all)
        REQUIRE((c->net->state() == netclient::ClientState::Joined));

    (*guest)->sendRaw(proto::BoothStatsRequest{901, "acme-booth"});
    (*globex)->sendRaw(proto::BoothStatsRequest{902, "acme-booth"});
    (*acme)->sendRaw(proto::BoothStatsRequest{903, "acme-booth"});
    (*org)->sendRaw(proto::BoothStatsRequest{904, "acme-booth"});
    (*acme)->sendRaw(proto::BoothStatsRequest{905, "no-such-booth"});
    REQUIRE(pumpUntil(*srv.app, all, [&] {
        return guest->result(901) && globex->result(902) && statsFor(*acme, 903) &&
               statsFor(*org, 904) && acme->result(905);
    }));
    CHECK_FALSE(guest->result(901)->ok);
    CHECK_FALSE(globex->result(902)->ok);
    CHECK(globex->result(902)->text.find("acme") != std::string::npos);
    CHECK_FALSE(acme->result(905)->ok);
    CHECK(statsFor(*guest, 901) == nullptr);

    const proto::BoothStats& mine = *statsFor(*acme, 903);
    CHECK(mine.boothId == "acme-booth");
    CHECK(mine.cards == 1);
    REQUIRE(mine.recentLeads.size() == 1);
    CHECK(mine.recentLeads[0].name == "Linh Tran");
    CHECK(mine.recentLeads[0].organisation == "Hanoi Telecom");
    CHECK(mine.recentLeads[0].email == "linh@example.vn");
    CHECK(mine.recentLeads[0].message == "5G please");
    CHECK(mine.recentLeads[0].timeUnix > 1600000000);
    CHECK(statsFor(*org, 904)->recentLeads == mine.recentLeads);
}

TEST_CASE("staff presence: visitors are told when a booth's staff goes on and off duty") {
    TestServer srv;
    auto token = srv.app->store().issueCredential(store::Role::Exhibitor, "acme", "acme staff");
    REQUIRE(token.ok());
    const std::uint16_t port = srv.app->port();
    auto guest = connectClient(*srv.app, visitor(port, "Early Guest"));
    auto acme = connectClient(*srv.app, exhibitor(port, "Acme Staff", token->token), {guest.get()});
    Clients all{guest.get(), acme.get()};
    const std::uint32_t on = (*acme)->setStaffOnDuty("acme-booth", true);
    auto announced = [&](TestClient& c, bool onDuty) {
        return c.find<proto::StaffPresence>([&](const proto::StaffPresence& p) {
            return p.boothId == "acme-booth" && p.onDuty == onDuty;
        }) != nullptr;
    };
    REQUIRE(pumpUntil(*srv.app, all, [&] { return announced(*guest, true); }));
    CHECK(acme->result(on)->ok);
    CHECK(guest->all<proto::StaffPresence>().size() == 1); // only acme's booth is staffed

    // Someone joining later learns it at once.
    auto late = connectClient(*srv.app, visitor(port, "Late Guest"), all);
    all.push_back(late.get());
    CHECK(pumpUntil(*srv.app, all, [&] { return announced(*late, true); }));

    (*acme)->setStaffOnDuty("acme-booth", false);
    CHECK(pumpUntil(*srv.app, all, [&] { return announced(*guest, false); }));
    CHECK(announced(*late, false));
}
