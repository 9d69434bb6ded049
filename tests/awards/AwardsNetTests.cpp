// The awards slice over loopback: one ballot per person and category (twice, after a reconnect,
// under another client key or display name), a changed ballot, closed windows and guests
// refused with the reason, totals hidden until the reveal, the jury's conflict rule, reveals
// refused to visitors and allowed to organisers and the ceremony's moderator, a restart that
// keeps everything, and the console's status, progress, results, audit and ballots CSV.
#include "engine/core/File.h"
#include "tests/awards/AwardsWorld.h"

using namespace fg;
using namespace fg::test;

TEST_CASE("awards: one ballot per person and category - whatever the connection - key or name - "
          "a changed ballot replaces the first - totals only for organisers") {
    AwardsServer srv;
    const std::string anaToken = srv.token(store::Role::Visitor, "ana");
    auto org = srv.join("Org", srv.token(store::Role::Organiser, "org"), {});
    auto ana = srv.join("Ana", anaToken, {org.get()});
    auto bo = srv.join("Bo", srv.token(store::Role::Visitor, "bo"), {org.get(), ana.get()});
    Clients all{org.get(), ana.get(), bo.get()};

    auto first = ask(*srv.app, *ana, all, proto::BallotCast{0, "best-sme", "acme-booth"});
    REQUIRE_MESSAGE(first.ok, first.text);
    CHECK(first.text == "ballot cast");
    CHECK(ask(*srv.app, *ana, all, proto::BallotCast{0, "best-sme", "acme-booth"}).ok);
    REQUIRE(ask(*srv.app, *bo, all, proto::BallotCast{0, "best-sme", "globex-booth"}).ok);

    // Ana again: another connection, client key and display name, the same credential.
    ana->net->disconnect();
    pumpFor(*srv.app, all, 0.2);
    all = {org.get(), bo.get()};
    auto ana2 = srv.join("Ana the Second", anaToken, all, "another-key");
    all.push_back(ana2.get());
    auto changed = ask(*srv.app, *ana2, all, proto::BallotCast{0, "best-sme", "initech-booth"});
    REQUIRE_MESSAGE(changed.ok, changed.text);
    CHECK(changed.text == "ballot changed");

    auto mine = awardsOf(*srv.app, *ana2, all);
    CHECK(categoryIn(mine, "best-sme").myBallot == "initech-booth");
    CHECK(categoryIn(mine, "best-sme").ballots.empty()); // hidden from visitors
    CHECK_FALSE(mine.organiser);
    auto totals = awardsOf(*srv.app, *org, all);
    CHECK(totals.organiser);
    CHECK(categoryIn(totals, "best-sme").ballots == std::vector<std::uint32_t>{0, 1, 1});

    auto status = srv.run("awards status --json");
    REQUIRE(status.ok);
    auto j = nlohmann::json::parse(status.text);
    CHECK(j[0]["ballots"] == 2);
    CHECK(j[0]["voting"] == "open");
    CHECK(j[1]["voting"] == "closed");
}

TEST_CASE("awards: a closed window - a guest - a booth that is no finalist and an unknown "
          "category are refused with the reason - guests vote where the category allows it") {
    AwardsServer srv;
    auto ana = srv.join("Ana", srv.token(store::Role::Visitor, "ana"), {});
    auto guest = srv.join("Guest", "", {ana.get()});
    Clients all{ana.get(), guest.get()};

    auto closed = ask(*srv.app, *ana, all, proto::BallotCast{0, "closed", "acme-booth"});
    CHECK_FALSE(closed.ok);
    CHECK(closed.text.find("ballot: voting in \"Closed Award\" closed at ") == 0);
    auto lying = ask(*srv.app, *guest, all, proto::BallotCast{0, "best-sme", "acme-booth"});
    CHECK_FALSE(lying.ok);
    CHECK(lying.text ==
          "ballot: only visitors with a ticket or credential may vote in \"Best SME\"");
    auto notFinalist = ask(*srv.app, *ana, all, proto::BallotCast{0, "best-sme", "nobody"});
    CHECK(notFinalist.text == "ballot: \"nobody\" is not a finalist of \"Best SME\"");
    auto unknown = ask(*srv.app, *ana, all, proto::BallotCast{0, "nope", "acme-booth"});
    CHECK(unknown.text == "ballot: no award category \"nope\"");
    CHECK(ask(*srv.app, *guest, all, proto::BallotCast{0, "guests", "acme-booth"}).ok);

    // The organiser closes and reopens a category from the console.
    REQUIRE(srv.run("awards voting best-sme closed").ok);
    auto forced = ask(*srv.app, *ana, all, proto::BallotCast{0, "best-sme", "acme-booth"});
    CHECK(forced.text == "ballot: voting in \"Best SME\" was closed by the organiser");
    REQUIRE(srv.run("awards voting best-sme window").ok);
    CHECK(ask(*srv.app, *ana, all, proto::BallotCast{0, "best-sme", "acme-booth"}).ok);
    CHECK_FALSE(srv.run("awards voting best-sme maybe").ok);
}

TEST_CASE("awards: a juror scores the finalists of their category but not their own "
          "organisation's - non-jurors and bad scores are refused - progress shows it") {
    AwardsServer srv;
    const std::string juror = srv.invite("invite jury best-sme --from acme Dr. Jury");
    auto jo = srv.join("Jo", juror, {});
    auto ana = srv.join("Ana", srv.token(store::Role::Visitor, "ana"), {jo.get()});
    Clients all{jo.get(), ana.get()};

    auto st = categoryIn(awardsOf(*srv.app, *jo, all), "best-sme");
    CHECK(st.juror);
    CHECK(st.conflicts == std::vector<std::string>{"acme-booth"});
    auto conflict = ask(*srv.app, *jo, all, proto::JuryScore{0, "best-sme", "acme-booth", {9, 9}});
    CHECK_FALSE(conflict.ok);
    CHECK(conflict.text ==
          "score: you may not score \"acme-booth\": it is your own organisation's booth");
    auto ok = ask(*srv.app, *jo, all, proto::JuryScore{0, "best-sme", "globex-booth", {8, 5}});
    REQUIRE_MESSAGE(ok.ok, ok.text);
    auto bad = ask(*srv.app, *jo, all, proto::JuryScore{0, "best-sme", "initech-booth", {11, 5}});
    CHECK(bad.text == "score: \"Impact\": expected a score from 1 to 10, found 11");
    auto shortList = ask(*srv.app, *jo, all, proto::JuryScore{0, "best-sme", "initech-booth", {5}});
    CHECK(shortList.text == "score: expected 2 scores (one per criterion), found 1");
    auto other = ask(*srv.app, *jo, all, proto::JuryScore{0, "closed", "initech-booth", {5}});
    CHECK(other.text == "score: you are not on the jury of \"Closed Award\"");
    auto visitor =
        ask(*srv.app, *ana, all, proto::JuryScore{0, "best-sme", "globex-booth", {9, 9}});
    CHECK(visitor.text == "score: you are not on the jury of \"Best SME\"");

    CHECK(categoryIn(awardsOf(*srv.app, *jo, all), "best-sme").scored ==
          std::vector<std::string>{"globex-booth"});
    auto progress = srv.run("awards progress");
    REQUIRE(progress.ok);
    CHECK(progress.text.find("initech-booth") != std::string::npos); // still to score
    CHECK(progress.text.find("acme-booth") != std::string::npos);    // the conflict
    CHECK_FALSE(srv.run("invite jury nope").ok);
    CHECK_FALSE(srv.run("invite jury best-sme --from nobody").ok);
}

TEST_CASE("awards: visitors cannot reveal - the ceremony's moderator and organisers can - "
          "everyone sees the countdown - the winner and the totals after it") {
    AwardsServer srv;
    const std::string host = srv.invite("invite speaker ceremony --moderator Host");
    // The ceremony runs now by its schedule (live since ten minutes ago).
    auto mod = srv.join("Host", host, {});
    auto ana = srv.join("Ana", srv.token(store::Role::Visitor, "ana"), {mod.get()});
    auto bo = srv.join("Bo", srv.token(store::Role::Visitor, "bo"), {mod.get(), ana.get()});
    Clients all{mod.get(), ana.get(), bo.get()};
    REQUIRE(ask(*srv.app, *ana, all, proto::BallotCast{0, "best-sme", "globex-booth"}).ok);
    REQUIRE(ask(*srv.app, *bo, all, proto::BallotCast{0, "best-sme", "globex-booth"}).ok);
    REQUIRE(ask(*srv.app, *ana, all, proto::BallotCast{0, "guests", "initech-booth"}).ok);

    auto lying = ask(*srv.app, *ana, all, proto::AwardRevealRequest{0, "best-sme", 0});
    CHECK_FALSE(lying.ok);
    CHECK(lying.text == "reveal: only an organiser or the moderator of the ceremony may reveal "
                        "\"Best SME\"");
    // The moderator of the ceremony may not reveal a category with another (or no) ceremony.
    CHECK_FALSE(ask(*srv.app, *mod, all, proto::AwardRevealRequest{0, "guests", 0}).ok);

    auto revealed = ask(*srv.app, *mod, all, proto::AwardRevealRequest{0, "best-sme", 1});
    REQUIRE_MESSAGE(revealed.ok, revealed.text);
    REQUIRE(pumpUntil(*srv.app, all, [&] {
        return bo->find<proto::AwardRevealed>(
                   [](const proto::AwardRevealed& r) { return !r.winner.empty(); }) != nullptr;
    }));
    auto shown = bo->all<proto::AwardRevealed>();
    REQUIRE(shown.size() == 2);
    CHECK(shown[0].countdown == 1);
    CHECK(shown[0].winner.empty());
    CHECK(shown[1].winner == "globex-booth");
    CHECK(bo->find<proto::Announcement>(
        [](const proto::Announcement& a) { return a.text == "Best SME: the winner is Globex!"; }));
    auto after = categoryIn(awardsOf(*srv.app, *ana, all), "best-sme");
    CHECK(after.winner == "globex-booth");
    CHECK(after.ballots == std::vector<std::uint32_t>{0, 2, 0});
    CHECK(after.voting == proto::VotingState::Closed);
    auto late = ask(*srv.app, *ana, all, proto::BallotCast{0, "best-sme", "acme-booth"});
    CHECK(late.text == "ballot: the winner of \"Best SME\" is revealed");
    CHECK_FALSE(ask(*srv.app, *mod, all, proto::AwardRevealRequest{0, "best-sme", 0}).ok);

    // The organiser's console reveals at once.
    auto console = srv.run("awards reveal guests 0");
    REQUIRE_MESSAGE(console.ok, console.text);
    CHECK(console.text == "guests: the winner is initech-booth\n");
    CHECK_FALSE(srv.run("awards reveal closed 0").ok); // no ballots
    CHECK_FALSE(srv.run("awards reveal guests 99").ok);
}

TEST_CASE("awards: a restart keeps ballots - scores - jurors - overrides and winners - the audit "
          "recounts from the records - results and anonymised ballots as CSV") {
    AwardsServer srv;
    const std::string juror = srv.invite("invite jury best-sme Dr. Jury");
    const std::string anaToken = srv.token(store::Role::Visitor, "ana");
    {
        auto ana = srv.join("Ana", anaToken, {});
        auto jo = srv.join("Jo", juror, {ana.get()});
        Clients all{ana.get(), jo.get()};
        REQUIRE(ask(*srv.app, *ana, all, proto::BallotCast{0, "best-sme", "acme-booth"}).ok);
        REQUIRE(ask(*srv.app, *jo, all, proto::BallotCast{0, "best-sme", "initech-booth"}).ok);
        REQUIRE(
            ask(*srv.app, *jo, all, proto::JuryScore{0, "best-sme", "initech-booth", {9, 9}}).ok);
        REQUIRE(ask(*srv.app, *ana, all, proto::BallotCast{0, "guests", "acme-booth"}).ok);
        REQUIRE(srv.run("awards voting guests closed").ok);
        REQUIRE(srv.run("awards reveal guests 0").ok);
    }
    srv.restart();
    auto ana = srv.join("Ana", anaToken, {});
    auto jo = srv.join("Jo", juror, {ana.get()});
    Clients all{ana.get(), jo.get()};
    auto st = awardsOf(*srv.app, *ana, all);
    CHECK(categoryIn(st, "best-sme").myBallot == "acme-booth");
    CHECK(categoryIn(st, "guests").winner == "acme-booth");
    auto jury = categoryIn(awardsOf(*srv.app, *jo, all), "best-sme");
    CHECK(jury.juror);
    CHECK(jury.scored == std::vector<std::string>{"initech-booth"});
    REQUIRE(srv.run("awards voting guests window").ok); // the override was kept until now

    auto audit = srv.run("awards audit");
    REQUIRE_MESSAGE(audit.ok, audit.text);
    CHECK(audit.text.find("best-sme: 2 ballots, leader initech-booth: matches") !=
          std::string::npos);
    auto results = srv.run("awards results best-sme");
    REQUIRE(results.ok);
    CHECK(results.text.find("initech-booth") < results.text.find("acme-booth"));
    REQUIRE(srv.run("awards results --csv " + (srv.dir / "results.csv").string()).ok);
    auto csv = readFileText(srv.dir / "results.csv");
    REQUIRE(csv);
    CHECK(csv->find("best-sme,1,initech-booth,1,0.500000,1,0.900000,0.700000") !=
          std::string::npos);
    REQUIRE(srv.run("awards ballots --csv " + (srv.dir / "ballots.csv").string()).ok);
    auto ballots = readFileText(srv.dir / "ballots.csv");
    REQUIRE(ballots);
    CHECK(ballots->find("cred:") == std::string::npos); // anonymised
    CHECK(ballots->find("best-sme,2,") != std::string::npos);
    CHECK_FALSE(srv.run("awards ballots").ok);
    CHECK_FALSE(srv.run("awards frobnicate").ok);
}
