// The meetings slice over loopback: request, proposal and acceptance seen by both sides and
// kept over a server restart; double booking, full slots, wrong slots and clients that lie are
// refused with their reasons; an exhibitor's own hours; the console's `meetings` and figures.
#include "server/console/ConsoleCommands.h"
#include "tests/meetings/MeetingWorld.h"

#include <algorithm>

using namespace fg;
using namespace fg::test;
using proto::MeetingAction;
using proto::MeetingInfo;
using proto::MeetingState;

namespace {

// Sends M (a request message) from C, waits for its ActionResult and returns it.
template <class M>
proto::ActionResult ask(server::ServerApp& srv, TestClient& c, const Clients& all, M m) {
    const std::uint32_t id = c->request(std::move(m));
    REQUIRE(id != 0);
    REQUIRE(pumpUntil(srv, all, [&] { return c.result(id) != nullptr; }));
    return *c.result(id);
}

proto::ActionResult requestSlot(server::ServerApp& srv, TestClient& c, const Clients& all,
                                const std::string& booth, UnixSeconds start,
                                const std::string& note = "") {
    return ask(srv, c, all, proto::MeetingRequest{0, booth, start, note});
}

proto::ActionResult answer(server::ServerApp& srv, TestClient& c, const Clients& all,
                           std::uint64_t id, MeetingAction action, UnixSeconds start = 0,
                           const std::string& reason = "") {
    return ask(srv, c, all, proto::MeetingAnswer{0, id, action, start, reason});
}

// The newest MeetingUpdate C received for meeting ID (waits for one in state STATE).
MeetingInfo updateOf(server::ServerApp& srv, TestClient& c, const Clients& all, std::uint64_t id,
                     MeetingState state) {
    auto latest = [&]() -> const MeetingInfo* {
        const MeetingInfo* found = nullptr;
        for (const auto& m : c.inbox)
            if (auto* u = std::get_if<proto::MeetingUpdate>(&m); u && u->meeting.id == id)
                found = &u->meeting;
        return found;
    };
    REQUIRE(pumpUntil(srv, all, [&] { return latest() && latest()->state == state; }));
    return *latest();
}

const proto::MeetingList* listOf(const TestClient& c) {
    return c.find<proto::MeetingList>([](const proto::MeetingList&) { return true; });
}

} // namespace

TEST_CASE("meetings: a visitor asks, the booth proposes another slot, the visitor accepts, and "
          "both see it after a server restart") {
    MeetingServer srv;
    auto vy = connectClient(*srv.app, visitor(srv.app->port(), "Vy"));
    auto staff = srv.staff("acme", "Acme staff", {vy.get()});
    Clients all{vy.get(), staff.get()};
    REQUIRE(pumpUntil(*srv.app, all, [&] { return listOf(*vy) && listOf(*staff); }));
    CHECK(listOf(*vy)->meetings.empty());

    // The booth's slots: 2 days x 6 slots of 30 min, all free.
    const std::uint32_t slotsId = (*vy)->request(proto::MeetingSlotsRequest{0, "acme-booth"});
    const proto::MeetingSlots* slots = nullptr;
    REQUIRE(pumpUntil(*srv.app, all, [&] {
        slots = vy->find<proto::MeetingSlots>(
            [&](const proto::MeetingSlots& s) { return s.requestId == slotsId; });
        return slots != nullptr;
    }));
    CHECK(slots->hours.open);
    CHECK(slots->hours.slotMinutes == 30);
    REQUIRE(slots->slots.size() == 12);
    CHECK(slots->slots[0].startUnix == slotAt(1, 9, 0));
    CHECK(slots->slots[0].taken == 0);

    auto asked = requestSlot(*srv.app, *vy, all, "acme-booth", slotAt(1, 9, 0), "5G roaming?");
    REQUIRE_MESSAGE(asked.ok, asked.text);
    const std::uint64_t id = asked.value;
    MeetingInfo seen = updateOf(*srv.app, *staff, all, id, MeetingState::Requested);
    CHECK(seen.asHost);
    CHECK(seen.visitorName == "Vy");
    CHECK(seen.note == "5G roaming?");

    auto proposed =
        answer(*srv.app, *staff, all, id, MeetingAction::Propose, slotAt(1, 10, 30), "busy at 9");
    REQUIRE_MESSAGE(proposed.ok, proposed.text);
    MeetingInfo offer = updateOf(*srv.app, *vy, all, id, MeetingState::Proposed);
    CHECK_FALSE(offer.asHost);
    CHECK(offer.startUnix == slotAt(1, 10, 30));
    // The proposal is the visitor's to answer, not the booth's.
    CHECK_FALSE(answer(*srv.app, *staff, all, id, MeetingAction::AcceptProposal).ok);

    auto accepted = answer(*srv.app, *vy, all, id, MeetingAction::AcceptProposal);
    REQUIRE_MESSAGE(accepted.ok, accepted.text);
    CHECK(updateOf(*srv.app, *staff, all, id, MeetingState::Accepted).startUnix ==
          slotAt(1, 10, 30));

    // A restart: both get their meetings again on join.
    vy.reset();
    staff.reset();
    srv.restart();
    auto vy2 = connectClient(*srv.app, visitor(srv.app->port(), "Vy"));
    auto staff2 = srv.staff("acme", "Acme staff", {vy2.get()});
    Clients again{vy2.get(), staff2.get()};
    REQUIRE(pumpUntil(*srv.app, again, [&] { return listOf(*vy2) && listOf(*staff2); }));
    REQUIRE(listOf(*vy2)->meetings.size() == 1);
    REQUIRE(listOf(*staff2)->meetings.size() == 1);
    const MeetingInfo& mine = listOf(*vy2)->meetings[0];
    const MeetingInfo& theirs = listOf(*staff2)->meetings[0];
    CHECK(mine.id == id);
    CHECK(mine.state == MeetingState::Accepted);
    CHECK(mine.startUnix == slotAt(1, 10, 30));
    CHECK_FALSE(mine.asHost);
    CHECK(theirs.asHost);
    CHECK(theirs.note == "5G roaming?");

    // The console lists it and counts it in `booth stats`.
    auto out = srv.app->console().execute("meetings acme-booth");
    CHECK(out.ok);
    CHECK(out.text.find("accepted") != std::string::npos);
    auto csvPath = srv.dir / "meetings.csv";
    out = srv.app->console().execute("meetings --csv " + csvPath.string());
    REQUIRE_MESSAGE(out.ok, out.text);
    auto csv = readFileText(csvPath);
    REQUIRE(csv);
    CHECK(csv->rfind("id,booth,visitor,start_utc,end_utc,minutes,status,note,reason\r\n", 0) == 0);
    CHECK(csv->find(fmt::format("{},acme-booth,Vy,{},", id,
                                formatUtcTimestamp(slotAt(1, 10, 30)))) != std::string::npos);
    out = srv.app->console().execute("booth stats acme-booth --json");
    REQUIRE_MESSAGE(out.ok, out.text);
    CHECK(out.text.find("\"meetings_requested\": 1") != std::string::npos);
    CHECK(out.text.find("\"meetings_confirmed\": 1") != std::string::npos);
    CHECK(out.text.find("\"meetings_declined\": 0") != std::string::npos);
}

TEST_CASE("meetings: the same visitor cannot be booked twice at once") {
    MeetingServer srv;
    auto vy = connectClient(*srv.app, visitor(srv.app->port(), "Vy"));
    Clients all{vy.get()};
    auto first = requestSlot(*srv.app, *vy, all, "acme-booth", slotAt(1, 9, 0));
    REQUIRE_MESSAGE(first.ok, first.text);
    // globex's 09:15 slot overlaps acme's 09:00-09:30, even with a free table there.
    auto clash = requestSlot(*srv.app, *vy, all, "globex-booth", slotAt(1, 9, 15));
    CHECK_FALSE(clash.ok);
    CHECK(clash.text == fmt::format("meeting request: the visitor already has a meeting then (#{} "
                                    "at booth acme-booth, {} 09:00-09:30 UTC)",
                                    first.value, formatDate(meetingDay(1))));
    // Touching is fine: 09:30 starts when the other ends.
    CHECK(requestSlot(*srv.app, *vy, all, "globex-booth", slotAt(1, 9, 30)).ok);
    // Cancelling frees the visitor's time.
    REQUIRE(answer(*srv.app, *vy, all, first.value, MeetingAction::Cancel, 0, "changed plans").ok);
    CHECK(requestSlot(*srv.app, *vy, all, "globex-booth", slotAt(1, 9, 15)).ok);
}

TEST_CASE(
    "meetings: a full slot, a slot that is not the booth's and a booth without hours are refused") {
    MeetingServer srv;
    auto vy = connectClient(*srv.app, visitor(srv.app->port(), "Vy"));
    auto lan = connectClient(*srv.app, visitor(srv.app->port(), "Lan"), {vy.get()});
    Clients all{vy.get(), lan.get()};
    auto held = requestSlot(*srv.app, *vy, all, "acme-booth", slotAt(1, 10, 0));
    REQUIRE_MESSAGE(held.ok, held.text);
    // A pending request already holds acme's only table.
    auto full = requestSlot(*srv.app, *lan, all, "acme-booth", slotAt(1, 10, 0));
    CHECK_FALSE(full.ok);
    CHECK(full.text == fmt::format("meeting request: the slot {} 10:00-10:30 UTC at booth "
                                   "acme-booth is full (1 of 1 table taken)",
                                   formatDate(meetingDay(1))));
    auto odd = requestSlot(*srv.app, *lan, all, "acme-booth", slotAt(1, 10, 10));
    CHECK(odd.text == fmt::format("meeting request: {} 10:10 UTC is not one of booth "
                                  "acme-booth's slots",
                                  formatDate(meetingDay(1))));
    auto closed = requestSlot(*srv.app, *lan, all, "initech-booth", slotAt(1, 10, 0));
    CHECK(closed.text == "meeting request: booth initech-booth takes no meetings");
    // globex has 2 tables: two visitors fit, a third would not.
    CHECK(requestSlot(*srv.app, *vy, all, "globex-booth", slotAt(2, 9, 0)).ok);
    CHECK(requestSlot(*srv.app, *lan, all, "globex-booth", slotAt(2, 9, 0)).ok);
    // Declining frees the slot for someone else.
    auto staff = srv.staff("acme", "Acme staff", all);
    Clients three{vy.get(), lan.get(), staff.get()};
    auto no =
        answer(*srv.app, *staff, three, held.value, MeetingAction::Decline, 0, "fully booked");
    REQUIRE_MESSAGE(no.ok, no.text);
    CHECK(updateOf(*srv.app, *vy, three, held.value, MeetingState::Declined).reason ==
          "declined by the booth: fully booked");
    CHECK(requestSlot(*srv.app, *lan, three, "acme-booth", slotAt(1, 10, 0)).ok);
}

TEST_CASE("meetings: an exhibitor cannot answer another booth's meetings nor set its hours") {
    MeetingServer srv;
    auto vy = connectClient(*srv.app, visitor(srv.app->port(), "Vy"));
    auto globex = srv.staff("globex", "Globex staff", {vy.get()});
    Clients all{vy.get(), globex.get()};
    auto asked = requestSlot(*srv.app, *vy, all, "acme-booth", slotAt(1, 9, 0));
    REQUIRE(asked.ok);
    // globex's staff got no update for acme's meeting...
    pumpFor(*srv.app, all, 0.2);
    CHECK(globex->all<proto::MeetingUpdate>().empty());
    // ...and a client that answers it anyway is refused.
    for (auto action : {MeetingAction::Accept, MeetingAction::Decline, MeetingAction::Propose}) {
        auto lie = answer(*srv.app, *globex, all, asked.value, action, slotAt(1, 9, 30));
        CHECK_FALSE(lie.ok);
        CHECK(lie.text == fmt::format("meeting #{}: only the staff of booth acme-booth can answer "
                                      "it",
                                      asked.value));
    }
    auto cancel = answer(*srv.app, *globex, all, asked.value, MeetingAction::Cancel);
    CHECK(cancel.text == fmt::format("meeting #{}: not one of your meetings", asked.value));
    // Nor can it set acme's hours (the router's own-booth rule), nor can a visitor.
    proto::MeetingHoursSet hours{0, "acme-booth",
                                 proto::MeetingHoursInfo{true, {}, 600, 660, 15, 1}};
    CHECK(ask(*srv.app, *globex, all, hours).text ==
          "meeting hours: booth 'acme-booth' belongs to another exhibitor (your token is for "
          "'globex')");
    CHECK(ask(*srv.app, *vy, all, hours).text ==
          "meeting hours: only a booth's exhibitor sets its hours");
    // A visitor who lies about a meeting id gets nothing either.
    CHECK(answer(*srv.app, *vy, all, 999, MeetingAction::AcceptProposal).text ==
          "meeting #999: no such meeting");
    // The meeting is untouched.
    auto acme = srv.staff("acme", "Acme staff", all);
    Clients three{vy.get(), globex.get(), acme.get()};
    REQUIRE(pumpUntil(*srv.app, three, [&] { return listOf(*acme) != nullptr; }));
    REQUIRE(listOf(*acme)->meetings.size() == 1);
    CHECK(listOf(*acme)->meetings[0].state == MeetingState::Requested);
}

TEST_CASE("meetings: an exhibitor sets its own booth's hours, checked and stored") {
    MeetingServer srv;
    auto acme = srv.staff("acme", "Acme staff");
    auto vy = connectClient(*srv.app, visitor(srv.app->port(), "Vy"), {acme.get()});
    Clients all{acme.get(), vy.get()};
    proto::MeetingHoursSet bad{0, "acme-booth", proto::MeetingHoursInfo{true, {}, 600, 610, 15, 1}};
    auto refused = ask(*srv.app, *acme, all, bad);
    CHECK(refused.text == "meeting hours: to: expected a time at least one slot (15 min) after "
                          "from \"10:00\", at most 24:00, found \"10:10\"");
    proto::MeetingHoursSet good{0, "acme-booth",
                                proto::MeetingHoursInfo{true, {meetingDay(2)}, 840, 900, 15, 3}};
    auto saved = ask(*srv.app, *acme, all, good);
    REQUIRE_MESSAGE(saved.ok, saved.text);
    srv.restart();
    auto vy2 = connectClient(*srv.app, visitor(srv.app->port(), "Vy"));
    Clients one{vy2.get()};
    const std::uint32_t id = (*vy2)->request(proto::MeetingSlotsRequest{0, "acme-booth"});
    const proto::MeetingSlots* slots = nullptr;
    REQUIRE(pumpUntil(*srv.app, one, [&] {
        slots = vy2->find<proto::MeetingSlots>(
            [&](const proto::MeetingSlots& s) { return s.requestId == id; });
        return slots != nullptr;
    }));
    CHECK(slots->hours == good.hours);
    REQUIRE(slots->slots.size() == 4);
    CHECK(slots->slots[0].startUnix == slotAt(2, 14, 0));
    // The old 09:00 slot is gone; the new one takes requests.
    CHECK_FALSE(requestSlot(*srv.app, *vy2, one, "acme-booth", slotAt(1, 9, 0)).ok);
    CHECK(requestSlot(*srv.app, *vy2, one, "acme-booth", slotAt(2, 14, 15)).ok);
}
