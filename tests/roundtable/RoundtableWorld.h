// Test fixture for the roundtable slice: TestWorld's exhibition with roundtable "rt-1" live now
// in room "room-b" (speakers Minister Ana and Minister Bo), roundtable "rt-later" in three hours
// and forum "forum-1" live now on "stage"; speakers signed in with `invite speaker`. Test only.
#pragma once

#include "server/store/Store.h"
#include "tests/server_net/TestWorld.h"

#include <nlohmann/json.hpp>

namespace fg::test {

inline constexpr const char* kRoundtable = "rt-1";

inline std::string roundtableExhibitionJson() {
    const UnixSeconds now = unixNow() / 60 * 60;
    auto j = nlohmann::json::parse(testExhibitionJson());
    j["event"]["opens"] = formatDate(now - 86400);
    j["event"]["closes"] = formatDate(now + 2 * 86400);
    j["halls"][0]["venues"].push_back({{"id", "room-b"},
                                       {"name", "Roundtable Room"},
                                       {"kind", "room"},
                                       {"rect", {5, 50, 10, 8}},
                                       {"capacity", 30}});
    auto session = [](const char* id, const char* kind, const char* venue, UnixSeconds start,
                      UnixSeconds end) {
        return nlohmann::json{{"id", id},
                              {"kind", kind},
                              {"title", std::string("Session ") + id},
                              {"start", formatUtcTimestamp(start)},
                              {"end", formatUtcTimestamp(end)},
                              {"venue", venue},
                              {"speakers", {"Minister Ana", "Minister Bo"}},
                              {"description", ""}};
    };
    j["sessions"] = {session(kRoundtable, "roundtable", "room-b", now - 300, now + 3600),
                     session("rt-later", "roundtable", "room-b", now + 10800, now + 14400),
                     session("forum-1", "forum", "stage", now - 300, now + 3600)};
    return j.dump(2);
}

struct RoundtableServer : JsonExhibitionServer {
    RoundtableServer() : JsonExhibitionServer("roundtable", roundtableExhibitionJson()) {}
    console::ConsoleResult run(const std::string& line) { return app->console().execute(line); }
    // The token `invite speaker ARGS` printed.
    std::string invite(const std::string& args) {
        const auto r = run("invite speaker " + args);
        REQUIRE_MESSAGE(r.ok, r.text);
        const std::string marker = "keep it safe): ";
        auto at = r.text.find(marker);
        REQUIRE(at != std::string::npos);
        return r.text.substr(at + marker.size(), r.text.find('\n', at) - at - marker.size());
    }
    std::string organiserToken(const std::string& label) {
        auto t = app->store().issueCredential(store::Role::Organiser, "", label);
        REQUIRE(t.ok());
        return t->token;
    }
    // NAME signed in with TOKEN ("" = a guest) as ROLE, connected and joined.
    std::unique_ptr<TestClient> join(const std::string& name, const std::string& token,
                                     const Clients& others,
                                     proto::Role role = proto::Role::Visitor) {
        auto cfg = visitor(app->port(), name);
        cfg.hello.role = role;
        cfg.hello.credential = token;
        auto c = connectClient(*app, cfg, others);
        REQUIRE((c->net->state() == netclient::ClientState::Joined));
        return c;
    }
};

// The newest SpeakingList C has for SESSION, or null.
inline const proto::SpeakingList* latestList(const TestClient& c,
                                             const std::string& session = kRoundtable) {
    const proto::SpeakingList* out = nullptr;
    for (const auto& m : c.inbox)
        if (auto* l = std::get_if<proto::SpeakingList>(&m); l && l->sessionId == session) out = l;
    return out;
}

} // namespace fg::test
