// fairground-bench-awards [VISITORS] [ROUNDS] [EXHIBITION]: an in-process server hosting
// EXHIBITION (default the bundled sample) with its first award category forced open, VISITORS
// (default 1,000) loopback clients each signed in with its own ticket; ROUNDS (default 10)
// times every visitor casts (or changes) a ballot and waits for its ActionResult, which the
// server sends only after the tick's synchronous=FULL commit. Prints acknowledged ballots per
// wall second, then the reveal's fan-out time (console `awards reveal CATEGORY 0` until every
// visitor holds the winner). Benchmark only: client and server share this one thread.
#include "engine/core/Time.h"
#include "game/netclient/NetClient.h"
#include "server/ServerApp.h"
#include "server/console/ConsoleCommands.h"
#include "server/store/Store.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <functional>
#include <memory>
#include <string>
#include <vector>

using namespace fg;
namespace proto = fg::expo::proto;

namespace {

int fail(const std::string& what) {
    std::fprintf(stderr, "fairground-bench-awards: %s\n", what.c_str());
    return 1;
}

struct Visitor {
    std::unique_ptr<netclient::NetClient> net;
    std::uint32_t pending = 0; // request id waiting for its answer
    bool ok = false;
    bool revealed = false;
};

// Steps the server and every visitor (handing each message to ON) until DONE() or SECONDS.
bool pump(server::ServerApp& app, std::vector<Visitor>& all, const std::function<bool()>& done,
          const std::function<void(Visitor&, const proto::Message&)>& on, double seconds) {
    const double deadline = monotonicSeconds() + seconds;
    while (monotonicSeconds() < deadline) {
        app.step(1);
        for (Visitor& v : all) {
            if (!v.net) continue; // not connected yet
            v.net->update(0);
            for (auto& m : v.net->takeInbox())
                on(v, m);
        }
        if (done()) return true;
    }
    return done();
}

void noMessage(Visitor&, const proto::Message&) {}

} // namespace

int main(int argc, char** argv) {
    const std::size_t visitors = argc > 1 ? std::stoul(argv[1]) : 1000;
    const int rounds = argc > 2 ? std::stoi(argv[2]) : 10;
    const std::filesystem::path exhibition =
        argc > 3 ? argv[3] : "assets/exhibitions/digital-world-2021/exhibition.json";
    const auto dir = std::filesystem::temp_directory_path() / "fg-bench-awards";
    std::filesystem::remove_all(dir);
    server::ServerConfig config;
    config.exhibitionPath = exhibition;
    config.dataDir = dir;
    config.bindAddress = "127.0.0.1";
    config.port = 0;
    config.maxVisitors = std::uint32_t(visitors + 8);
    // One thread joins everyone: a crowd's handshakes outlast the default 5 s deadline.
    config.handshake.timeoutSeconds = 0;
    auto created = server::ServerApp::create(config);
    if (!created) return fail(created.error().message);
    server::ServerApp& app = **created;
    const auto& awards = app.exhibition().awards;
    if (awards.empty()) return fail("the exhibition has no award category");
    const expo::AwardCategory category = awards.front();
    if (auto r = app.console().execute("awards voting " + category.id + " open"); !r.ok)
        return fail(r.text);
    auto tickets = app.store().issueTickets(visitors, "bench");
    if (!tickets) return fail(tickets.error().message);

    std::vector<Visitor> all(visitors);
    for (std::size_t i = 0; i < visitors; ++i) {
        netclient::ClientConfig cc;
        cc.port = app.port();
        cc.hello.name = fmt::format("voter-{}", i);
        cc.hello.clientKey = cc.hello.name;
        cc.hello.country = "VN";
        cc.hello.credential = (*tickets)[i].code;
        auto c = netclient::NetClient::connect(cc);
        if (!c) return fail(c.error().message);
        all[i].net = std::move(*c);
        if (i % 50 == 49)
            pump(
                app, all, [] { return false; }, noMessage, 0.02);
    }
    const bool joined = pump(
        app, all,
        [&] {
            return std::all_of(all.begin(), all.end(), [](const Visitor& v) {
                return v.net->state() == netclient::ClientState::Joined;
            });
        },
        noMessage, 120);
    if (!joined) return fail("not every visitor joined");
    std::printf("%zu visitors joined; category %s with %zu finalists\n", visitors,
                category.id.c_str(), category.finalists.size());

    const auto onResult = [](Visitor& v, const proto::Message& m) {
        if (auto* r = std::get_if<proto::ActionResult>(&m); r && r->requestId == v.pending) {
            v.ok = r->ok;
            v.pending = 0;
        }
    };
    std::size_t acknowledged = 0;
    const double begin = monotonicSeconds();
    for (int round = 0; round < rounds; ++round) {
        for (std::size_t i = 0; i < visitors; ++i) {
            const std::string& booth =
                category.finalists[(i + std::size_t(round)) % category.finalists.size()];
            all[i].pending = all[i].net->request(proto::BallotCast{0, category.id, booth});
        }
        const bool answered = pump(
            app, all,
            [&] {
                return std::all_of(all.begin(), all.end(),
                                   [](const Visitor& v) { return v.pending == 0; });
            },
            onResult, 60);
        if (!answered) return fail("ballots went unanswered");
        for (const Visitor& v : all)
            acknowledged += v.ok ? 1 : 0;
    }
    const double elapsed = monotonicSeconds() - begin;
    std::printf("ballots acknowledged after commit: %zu in %.3f s = %.0f per second\n",
                acknowledged, elapsed, double(acknowledged) / elapsed);

    const double revealAt = monotonicSeconds();
    if (auto r = app.console().execute("awards reveal " + category.id + " 0"); !r.ok)
        return fail(r.text);
    const bool everyone = pump(
        app, all,
        [&] {
            return std::all_of(all.begin(), all.end(), [](const Visitor& v) { return v.revealed; });
        },
        [](Visitor& v, const proto::Message& m) {
            if (auto* r = std::get_if<proto::AwardRevealed>(&m); r && !r->winner.empty())
                v.revealed = true;
        },
        60);
    if (!everyone) return fail("not every visitor saw the winner");
    std::printf("reveal fan-out to %zu visitors: %.1f ms\n", visitors,
                (monotonicSeconds() - revealAt) * 1000.0);
    auto audit = app.console().execute("awards audit");
    std::printf("%s", audit.text.c_str());
    all.clear();
    created->reset();
    std::filesystem::remove_all(dir);
    return audit.ok ? 0 : 1;
}
