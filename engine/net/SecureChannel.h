// The one adapter over libsodium for the transport: the server's long-term key and fingerprint,
// the X25519 key exchange (crypto_kx) and sealed packets (ChaCha20-Poly1305 IETF, counter nonces,
// replay windows). Pure byte work: must not include enet.h nor know peers or protocol messages.
#pragma once

#include "engine/core/Result.h"
#include "engine/net/NetLimits.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fg::net {

inline constexpr std::size_t kKeyBytes = 32;
using KeyBytes = std::array<std::uint8_t, kKeyBytes>;

// The server's long-term X25519 key pair (crypto_kx); the public half is what clients pin.
struct ServerKeyPair {
    KeyBytes publicKey{};
    KeyBytes secretKey{};
};

// Packet kinds: the first byte of every ENet packet of an encrypted connection (PROTOCOL.md,
// "Encrypted sessions"). These are transport packets, not protocol messages.
inline constexpr std::uint8_t kKeyOfferKind = 0xF1;  // client -> server, channel 0
inline constexpr std::uint8_t kKeyAcceptKind = 0xF2; // server -> client, channel 0
inline constexpr std::uint8_t kSealedKind = 0xF3;    // both ways, any channel
inline constexpr std::uint8_t kSecureVersion = 1;
inline constexpr std::size_t kSealedHeader = 9; // kind, 64-bit counter (little-endian)
inline constexpr std::size_t kSealedTag = 16;   // Poly1305 tag after the ciphertext
inline constexpr std::size_t kSealedOverhead = kSealedHeader + kSealedTag;
inline constexpr std::size_t kKeyOfferBytes = 2 + kKeyBytes;
inline constexpr std::size_t kKeyAcceptBytes = 2 + kKeyBytes + 8 + kSealedTag; // counter 0, tag

Status initCrypto();
// A fresh random key pair; from a given secret (tests, test vectors): public = X25519(secret, 9).
ServerKeyPair generateServerKey();
ServerKeyPair serverKeyFromSecret(const KeyBytes& secret);
// Reads FILE, or creates it (mode 0600, temp + fsync + rename) with a fresh key when it is
// missing. A file that exists but cannot be read is an error naming it, never replaced.
Result<ServerKeyPair> loadOrCreateServerKey(const std::filesystem::path& file);

// 26 lowercase base32 characters (RFC 4648 alphabet) of BLAKE2b-128 of the public key: what
// `status` prints, invitations carry and clients pin.
std::string fingerprintOf(const KeyBytes& publicKey);
bool isFingerprint(std::string_view text);

// Which counters of one channel were accepted: the highest so far and a bitmap of the kSize
// below it (WireGuard / DTLS style). A counter is accepted once; one older than the window never.
class ReplayWindow {
public:
    static constexpr std::uint64_t kSize = 1024;
    bool fresh(std::uint64_t counter) const;
    void mark(std::uint64_t counter);

private:
    std::uint64_t m_top = 0; // highest accepted counter + 1 (0: none yet)
    std::array<std::uint64_t, kSize / 64> m_bits{};
};

enum class OpenResult : std::uint8_t { Ok, Malformed, Forged, Replayed };
const char* describe(OpenResult result);

// One end of one encrypted connection. The client calls makeOffer, then acceptAnswer; the server
// answerOffer. Afterwards each side seals and opens packets in place.
class SecureSession {
public:
    SecureSession() = default;
    ~SecureSession();
    SecureSession(const SecureSession&) = delete;
    SecureSession& operator=(const SecureSession&) = delete;

    // Client: a fresh ephemeral key pair (or one from SECRET, for test vectors); the KeyOffer.
    std::vector<std::uint8_t> makeOffer(const KeyBytes* secret = nullptr);
    // Client: derives the keys from the server key in the KeyAccept and checks its tag (proof
    // that the server holds the secret half). Ok: established, serverKey() is the offered key.
    OpenResult acceptAnswer(std::span<const std::uint8_t> packet);
    // Server: derives the keys from a KeyOffer and writes the KeyAccept into ANSWER.
    OpenResult answerOffer(const ServerKeyPair& key, std::span<const std::uint8_t> offer,
                           std::vector<std::uint8_t>& answer);

    bool established() const { return m_established; }
    const KeyBytes& serverKey() const { return m_serverKey; }

    // PACKET holds kSealedHeader free bytes, plainLength plaintext bytes, kSealedTag free bytes;
    // they become one sealed packet for CHANNEL with the next counter.
    void sealInPlace(std::uint8_t* packet, std::size_t plainLength, std::uint8_t channel);
    // Checks and decrypts a sealed packet of CHANNEL in place; on Ok PLAIN views the plaintext.
    OpenResult openInPlace(std::uint8_t* packet, std::size_t length, std::uint8_t channel,
                           std::span<const std::uint8_t>& plain);

private:
    void deriveClientKeys(const KeyBytes& serverKey);

    bool m_established = false;
    KeyBytes m_rx{}, m_tx{};
    KeyBytes m_ephemeralPublic{}, m_ephemeralSecret{};
    KeyBytes m_serverKey{};
    std::uint64_t m_sendCounter = 0;
    std::array<ReplayWindow, kChannelCount> m_windows;
};

} // namespace fg::net
