// Test fixture for the agenda slice: TestWorld's hall with a masterclass room next to the spawn
// (x 44-56, z 8-16) hosting "mc", live now with required registration and 2 places, and the
// stage hosting "opt" tomorrow with optional registration. Test helper only.
#pragma once

#include "server/store/Store.h"
#include "tests/server_net/TestWorld.h"

#include <nlohmann/json.hpp>

namespace fg::test {

inline std::string registrationExhibitionJson() {
    auto j = nlohmann::json::parse(testExhibitionJson());
    const UnixSeconds now = unixNow();
    j["event"]["opens"] = formatDate(now - 86400);
    j["event"]["closes"] = formatDate(now + 2 * 86400);
    j["halls"][0]["venues"].push_back({{"id", "class-room"},
                                       {"name", "Masterclass room"},
                                       {"kind", "room"},
                                       {"rect", {44, 8, 12, 8}},
                                       {"capacity", 30}});
    j["sessions"] = {{{"id", "mc"},
                      {"kind", "masterclass"},
                      {"title", "Masterclass: pitching"},
                      {"start", formatUtcTimestamp(now - 60)},
                      {"end", formatUtcTimestamp(now + 3600)},
                      {"venue", "class-room"},
                      {"speakers", {{{"name", "Sofia Reyes"}, {"title", "Venture Partner"}}}},
                      {"description", "Ten slides, five minutes."},
                      {"registration", {{"mode", "required"}, {"capacity", 2}}}},
                     {{"id", "opt"},
                      {"kind", "forum"},
                      {"title", "Open forum"},
                      {"start", formatUtcTimestamp(now + 86400)},
                      {"end", formatUtcTimestamp(now + 86400 + 3600)},
                      {"venue", "stage"},
                      {"speakers", {"Kenji Mori"}},
                      {"description", ""},
                      {"registration", {{"mode", "optional"}, {"capacity", 1}}}}};
    return j.dump(2);
}

struct RegistrationServer : JsonExhibitionServer {
    RegistrationServer() : JsonExhibitionServer("registration", registrationExhibitionJson()) {}
    std::string ticket() {
        auto issued = app->store().issueTickets(1, "test");
        REQUIRE(issued.ok());
        return issued->front().code;
    }
    // A visitor signed in with ticket CODE under client key KEY.
    std::unique_ptr<TestClient> holder(const std::string& name, const std::string& code,
                                       const std::string& key, const Clients& others = {}) {
        auto cfg = visitor(app->port(), name);
        cfg.hello.clientKey = key;
        cfg.hello.credential = code;
        auto c = connectClient(*app, cfg, others);
        REQUIRE((c->net->state() == netclient::ClientState::Joined));
        return c;
    }
};

} // namespace fg::test
