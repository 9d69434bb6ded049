// The --run-session loop: steps the script every 50 ms until the duration is over, then reports
// its figures. Never touches a server's internals: everything goes over the script's links.
#include "tools/bot/RunSession.h"

#include "engine/core/File.h"
#include "engine/core/Time.h"

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <thread>

namespace fg::bot {

int runScriptedSession(const expo::Exhibition& ex, netclient::SessionScriptConfig config,
                       double seconds, const std::string& report) {
    auto script = netclient::ScriptedSession::create(ex, std::move(config));
    if (!script) {
        std::fprintf(stderr, "fairground-bot: %s\n", script.error().message.c_str());
        return 1;
    }
    const double end = monotonicSeconds() + seconds;
    while (monotonicSeconds() < end) {
        (*script)->step(monotonicSeconds());
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    const auto f = (*script)->figures();
    const nlohmann::json j = {{"run_session",
                               {{"joined", f.joined},
                                {"live", f.live},
                                {"page", f.page + 1},
                                {"pages_turned", f.pagesTurned},
                                {"questions_asked", f.questionsAsked},
                                {"upvotes", f.upvotes},
                                {"approved", f.approved},
                                {"answered", f.answered},
                                {"polls_opened", f.pollsOpened},
                                {"polls_closed", f.pollsClosed},
                                {"refusals", f.refusals},
                                {"last_refusal", f.lastRefusal}}}};
    const std::string text = j.dump(2);
    std::printf("%s\n", text.c_str());
    if (!report.empty())
        if (auto st = writeFileAtomic(report, text + "\n"); !st) {
            std::fprintf(stderr, "fairground-bot: %s\n", st.error().message.c_str());
            return 1;
        }
    return f.live ? 0 : 3;
}

} // namespace fg::bot
