// Chat reports over loopback: a reported line reaches the organiser's list and `reports` with
// its room, sender and context; deleting it removes it for everyone and from the stored history
// (a rejoin does not bring it back); muting its sender from a report; who may report what.
#include "tests/moderation/ModerationFixture.h"

using namespace fg;
using namespace fg::test;
using proto::ChatReport;
using proto::ReportDecision;
using proto::ReportVerdict;
using store::Role;

namespace {

std::vector<std::string> texts(const std::vector<proto::ChatHistoryLine>& lines) {
    std::vector<std::string> out;
    for (const auto& l : lines)
        out.push_back(l.text);
    return out;
}

const proto::ReportList* latestReports(const TestClient& c) {
    const proto::ReportList* last = nullptr;
    for (const auto& m : c.inbox)
        if (auto* r = std::get_if<proto::ReportList>(&m)) last = r;
    return last;
}

const proto::ChatHistory* hallHistory(const TestClient& c) {
    return c.find<proto::ChatHistory>([](const proto::ChatHistory& h) { return h.requestId == 0; });
}

} // namespace

TEST_CASE("reports: a reported line reaches the organisers with its context, then delete removes "
          "it for everyone and from the history") {
    TestServer srv;
    server::ServerApp& app = *srv.app;
    auto org = connectClient(app, signedIn(app, "Boss", Role::Organiser));
    auto vy = connectClient(app, visitor(app.port(), "Vy"), {org.get()});
    auto minh = connectClient(app, visitor(app.port(), "Minh"), {org.get(), vy.get()});
    Clients all{org.get(), vy.get(), minh.get()};
    for (const char* text : {"one", "two", "you are all idiots", "four"})
        say(app, *vy, all, text);
    REQUIRE(pumpUntil(app, all, [&] { return lineSaid(*minh, "four") != nullptr; }));
    const proto::ChatReceived bad = *lineSaid(*minh, "you are all idiots");
    CHECK(bad.lineId != 0);
    CHECK(lineSaid(*org, "you are all idiots")->lineId == bad.lineId); // the same id for all
    CHECK(lineSaid(*minh, "four")->lineId != bad.lineId);

    auto reported = ask(app, *minh, all, ChatReport{0, bad.lineId, "insults"}, 50);
    REQUIRE_MESSAGE(reported.ok, reported.text);
    REQUIRE(pumpUntil(app, all, [&] {
        auto* l = latestReports(*org);
        return l && l->reports.size() == 1;
    }));
    const proto::ReportEntry entry = latestReports(*org)->reports[0];
    CHECK(entry.id == reported.value);
    CHECK(entry.lineId == bad.lineId);
    CHECK(entry.room == "hall:main");
    CHECK(entry.senderName == "Vy");
    CHECK(entry.reporterName == "Minh");
    CHECK(entry.reason == "insults");
    CHECK(texts(entry.context) ==
          std::vector<std::string>{"one", "two", "you are all idiots", "four"});
    CHECK(vy->all<proto::ReportList>().empty()); // visitors never see reports

    auto listed = app.console().execute("reports");
    CHECK(listed.ok);
    CHECK(listed.text.find(fmt::format("#{} in hall:main: line {} by Vy: \"you are all idiots\"",
                                       entry.id, bad.lineId)) == 0);
    CHECK(listed.text.find("reported by Minh") != std::string::npos);

    auto deleted =
        ask(app, *org, all, ReportDecision{0, entry.id, ReportVerdict::DeleteLine, 0}, 51);
    CHECK_MESSAGE(deleted.ok, deleted.text);
    auto gone = [&](const TestClient& c) {
        return c.find<proto::ChatDeleted>(
                   [&](const proto::ChatDeleted& d) { return d.lineId == bad.lineId; }) != nullptr;
    };
    REQUIRE(pumpUntil(app, all, [&] { return gone(*vy) && gone(*minh) && gone(*org); }));
    REQUIRE(pumpUntil(app, all, [&] { return latestReports(*org)->reports.empty(); }));
    CHECK(app.console().execute("reports").text == "no open chat reports\n");

    // Minh comes back: the hall's history no longer has the line.
    minh.reset();
    auto back = connectClient(app, visitor(app.port(), "Minh"), {org.get(), vy.get()});
    Clients again{org.get(), vy.get(), back.get()};
    REQUIRE(pumpUntil(app, again, [&] { return hallHistory(*back) != nullptr; }));
    CHECK(texts(hallHistory(*back)->lines) == std::vector<std::string>{"one", "two", "four"});
    CHECK(hallHistory(*back)->lines[2].lineId == lineSaid(*vy, "four")->lineId);
}

TEST_CASE("reports: mute the sender from a report (console and client), dismiss, refusals") {
    TestServer srv;
    server::ServerApp& app = *srv.app;
    auto org = connectClient(app, signedIn(app, "Boss", Role::Organiser));
    auto vy = connectClient(app, visitor(app.port(), "Vy"), {org.get()});
    auto minh = connectClient(app, visitor(app.port(), "Minh"), {org.get(), vy.get()});
    auto lan = connectClient(app, visitor(app.port(), "Lan"), {org.get(), vy.get(), minh.get()});
    Clients all{org.get(), vy.get(), minh.get(), lan.get()};
    say(app, *vy, all, "buy cheap watches");
    say(app, *vy, all, "psst", proto::ChatScope::Direct, (*minh)->id());
    REQUIRE(pumpUntil(app, all, [&] { return lineSaid(*minh, "psst") != nullptr; }));
    const std::uint64_t spam = lineSaid(*lan, "buy cheap watches")->lineId;
    const std::uint64_t direct = lineSaid(*minh, "psst")->lineId;

    // Lan was not in Vy and Minh's conversation; an unknown line is not stored.
    auto notYours = ask(app, *lan, all, ChatReport{0, direct, "creepy"}, 60);
    CHECK_FALSE(notYours.ok);
    CHECK(notYours.text == "report: that line is not in a conversation of yours");
    auto unknown = ask(app, *lan, all, ChatReport{0, 12345, ""}, 61);
    CHECK_FALSE(unknown.ok);
    CHECK(unknown.text.find("report: chat line 12345 is not stored") == 0);

    auto first = ask(app, *lan, all, ChatReport{0, spam, "spam"}, 62);
    auto second = ask(app, *minh, all, ChatReport{0, direct, "creepy"}, 63);
    REQUIRE(first.ok);
    REQUIRE_MESSAGE(second.ok, second.text);

    auto viaConsole = app.console().execute(fmt::format("reports mute {} 10m", first.value));
    CHECK_MESSAGE(viaConsole.ok, viaConsole.text);
    CHECK(viaConsole.text.find(
              fmt::format("report #{} resolved: muted \"Vy\" until ", first.value)) == 0);
    CHECK(*app.store().isMuted("Vy", ""));
    std::uint32_t refused = (*vy)->chat(proto::ChatScope::Hall, "", 0, "more watches");
    REQUIRE(pumpUntil(app, all, [&] { return vy->result(refused) != nullptr; }));
    CHECK_FALSE(vy->result(refused)->ok);

    auto dismissed =
        ask(app, *org, all, ReportDecision{0, second.value, ReportVerdict::Dismiss, 0}, 64);
    CHECK_MESSAGE(dismissed.ok, dismissed.text);
    CHECK(dismissed.text == fmt::format("report #{} dismissed", second.value));
    auto twice =
        ask(app, *org, all, ReportDecision{0, second.value, ReportVerdict::Resolve, 0}, 65);
    CHECK_FALSE(twice.ok);
    CHECK(twice.text == fmt::format("report #{} is not open (see 'reports')", second.value));
    CHECK_FALSE(app.console().execute("reports resolve x").ok);
    CHECK_FALSE(app.console().execute("reports shout 1").ok);
    auto line = app.console().execute(fmt::format("delete-line {}", direct));
    CHECK_MESSAGE(line.ok, line.text);
    CHECK(line.text == fmt::format("deleted chat line {} for everyone (1 stored)\n", direct));
}
