// fairground-server: hosts an exhibition (presence, interactions, store, console on stdin), or
// with `console --connect HOST:PORT --token TOKEN` is a remote organiser console.
// Argument parsing and wiring only; all behaviour lives in ServerApp and the libraries.
#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "game/netclient/NetClient.h"
#include "game/netclient/ServerPins.h"
#include "server/ServerApp.h"
#include "server/console/ConsoleCommands.h"
#include "server/console/ConsoleTerminal.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace {

volatile std::sig_atomic_t g_signalled = 0;

int runServer(fg::server::ServerConfig config) {
    const std::filesystem::path dataDir = config.dataDir;
    auto app = fg::server::ServerApp::create(std::move(config));
    if (!app) {
        std::fprintf(stderr, "fairground-server: %s\n", app.error().message.c_str());
        return 1;
    }
    fg::server::ServerApp& server = **app;
    std::signal(SIGINT, [](int) { g_signalled = 1; });
    std::signal(SIGTERM, [](int) { g_signalled = 1; });
    // The organiser console on this terminal; remote consoles use the same registry.
    fg::console::ConsoleCommands& commands = server.console();
    fg::console::TerminalOptions options;
    options.historyFile = dataDir / "console_history";
    fg::console::ConsoleTerminal terminal(
        options, [&](std::string_view line) { return commands.execute(line); },
        [&](std::string_view line) { return commands.complete(line); });
    bool input = true;
    server.setTickHook([&] {
        if (input) input = terminal.pump(); // never blocks; false once stdin has ended
    });
    std::printf("fairground-server: listening on port %u\n", unsigned(server.port()));
    std::fflush(stdout);
    while (!server.stopping() && !g_signalled)
        server.step(50);
    (void)server.requestSave();
    return 0;
}

bool splitHostPort(const std::string& text, std::string& host, std::uint16_t& port) {
    auto colon = text.rfind(':');
    if (colon == std::string::npos) return false;
    host = text.substr(0, colon);
    try {
        int p = std::stoi(text.substr(colon + 1));
        if (p <= 0 || p > 65535) return false;
        port = std::uint16_t(p);
    } catch (...) {
        return false;
    }
    return !host.empty();
}

// Remote console: one command per stdin line, each answer printed before the next prompt.
int runRemoteConsole(const std::string& address, const std::string& token) {
    using namespace fg::netclient;
    ClientConfig config;
    if (!splitHostPort(address, config.host, config.port)) {
        std::fprintf(stderr, "console: --connect wants HOST:PORT, got '%s'\n", address.c_str());
        return 2;
    }
    config.hello.role = proto::Role::Organiser;
    // "TOKEN@KEY" (the invitation code `invite` prints) expects that key; a bare token expects
    // the key pinned for HOST:PORT, or pins the one the server proves (first use).
    if (fg::Status st = applyInvitation(config, token); !st) {
        std::fprintf(stderr, "console: --token: %s\n", st.error().message.c_str());
        return 2;
    }
    config.pinsFile = defaultPinsFile();
    config.hello.presence = false; // a tool, not a person in the world
    config.hello.name = "console-" + std::to_string(::getpid() % 100000);
    auto client = NetClient::connect(config);
    if (!client) {
        std::fprintf(stderr, "console: %s\n", client.error().message.c_str());
        return 1;
    }
    NetClient& c = **client;
    const double deadline = fg::monotonicSeconds() + 5.0;
    while (c.state() == ClientState::Connecting && fg::monotonicSeconds() < deadline)
        c.update(50);
    if (!c.keyNotice().empty())
        std::fprintf(stderr, "console: warning: %s\n", c.keyNotice().c_str());
    if (c.state() != ClientState::Joined) {
        std::fprintf(stderr, "console: not connected: %s\n",
                     c.state() == ClientState::Rejected ? c.rejection().text.c_str()
                                                        : toString(c.state()));
        return 1;
    }
    const bool tty = ::isatty(0);
    std::string line;
    while ((tty ? (std::printf("fairground> "), std::fflush(stdout), true) : true) &&
           std::getline(std::cin, line)) {
        if (line.empty()) continue;
        std::uint32_t request = c.console(line);
        bool answered = false;
        while (!answered && c.state() == ClientState::Joined) {
            c.update(50);
            for (auto& m : c.takeInbox()) {
                auto* r = std::get_if<proto::ConsoleResponse>(&m);
                if (r && r->requestId == request) {
                    std::printf("%s%s\n", r->ok ? "" : "error: ", r->output.c_str());
                    answered = true;
                } else if (auto* a = std::get_if<proto::Announcement>(&m)) {
                    std::printf("[announcement] %s\n", a->text.c_str());
                }
            }
        }
        std::fflush(stdout);
        if (c.state() != ClientState::Joined) {
            std::fprintf(stderr, "console: connection lost\n");
            return 1;
        }
    }
    c.disconnect();
    return 0;
}

// The flood guard (HandshakeGuard): a deadline for the handshake and caps on unjoined peers.
void addHandshakeOptions(CLI::App& cli, fg::server::HandshakeLimits& limits, bool& capLoopback) {
    cli.add_option("--handshake-timeout", limits.timeoutSeconds,
                   "seconds a connection may take to join (an accepted Hello) before it is "
                   "dropped (0: no deadline)")
        ->check(CLI::Range(0.0, 3600.0))
        ->capture_default_str();
    cli.add_option("--max-pending", limits.maxPending,
                   "connections not yet joined, all addresses together; past it the oldest is "
                   "dropped (0: no cap)")
        ->check(CLI::Range(0, 4095))
        ->capture_default_str();
    cli.add_option("--max-pending-per-address", limits.maxPendingPerAddress,
                   "connections not yet joined from one address; past it that address's oldest "
                   "is dropped (0: no cap)")
        ->capture_default_str();
    cli.add_option("--max-per-address", limits.maxPerAddress,
                   "connections (joined or not) from one address (0: no cap)")
        ->capture_default_str();
    cli.add_option("--connects-per-second", limits.connectsPerSecond,
                   "connection attempts a second from one address, sustained; past it they are "
                   "dropped before taking a slot (0: no limit)")
        ->check(CLI::Range(0.0, 100000.0))
        ->capture_default_str();
    cli.add_option("--connect-burst", limits.connectBurst,
                   "connection attempts at once from one address (see --connects-per-second)")
        ->check(CLI::Range(1.0, 100000.0))
        ->capture_default_str();
    cli.add_flag("--cap-loopback", capLoopback,
                 "apply the pending and per-address caps to 127.0.0.0/8 too (exempt by default, "
                 "not from the deadline: bots, tests and the embedded server connect from there, "
                 "thousands at once)");
}

} // namespace

int main(int argc, char** argv) {
    CLI::App cli{"fairground-server: hosts a Fairground exhibition"};
    fg::server::ServerConfig config;
    std::string exhibition, data, level = "info";
    cli.add_option("--exhibition", exhibition, "exhibition.json to host");
    cli.add_option("--data", data, "data folder (SQLite store)");
    cli.add_option("--port", config.port, "UDP port")->check(CLI::Range(1, 65535));
    cli.add_option("--cluster", config.cluster,
                   "cluster mode: redis://HOST:PORT (or unix:///PATH) shared by the event's "
                   "processes");
    cli.add_option("--cluster-prefix", config.clusterPrefix,
                   "cluster mode: prefix of this event's keys and channels in Redis");
    cli.add_option("--bind", config.bindAddress, "address to listen on");
    cli.add_option("--tick-rate", config.tickRate, "presence ticks per second")
        ->check(CLI::Range(1, 120));
    cli.add_option("--max-visitors", config.maxVisitors, "connections allowed")
        ->check(CLI::Range(1, 4095));
    // The tick thread keeps one core; half the others (at least one) do ENet and UDP.
    config.netThreads = std::clamp(std::thread::hardware_concurrency() / 2, 1u, 4u);
    cli.add_option("--net-threads", config.netThreads,
                   "network threads sharing the UDP port (0: ENet on the tick thread)")
        ->check(CLI::Range(0, 16))
        ->capture_default_str();
    cli.add_option("--chat-history", config.chatHistory,
                   "chat lines kept per hall, booth and direct conversation")
        ->check(CLI::Range(1, 100000));
    bool capLoopback = false;
    addHandshakeOptions(cli, config.handshake, capLoopback);
    cli.add_flag("--auto-approve", config.autoApprove,
                 "publish every uploaded booth that passes the checks without moderation");
    std::string guests = "on";
    cli.add_option("--guests", guests,
                   "on: visitors without a ticket join as guests (walk, chat, drop cards; no "
                   "votes); off: a visitor needs a ticket from 'tickets issue'")
        ->check(CLI::IsMember({"on", "off"}))
        ->capture_default_str();
    bool noContent = false;
    cli.add_flag("--no-content", noContent,
                 "do not cook and serve the exhibition to --connect clients (published booth "
                 "assets are still served by hash)");
    cli.add_option("--log-level", level, "debug, info, warn or error");
    std::string connect, token;
    CLI::App* remote = cli.add_subcommand("console", "remote organiser console");
    remote->add_option("--connect", connect, "HOST:PORT of the server")->required();
    remote->add_option("--token", token, "organiser token or invitation code TOKEN@SERVERKEY")
        ->required();
    CLI11_PARSE(cli, argc, argv);
    config.guests = guests == "on";
    if (level == "debug") fg::log::setLevel(fg::log::Level::Debug);
    if (level == "warn") fg::log::setLevel(fg::log::Level::Warn);
    if (level == "error") fg::log::setLevel(fg::log::Level::Error);
    if (*remote) return runRemoteConsole(connect, token);
    if (exhibition.empty() || data.empty()) {
        std::fprintf(stderr, "fairground-server: --exhibition and --data are required\n%s",
                     cli.help().c_str());
        return 2;
    }
    config.exhibitionPath = exhibition;
    config.dataDir = data;
    config.serveContent = !noContent;
    config.handshake.trustLoopback = !capLoopback;
    return runServer(std::move(config));
}
