// The scripted session over loopback (game/netclient/ScriptedSession): its moderator starts the
// session, its speaker pages, its audience asks, and a question is answered and a poll opened
// and closed, as a visitor in the venue sees it; a script with the wrong tokens is refused.
#include "game/netclient/ScriptedSession.h"
#include "server/console/ConsoleCommands.h"
#include "tests/server_net/TestWorld.h"

#include <nlohmann/json.hpp>

namespace fg::test {
namespace {

constexpr const char* kSession = "forum-5g";

// TestWorld's exhibition with "forum-5g" in venue "stage", due in an hour, a deck of 3 pages.
struct ScriptWorld {
    std::filesystem::path dir = makeTempDir("script");
    std::unique_ptr<server::ServerApp> app;

    ScriptWorld() {
        auto path = writeTestExhibition(dir);
        auto j = nlohmann::json::parse(testExhibitionJson());
        const UnixSeconds now = unixNow();
        j["event"]["opens"] = formatDate(now - 86400);
        j["event"]["closes"] = formatDate(now + 86400);
        j["sessions"] = {{{"id", kSession},
                          {"kind", "forum"},
                          {"title", "5G for everyone"},
                          {"start", formatUtcTimestamp(now + 3600)},
                          {"end", formatUtcTimestamp(now + 7200)},
                          {"venue", "stage"},
                          {"speakers", {"Dr. Lan"}},
                          {"deck", {"logo.png", "page2.png", "page3.png"}},
                          {"description", ""}}};
        for (const char* page : {"page2.png", "page3.png"})
            std::filesystem::copy_file(dir / "logo.png", dir / page);
        REQUIRE(writeFileAtomic(path, j.dump(2)).ok());
        app = startServer(path, dir / "data");
    }
    ~ScriptWorld() {
        app.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    // The token an `invite ...` console line prints.
    std::string invite(const std::string& line) {
        const auto r = app->console().execute(line);
        REQUIRE_MESSAGE(r.ok, r.text);
        constexpr std::string_view kToken = "token (shown once, keep it safe): ";
        const auto at = r.text.find(kToken);
        REQUIRE(at != std::string::npos);
        const auto from = at + kToken.size();
        return r.text.substr(from, r.text.find('\n', from) - from);
    }
    netclient::SessionScriptConfig config(const std::string& speaker,
                                          const std::string& moderator) {
        netclient::SessionScriptConfig c;
        c.port = app->port();
        c.sessionId = kSession;
        c.speakerToken = speaker;
        c.moderatorToken = moderator;
        for (int i = 0; i < 3; ++i)
            c.audienceTokens.push_back(invite("invite visitor audience"));
        // Short steps so the loop comes round in seconds; the test waits on what it sees.
        c.pageSeconds = 0.4;
        c.questionSeconds = 0.6;
        c.answerSeconds = 0.4;
        c.pollEverySeconds = 0.6;
        c.pollOpenSeconds = 1.0;
        c.resultsSeconds = 0.3;
        return c;
    }
};

const expo::Exhibition& exhibitionOf(ScriptWorld& w) {
    return w.app->exhibition();
}

} // namespace

TEST_CASE("a scripted session runs: started, paged, a question answered, a poll opened and "
          "closed") {
    ScriptWorld w;
    auto c = w.config(w.invite(std::string("invite speaker ") + kSession + " scripted speaker"),
                      w.invite(std::string("invite speaker ") + kSession + " --moderator mod"));
    auto script = netclient::ScriptedSession::create(exhibitionOf(w), c);
    REQUIRE_MESSAGE(script.ok(), (script.ok() ? "" : script.error().message));
    auto cfg = visitor(w.app->port(), "watcher");
    cfg.hello.credential = w.invite("invite visitor watcher");
    auto watcher = connectClient(*w.app, cfg);
    Clients all{watcher.get()};
    (*watcher)->sendRaw(proto::Teleport{proto::TeleportKind::Venue, 0, "stage"});
    // Question and poll updates reach whoever attends: the watcher needs no QnaJoin.
    auto seen = [&] {
        (*script)->step(monotonicSeconds());
        const bool live = watcher->find<proto::StageUpdate>(
            [](const proto::StageUpdate& u) { return u.state == proto::StageWireState::Live; });
        auto page = watcher->find<proto::StageUpdate>(
            [](const proto::StageUpdate& u) { return u.page >= 2; });
        auto answered = watcher->find<proto::QnaQuestionUpdate>(
            [](const auto& u) { return u.question.state == proto::QuestionState::Answered; });
        auto opened = watcher->find<proto::PollUpdate>(
            [](const auto& u) { return u.poll.state == proto::PollState::Open; });
        auto shown = watcher->find<proto::PollUpdate>([](const auto& u) {
            return u.poll.state == proto::PollState::Closed && u.poll.resultsShown;
        });
        return live && page && answered && opened && shown;
    };
    CHECK(pumpUntil(*w.app, all, seen, 120.0));
    const auto f = (*script)->figures();
    CHECK(f.live);
    CHECK(f.joined == 5);
    CHECK(f.pagesTurned >= 2);
    CHECK(f.questionsAsked >= 1);
    CHECK(f.approved >= 1); // the moderator requires approval and approves
    CHECK(f.answered >= 1);
    CHECK(f.pollsOpened >= 1);
    CHECK(f.pollsClosed >= 1);
    CHECK_MESSAGE(f.refusals == 0, f.lastRefusal);
}

TEST_CASE("a script whose speaker and moderator hold only visitor tickets is refused") {
    ScriptWorld w;
    auto c = w.config(w.invite("invite visitor not-a-speaker"),
                      w.invite("invite visitor not-a-moderator"));
    auto script = netclient::ScriptedSession::create(exhibitionOf(w), c);
    REQUIRE(script.ok());
    Clients none;
    auto refused = [&] {
        (*script)->step(monotonicSeconds());
        return (*script)->figures().refusals >= 1;
    };
    CHECK(pumpUntil(*w.app, none, refused, 60.0));
    const auto f = (*script)->figures();
    CHECK_FALSE(f.live); // the moderator's Start was refused: the session keeps its schedule
    CHECK(f.pagesTurned == 0);
    CHECK_FALSE(f.lastRefusal.empty());
}

} // namespace fg::test
