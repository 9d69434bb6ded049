// Encrypted sessions over loopback: every datagram of a session captured through the conditioner
// holds neither the token, a chat line nor a console answer in clear; tampered and replayed
// packets are dropped, counted and end the peer; a server with another key is refused; pins.
#include "engine/net/NetConditioner.h"
#include "game/netclient/ServerPins.h"
#include "tests/server_net/TestWorld.h"

#include <algorithm>
#include <mutex>
#include <nlohmann/json.hpp>

using namespace fg;
using namespace fg::test;
using netclient::ClientState;

namespace {

std::string run(server::ServerApp& app, const std::string& line) {
    auto result = app.console().execute(line);
    INFO(line << ": " << result.text);
    CHECK(result.ok);
    return result.text;
}

// The invitation code `invite` prints: "fgx_...@fingerprint" (a plain server: the token).
std::string inviteCode(server::ServerApp& app, const std::string& line) {
    const std::string text = run(app, line);
    const std::string label = "invitation code (token@server key): ";
    const auto at = text.find(label);
    if (at == std::string::npos) return text.substr(text.find("fgx_"), 44);
    return text.substr(at + label.size(), text.find('\n', at) - at - label.size());
}

double figure(server::ServerApp& app, const std::string& key) {
    auto j = nlohmann::json::parse(run(app, "status --json"), nullptr, false);
    REQUIRE(j.is_object());
    REQUIRE(j.contains(key));
    return j[key].get<double>();
}

std::string serverKey(server::ServerApp& app) {
    auto key = app.publicKey();
    REQUIRE(key);
    return net::fingerprintOf(*key);
}

// Every datagram both ways, as an observer on the path sees it.
struct Capture {
    std::mutex mutex;
    std::vector<std::vector<std::uint8_t>> datagrams;
    // Fields are bit-packed least-significant bit first (BitStream.h), so a string in clear may
    // start at any bit: look at every datagram shifted by 0-7 bits.
    bool contains(std::string_view text) {
        std::lock_guard lock(mutex);
        for (const auto& d : datagrams)
            for (int shift = 0; shift < 8; ++shift) {
                std::vector<std::uint8_t> bits(d.size());
                for (std::size_t i = 0; i < d.size(); ++i)
                    bits[i] = std::uint8_t((d[i] >> shift) |
                                           (i + 1 < d.size() ? d[i + 1] << (8 - shift) : 0));
                if (std::search(bits.begin(), bits.end(), text.begin(), text.end()) != bits.end())
                    return true;
            }
        return false;
    }
    std::size_t size() {
        std::lock_guard lock(mutex);
        return datagrams.size();
    }
};

// An organiser signs in through a conditioned relay, chats, and runs `status` remotely; returns
// what an observer captured and checks that it all worked.
void signInChatAndConsole(server::ServerConfig config, Capture& capture, std::string& token,
                          const std::string& chatLine, std::string& consoleAnswer) {
    TestServer srv(config);
    const std::string code = inviteCode(*srv.app, "invite organiser");
    net::ConditionerConfig link;
    link.latencyMs = 5;
    link.reorderPercent = 10;
    link.duplicatePercent = 5;
    auto proxy = net::ConditionerProxy::start(srv.app->port(), link, 3);
    REQUIRE(proxy.ok());
    (*proxy)->setTap([&](bool, std::vector<std::uint8_t>& d) {
        std::lock_guard lock(capture.mutex);
        capture.datagrams.push_back(d);
    });
    auto cfg = visitor((*proxy)->port(), "Organiser");
    REQUIRE(netclient::applyInvitation(cfg, code));
    token = cfg.hello.credential;
    cfg.security = config.encrypt ? net::Security::Encrypted : net::Security::Plain;
    if (!config.encrypt) cfg.serverKey.clear();
    auto ops = connectClient(*srv.app, cfg);
    REQUIRE((ops->net->state() == ClientState::Joined));
    auto watcherConfig = visitor(srv.app->port(), "Watcher");
    watcherConfig.security = cfg.security;
    auto watcher = connectClient(*srv.app, watcherConfig, {ops.get()});
    Clients both{ops.get(), watcher.get()};
    (*ops)->chat(proto::ChatScope::Hall, "", 0, chatLine);
    REQUIRE(pumpUntil(*srv.app, both, [&] {
        return watcher->find<proto::ChatReceived>(
                   [&](const proto::ChatReceived& m) { return m.text == chatLine; }) != nullptr;
    }));
    const std::uint32_t request = (*ops)->console("status");
    const proto::ConsoleResponse* answer = nullptr;
    REQUIRE(pumpUntil(*srv.app, both, [&] {
        answer = ops->find<proto::ConsoleResponse>(
            [&](const proto::ConsoleResponse& r) { return r.requestId == request; });
        return answer != nullptr;
    }));
    CHECK(answer->ok);
    consoleAnswer = answer->output;
    if (config.encrypt)
        CHECK(consoleAnswer.find("server key " + serverKey(*srv.app)) != std::string::npos);
    CHECK(figure(*srv.app, "forged_packets") == 0);
    CHECK(figure(*srv.app, "replayed_packets") == 0);
}

} // namespace

TEST_CASE("a captured session shows neither the token, a chat line nor a console answer") {
    for (std::uint32_t threads : {0u, 2u}) {
        CAPTURE(threads);
        server::ServerConfig config;
        config.netThreads = threads;
        Capture capture;
        std::string token, answer;
        const std::string line = "meet me at booth 7, code word marmalade";
        signInChatAndConsole(config, capture, token, line, answer);
        CHECK(capture.size() > 10);
        CHECK(token.rfind("fgx_", 0) == 0);
        CHECK_FALSE(capture.contains(token));
        CHECK_FALSE(capture.contains(token.substr(4, 16))); // not even a part of it
        CHECK_FALSE(capture.contains(line));
        CHECK_FALSE(capture.contains("marmalade"));
        CHECK_FALSE(capture.contains("Organiser")); // the display name in Hello and Join
        CHECK_FALSE(capture.contains(answer.substr(0, 24)));
    }
}

// The control: the same capture of a plain (unencrypted) session finds them, so the test above
// would fail if anything travelled in clear.
TEST_CASE("the capture finds the token and the chat line when the link is not encrypted") {
    server::ServerConfig config;
    config.encrypt = false;
    Capture capture;
    std::string token, answer;
    const std::string line = "plain words for the control run";
    signInChatAndConsole(config, capture, token, line, answer);
    CHECK(capture.contains(token));
    CHECK(capture.contains(line));
}

namespace {

// A client that speaks the encrypted transport by hand (SecureSession over a plain ENet host),
// so that it can send what a real client never would: tampered packets and replays.
struct HandClient {
    std::unique_ptr<net::NetHost> host;
    net::PeerId peer = 0;
    net::SecureSession session;
    std::vector<std::vector<std::uint8_t>> sent; // sealed packets as they went out
    std::vector<proto::Message> received;
    bool gone = false;
    std::uint32_t goneReason = 0;

    explicit HandClient(std::uint16_t port) {
        net::HostConfig hc;
        hc.peerLimit = 1;
        hc.security = net::Security::Plain;
        auto h = net::NetHost::client(hc);
        REQUIRE(h.ok());
        host = std::move(*h);
        auto p = host->connect("127.0.0.1", port);
        REQUIRE(p.ok());
        peer = *p;
    }
    void update() {
        net::NetEvent e;
        while (host->service(e, 0)) {
            if (e.type == net::NetEventType::Connect) {
                host->send(peer, net::kChannelControl, session.makeOffer());
            } else if (e.type == net::NetEventType::Disconnect) {
                gone = true;
                goneReason = e.data;
            } else if (!session.established()) {
                REQUIRE(session.acceptAnswer(e.payload) == net::OpenResult::Ok);
            } else {
                std::span<const std::uint8_t> plain;
                REQUIRE(session.openInPlace(e.payload.data(), e.payload.size(), e.channel, plain) ==
                        net::OpenResult::Ok);
                auto m = proto::decode(plain);
                REQUIRE(m.ok());
                received.push_back(std::move(*m));
            }
        }
    }
    std::vector<std::uint8_t> seal(const proto::Message& m) {
        auto bytes = proto::encode(m);
        REQUIRE(bytes.ok());
        std::vector<std::uint8_t> packet(bytes->size() + net::kSealedOverhead);
        std::copy(bytes->begin(), bytes->end(), packet.begin() + net::kSealedHeader);
        session.sealInPlace(packet.data(), bytes->size(), proto::channelOf(m));
        return packet;
    }
    void send(const proto::Message& m) {
        sent.push_back(seal(m));
        host->send(peer, proto::channelOf(m), sent.back());
    }
    void sendBytes(std::uint8_t channel, const std::vector<std::uint8_t>& bytes) {
        host->send(peer, channel, bytes);
    }
    bool welcomed() const {
        return std::any_of(received.begin(), received.end(), [](const proto::Message& m) {
            return std::holds_alternative<proto::Welcome>(m);
        });
    }
};

bool pumpHand(server::ServerApp& app, HandClient& c, const std::function<bool()>& done) {
    const double deadline = monotonicSeconds() + 5.0;
    while (monotonicSeconds() < deadline && !done()) {
        app.step(2);
        c.update();
    }
    return done();
}

std::size_t joinedCount(server::ServerApp& app) {
    auto who = nlohmann::json::parse(run(app, "who --json"), nullptr, false);
    REQUIRE(who.is_array());
    return who.size();
}

} // namespace

TEST_CASE(
    "tampered and replayed packets are dropped and counted, and a peer that keeps on is cut") {
    for (std::uint32_t threads : {0u, 2u}) {
        CAPTURE(threads);
        server::ServerConfig config;
        config.netThreads = threads;
        TestServer srv(config);
        server::ServerApp& app = *srv.app;
        HandClient hand(app.port());
        REQUIRE(pumpHand(app, hand, [&] { return hand.session.established(); }));
        CHECK(net::fingerprintOf(hand.session.serverKey()) == serverKey(app));
        proto::Hello hello = visitor(0, "ByHand").hello;
        hand.send(hello);
        REQUIRE(pumpHand(app, hand, [&] { return hand.welcomed(); }));

        proto::ChatSend chat;
        chat.scope = proto::ChatScope::Hall;
        chat.text = "this line was changed on the way";
        auto tampered = hand.seal(chat);
        tampered[net::kSealedHeader + 3] ^= 0x01;
        hand.sendBytes(net::kChannelControl, tampered);
        hand.sendBytes(net::kChannelControl, hand.sent.front()); // the Hello, once more
        pumpHand(app, hand, [&] {
            return figure(app, "forged_packets") == 1 && figure(app, "replayed_packets") == 1;
        });
        CHECK(figure(app, "forged_packets") == 1);
        CHECK(figure(app, "replayed_packets") == 1);
        CHECK(figure(app, "security_disconnects") == 0);
        CHECK(joinedCount(app) == 1); // two bad packets are dropped, not a reason to cut
        CHECK_FALSE(hand.gone);

        for (std::uint32_t i = 0; i < net::kMaxSecurityFaults; ++i)
            hand.sendBytes(net::kChannelControl, tampered);
        REQUIRE(pumpHand(app, hand, [&] { return hand.gone; }));
        CHECK(hand.goneReason == std::uint32_t(proto::RejectReason::BadData));
        CHECK(figure(app, "security_disconnects") == 1);
        pumpUntil(
            app, {}, [&] { return joinedCount(app) == 0; }, 2.0);
        CHECK(joinedCount(app) == 0);
    }
}

TEST_CASE("a server that does not hold the expected key is refused before anything is sent") {
    TestServer srv;
    const std::string other = net::fingerprintOf(net::generateServerKey().publicKey);
    auto cfg = visitor(srv.app->port(), "Wary");
    cfg.hello.credential = "fgx_this-must-never-leave-the-client";
    cfg.serverKey = other;
    auto c = connectClient(*srv.app, cfg);
    REQUIRE((c->net->state() == ClientState::Rejected));
    CHECK((*c)->keyRefused());
    const std::string& text = (*c)->rejection().text;
    CHECK(text.find("does not hold the expected key: expected " + other + ", offered " +
                    serverKey(*srv.app)) != std::string::npos);
    CHECK(joinedCount(*srv.app) == 0);
}

TEST_CASE("a key is pinned on first use, kept, and a changed key is refused until invited") {
    TestServer srv;
    const auto pins = srv.dir / "config" / "known_servers.json";
    const std::string key = serverKey(*srv.app);
    const std::string address = "127.0.0.1:" + std::to_string(srv.app->port());
    auto cfg = visitor(srv.app->port(), "First");
    cfg.pinsFile = pins;
    auto first = connectClient(*srv.app, cfg);
    REQUIRE((first->net->state() == ClientState::Joined));
    CHECK((*first)->keyNotice().find("First connection to " + address + ": its key " + key +
                                     " is now pinned") != std::string::npos);
    auto loaded = netclient::ServerPins::load(pins);
    REQUIRE(loaded.ok());
    CHECK(loaded->pinned(address) == key);

    cfg.hello.name = "Second";
    auto second = connectClient(*srv.app, cfg, {first.get()});
    REQUIRE((second->net->state() == ClientState::Joined));
    CHECK((*second)->keyNotice().empty());

    // The pin says another key (as if this server's key had been replaced since).
    const std::string old = net::fingerprintOf(net::generateServerKey().publicKey);
    REQUIRE(loaded->pin(address, old));
    cfg.hello.name = "Third";
    auto third = connectClient(*srv.app, cfg, {first.get(), second.get()});
    REQUIRE((third->net->state() == ClientState::Rejected));
    CHECK((*third)->rejection().text.find("expected " + old + ", offered " + key) !=
          std::string::npos);

    // An invitation code carrying the new key is trusted over the pin, which it replaces.
    cfg.hello.name = "Fourth";
    REQUIRE(netclient::applyInvitation(cfg, "fgx_0000@" + key));
    auto fourth = connectClient(*srv.app, cfg, {first.get(), second.get()});
    REQUIRE((fourth->net->state() == ClientState::Rejected)); // the token is made up
    CHECK_FALSE((*fourth)->keyRefused());
    CHECK((*fourth)->keyNotice().find("changed from " + old + " to " + key) != std::string::npos);
    CHECK(netclient::ServerPins::load(pins)->pinned(address) == key);
}

TEST_CASE("the server keeps its key across restarts, in a private file") {
    auto dir = makeTempDir("serverkey");
    const auto exhibition = writeTestExhibition(dir);
    std::string first;
    {
        auto app = startServer(exhibition, dir / "data");
        first = serverKey(*app);
        CHECK(run(*app, "status").find("server key " + first) != std::string::npos);
    }
    CHECK((std::filesystem::status(dir / "data" / "server.key").permissions() &
           std::filesystem::perms::all) ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    auto again = startServer(exhibition, dir / "data");
    CHECK(serverKey(*again) == first);
    again.reset();
    std::filesystem::remove_all(dir);
}

TEST_CASE("invitation codes: token and key, a bare token, a broken key named") {
    auto both = netclient::parseInvitation("fgx_abc@hd4gnyvvata4slzuhdxemternu");
    REQUIRE(both.ok());
    CHECK(both->token == "fgx_abc");
    CHECK(both->serverKey == "hd4gnyvvata4slzuhdxemternu");
    auto bare = netclient::parseInvitation("fgx_abc");
    REQUIRE(bare.ok());
    CHECK(bare->serverKey.empty());
    auto broken = netclient::parseInvitation("fgx_abc@nope");
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().message.find("'nope' after '@' is not a server key") != std::string::npos);
}
