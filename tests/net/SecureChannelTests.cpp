// SecureChannel: the test vector of PROTOCOL.md "Encrypted sessions", sealing both ways, tampered,
// replayed and wrongly keyed packets, the replay window, key files and fingerprints.
// Pure byte tests: no sockets here (the loopback ones are in tests/server_net/SecureLinkTests).
#include "engine/core/File.h"
#include "engine/net/SecureChannel.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <regex>
#include <string>
#include <sys/stat.h>

using namespace fg::net;

namespace {

std::string hex(std::span<const std::uint8_t> bytes) {
    std::string out;
    for (std::uint8_t b : bytes)
        out += fmt::format("{:02x}", b);
    return out;
}

KeyBytes counting(std::uint8_t first) {
    KeyBytes k{};
    for (std::size_t i = 0; i < k.size(); ++i)
        k[i] = std::uint8_t(first + i);
    return k;
}

// A sealed packet of TEXT on CHANNEL from SESSION.
std::vector<std::uint8_t> seal(SecureSession& session, std::string_view text,
                               std::uint8_t channel) {
    std::vector<std::uint8_t> packet(text.size() + kSealedOverhead);
    std::copy(text.begin(), text.end(), packet.begin() + kSealedHeader);
    session.sealInPlace(packet.data(), text.size(), channel);
    return packet;
}

OpenResult open(SecureSession& session, std::vector<std::uint8_t> packet, std::uint8_t channel,
                std::string* text = nullptr) {
    std::span<const std::uint8_t> plain;
    const OpenResult r = session.openInPlace(packet.data(), packet.size(), channel, plain);
    if (text && r == OpenResult::Ok) text->assign(plain.begin(), plain.end());
    return r;
}

struct Pair {
    ServerKeyPair key = generateServerKey();
    SecureSession client, server;
    Pair() {
        std::vector<std::uint8_t> answer;
        REQUIRE(server.answerOffer(key, client.makeOffer(), answer) == OpenResult::Ok);
        REQUIRE(client.acceptAnswer(answer) == OpenResult::Ok);
    }
};

// The rows "| vector | value |" of docs/PROTOCOL.md's test vector, by name.
std::map<std::string, std::string> documentedVector() {
    std::ifstream in(std::string(FG_SOURCE_DIR) + "/docs/PROTOCOL.md");
    REQUIRE_MESSAGE(in, "docs/PROTOCOL.md not found");
    std::map<std::string, std::string> rows;
    const std::regex row(R"(^\| ([A-Za-z ]+) \| `([0-9a-z]+)` \|$)");
    std::string line;
    while (std::getline(in, line)) {
        std::smatch m;
        if (std::regex_match(line, m, row)) rows[m[1]] = m[2];
    }
    return rows;
}

KeyBytes keyFromHex(const std::string& text) {
    KeyBytes k{};
    REQUIRE(text.size() == 64);
    for (std::size_t i = 0; i < k.size(); ++i)
        k[i] = std::uint8_t(std::stoul(text.substr(2 * i, 2), nullptr, 16));
    return k;
}

} // namespace

// A second implementation must produce the same bytes from the same secrets.
TEST_CASE("the key exchange and a sealed packet match docs/PROTOCOL.md's test vector") {
    auto doc = documentedVector();
    for (const char* name : {"server secret", "server public", "fingerprint",
                             "client ephemeral secret", "KeyOffer", "KeyAccept", "sealed"})
        REQUIRE_MESSAGE(doc.count(name), "test vector row missing: ", name);
    const ServerKeyPair key = serverKeyFromSecret(keyFromHex(doc["server secret"]));
    const KeyBytes ephemeral = keyFromHex(doc["client ephemeral secret"]);
    CHECK(ephemeral == counting(0x41));
    SecureSession client, server;
    const auto offer = client.makeOffer(&ephemeral);
    std::vector<std::uint8_t> answer;
    REQUIRE(server.answerOffer(key, offer, answer) == OpenResult::Ok);
    REQUIRE(client.acceptAnswer(answer) == OpenResult::Ok);
    const auto sealed = seal(client, "fairground", 0);
    CHECK(hex(key.publicKey) == doc["server public"]);
    CHECK(fingerprintOf(key.publicKey) == doc["fingerprint"]);
    CHECK(hex(offer) == doc["KeyOffer"]);
    CHECK(hex(answer) == doc["KeyAccept"]);
    CHECK(hex(sealed) == doc["sealed"]);
    std::string text;
    CHECK(open(server, sealed, 0, &text) == OpenResult::Ok);
    CHECK(text == "fairground");
}

TEST_CASE("sealed packets open on the other side, both ways, every channel") {
    Pair p;
    CHECK(p.client.serverKey() == p.key.publicKey);
    for (std::uint8_t channel = 0; channel < kChannelCount; ++channel) {
        std::string text;
        CHECK(open(p.server, seal(p.client, "up", channel), channel, &text) == OpenResult::Ok);
        CHECK(text == "up");
        CHECK(open(p.client, seal(p.server, "down", channel), channel, &text) == OpenResult::Ok);
        CHECK(text == "down");
    }
    CHECK(open(p.server, seal(p.client, "", 0), 0) == OpenResult::Ok); // an empty message too
}

TEST_CASE("a tampered packet fails authentication, whichever byte is flipped") {
    Pair p;
    const auto packet = seal(p.client, "credential: secret-token", 0);
    for (std::size_t i = 1; i < packet.size(); ++i) {
        auto bad = packet;
        bad[i] ^= 0x20;
        CAPTURE(i);
        CHECK(open(p.server, bad, 0) == OpenResult::Forged);
    }
    CHECK(open(p.server, packet, 1) == OpenResult::Forged); // moved to another channel
    CHECK(open(p.server, packet, 0) == OpenResult::Ok);     // the original still opens once
    auto shortPacket = packet;
    shortPacket.resize(kSealedOverhead - 1);
    CHECK(open(p.server, shortPacket, 0) == OpenResult::Malformed);
    auto wrongKind = packet;
    wrongKind[0] = kKeyOfferKind;
    CHECK(open(p.server, wrongKind, 0) == OpenResult::Malformed);
}

TEST_CASE("a replayed packet is dropped, and packets reordered within the window open once") {
    Pair p;
    std::vector<std::vector<std::uint8_t>> sent;
    for (int i = 0; i < 40; ++i)
        sent.push_back(seal(p.client, fmt::format("line {}", i), 1));
    for (int i = 39; i >= 0; i -= 2) // every other one, newest first
        CHECK(open(p.server, sent[std::size_t(i)], 1) == OpenResult::Ok);
    for (int i = 0; i < 40; i += 2) // the rest, late
        CHECK(open(p.server, sent[std::size_t(i)], 1) == OpenResult::Ok);
    for (const auto& packet : sent)
        CHECK(open(p.server, packet, 1) == OpenResult::Replayed);
}

TEST_CASE("a packet older than the replay window is dropped, and channels have their own windows") {
    Pair p;
    const auto old = seal(p.client, "old", 1);
    const auto otherChannel = seal(p.client, "control", 0);
    for (std::uint64_t i = 0; i < ReplayWindow::kSize + 1; ++i)
        REQUIRE(open(p.server, seal(p.client, "x", 1), 1) == OpenResult::Ok);
    CHECK(open(p.server, old, 1) == OpenResult::Replayed);
    // Channel 0 saw none of channel 1's counters: its older counter is still fresh there.
    CHECK(open(p.server, otherChannel, 0) == OpenResult::Ok);
}

TEST_CASE("the replay window slides over long gaps") {
    ReplayWindow w;
    CHECK(w.fresh(0));
    w.mark(0);
    CHECK_FALSE(w.fresh(0));
    w.mark(5000);
    CHECK_FALSE(w.fresh(5000));
    CHECK(w.fresh(4999));
    CHECK(w.fresh(5000 - ReplayWindow::kSize + 1));
    CHECK_FALSE(w.fresh(5000 - ReplayWindow::kSize - 1));
    w.mark(4999);
    CHECK_FALSE(w.fresh(4999));
    CHECK(w.fresh(5001));
}

TEST_CASE("a client refuses a KeyAccept that does not prove the key, and a server a bad offer") {
    const ServerKeyPair real = generateServerKey();
    SecureSession client, server;
    const auto offer = client.makeOffer();
    std::vector<std::uint8_t> answer;
    REQUIRE(server.answerOffer(real, offer, answer) == OpenResult::Ok);
    // An impostor that offers the real public key without its secret cannot make the tag.
    auto impostor = answer;
    impostor[impostor.size() - 1] ^= 1;
    CHECK(client.acceptAnswer(impostor) == OpenResult::Forged);
    CHECK_FALSE(client.established());

    SecureSession other;
    auto truncated = other.makeOffer();
    truncated.pop_back();
    std::vector<std::uint8_t> none;
    CHECK(SecureSession().answerOffer(real, truncated, none) == OpenResult::Malformed);
    auto lowOrder = other.makeOffer();
    std::fill(lowOrder.begin() + 2, lowOrder.end(), 0); // the all-zero point
    CHECK(SecureSession().answerOffer(real, lowOrder, none) == OpenResult::Forged);
}

TEST_CASE("packets sealed for another server's key do not open") {
    Pair a, b;
    CHECK(open(b.server, seal(a.client, "to a", 0), 0) == OpenResult::Forged);
}

TEST_CASE("the server key file is made once, private, and read back") {
    const auto dir = std::filesystem::temp_directory_path() / "fg_secure_key_test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const auto file = dir / "server.key";
    auto first = loadOrCreateServerKey(file);
    REQUIRE(first);
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    auto again = loadOrCreateServerKey(file);
    REQUIRE(again);
    CHECK(again->publicKey == first->publicKey);
    CHECK(again->secretKey == first->secretKey);
    REQUIRE(fg::writeFileAtomic(file, std::string_view("not a key\n")));
    auto broken = loadOrCreateServerKey(file);
    REQUIRE_FALSE(broken);
    CHECK(broken.error().message.find("server.key: not a fairground-server key file") !=
          std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("fingerprints are 26 base32 letters and tell keys apart") {
    const auto a = generateServerKey(), b = generateServerKey();
    const std::string fa = fingerprintOf(a.publicKey);
    CHECK(isFingerprint(fa));
    CHECK(fa != fingerprintOf(b.publicKey));
    CHECK_FALSE(isFingerprint(fa.substr(1)));
    CHECK_FALSE(isFingerprint("ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
}
