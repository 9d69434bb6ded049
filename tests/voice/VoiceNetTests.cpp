// The voice server over loopback, with frames the server never decodes: heard at 3 m and
// unchanged, not at 30 m; the 6 loudest of 10; a stage speaker to every attendee (overflow too);
// private booth zones both ways; mutes (organiser, moderator, audience, expiry, restart) with
// VoiceStatus; lying clients (stage flag, mutes they may not, a flood) refused; the console.
#include "game/expo/ExhibitionJson.h"
#include "game/expo/VenueLayout.h"
#include "server/console/ConsoleCommands.h"
#include "tests/voice/VoiceWorld.h"

using namespace fg;
using namespace fg::test;
using proto::TeleportKind;
using proto::VoiceFrameDown;
using proto::VoiceMute;
using proto::VoiceMuteScope;
using proto::VoiceStatus;

namespace {

template <class M>
proto::ActionResult ask(VoiceServer& srv, TestClient& c, const Clients& all, M m) {
    const std::uint32_t id = c->request(std::move(m));
    REQUIRE(id != 0);
    REQUIRE(pumpUntil(*srv.app, all, [&] { return c.result(id) != nullptr; }));
    return *c.result(id);
}

const VoiceStatus* lastStatus(const TestClient& c) {
    const VoiceStatus* out = nullptr;
    for (const auto& m : c.inbox)
        if (auto* s = std::get_if<VoiceStatus>(&m)) out = s;
    return out;
}

} // namespace

TEST_CASE("voice: a listener 3 m away gets the frames unchanged, one 30 m away gets none") {
    VoiceServer srv;
    Clients all;
    auto a = srv.join("Ada", all);
    auto b = srv.join("Bea", all);
    auto far = srv.join("Far", all);
    srv.place(*a, all, TeleportKind::Booth, "acme-booth");
    srv.place(*b, all, TeleportKind::Booth, "acme-booth");
    srv.walk(*b, all, srv.at(*a) + glm::vec2(3, 0));
    srv.place(*far, all, TeleportKind::Booth, "globex-booth");
    CHECK(glm::distance(srv.at(*a), srv.at(*far)) > 29.0f);
    forget(all);

    talk(srv, all, {{a.get(), 90}}, 1.0);
    const auto frames = b->all<VoiceFrameDown>();
    REQUIRE(frames.size() >= 40); // 50 sent; the first wait for the tick, none is dropped
    CHECK(frames.size() <= 51);
    for (const VoiceFrameDown& f : frames) {
        CHECK(f.speaker == (*a)->id());
        CHECK(f.reach == voice::Reach::Nearby);
        CHECK(f.frame == testFrame(f.frame.header.sequence, 90)); // forwarded unchanged
    }
    CHECK(far->all<VoiceFrameDown>().empty());
    CHECK(a->all<VoiceFrameDown>().empty()); // nobody hears themselves
    const auto status = srv.json("voice status --json");
    CHECK(status["total"]["frames_in"].get<int>() >= 45);
    CHECK(status["total"]["frames_out"] == status["total"]["frames_in"]);
    CHECK(status["total"]["dropped"] == 0);
}

TEST_CASE("voice: with 10 people talking at once a listener gets the 6 loudest") {
    VoiceServer srv;
    Clients all;
    auto listener = srv.join("Lis", all);
    srv.place(*listener, all, TeleportKind::Booth, "acme-booth");
    std::vector<std::unique_ptr<TestClient>> crowd;
    std::vector<Talk> talkers;
    for (int i = 0; i < 10; ++i) {
        crowd.push_back(srv.join("Talker" + std::to_string(i), all));
        srv.place(*crowd.back(), all, TeleportKind::Booth, "acme-booth");
        srv.walk(*crowd.back(), all,
                 srv.at(*listener) + glm::vec2(float(i % 5) - 2.0f, 1.0f + float(i / 5)));
        // Levels interleaved with join order, so the choice is not the first six.
        talkers.push_back({crowd.back().get(), std::uint8_t(60 + (i * 7) % 10 * 4)});
    }
    forget(all);
    talk(srv, all, talkers, 1.0);
    std::vector<std::pair<int, std::uint16_t>> byLevel;
    for (const Talk& t : talkers)
        byLevel.push_back({t.level, (*t.who)->id()});
    std::sort(byLevel.rbegin(), byLevel.rend());
    std::set<std::uint16_t> loudest;
    for (int i = 0; i < 6; ++i)
        loudest.insert(byLevel[std::size_t(i)].second);
    const auto got = heard(*listener);
    std::set<std::uint16_t> ids;
    for (const auto& [id, n] : got) {
        ids.insert(id);
        CHECK(n >= 30);
    }
    CHECK(ids == loudest);
}

TEST_CASE("voice: a stage speaker of a live session reaches every attendee, overflow included, "
          "and the stage flag is refused from a visitor") {
    VoiceServer srv;
    Clients all;
    auto org = srv.join("Org", all, srv.organiserToken("org"), proto::Role::Organiser);
    auto ana = srv.join("Minister Ana", all, srv.invite("forum-1 Ana"));
    srv.run("session start forum-1"); // live by its schedule already: either way it is live
    srv.place(*ana, all, TeleportKind::Venue, "stage");
    auto ex = expo::loadExhibition(srv.dir / "exhibition.json");
    REQUIRE(ex.ok());
    const expo::Hall& hall = ex.exhibition->halls[0];
    srv.walk(*ana, all, expo::venueLayout(hall, hall.venues[0]).speakerSpots[0]); // on stage
    std::vector<std::unique_ptr<TestClient>> audience;
    for (int i = 0; i < 4; ++i) {
        audience.push_back(srv.join("Guest" + std::to_string(i), all));
        audience.back()->net->teleport(TeleportKind::Venue, 0, "stage");
    }
    // The venue holds 3 (Ana among them): the others are offered the overflow and take it.
    REQUIRE(pumpUntil(*srv.app, all, [&] {
        int full = 0;
        for (auto& p : audience)
            full += p->find<proto::StagePlace>([](const proto::StagePlace& s) {
                return s.place == proto::StagePlaceKind::Full;
            }) != nullptr;
        return full >= 2;
    }));
    for (auto& p : audience)
        if (p->find<proto::StagePlace>(
                [](const proto::StagePlace& s) { return s.place == proto::StagePlaceKind::Full; }))
            p->net->request(proto::OverflowRequest{0, "forum-1", true});
    auto outsider = srv.join("Outsider", all);
    srv.place(*outsider, all, TeleportKind::Booth, "acme-booth");
    pumpFor(*srv.app, all, 0.3);
    forget(all);

    talk(srv, all, {{ana.get(), 80, voice::kFlagStage}}, 1.0);
    int overflow = 0;
    for (auto& p : audience) {
        const auto frames = p->all<VoiceFrameDown>();
        REQUIRE(frames.size() >= 30);
        CHECK(frames.front().reach == voice::Reach::Stage);
        overflow += glm::distance(srv.at(*p), srv.at(*ana)) > 12.0f;
    }
    CHECK(overflow >= 1); // heard beyond the nearby radius: from the overflow
    CHECK(outsider->all<VoiceFrameDown>().empty());

    // A visitor claiming the stage: refused as a bad message, heard by nobody.
    const auto faultsBefore = srv.json("voice status --json")["total"]["refused"].get<int>();
    forget(all);
    talk(srv, all, {{audience[0].get(), 80, voice::kFlagStage}}, 0.1);
    for (auto& p : audience)
        CHECK(p->all<VoiceFrameDown>().empty());
    CHECK(srv.json("voice status --json")["total"]["refused"].get<int>() > faultsBefore);
    (void)org;
}

TEST_CASE("voice: a private booth zone: inside hear each other, outside hear nothing") {
    VoiceServer srv;
    Clients all;
    auto in1 = srv.join("In1", all);
    auto in2 = srv.join("In2", all);
    auto out = srv.join("Out", all);
    srv.place(*in1, all, TeleportKind::Booth, "initech-booth");
    srv.place(*in2, all, TeleportKind::Booth, "initech-booth");
    srv.walk(*in2, all, srv.at(*in1) + glm::vec2(0.8f, 0));
    srv.place(*out, all, TeleportKind::Booth, "initech-booth");
    // The booth faces +z: 4 m further out, past the zone's 1.75 m front margin.
    srv.walk(*out, all, srv.at(*in1) + glm::vec2(0, 4.0f));
    forget(all);
    talk(srv, all, {{in1.get(), 80}}, 0.5);
    CHECK(heard(*in2).count((*in1)->id()) == 1);
    CHECK(out->all<VoiceFrameDown>().empty());
    forget(all);
    talk(srv, all, {{out.get(), 80}}, 0.5);
    CHECK(in1->all<VoiceFrameDown>().empty());
    CHECK(in2->all<VoiceFrameDown>().empty());
}

TEST_CASE("voice: a muted person reaches nobody and is told, mutes end, survive a restart, and "
          "only organisers and the session's moderators may mute") {
    VoiceServer srv;
    Clients all;
    auto org = srv.join("Org", all, srv.organiserToken("org"), proto::Role::Organiser);
    auto a = srv.join("Ada", all);
    auto b = srv.join("Bea", all);
    srv.place(*a, all, TeleportKind::Booth, "acme-booth");
    srv.place(*b, all, TeleportKind::Booth, "acme-booth");
    srv.walk(*b, all, srv.at(*a) + glm::vec2(2, 0));

    // A visitor's mute is refused (and counted as a fault).
    auto r = ask(srv, *b, all, VoiceMute{0, "", VoiceMuteScope::Person, (*a)->id(), true, 60});
    CHECK_FALSE(r.ok);
    CHECK(r.text == "voice: only an organiser mutes outside a session");
    // A visitor claiming to moderate the forum.
    r = ask(srv, *b, all, VoiceMute{0, "forum-1", VoiceMuteScope::Audience, 0, true, 60});
    CHECK_FALSE(r.ok);
    CHECK(r.text == "voice: only a moderator of forum-1 mutes its audience");

    r = ask(srv, *org, all, VoiceMute{0, "", VoiceMuteScope::Person, (*a)->id(), true, 0});
    REQUIRE_MESSAGE(r.ok, r.text);
    REQUIRE(pumpUntil(*srv.app, all, [&] { return lastStatus(*a) && lastStatus(*a)->muted; }));
    CHECK(lastStatus(*a)->reason == "Muted by the organiser");
    CHECK(lastStatus(*a)->secondsLeft == 0);
    forget(all);
    talk(srv, all, {{a.get(), 90}}, 0.5);
    CHECK(b->all<VoiceFrameDown>().empty());
    CHECK(srv.json("voice status --json")["total"]["muted_frames"].get<int>() >= 20);
    CHECK(lastStatus(*a) != nullptr); // reminded when it tried to talk

    // The mute is kept across a restart (people reconnect; the person key is the client key).
    srv.restart();
    all.clear();
    auto a2 = srv.join("Ada", all);
    REQUIRE(pumpUntil(*srv.app, all, [&] { return lastStatus(*a2) && lastStatus(*a2)->muted; }));
    auto mutes = srv.json("voice status --json")["mutes"];
    REQUIRE(mutes.size() == 1);
    CHECK(mutes[0]["name"] == "Ada");

    auto text = srv.run("voice unmute Ada");
    CHECK_MESSAGE(text.ok, text.text);
    REQUIRE(pumpUntil(*srv.app, all, [&] { return !lastStatus(*a2)->muted; }));
    text = srv.run("voice mute Ada 1 --reason Too loud");
    CHECK_MESSAGE(text.ok, text.text);
    CHECK(text.text == "muted Ada (#" + std::to_string((*a2)->id()) + ") for 1 s\n");
    REQUIRE(pumpUntil(*srv.app, all, [&] { return lastStatus(*a2)->muted; }));
    CHECK(lastStatus(*a2)->reason == "Too loud");
    // It ends by itself, and the person is told.
    REQUIRE(pumpUntil(
        *srv.app, all, [&] { return !lastStatus(*a2)->muted; }, 4.0));
    CHECK(srv.json("voice status --json")["mutes"].empty());
    CHECK_FALSE(srv.run("voice mute Nobody").ok);
    CHECK_FALSE(srv.run("voice mute Ada soon").ok);
}

TEST_CASE("voice: a moderator mutes their session's audience, all or one, and nobody outside it") {
    VoiceServer srv;
    Clients all;
    auto mod = srv.join("Chair", all, srv.invite("forum-1 --moderator Chair"));
    auto guest = srv.join("Guest", all);
    auto outsider = srv.join("Outsider", all);
    srv.run("session start forum-1"); // live by its schedule already: either way it is live
    for (TestClient* c : {mod.get(), guest.get()})
        c->net->teleport(TeleportKind::Venue, 0, "stage");
    srv.place(*outsider, all, TeleportKind::Booth, "acme-booth");
    REQUIRE(pumpUntil(*srv.app, all, [&] {
        return guest->find<proto::StagePlace>([](const proto::StagePlace& s) {
            return s.place == proto::StagePlaceKind::Venue;
        }) != nullptr;
    }));

    auto r = ask(srv, *mod, all,
                 VoiceMute{0, "forum-1", VoiceMuteScope::Person, (*outsider)->id(), true, 60});
    CHECK_FALSE(r.ok);
    CHECK(r.text == "voice: Outsider does not attend forum-1");
    CHECK(lastStatus(*outsider) == nullptr);

    r = ask(srv, *mod, all, VoiceMute{0, "forum-1", VoiceMuteScope::Audience, 0, true, 0});
    REQUIRE_MESSAGE(r.ok, r.text);
    REQUIRE(
        pumpUntil(*srv.app, all, [&] { return lastStatus(*guest) && lastStatus(*guest)->muted; }));
    CHECK(lastStatus(*guest)->reason == "Muted by the moderator of forum-1");
    CHECK(lastStatus(*mod) == nullptr); // the session's own people are not its audience
    forget(all);
    talk(srv, all, {{guest.get(), 90}}, 0.4);
    CHECK(mod->all<VoiceFrameDown>().empty());
    r = ask(srv, *mod, all, VoiceMute{0, "forum-1", VoiceMuteScope::Audience, 0, false, 0});
    REQUIRE_MESSAGE(r.ok, r.text);
    REQUIRE(pumpUntil(*srv.app, all, [&] { return !lastStatus(*guest)->muted; }));
    r = ask(srv, *mod, all,
            VoiceMute{0, "forum-1", VoiceMuteScope::Person, (*guest)->id(), true, 30});
    REQUIRE_MESSAGE(r.ok, r.text);
    REQUIRE(pumpUntil(*srv.app, all, [&] { return lastStatus(*guest)->muted; }));
    CHECK(lastStatus(*guest)->secondsLeft > 25);
}

TEST_CASE("voice: a frame flood is refused as bad messages and the flooder is disconnected") {
    VoiceServer srv;
    Clients all;
    auto a = srv.join("Ada", all);
    auto b = srv.join("Bea", all);
    srv.place(*a, all, TeleportKind::Booth, "acme-booth");
    srv.place(*b, all, TeleportKind::Booth, "acme-booth");
    forget(all);
    for (std::uint16_t i = 0; i < 200; ++i) // 200 frames at once: 4 s of voice
        (*a)->sendRaw(proto::VoiceFrameUp{testFrame(i, 90)});
    REQUIRE(pumpUntil(*srv.app, all,
                      [&] { return a->net->state() != netclient::ClientState::Joined; }));
    CHECK(heard(*b)[(*a)->id()] <= int(voice::kBurstFrames));
    CHECK(srv.json("voice status --json")["total"]["refused"].get<int>() > 8);
}
