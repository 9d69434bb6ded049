// fg_net unit tests: bit streams (write/read/measure agree, bounds, ranges) and the ENet host
// adapter on loopback (channels, reliability, packet size limit, peer limit, stats).
#include "engine/core/Time.h"
#include "engine/net/BitStream.h"
#include "engine/net/NetHost.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <functional>
#include <limits>
#include <random>

using namespace fg::net;

TEST_CASE("bit writer, reader and measurer agree on every width") {
    std::mt19937 rng(5);
    std::vector<std::pair<std::uint32_t, int>> fields;
    BitWriter w;
    BitMeasurer m;
    for (int i = 0; i < 1000; ++i) {
        int bits = int(rng() % 33);
        std::uint32_t v =
            bits == 32 ? std::uint32_t(rng()) : std::uint32_t(rng()) & ((1u << bits) - 1u);
        fields.emplace_back(v, bits);
        REQUIRE(w.serializeBits(v, bits));
        REQUIRE(m.serializeBits(v, bits));
    }
    auto bytes = w.finish();
    CHECK(bytes.size() == m.bytes());
    BitReader r(bytes);
    for (auto [v, bits] : fields) {
        std::uint32_t got = 0;
        REQUIRE(r.serializeBits(got, bits));
        CHECK(got == v);
    }
    CHECK(r.bitsRemaining() < 8);
    std::uint32_t extra = 0;
    CHECK_FALSE(r.serializeBits(extra, 8));
}

TEST_CASE("writers refuse values wider than their field and readers refuse out-of-range ints") {
    BitWriter w;
    std::uint32_t big = 4;
    CHECK_FALSE(w.serializeBits(big, 2));
    int v = 11;
    CHECK_FALSE(serializeInt(w, v, 0, 10));
    v = -3;
    CHECK(serializeInt(w, v, -3, 3));
    std::uint32_t seven = 7; // a 3-bit code of 7 for the range [0, 5]
    BitWriter raw;
    raw.serializeBits(seven, 3);
    auto bytes = raw.finish();
    BitReader r(bytes);
    int out = 0;
    CHECK_FALSE(serializeInt(r, out, 0, 5));
}

TEST_CASE("strings are length-limited and never read past the buffer") {
    BitWriter w;
    std::string text = "hello";
    REQUIRE(serializeString(w, text, 10));
    std::string tooLong(11, 'x');
    CHECK_FALSE(serializeString(w, tooLong, 10));
    auto bytes = w.finish();
    std::string back;
    BitReader r(bytes);
    REQUIRE(serializeString(r, back, 10));
    CHECK(back == "hello");
    // A length prefix claiming more than the buffer holds fails before allocating.
    BitWriter liar;
    std::uint32_t length = 60000;
    liar.serializeBits(length, bitsRequired(60000));
    auto lie = liar.finish();
    BitReader lr(lie);
    std::string never;
    CHECK_FALSE(serializeString(lr, never, 60000));
    CHECK(never.empty());
}

TEST_CASE("quantized floats round to the resolution and reject NaN and range overflow") {
    BitWriter w;
    float x = 12.345f;
    REQUIRE(serializeQuantized(w, x, 0.0f, 100.0f, 0.01f));
    float nan = std::numeric_limits<float>::quiet_NaN();
    CHECK_FALSE(serializeQuantized(w, nan, 0.0f, 100.0f, 0.01f));
    float over = 100.5f;
    CHECK_FALSE(serializeQuantized(w, over, 0.0f, 100.0f, 0.01f));
    auto bytes = w.finish();
    BitReader r(bytes);
    float back = 0;
    REQUIRE(serializeQuantized(r, back, 0.0f, 100.0f, 0.01f));
    CHECK(std::abs(back - 12.345f) <= 0.005f + 1e-4f);
}

namespace {
bool pump(NetHost& a, NetHost& b, std::vector<NetEvent>& atA, std::vector<NetEvent>& atB,
          const std::function<bool()>& done) {
    const double deadline = fg::monotonicSeconds() + 5.0;
    while (fg::monotonicSeconds() < deadline && !done()) {
        NetEvent e;
        while (a.service(e, 1))
            atA.push_back(std::move(e));
        while (b.service(e, 1))
            atB.push_back(std::move(e));
    }
    return done();
}
} // namespace

TEST_CASE("ENet host adapter connects on loopback and delivers on every channel") {
    HostConfig sc;
    sc.peerLimit = 2;
    sc.maxPacketSize = 4096;
    auto server = NetHost::listen(sc);
    REQUIRE(server.ok());
    CHECK((*server)->port() != 0);
    HostConfig cc;
    cc.maxPacketSize = 4096;
    auto client = NetHost::client(cc);
    REQUIRE(client.ok());
    auto peer = (*client)->connect("127.0.0.1", (*server)->port(), 7);
    REQUIRE(peer.ok());
    std::vector<NetEvent> atServer, atClient;
    REQUIRE(pump(**server, **client, atServer, atClient,
                 [&] { return !atServer.empty() && !atClient.empty(); }));
    CHECK(atServer.front().type == NetEventType::Connect);
    CHECK(atServer.front().data == 7);
    CHECK((*server)->peerAddress(atServer.front().peer) == "127.0.0.1");
    const PeerId toServer = *peer;
    for (std::uint8_t ch = 0; ch < kChannelCount; ++ch) {
        std::vector<std::uint8_t> payload(100 + ch, std::uint8_t(ch));
        CHECK((*client)->send(toServer, ch, payload));
    }
    std::vector<std::uint8_t> huge(5000, 1); // above maxPacketSize: refused before sending
    CHECK_FALSE((*client)->send(toServer, kChannelControl, huge));
    REQUIRE(pump(**server, **client, atServer, atClient, [&] {
        return std::count_if(atServer.begin(), atServer.end(),
                             [](auto& e) { return e.type == NetEventType::Receive; }) >= 3;
    }));
    for (auto& e : atServer)
        if (e.type == NetEventType::Receive) {
            CHECK(e.payload.size() == 100u + e.channel);
            CHECK(e.payload.size() < 4096);
        }
    CHECK((*server)->stats().bytesReceived > 300);
    CHECK((*client)->peerStats(toServer).bytesSent >= 303);
    CHECK_FALSE((*client)->send(toServer, 3, huge)); // no such channel
}
