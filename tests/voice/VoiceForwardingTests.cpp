// Tests of the forwarding choice: radius and halls, private booth zones both ways, stage voices
// to every attendee without counting against N, the N loudest of ten, hysteresis against flicker.
#include "game/voice/VoiceForwarding.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <vector>

using namespace fg::voice;

namespace {

VoiceSpeaker talker(std::uint16_t id, float x, float z, std::uint8_t level) {
    return {.id = id, .hall = 1, .x = x, .z = z, .level = level};
}

std::vector<std::uint16_t> ids(const VoiceSelection& s) {
    return {s.begin(), s.end()};
}

std::vector<std::uint16_t> sorted(std::vector<std::uint16_t> v) {
    std::sort(v.begin(), v.end());
    return v;
}

VoiceSelection choose(const VoiceListener& l, const std::vector<VoiceSpeaker>& talkers,
                      const VoiceSelection& previous = {}, const VoiceRules& rules = {}) {
    VoiceSelection out;
    chooseVoices(l, talkers, previous, rules, out);
    return out;
}

const VoiceListener kListener{.id = 500, .hall = 1, .x = 100, .z = 100};

} // namespace

TEST_CASE("a voice carries R metres within its hall: 3 m heard, 30 m and another hall not") {
    const VoiceRules rules;
    CHECK(reach(kListener, talker(1, 103, 100, 90), rules) == Reach::Nearby);
    CHECK(reach(kListener, talker(1, 112, 100, 90), rules) == Reach::Nearby); // exactly R
    CHECK(reach(kListener, talker(1, 112.1f, 100, 90), rules) == Reach::None);
    CHECK(reach(kListener, talker(1, 130, 100, 90), rules) == Reach::None);
    VoiceSpeaker elsewhere = talker(1, 101, 100, 90);
    elsewhere.hall = 2;
    CHECK(reach(kListener, elsewhere, rules) == Reach::None);
    CHECK(reach(kListener, talker(kListener.id, 100, 100, 90), rules) == Reach::None); // no echo
}

TEST_CASE("a listener at 30 m gets no voice at all") {
    std::vector<VoiceSpeaker> talkers;
    for (std::uint16_t i = 0; i < 10; ++i)
        talkers.push_back(talker(i + 1, 130, 100 + i, 100));
    CHECK(choose(kListener, talkers).empty());
}

TEST_CASE("of 10 talkers nearby, a listener gets the 6 loudest, loudest first") {
    std::vector<VoiceSpeaker> talkers;
    const std::uint8_t levels[] = {70, 95, 60, 88, 99, 75, 91, 65, 80, 85};
    for (std::uint16_t i = 0; i < 10; ++i)
        talkers.push_back(talker(i + 1, 100 + float(i) * 0.8f, 103, levels[i]));
    const VoiceSelection got = choose(kListener, talkers);
    CHECK(ids(got) == std::vector<std::uint16_t>{5, 2, 7, 4, 10, 9}); // 99 95 91 88 85 80
    // The order talkers come in does not change the choice.
    std::reverse(talkers.begin(), talkers.end());
    CHECK(ids(choose(kListener, talkers)) == ids(got));
    VoiceRules three;
    three.maxVoices = 3;
    CHECK(ids(choose(kListener, talkers, {}, three)) == std::vector<std::uint16_t>{5, 2, 7});
}

TEST_CASE(
    "hysteresis keeps the chosen set while levels wobble, and yields to a clearly louder voice") {
    std::vector<VoiceSpeaker> talkers;
    for (std::uint16_t i = 0; i < 7; ++i)
        talkers.push_back(talker(i + 1, 101, 101, 80));
    talkers[6].level = 79; // the seventh starts just below the rest
    VoiceSelection chosen = choose(kListener, talkers);
    const auto first = ids(chosen);
    REQUIRE(first.size() == 6);
    CHECK_FALSE(chosen.contains(7));
    // Levels wobble by a few dB every frame: without hysteresis the set changes, with it not.
    int changesWith = 0, changesWithout = 0;
    VoiceSelection plain = chosen;
    for (int frame = 0; frame < 50; ++frame) {
        for (std::size_t i = 0; i < talkers.size(); ++i)
            talkers[i].level = std::uint8_t(78 + (frame * 7 + int(i) * 3) % 5);
        VoiceSelection next = choose(kListener, talkers, chosen);
        changesWith += sorted(ids(next)) != sorted(ids(chosen)) ? 1 : 0;
        VoiceSelection bare = choose(kListener, talkers);
        changesWithout += sorted(ids(bare)) != sorted(ids(plain)) ? 1 : 0;
        chosen = next;
        plain = bare;
    }
    CHECK(changesWithout > 0);
    CHECK(sorted(ids(chosen)) == std::vector<std::uint16_t>{1, 2, 3, 4, 5, 6});
    // A voice louder by more than the hysteresis gets in.
    talkers[6].level = 95;
    CHECK(choose(kListener, talkers, chosen).contains(7));
    CHECK(changesWith == 0); // the membership never changed
}

TEST_CASE("a private booth zone is closed both ways") {
    const VoiceRules rules;
    VoiceListener inside = kListener;
    inside.zone = 7;
    VoiceSpeaker staff = talker(1, 101, 100, 90);
    staff.zone = 7;
    VoiceSpeaker passer = talker(2, 101, 101, 99); // a metre away, outside the zone
    VoiceSpeaker otherBooth = talker(3, 102, 100, 99);
    otherBooth.zone = 8;
    CHECK(reach(inside, staff, rules) == Reach::Nearby);
    CHECK(reach(inside, passer, rules) == Reach::None);
    CHECK(reach(inside, otherBooth, rules) == Reach::None);
    CHECK(reach(kListener, staff, rules) == Reach::None); // outside does not hear inside
    CHECK(reach(kListener, passer, rules) == Reach::Nearby);
}

TEST_CASE("stage speakers reach every attendee of their session, anywhere, besides the N nearby") {
    std::vector<VoiceSpeaker> talkers;
    for (std::uint16_t i = 0; i < 10; ++i)
        talkers.push_back(talker(i + 1, 101, 101, 90));
    VoiceSpeaker stage = talker(99, 900, 900, 40); // far away and quiet
    stage.hall = 3;
    stage.stageSession = 12;
    talkers.push_back(stage);
    VoiceListener attendee = kListener;
    attendee.session = 12; // seated or in the overflow: both attend
    VoiceListener overflowInBooth = attendee;
    overflowInBooth.zone = 4;
    VoiceListener other = kListener;
    other.session = 13;
    const VoiceSelection got = choose(attendee, talkers);
    REQUIRE(got.size() == 7);
    CHECK(got[0] == 99);
    CHECK(got.reachOf(0) == Reach::Stage);
    CHECK(got.reachOf(1) == Reach::Nearby);
    CHECK(choose(overflowInBooth, talkers).contains(99));
    CHECK_FALSE(choose(other, talkers).contains(99));
    CHECK_FALSE(choose(kListener, talkers).contains(99));
}
