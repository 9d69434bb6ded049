// Test fixture for the Q&A slice: TestWorld's exhibition with session "forum-5g" live now on
// venue "stage" ([40,60]x[50,58]), attendees who walk in (a venue teleport), organisers who
// moderate, and a request helper. Test helper only.
#pragma once

#include "server/store/Store.h"
#include "tests/server_net/TestWorld.h"

#include <nlohmann/json.hpp>

namespace fg::test {

inline constexpr const char* kQnaSession = "forum-5g";

inline std::string qnaExhibitionJson() {
    auto j = nlohmann::json::parse(testExhibitionJson());
    const UnixSeconds now = unixNow();
    j["event"]["opens"] = formatDate(now - 86400);
    j["event"]["closes"] = formatDate(now + 86400);
    j["sessions"] = {{{"id", kQnaSession},
                      {"kind", "forum"},
                      {"title", "5G for everyone"},
                      {"start", formatUtcTimestamp(now - 600)},
                      {"end", formatUtcTimestamp(now + 3600)},
                      {"venue", "stage"},
                      {"speakers", {"Dr. Lan"}},
                      {"description", ""}}};
    return j.dump(2);
}

struct QnaServer : JsonExhibitionServer {
    QnaServer() : JsonExhibitionServer("qna", qnaExhibitionJson()) {}
    // A token for a person with ROLE (the same token on two clients is the same person).
    std::string token(store::Role role, const std::string& label) {
        auto t = app->store().issueCredential(role, "", label);
        REQUIRE(t.ok());
        return t->token;
    }
    // A client named NAME signed in with TOKEN ("" = a guest) under client key KEY.
    std::unique_ptr<TestClient> join(const std::string& name, const std::string& token,
                                     const Clients& others, const std::string& key = "") {
        auto cfg = visitor(app->port(), name);
        cfg.hello.credential = token;
        if (!key.empty()) cfg.hello.clientKey = key;
        auto c = connectClient(*app, cfg, others);
        REQUIRE((c->net->state() == netclient::ClientState::Joined));
        return c;
    }
    // Teleports C into the session's venue and waits until the server has placed it.
    void walkIn(TestClient& c, const Clients& all) {
        c->sendRaw(proto::Teleport{proto::TeleportKind::Venue, 0, "stage"});
        pumpFor(*app, all, 0.2);
    }
};

// Sends M (a request message) from C, waits for its ActionResult and returns it.
template <class M>
proto::ActionResult ask(server::ServerApp& srv, TestClient& c, const Clients& all, M m) {
    const std::uint32_t id = c->request(std::move(m));
    REQUIRE(id != 0);
    REQUIRE(pumpUntil(srv, all, [&] { return c.result(id) != nullptr; }));
    return *c.result(id);
}

} // namespace fg::test
