// Test fixture for the voice slice over loopback: TestWorld's exhibition with initech-booth's voice
// private, forum "forum-1" live now on "stage" (capacity 3, so later attendees overflow), people
// placed by walking, and talkers sending frames at 50 per second. Test only.
#pragma once

#include "game/voice/VoiceFrame.h"
#include "server/store/Store.h"
#include "tests/server_net/TestWorld.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace fg::test {

inline std::string voiceExhibitionJson() {
    const UnixSeconds now = unixNow() / 60 * 60;
    auto j = nlohmann::json::parse(testExhibitionJson());
    j["event"]["opens"] = formatDate(now - 86400);
    j["event"]["closes"] = formatDate(now + 2 * 86400);
    j["halls"][0]["venues"][0]["capacity"] = 3;
    j["booths"][2]["private_voice"] = true; // initech-booth
    j["sessions"] = {{{"id", "forum-1"},
                      {"kind", "forum"},
                      {"title", "Forum"},
                      {"start", formatUtcTimestamp(now - 300)},
                      {"end", formatUtcTimestamp(now + 3600)},
                      {"venue", "stage"},
                      {"speakers", {"Minister Ana"}},
                      {"description", ""}}};
    return j.dump(2);
}

// A VoiceFrame with LEVEL and a payload that names its sender and sequence (the server never
// decodes it; the test checks it arrives unchanged).
inline voice::VoiceFrame testFrame(std::uint16_t sequence, std::uint8_t level,
                                   std::uint8_t flags = 0) {
    voice::VoiceFrame f;
    f.header = {sequence, level, flags};
    f.payload = {0xf8, std::uint8_t(sequence), std::uint8_t(sequence >> 8), level, 0x55};
    return f;
}

struct VoiceServer : JsonExhibitionServer {
    VoiceServer() : JsonExhibitionServer("voice", voiceExhibitionJson()) {}
    console::ConsoleResult run(const std::string& line) { return app->console().execute(line); }
    nlohmann::json json(const std::string& line) {
        auto r = run(line);
        REQUIRE_MESSAGE(r.ok, r.text);
        return nlohmann::json::parse(r.text);
    }
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
    std::unique_ptr<TestClient> join(const std::string& name, Clients& all,
                                     const std::string& token = "",
                                     proto::Role role = proto::Role::Visitor) {
        auto cfg = visitor(app->port(), name);
        cfg.hello.role = role;
        cfg.hello.credential = token;
        auto c = connectClient(*app, cfg, all);
        REQUIRE((c->net->state() == netclient::ClientState::Joined));
        all.push_back(c.get());
        return c;
    }
    glm::vec2 at(TestClient& c) const {
        const auto* a = app->world().find(c.net->id());
        REQUIRE(a);
        return a->position;
    }
    // Teleports C to BOOTH's front (or VENUE when KIND says so), then walks it OFFSET metres.
    void place(TestClient& c, const Clients& all, proto::TeleportKind kind, const std::string& id,
               glm::vec2 offset = {0, 0}) {
        const glm::vec2 before = at(c);
        c->teleport(kind, 0, id);
        REQUIRE(pumpUntil(*app, all, [&] { return at(c) != before; }));
        walk(c, all, at(c) + offset);
    }
    // Walks C to TARGET at 4 m/s (the server refuses faster moves).
    void walk(TestClient& c, const Clients& all, glm::vec2 target) {
        glm::vec2 p = at(c);
        while (glm::distance(p, target) > 0.01f) {
            const glm::vec2 d = target - p;
            const float step = std::min(0.2f, glm::length(d));
            p += d / glm::length(d) * step;
            c->sendInput(p, 0, proto::Anim::Walk);
            pumpFor(*app, all, 0.05);
        }
        // A loaded server may refuse a step as too fast; the target is allowed once enough
        // time has passed since the last accepted move, so it is sent again until it lands.
        for (int i = 0; i < 40 && glm::distance(at(c), target) >= 0.05f; ++i) {
            c->sendInput(target, 0, proto::Anim::Idle);
            pumpFor(*app, all, 0.25);
        }
        REQUIRE(glm::distance(at(c), target) < 0.05f);
    }
};

// Talkers with their levels send a frame each every 20 ms for SECONDS while everything pumps.
struct Talk {
    TestClient* who;
    std::uint8_t level;
    std::uint8_t flags = 0;
};
inline void talk(VoiceServer& srv, const Clients& all, std::vector<Talk> talkers, double seconds,
                 std::uint16_t firstSequence = 1) {
    const double start = monotonicSeconds();
    std::uint16_t seq = firstSequence;
    double next = start;
    while (monotonicSeconds() - start < seconds) {
        if (monotonicSeconds() >= next) {
            for (const Talk& t : talkers)
                (*t.who)->sendRaw(proto::VoiceFrameUp{testFrame(seq, t.level, t.flags)});
            ++seq;
            next += 0.02;
        }
        srv.app->step(1);
        for (auto* c : all)
            c->update();
    }
    pumpFor(*srv.app, all, 0.2); // the last frames arrive
}

// Who C heard (speaker ids) and how, from its VoiceFrameDown messages.
inline std::map<std::uint16_t, int> heard(const TestClient& c) {
    std::map<std::uint16_t, int> out;
    for (const auto& d : c.all<proto::VoiceFrameDown>())
        ++out[d.speaker];
    return out;
}

inline void forget(const Clients& all) {
    for (auto* c : all)
        c->inbox.clear();
}

} // namespace fg::test
