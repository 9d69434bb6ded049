// 1,000 verified visitors (one ticket each) cast their ballot at once over loopback; each is
// acknowledged after its commit and counted exactly once, and the audit's recount matches.
#include "tests/awards/AwardsWorld.h"

using namespace fg;
using namespace fg::test;

TEST_CASE("awards: 1000 visitors voting at once are all counted exactly once") {
    constexpr std::size_t kVoters = 1000;
    AwardsServer srv;
    auto tickets = srv.app->store().issueTickets(kVoters, "crowd");
    REQUIRE(tickets.ok());
    std::vector<std::unique_ptr<TestClient>> crowd;
    Clients all;
    for (std::size_t i = 0; i < kVoters; ++i) {
        auto cfg = visitor(srv.app->port(), "Voter " + std::to_string(i));
        cfg.hello.credential = (*tickets)[i].code;
        crowd.push_back(connectClient(*srv.app, cfg, {}));
        all.push_back(crowd.back().get());
        if (i % 50 == 49) pumpFor(*srv.app, all, 0.01); // keep everyone's link serviced
    }
    REQUIRE(pumpUntil(
        *srv.app, all,
        [&] {
            return std::all_of(all.begin(), all.end(), [](TestClient* c) {
                return c->net->state() == netclient::ClientState::Joined;
            });
        },
        30));
    const char* booths[] = {"acme-booth", "globex-booth", "initech-booth"};
    std::vector<std::uint32_t> ids;
    for (std::size_t i = 0; i < kVoters; ++i)
        ids.push_back(all[i]->net->request(proto::BallotCast{0, "best-sme", booths[i % 3]}));
    REQUIRE(pumpUntil(
        *srv.app, all,
        [&] {
            for (std::size_t i = 0; i < kVoters; ++i)
                if (!all[i]->result(ids[i])) return false;
            return true;
        },
        60));
    for (std::size_t i = 0; i < kVoters; ++i)
        CHECK(all[i]->result(ids[i])->ok);
    auto j = nlohmann::json::parse(srv.run("awards status --json").text);
    CHECK(j[0]["ballots"] == kVoters);
    auto audit = srv.run("awards audit");
    CHECK_MESSAGE(audit.ok, audit.text);
    auto results = srv.run("awards results best-sme --csv " + (srv.dir / "r.csv").string());
    REQUIRE(results.ok);
    auto csv = readFileText(srv.dir / "r.csv");
    REQUIRE(csv);
    for (const char* booth : booths)
        CHECK(csv->find(std::string(booth) + "," +
                        std::to_string(kVoters / 3 + (booth == booths[0] ? 1 : 0)) + ",") !=
              std::string::npos);
}
