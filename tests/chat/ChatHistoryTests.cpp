// Chat history over loopback: a newcomer gets the hall's earlier lines, a booth's and a direct
// pair's lines on request and only for that room, a restart keeps them, purge removes them.
#include "server/console/ConsoleCommands.h"
#include "tests/server_net/TestWorld.h"

using namespace fg;
using namespace fg::test;
using proto::ChatHistory;
using proto::ChatHistoryRequest;
using proto::ChatScope;

namespace {

std::vector<std::string> texts(const ChatHistory& h) {
    std::vector<std::string> out;
    for (const auto& l : h.lines)
        out.push_back(l.text);
    return out;
}

const ChatHistory* historyFor(const TestClient& c, std::uint32_t requestId) {
    return c.find<ChatHistory>([&](const ChatHistory& h) { return h.requestId == requestId; });
}

// Sends TEXT and waits until the server answered it.
void say(server::ServerApp& server, TestClient& from, const Clients& all, ChatScope scope,
         const std::string& booth, std::uint16_t to, const std::string& text) {
    std::uint32_t id = from->chat(scope, booth, to, text);
    REQUIRE(pumpUntil(server, all, [&] { return from.result(id) != nullptr; }));
    REQUIRE_MESSAGE(from.result(id)->ok, from.result(id)->text);
}

std::unique_ptr<server::ServerApp> restart(TestServer& srv) {
    srv.app.reset();
    return startServer(srv.dir / "exhibition.json", srv.dir / "data");
}

} // namespace

TEST_CASE("chat history: newcomers get the hall's lines, rooms are kept apart, a restart keeps "
          "them") {
    TestServer srv;
    auto vy = connectClient(*srv.app, visitor(srv.app->port(), "Vy"));
    auto minh = connectClient(*srv.app, visitor(srv.app->port(), "Minh"), {vy.get()});
    Clients two{vy.get(), minh.get()};
    say(*srv.app, *vy, two, ChatScope::Hall, "", 0, "hello hall");
    say(*srv.app, *minh, two, ChatScope::Hall, "", 0, "hi Vy");
    say(*srv.app, *vy, two, ChatScope::Booth, "acme-booth", 0, "is the 5G demo on?");
    say(*srv.app, *vy, two, ChatScope::Direct, "", (*minh)->id(), "coffee at 3?");

    auto lan = connectClient(*srv.app, visitor(srv.app->port(), "Lan"), two);
    Clients all{vy.get(), minh.get(), lan.get()};
    REQUIRE(pumpUntil(*srv.app, all, [&] { return historyFor(*lan, 0) != nullptr; }));
    const ChatHistory* hall = historyFor(*lan, 0);
    CHECK(hall->scope == ChatScope::Hall);
    CHECK(hall->boothId == "main");
    CHECK(texts(*hall) == std::vector<std::string>{"hello hall", "hi Vy"});
    CHECK(hall->lines[0].fromName == "Vy");
    CHECK(hall->lines[0].timeMs > 0);
    CHECK_FALSE(hall->more);

    std::uint32_t booth = (*lan)->chatHistory({0, ChatScope::Booth, "acme-booth", 0, 0});
    std::uint32_t notMine = (*lan)->chatHistory({0, ChatScope::Direct, "", (*vy)->id(), 0});
    std::uint32_t ours = (*minh)->chatHistory({0, ChatScope::Direct, "", (*vy)->id(), 0});
    REQUIRE(pumpUntil(*srv.app, all, [&] {
        return historyFor(*lan, booth) && historyFor(*lan, notMine) && historyFor(*minh, ours);
    }));
    CHECK(texts(*historyFor(*lan, booth)) == std::vector<std::string>{"is the 5G demo on?"});
    CHECK(historyFor(*lan, notMine)->lines.empty()); // Vy and Minh's conversation is theirs
    CHECK(texts(*historyFor(*minh, ours)) == std::vector<std::string>{"coffee at 3?"});
    CHECK(historyFor(*minh, ours)->withName == "Vy");

    vy.reset();
    minh.reset();
    lan.reset();
    srv.app = restart(srv);
    auto kim = connectClient(*srv.app, visitor(srv.app->port(), "Kim"));
    REQUIRE(pumpUntil(*srv.app, {kim.get()}, [&] { return historyFor(*kim, 0) != nullptr; }));
    CHECK(texts(*historyFor(*kim, 0)) == std::vector<std::string>{"hello hall", "hi Vy"});
}

TEST_CASE(
    "chat history: an unknown booth or an absent person is refused with the reason, and purge") {
    TestServer srv;
    auto vy = connectClient(*srv.app, visitor(srv.app->port(), "Vy"));
    Clients one{vy.get()};
    say(*srv.app, *vy, one, ChatScope::Booth, "globex-booth", 0, "anyone here?");
    std::uint32_t unknown = (*vy)->chatHistory({0, ChatScope::Booth, "no-such-booth", 0, 0});
    std::uint32_t absent = (*vy)->chatHistory({0, ChatScope::Direct, "", 999, 0});
    REQUIRE(pumpUntil(*srv.app, one, [&] { return vy->result(unknown) && vy->result(absent); }));
    CHECK_FALSE(vy->result(unknown)->ok);
    CHECK(vy->result(unknown)->text == "chat history: booth 'no-such-booth' does not exist");
    CHECK_FALSE(vy->result(absent)->ok);
    CHECK(vy->result(absent)->text == "chat history: visitor 999 is not connected");

    auto rooms = srv.app->console().execute("chat rooms");
    CHECK(rooms.ok);
    CHECK(rooms.text == "booth:globex-booth  1 lines\n");
    auto purged = srv.app->console().execute("chat purge booth:globex-booth");
    CHECK(purged.ok);
    CHECK(purged.text == "removed 1 chat lines from booth:globex-booth\n");
    std::uint32_t after = (*vy)->chatHistory({0, ChatScope::Booth, "globex-booth", 0, 0});
    REQUIRE(pumpUntil(*srv.app, one, [&] { return historyFor(*vy, after) != nullptr; }));
    CHECK(historyFor(*vy, after)->lines.empty());
    CHECK_FALSE(srv.app->console().execute("chat shout").ok);
}

TEST_CASE("chat history: a hall keeps its newest lines up to the retention, paged by id") {
    server::ServerConfig config;
    config.chatHistory = 120;
    TestServer srv(config);
    // The chat rate limit allows a burst of 5 lines a person: 26 people say 5 lines each.
    std::vector<std::unique_ptr<TestClient>> people;
    Clients all;
    for (int p = 0; p < 26; ++p) {
        people.push_back(
            connectClient(*srv.app, visitor(srv.app->port(), "V" + std::to_string(p)), all));
        all.push_back(people.back().get());
    }
    for (int i = 0; i < 130; ++i)
        say(*srv.app, *people[std::size_t(i / 5)], all, ChatScope::Hall, "", 0,
            "line " + std::to_string(i));
    TestClient& vy = *people.front();
    Clients two = all;
    std::uint32_t newest = vy->chatHistory({0, ChatScope::Hall, "", 0, 0});
    REQUIRE(pumpUntil(*srv.app, two, [&] { return historyFor(vy, newest) != nullptr; }));
    const ChatHistory* page = historyFor(vy, newest);
    REQUIRE(page->lines.size() == proto::kMaxHistoryLines);
    CHECK(page->more);
    CHECK(page->lines.back().text == "line 129");
    std::uint32_t older = vy->chatHistory({0, ChatScope::Hall, "", 0, page->lines.front().id});
    REQUIRE(pumpUntil(*srv.app, two, [&] { return historyFor(vy, older) != nullptr; }));
    const ChatHistory* rest = historyFor(vy, older);
    CHECK(rest->lines.size() == 20); // 120 kept: lines 10..29 before the newest page
    CHECK(rest->lines.front().text == "line 10");
    CHECK_FALSE(rest->more);
}
