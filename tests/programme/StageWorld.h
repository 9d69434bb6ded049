// Test fixture for the stage slice: TestWorld's exhibition moved to the coming days with two
// sessions: "forum-1" on the "stage" venue in two hours (on its schedule: scheduled) and
// "talk-0" in venue "room-b", live by its schedule now. Test helper only.
#pragma once

#include "server/store/Store.h"
#include "tests/server_net/TestWorld.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace fg::test {

inline std::string stageExhibitionJson(std::uint32_t capacity) {
    const UnixSeconds now = unixNow() / 60 * 60;
    auto j = nlohmann::json::parse(testExhibitionJson());
    j["event"]["opens"] = formatDate(now - 86400);
    j["event"]["closes"] = formatDate(now + 2 * 86400);
    auto& venues = j["halls"][0]["venues"];
    venues[0]["capacity"] = capacity;
    venues.push_back({{"id", "room-b"},
                      {"name", "Room B"},
                      {"kind", "room"},
                      {"rect", {5, 50, 10, 8}},
                      {"capacity", 30}});
    auto session = [](const char* id, const char* venue, UnixSeconds start, UnixSeconds end) {
        return nlohmann::json{{"id", id},
                              {"kind", "forum"},
                              {"title", std::string("Session ") + id},
                              {"start", formatUtcTimestamp(start)},
                              {"end", formatUtcTimestamp(end)},
                              {"venue", venue},
                              {"speakers", {"Minister"}},
                              {"description", ""}};
    };
    j["sessions"] = {session("forum-1", "stage", now + 7200, now + 10800),
                     session("talk-0", "room-b", now - 300, now + 3600)};
    return j.dump(2);
}

struct StageServer : JsonExhibitionServer {
    explicit StageServer(std::uint32_t capacity = 200)
        : JsonExhibitionServer("stage", stageExhibitionJson(capacity)) {}
    std::string console(const std::string& line) {
        auto r = app->console().execute(line);
        CAPTURE(line);
        CAPTURE(r.text);
        REQUIRE(r.ok);
        return r.text;
    }
    nlohmann::json json(const std::string& line) { return nlohmann::json::parse(console(line)); }
    // The token `invite speaker ARGS` printed.
    std::string invite(const std::string& args) {
        const std::string out = console("invite speaker " + args);
        const std::string marker = "keep it safe): ";
        auto at = out.find(marker);
        REQUIRE(at != std::string::npos);
        return out.substr(at + marker.size(), out.find('\n', at) - at - marker.size());
    }
    // A connected person named NAME signed in with TOKEN as ROLE (a visitor credential: Visitor).
    std::unique_ptr<TestClient> signedIn(const std::string& name, const std::string& token,
                                         proto::Role role = proto::Role::Visitor,
                                         const Clients& others = {}) {
        auto cfg = visitor(app->port(), name);
        cfg.hello.role = role;
        cfg.hello.credential = token;
        auto c = connectClient(*app, cfg, others);
        REQUIRE((c->net->state() == netclient::ClientState::Joined));
        return c;
    }
    std::unique_ptr<TestClient> organiser(const std::string& name, const Clients& others = {}) {
        auto token = app->store().issueCredential(store::Role::Organiser, "", name);
        REQUIRE(token.ok());
        return signedIn(name, token->token, proto::Role::Organiser, others);
    }
};

// The newest StageUpdate C has for SESSIONID, or null.
inline const proto::StageUpdate* latestUpdate(const TestClient& c, const std::string& sessionId) {
    const proto::StageUpdate* out = nullptr;
    for (const auto& m : c.inbox)
        if (auto* u = std::get_if<proto::StageUpdate>(&m); u && u->sessionId == sessionId) out = u;
    return out;
}

// The newest StagePlace C has for SESSIONID, or null.
inline const proto::StagePlace* latestPlace(const TestClient& c, const std::string& sessionId) {
    const proto::StagePlace* out = nullptr;
    for (const auto& m : c.inbox)
        if (auto* p = std::get_if<proto::StagePlace>(&m); p && p->sessionId == sessionId) out = p;
    return out;
}

} // namespace fg::test
