// fairground-bot: N headless visitors against a server, printing (and optionally writing) a JSON
// report. Argument parsing only; the crowd lives in BotCrowd.
#include "engine/core/File.h"
#include "engine/core/Log.h"
#include "game/expo/ExhibitionJson.h"
#include "tools/bot/BotCrowd.h"
#include "tools/bot/RunSession.h"
#include "tools/bot/TicketFile.h"
#include "tools/bot/VoiceCrowd.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>

namespace {

// --vote CATEGORY[:BOOTH] into CONFIG, checked against --exhibition when it was given (a random
// finalist needs it); false, with the reason printed, if not.
bool parseVote(const std::string& text, fg::bot::BotConfig& config) {
    const auto colon = text.find(':');
    config.voteCategory = text.substr(0, colon);
    if (colon != std::string::npos) config.voteBooth = text.substr(colon + 1);
    const fg::expo::AwardCategory* found = nullptr;
    if (config.exhibition)
        for (const auto& a : config.exhibition->awards)
            if (a.id == config.voteCategory) found = &a;
    const char* why = config.voteCategory.empty()   ? "no CATEGORY"
                      : config.exhibition && !found ? "no such award category in --exhibition"
                      : config.voteBooth.empty() && !found ? "a random finalist needs --exhibition"
                                                           : nullptr;
    if (found && !config.voteBooth.empty() &&
        std::find(found->finalists.begin(), found->finalists.end(), config.voteBooth) ==
            found->finalists.end())
        why = "BOOTH is not a finalist of CATEGORY";
    if (why) std::fprintf(stderr, "fairground-bot: --vote '%s': %s\n", text.c_str(), why);
    return why == nullptr;
}

// Reads --tickets FILE into CONFIG (one code per bot); false, with the reason printed, if not.
bool loadTickets(const std::string& path, fg::bot::BotConfig& config) {
    auto text = fg::readFileText(path);
    if (!text) {
        std::fprintf(stderr, "fairground-bot: %s\n", text.error().message.c_str());
        return false;
    }
    auto codes = fg::bot::readTicketCodes(*text);
    if (!codes) {
        std::fprintf(stderr, "fairground-bot: %s: %s\n", path.c_str(),
                     codes.error().message.c_str());
        return false;
    }
    if (codes->size() < config.count) {
        std::fprintf(stderr, "fairground-bot: %s has %zu tickets, --count asks for %u\n",
                     path.c_str(), codes->size(), config.count);
        return false;
    }
    config.tickets = std::move(*codes);
    return true;
}

// --run-session: the bots are the session's speaker, moderator and audience (the tickets).
int runSession(const fg::bot::BotConfig& config, fg::netclient::SessionScriptConfig script,
               const std::string& report) {
    if (!config.exhibition || !fg::expo::findSession(*config.exhibition, script.sessionId)) {
        std::fprintf(stderr,
                     "fairground-bot: --run-session '%s': no such session in --exhibition\n",
                     script.sessionId.c_str());
        return 2;
    }
    if (script.speakerToken.empty() || script.moderatorToken.empty()) {
        std::fprintf(stderr, "fairground-bot: --run-session needs --speaker-token and "
                             "--moderator-token\n");
        return 2;
    }
    script.host = config.host;
    script.port = config.port;
    script.audienceTokens = config.tickets;
    return fg::bot::runScriptedSession(*config.exhibition, std::move(script),
                                       config.durationSeconds, report);
}

// --voice-in: the voice bots (VoiceCrowd) instead of the walking crowd.
int runVoice(const fg::bot::BotConfig& config, fg::bot::VoiceCrowdConfig voice,
             const std::string& report) {
    if (!config.exhibition || voice.standAt.empty()) {
        std::fprintf(stderr, "fairground-bot: --voice-in needs --exhibition and --stand-at\n");
        return 2;
    }
    voice.host = config.host;
    voice.port = config.port;
    voice.count = config.count;
    voice.namePrefix = config.namePrefix;
    voice.exhibition = *config.exhibition;
    auto result = fg::bot::runVoiceCrowd(voice);
    if (!result) {
        std::fprintf(stderr, "fairground-bot: %s\n", result.error().message.c_str());
        return 3;
    }
    const std::string json = result->toJson();
    std::printf("%s\n", json.c_str());
    if (!report.empty())
        if (auto st = fg::writeFileAtomic(report, json + "\n"); !st) {
            std::fprintf(stderr, "fairground-bot: %s\n", st.error().message.c_str());
            return 1;
        }
    return result->errors.empty() ? 0 : 3;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App cli{"fairground-bot: simulated visitors for load, soak and fault tests"};
    fg::bot::BotConfig config;
    std::string connect, report, exhibition, tickets;
    cli.add_option("--connect", connect, "HOST:PORT of the server")->required();
    cli.add_option("--count", config.count, "number of visitors")->check(CLI::Range(1, 4095));
    cli.add_option("--duration", config.durationSeconds, "seconds to run")
        ->check(CLI::Range(0.1, 86400.0));
    cli.add_option("--report", report, "write the JSON report to this file");
    cli.add_option("--exhibition", exhibition, "exhibition.json: walk between its booths");
    cli.add_option("--chat-rate", config.chatPerMinute, "chat lines per bot per minute");
    cli.add_option("--like-rate", config.likePerMinute, "likes per bot per minute");
    cli.add_option("--card-rate", config.cardPerMinute, "cards per bot per minute");
    cli.add_option("--connect-spread", config.connectSpread, "seconds to spread connections over");
    cli.add_option("--name-prefix", config.namePrefix, "display name prefix");
    cli.add_option("--tickets", tickets,
                   "CSV written by the console's 'tickets issue': bot i signs in with the i-th "
                   "ticket, so the same bots come back as the same people");
    cli.add_option("--threads", config.threads,
                   "worker threads servicing the bots (0: one per 500 bots, at most 8)")
        ->check(CLI::Range(0, 64));
    cli.add_option("--poll-ms", config.pollMs, "shortest time between two passes over the bots")
        ->check(CLI::Range(0.1, 100.0));
    bool noPoll = false;
    cli.add_flag("--no-poll", noPoll,
                 "service every bot on every pass instead of waiting on their sockets");
    cli.add_option("--window-start", config.windowStart,
                   "seconds after the start when the measured window opens (rates, CPU)")
        ->check(CLI::Range(0.0, 86400.0));
    std::string vote;
    cli.add_option("--vote", vote,
                   "CATEGORY[:BOOTH]: each bot casts one ballot once joined (a random finalist "
                   "from --exhibition when no booth is named); needs --tickets unless the "
                   "category lets guests vote");
    cli.add_option("--attend", config.attend,
                   "SESSION: go into its venue (seats until full), then its overflow; needs "
                   "--exhibition");
    fg::netclient::SessionScriptConfig script;
    cli.add_option("--run-session", script.sessionId,
                   "SESSION: run it with a scripted speaker (--speaker-token), moderator "
                   "(--moderator-token) and --count audience bots signed in with --tickets; "
                   "needs --exhibition");
    cli.add_option("--speaker-token", script.speakerToken,
                   "--run-session: the token of 'invite speaker SESSION'");
    cli.add_option("--moderator-token", script.moderatorToken,
                   "--run-session: the token of 'invite speaker SESSION --moderator' (or an "
                   "organiser's)");
    cli.add_option("--page-seconds", script.pageSeconds, "--run-session: seconds per slide")
        ->check(CLI::Range(0.1, 3600.0));
    fg::bot::VoiceCrowdConfig voice;
    std::string voiceIn, voiceOut;
    cli.add_option("--voice-in", voiceIn,
                   "FILE.wav: voice bots instead: --speakers of the --count bots say FILE "
                   "(WAV device + Opus), the others listen (needs --exhibition, --stand-at)");
    cli.add_option("--speakers", voice.speakers, "--voice-in: how many bots speak (default 1)");
    cli.add_option("--voice-out", voiceOut,
                   "--voice-in: DIR gets one WAV per listening bot (what it heard, mixed)");
    cli.add_option("--stand-at", voice.standAt,
                   "--voice-in: BOOTH: the bots stand still at its front, listeners --near "
                   "metres from the speakers");
    cli.add_option("--near", voice.nearMetres, "--voice-in: metres from speakers to listeners")
        ->check(CLI::Range(0.5, 50.0));
    cli.add_option("--far", voice.far,
                   "--voice-in: this many listeners stand at the booth farthest from --stand-at");
    CLI11_PARSE(cli, argc, argv);
    voice.voiceIn = voiceIn;
    voice.voiceOut = voiceOut;
    config.pollSockets = !noPoll;
    fg::log::setLevel(fg::log::Level::Warn);

    auto colon = connect.rfind(':');
    if (colon == std::string::npos) {
        std::fprintf(stderr, "fairground-bot: --connect wants HOST:PORT, got '%s'\n",
                     connect.c_str());
        return 2;
    }
    config.host = connect.substr(0, colon);
    try {
        int port = std::stoi(connect.substr(colon + 1));
        if (port <= 0 || port > 65535) throw std::out_of_range("port");
        config.port = std::uint16_t(port);
    } catch (...) {
        std::fprintf(stderr, "fairground-bot: bad port in '%s'\n", connect.c_str());
        return 2;
    }
    if (!exhibition.empty()) {
        auto loaded = fg::expo::loadExhibition(exhibition);
        if (!loaded.ok()) {
            for (const auto& p : loaded.problems)
                std::fprintf(stderr, "%s\n", p.toString().c_str());
            return 1;
        }
        config.exhibition = std::move(*loaded.exhibition);
    }
    if (!config.attend.empty()) {
        const bool known =
            config.exhibition &&
            std::any_of(config.exhibition->sessions.begin(), config.exhibition->sessions.end(),
                        [&](const auto& s) { return s.id == config.attend; });
        if (!known) {
            std::fprintf(stderr, "fairground-bot: --attend '%s': no such session in --exhibition\n",
                         config.attend.c_str());
            return 2;
        }
    }
    if (!vote.empty() && !parseVote(vote, config)) return 2;
    if (!tickets.empty() && !loadTickets(tickets, config)) return 2;
    if (!script.sessionId.empty()) return runSession(config, std::move(script), report);
    if (!voiceIn.empty()) return runVoice(config, std::move(voice), report);
    fg::bot::BotCrowd crowd(std::move(config));
    fg::bot::BotReport result = crowd.run();
    std::string json = result.toJson();
    std::printf("%s\n", json.c_str());
    if (!report.empty()) {
        if (auto st = fg::writeFileAtomic(report, json + "\n"); !st) {
            std::fprintf(stderr, "fairground-bot: %s\n", st.error().message.c_str());
            return 1;
        }
    }
    return result.connected == result.requested ? 0 : 3;
}
