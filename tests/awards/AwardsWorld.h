// Test fixture for the awards slice: TestWorld's three booths as finalists of "best-sme" (open
// now, jury 50 % with a two-criterion rubric, ties by jury), "closed" (closed a minute ago) and
// "guests" (guests may vote); the awards session "ceremony" live now. Test helper only.
#pragma once

#include "server/console/ConsoleCommands.h"
#include "server/store/Store.h"
#include "tests/server_net/TestWorld.h"

#include <nlohmann/json.hpp>

namespace fg::test {

inline std::string awardsExhibitionJson() {
    auto j = nlohmann::json::parse(testExhibitionJson());
    const UnixSeconds now = unixNow();
    j["event"]["opens"] = formatDate(now - 86400);
    j["event"]["closes"] = formatDate(now + 86400);
    j["sessions"] = {{{"id", "ceremony"},
                      {"kind", "awards"},
                      {"title", "SME Awards ceremony"},
                      {"start", formatUtcTimestamp(now - 600)},
                      {"end", formatUtcTimestamp(now + 3600)},
                      {"venue", "stage"},
                      {"speakers", {"Host"}},
                      {"description", ""}}};
    const nlohmann::json all = {"acme-booth", "globex-booth", "initech-booth"};
    j["awards"] = {
        {{"id", "best-sme"},
         {"name", "Best SME"},
         {"finalists", all},
         {"rubric", {{{"name", "Impact"}, {"weight", 2}}, {{"name", "Innovation"}, {"weight", 1}}}},
         {"jury_weight", 50},
         {"public_weight", 50},
         {"voting",
          {{"opens", formatUtcTimestamp(now - 3600)}, {"closes", formatUtcTimestamp(now + 3600)}}},
         {"ceremony", "ceremony"}},
        {{"id", "closed"},
         {"name", "Closed Award"},
         {"finalists", all},
         {"voting",
          {{"opens", formatUtcTimestamp(now - 7200)}, {"closes", formatUtcTimestamp(now - 60)}}}},
        {{"id", "guests"},
         {"name", "Audience Award"},
         {"finalists", all},
         {"voting", {{"guests", true}}}}};
    return j.dump(2);
}

struct AwardsServer : JsonExhibitionServer {
    AwardsServer() : JsonExhibitionServer("awards", awardsExhibitionJson()) {}
    std::string token(store::Role role, const std::string& label) {
        auto t = app->store().issueCredential(role, "", label);
        REQUIRE(t.ok());
        return t->token;
    }
    // The token printed by a console `invite ...` line.
    std::string invite(const std::string& line) {
        auto out = app->console().execute(line);
        REQUIRE_MESSAGE(out.ok, out.text);
        const std::string marker = "keep it safe): ";
        auto at = out.text.find(marker);
        REQUIRE(at != std::string::npos);
        auto end = out.text.find_first_of(" \n", at + marker.size());
        return out.text.substr(at + marker.size(), end - at - marker.size());
    }
    std::unique_ptr<TestClient> join(const std::string& name, const std::string& token,
                                     const Clients& others, const std::string& key = "") {
        auto cfg = visitor(app->port(), name);
        cfg.hello.credential = token;
        if (!key.empty()) cfg.hello.clientKey = key;
        auto c = connectClient(*app, cfg, others);
        REQUIRE((c->net->state() == netclient::ClientState::Joined));
        return c;
    }
    console::ConsoleResult run(const std::string& line) { return app->console().execute(line); }
};

template <class M>
proto::ActionResult ask(server::ServerApp& srv, TestClient& c, const Clients& all, M m) {
    const std::uint32_t id = c->request(std::move(m));
    REQUIRE(id != 0);
    REQUIRE(pumpUntil(srv, all, [&] { return c.result(id) != nullptr; }));
    return *c.result(id);
}

// C's awards state, freshly asked for.
inline proto::AwardsState awardsOf(server::ServerApp& srv, TestClient& c, const Clients& all) {
    const std::uint32_t id = c->request(proto::AwardsRequest{0});
    const proto::AwardsState* found = nullptr;
    REQUIRE(pumpUntil(srv, all, [&] {
        found = c.find<proto::AwardsState>(
            [&](const proto::AwardsState& s) { return s.requestId == id; });
        return found != nullptr;
    }));
    return *found;
}

inline const proto::AwardStatus& categoryIn(const proto::AwardsState& st, const std::string& id) {
    for (const auto& c : st.categories)
        if (c.category == id) return c;
    FAIL("no category " << id);
    return st.categories.front();
}

} // namespace fg::test
