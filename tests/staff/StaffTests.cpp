// Exhibitor staff over loopback: a real ServerApp on 127.0.0.1 with NetClients (the fixture of
// tests/server_net). On duty by the switch and by standing in the booth, booth chat answered from
// the inbox with the staff name and company, who is at the booth, leads pages, and clients that
// ask for another exhibitor's records being refused.
#include "game/expo/LeadsCsv.h"
#include "server/store/Store.h"
#include "tests/server_net/TestWorld.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace fg;
using namespace fg::test;
using proto::Role;

namespace {

netclient::ClientConfig exhibitor(std::uint16_t port, const std::string& name,
                                  const std::string& token) {
    auto c = visitor(port, name);
    c.hello.credential = token; // a visitor Hello with a token joins in the token's role
    return c;
}

// A server with acme's and globex's staff signed in and one visitor, Linh, at spawn.
struct StaffWorld {
    TestServer srv;
    std::unique_ptr<TestClient> guest, acme, globex;
    Clients all;

    StaffWorld() {
        auto& store = srv.app->store();
        auto acmeToken = store.issueCredential(store::Role::Exhibitor, "acme", "acme staff");
        auto globexToken = store.issueCredential(store::Role::Exhibitor, "globex", "globex staff");
        REQUIRE((acmeToken.ok() && globexToken.ok()));
        const std::uint16_t port = srv.app->port();
        guest = connectClient(*srv.app, visitor(port, "Linh Tran"));
        acme =
            connectClient(*srv.app, exhibitor(port, "Mai Acme", acmeToken->token), {guest.get()});
        globex = connectClient(*srv.app, exhibitor(port, "Kim Globex", globexToken->token),
                               {guest.get(), acme.get()});
        all = {guest.get(), acme.get(), globex.get()};
        for (TestClient* c : all)
            REQUIRE((c->net->state() == netclient::ClientState::Joined));
    }
    const proto::StaffPresence* staffNews(const TestClient& c, bool onDuty,
                                          const std::vector<std::string>& names) const {
        return c.find<proto::StaffPresence>([&](const proto::StaffPresence& p) {
            return p.boothId == "acme-booth" && p.onDuty == onDuty && p.names == names;
        });
    }
    // Teleports C to the acme booth (1 m in front of it: inside its visit zone).
    void toAcme(TestClient& c) {
        c->teleport(proto::TeleportKind::Booth, 0, "acme-booth");
        REQUIRE(pumpUntil(*srv.app, all, [&] { return !c.all<proto::Correction>().empty(); }));
    }
    std::uint32_t dropCard(TestClient& c, proto::DropCard card) {
        const std::uint32_t id = c->dropCard(std::move(card));
        REQUIRE(pumpUntil(*srv.app, all, [&] { return c.result(id) != nullptr; }));
        return id;
    }
};

} // namespace

TEST_CASE("staff: an exhibitor with a token goes on duty by the switch and by standing in it") {
    StaffWorld w;
    CHECK((w.acme->net->welcome().role == Role::Exhibitor));
    CHECK(w.acme->net->welcome().exhibitorId == "acme");

    const std::uint32_t on = (*w.acme)->setStaffOnDuty("acme-booth", true);
    REQUIRE(
        pumpUntil(*w.srv.app, w.all, [&] { return w.staffNews(*w.guest, true, {"Mai Acme"}); }));
    CHECK(w.acme->result(on)->ok);
    (*w.acme)->setStaffOnDuty("acme-booth", false);
    REQUIRE(pumpUntil(*w.srv.app, w.all, [&] { return w.staffNews(*w.guest, false, {}); }));

    // No switch: standing in the booth's visit zone is on duty too, and leaving ends it.
    w.guest->inbox.clear();
    w.toAcme(*w.acme);
    CHECK(pumpUntil(*w.srv.app, w.all, [&] { return w.staffNews(*w.guest, true, {"Mai Acme"}); }));
    (*w.acme)->teleport(proto::TeleportKind::Spawn, 0, "");
    CHECK(pumpUntil(*w.srv.app, w.all, [&] { return w.staffNews(*w.guest, false, {}); }));

    // Another exhibitor's staff standing there is a visitor of it, not its staff.
    w.guest->inbox.clear();
    w.toAcme(*w.globex);
    pumpFor(*w.srv.app, w.all, 1.5);
    CHECK(w.guest->all<proto::StaffPresence>().empty());
    const std::uint32_t lie = (*w.globex)->setStaffOnDuty("acme-booth", true);
    REQUIRE(pumpUntil(*w.srv.app, w.all, [&] { return w.globex->result(lie) != nullptr; }));
    CHECK_FALSE(w.globex->result(lie)->ok);
}

TEST_CASE("staff: a visitor's booth chat reaches the staff, whose reply carries name and company, "
          "also in the history") {
    StaffWorld w;
    // Linh writes from the hall's entrance, far from the booth: she still gets the answer.
    const std::uint32_t asked =
        (*w.guest)->chat(proto::ChatScope::Booth, "acme-booth", 0, "Do you ship to Hanoi?");
    auto heard = [&](TestClient& c, const std::string& text) {
        return c.find<proto::ChatReceived>([&](const proto::ChatReceived& m) {
            return m.scope == proto::ChatScope::Booth && m.boothId == "acme-booth" &&
                   m.text == text;
        });
    };
    REQUIRE(pumpUntil(*w.srv.app, w.all, [&] { return heard(*w.acme, "Do you ship to Hanoi?"); }));
    CHECK(w.guest->result(asked)->ok);
    CHECK(heard(*w.acme, "Do you ship to Hanoi?")->fromName == "Linh Tran");
    CHECK(heard(*w.acme, "Do you ship to Hanoi?")->company.empty());

    (*w.acme)->chat(proto::ChatScope::Booth, "acme-booth", 0, "Yes, from our Da Nang depot.");
    REQUIRE(pumpUntil(*w.srv.app, w.all,
                      [&] { return heard(*w.guest, "Yes, from our Da Nang depot."); }));
    const proto::ChatReceived& reply = *heard(*w.guest, "Yes, from our Da Nang depot.");
    CHECK(reply.fromName == "Mai Acme");
    CHECK(reply.company == "Acme");
    // Globex's staff is neither in the booth nor in its chat: it hears nothing of it.
    CHECK(heard(*w.globex, "Do you ship to Hanoi?") == nullptr);

    // A chat line from another exhibitor's staff at acme's booth carries no company.
    (*w.globex)->chat(proto::ChatScope::Booth, "acme-booth", 0, "Hello neighbours");
    REQUIRE(pumpUntil(*w.srv.app, w.all, [&] { return heard(*w.guest, "Hello neighbours"); }));
    CHECK(heard(*w.guest, "Hello neighbours")->company.empty());
    // The stored history reads as the live lines did: the staff's reply names the company.
    const std::uint32_t past =
        (*w.guest)->chatHistory({0, proto::ChatScope::Booth, "acme-booth", 0, 0});
    const proto::ChatHistory* history = nullptr;
    REQUIRE(pumpUntil(*w.srv.app, w.all, [&] {
        history = w.guest->find<proto::ChatHistory>(
            [&](const proto::ChatHistory& h) { return h.requestId == past; });
        return history != nullptr;
    }));
    REQUIRE(history->lines.size() == 3);
    CHECK(history->lines[0].company.empty());
    CHECK(history->lines[1].fromName == "Mai Acme");
    CHECK(history->lines[1].company == "Acme");
    CHECK(history->lines[2].company.empty());
}

TEST_CASE("staff: who is at my booth names the people in its zone, e-mail only from a card") {
    StaffWorld w;
    const std::uint16_t port = w.srv.app->port();
    auto quiet = connectClient(*w.srv.app, visitor(port, "Quiet Guest"), w.all);
    w.all.push_back(quiet.get());
    w.toAcme(*w.guest);
    w.toAcme(*quiet);
    const std::uint32_t card = w.dropCard(
        *w.guest, {0, "acme-booth", "Linh Tran", "Hanoi Telecom", "linh@example.vn", "5G", true});
    REQUIRE(w.guest->result(card)->ok);

    // Visits follow positions four times a second: ask until both stand in the zone.
    const proto::BoothVisitors* listed = nullptr;
    for (std::uint32_t id = 700; id < 720 && !(listed && listed->people.size() == 2); ++id) {
        if (listed) pumpFor(*w.srv.app, w.all, 0.25);
        (*w.acme)->sendRaw(proto::BoothVisitorsRequest{id, "acme-booth"});
        REQUIRE(pumpUntil(*w.srv.app, w.all, [&] {
            listed = w.acme->find<proto::BoothVisitors>(
                [&](const proto::BoothVisitors& v) { return v.requestId == id; });
            return listed != nullptr;
        }));
    }
    REQUIRE(listed->people.size() == 2);
    const std::vector<proto::BoothVisitor> people = listed->people; // the inbox grows below
    const proto::BoothVisitor& linh = people[0];
    const proto::BoothVisitor& other = people[1];
    (*w.globex)->sendRaw(proto::BoothVisitorsRequest{721, "acme-booth"}); // lies: not its booth
    (*w.guest)->sendRaw(proto::BoothVisitorsRequest{722, "acme-booth"});
    REQUIRE(pumpUntil(*w.srv.app, w.all,
                      [&] { return w.globex->result(721) && w.guest->result(722); }));
    CHECK(linh ==
          proto::BoothVisitor{"Linh Tran", Role::Visitor, "Hanoi Telecom", "linh@example.vn"});
    CHECK(other == proto::BoothVisitor{"Quiet Guest", Role::Visitor, "", ""});
    CHECK_FALSE(w.globex->result(721)->ok);
    CHECK(w.globex->result(721)->text.find("belongs to exhibitor \"acme\"") != std::string::npos);
    CHECK_FALSE(w.guest->result(722)->ok);
    CHECK(w.globex->all<proto::BoothVisitors>().empty());
}

TEST_CASE("staff: leads come page by page with consent as ticked and make the console's CSV") {
    StaffWorld w;
    w.toAcme(*w.guest);
    // Not ticked: refused, and nothing is stored.
    const std::uint32_t unticked = w.dropCard(
        *w.guest, {0, "acme-booth", "Linh Tran", "Hanoi Telecom", "linh@example.vn", "", false});
    CHECK_FALSE(w.guest->result(unticked)->ok);
    const std::uint32_t ticked = w.dropCard(*w.guest, {0, "acme-booth", "Linh Tran", "Hanoi, VN",
                                                       "linh@example.vn", "say \"hi\"", true});
    REQUIRE(w.guest->result(ticked)->ok);
    auto& store = w.srv.app->store();
    for (int i = 0; i < 44; ++i) // more than a page
        REQUIRE(store
                    .addLead({0, "acme-booth", "acme", fmt::format("Guest {}", i), "Org",
                              fmt::format("g{}@example.org", i), "", i % 2 == 0, 1634030000 + i})
                    .ok());

    std::vector<expo::LeadRecord> rows;
    std::uint64_t after = 0;
    for (std::uint32_t request = 800;; ++request) {
        (*w.acme)->sendRaw(proto::LeadsRequest{request, "acme-booth", after});
        auto page = [&] {
            return w.acme->find<proto::LeadsPage>(
                [&](const proto::LeadsPage& p) { return p.requestId == request; });
        };
        REQUIRE(pumpUntil(*w.srv.app, w.all, [&] { return page() != nullptr; }));
        CHECK(page()->exhibitorId == "acme");
        for (const proto::LeadEntry& l : page()->leads)
            rows.push_back({std::int64_t(l.id), "acme-booth", page()->exhibitorId, l.name,
                            l.organisation, l.email, l.note, l.consent, l.timeUnix});
        if (!page()->more) break;
        CHECK(page()->leads.size() == proto::kMaxLeadsPerPage);
        after = page()->leads.back().id;
    }
    REQUIRE(rows.size() == 45);
    CHECK(rows[0].visitorName == "Linh Tran");
    CHECK(rows[0].consent); // what Linh ticked, through DropCard, the store and the page
    CHECK(rows[0].message == "say \"hi\"");
    CHECK_FALSE(rows[2].consent); // Guest 1 was stored without consent
    // The client's file is the console's file: one writer.
    CHECK(expo::leadsCsv(rows) == *store.leadsCsv("acme-booth"));

    // Another exhibitor and a visitor are refused acme's leads (clients that lie), and an unknown
    // booth is named as such.
    (*w.globex)->sendRaw(proto::LeadsRequest{850, "acme-booth", 0});
    (*w.guest)->sendRaw(proto::LeadsRequest{851, "acme-booth", 0});
    (*w.acme)->sendRaw(proto::LeadsRequest{852, "no-such-booth", 0});
    REQUIRE(pumpUntil(*w.srv.app, w.all, [&] {
        return w.globex->result(850) && w.guest->result(851) && w.acme->result(852);
    }));
    CHECK_FALSE(w.globex->result(850)->ok);
    CHECK_FALSE(w.guest->result(851)->ok);
    CHECK_FALSE(w.acme->result(852)->ok);
    CHECK(w.globex->all<proto::LeadsPage>().empty());
    CHECK(w.guest->all<proto::LeadsPage>().empty());
}
