// libsodium behind SecureChannel.h: key files, fingerprints, crypto_kx and ChaCha20-Poly1305.
// The only file of the engine that includes sodium.h. Must not touch sockets or ENet.
#include "engine/net/SecureChannel.h"

#include "engine/core/File.h"

#include <cstring>
#include <fmt/format.h>
#include <sodium.h>

namespace fg::net {

namespace {

constexpr std::string_view kKeyFileHeader = "fairground-server-key 1";
constexpr std::size_t kFingerprintBytes = 16;
constexpr std::size_t kFingerprintChars = 26; // ceil(128 / 5)
constexpr char kBase32[] = "abcdefghijklmnopqrstuvwxyz234567";

// Nonce of a counter: 4 zero bytes, then the counter little-endian (as WireGuard does).
std::array<std::uint8_t, crypto_aead_chacha20poly1305_IETF_NPUBBYTES> nonceOf(std::uint64_t n) {
    std::array<std::uint8_t, crypto_aead_chacha20poly1305_IETF_NPUBBYTES> nonce{};
    for (int i = 0; i < 8; ++i)
        nonce[4 + i] = std::uint8_t(n >> (8 * i));
    return nonce;
}

void putCounter(std::uint8_t* at, std::uint64_t n) {
    for (int i = 0; i < 8; ++i)
        at[i] = std::uint8_t(n >> (8 * i));
}

std::uint64_t getCounter(const std::uint8_t* at) {
    std::uint64_t n = 0;
    for (int i = 0; i < 8; ++i)
        n |= std::uint64_t(at[i]) << (8 * i);
    return n;
}

std::string hexOf(const KeyBytes& key) {
    std::string out(key.size() * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), key.data(), key.size());
    out.pop_back();
    return out;
}

Result<ServerKeyPair> parseKeyFile(const std::filesystem::path& file, const std::string& text) {
    const std::size_t line = text.find("\nsecret ");
    if (text.rfind(kKeyFileHeader, 0) != 0 || line == std::string::npos)
        return makeError(fmt::format("{}: not a fairground-server key file", file.string()));
    KeyBytes secret{};
    std::size_t length = 0;
    const std::string hex = text.substr(line + 8, kKeyBytes * 2);
    if (sodium_hex2bin(secret.data(), secret.size(), hex.c_str(), hex.size(), nullptr, &length,
                       nullptr) != 0 ||
        length != kKeyBytes)
        return makeError(fmt::format("{}: the secret key is not 64 hex digits", file.string()));
    ServerKeyPair key = serverKeyFromSecret(secret);
    sodium_memzero(secret.data(), secret.size());
    return key;
}

} // namespace

Status initCrypto() {
    if (sodium_init() < 0) return makeError("crypto: libsodium failed to initialise");
    return {};
}

ServerKeyPair generateServerKey() {
    (void)initCrypto();
    ServerKeyPair key;
    crypto_kx_keypair(key.publicKey.data(), key.secretKey.data());
    return key;
}

ServerKeyPair serverKeyFromSecret(const KeyBytes& secret) {
    ServerKeyPair key;
    key.secretKey = secret;
    crypto_scalarmult_base(key.publicKey.data(), key.secretKey.data());
    return key;
}

Result<ServerKeyPair> loadOrCreateServerKey(const std::filesystem::path& file) {
    if (Status st = initCrypto(); !st) return st.error();
    std::error_code ec;
    if (std::filesystem::exists(file, ec)) {
        auto text = readFileText(file, 4096);
        if (!text) return text.error();
        return parseKeyFile(file, *text);
    }
    ServerKeyPair key = generateServerKey();
    std::string text = fmt::format("{}\n# keep secret: whoever holds it can pose as this server\n"
                                   "secret {}\npublic {}\n",
                                   kKeyFileHeader, hexOf(key.secretKey), hexOf(key.publicKey));
    Status written = writeFileAtomic(
        file, std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()), 0600);
    sodium_memzero(text.data(), text.size());
    if (!written) return written.error();
    return key;
}

std::string fingerprintOf(const KeyBytes& publicKey) {
    std::uint8_t hash[kFingerprintBytes];
    crypto_generichash(hash, sizeof hash, publicKey.data(), publicKey.size(), nullptr, 0);
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (std::uint8_t byte : hash) {
        buffer = (buffer << 8) | byte;
        bits += 8;
        while (bits >= 5) {
            out += kBase32[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0) out += kBase32[(buffer << (5 - bits)) & 31];
    return out;
}

bool isFingerprint(std::string_view text) {
    if (text.size() != kFingerprintChars) return false;
    for (char c : text)
        if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'))) return false;
    return true;
}

bool ReplayWindow::fresh(std::uint64_t counter) const {
    if (counter >= m_top) return true;
    if (m_top - counter > kSize) return false;
    const std::uint64_t bit = counter % kSize;
    return (m_bits[bit / 64] & (std::uint64_t(1) << (bit % 64))) == 0;
}

void ReplayWindow::mark(std::uint64_t counter) {
    if (counter >= m_top) {
        // Slide: clear the bits of the counters skipped between the old top and this one.
        const std::uint64_t skipped = std::min<std::uint64_t>(counter - m_top + 1, kSize);
        for (std::uint64_t i = 0; i < skipped; ++i) {
            const std::uint64_t bit = (counter - i) % kSize;
            m_bits[bit / 64] &= ~(std::uint64_t(1) << (bit % 64));
        }
        m_top = counter + 1;
    }
    const std::uint64_t bit = counter % kSize;
    m_bits[bit / 64] |= std::uint64_t(1) << (bit % 64);
}

const char* describe(OpenResult result) {
    switch (result) {
    case OpenResult::Ok:
        return "ok";
    case OpenResult::Malformed:
        return "malformed";
    case OpenResult::Forged:
        return "failed authentication";
    case OpenResult::Replayed:
        return "replayed";
    }
    return "unknown";
}

SecureSession::~SecureSession() {
    sodium_memzero(m_rx.data(), m_rx.size());
    sodium_memzero(m_tx.data(), m_tx.size());
    sodium_memzero(m_ephemeralSecret.data(), m_ephemeralSecret.size());
}

std::vector<std::uint8_t> SecureSession::makeOffer(const KeyBytes* secret) {
    (void)initCrypto();
    if (secret) {
        m_ephemeralSecret = *secret;
        crypto_scalarmult_base(m_ephemeralPublic.data(), m_ephemeralSecret.data());
    } else {
        crypto_kx_keypair(m_ephemeralPublic.data(), m_ephemeralSecret.data());
    }
    std::vector<std::uint8_t> offer(kKeyOfferBytes);
    offer[0] = kKeyOfferKind;
    offer[1] = kSecureVersion;
    std::memcpy(offer.data() + 2, m_ephemeralPublic.data(), kKeyBytes);
    return offer;
}

OpenResult SecureSession::acceptAnswer(std::span<const std::uint8_t> packet) {
    if (m_established || packet.size() != kKeyAcceptBytes || packet[0] != kKeyAcceptKind ||
        packet[1] != kSecureVersion)
        return OpenResult::Malformed;
    KeyBytes offered{};
    std::memcpy(offered.data(), packet.data() + 2, kKeyBytes);
    if (crypto_kx_client_session_keys(m_rx.data(), m_tx.data(), m_ephemeralPublic.data(),
                                      m_ephemeralSecret.data(), offered.data()) != 0)
        return OpenResult::Forged;
    sodium_memzero(m_ephemeralSecret.data(), m_ephemeralSecret.size());
    const std::uint8_t* counterAt = packet.data() + 2 + kKeyBytes;
    const std::uint64_t counter = getCounter(counterAt);
    const auto nonce = nonceOf(counter);
    std::uint8_t none = 0; // the plaintext is empty: only the tag is checked
    if (counter != 0 || crypto_aead_chacha20poly1305_ietf_decrypt_detached(
                            &none, nullptr, &none, 0, counterAt + 8, packet.data(), 2 + kKeyBytes,
                            nonce.data(), m_rx.data()) != 0)
        return OpenResult::Forged;
    m_windows[kChannelControl].mark(0);
    m_serverKey = offered;
    m_established = true;
    return OpenResult::Ok;
}

OpenResult SecureSession::answerOffer(const ServerKeyPair& key, std::span<const std::uint8_t> offer,
                                      std::vector<std::uint8_t>& answer) {
    if (m_established || offer.size() != kKeyOfferBytes || offer[0] != kKeyOfferKind ||
        offer[1] != kSecureVersion)
        return OpenResult::Malformed;
    // Server side of crypto_kx: its rx is the client's tx. A low-order client key fails here.
    if (crypto_kx_server_session_keys(m_rx.data(), m_tx.data(), key.publicKey.data(),
                                      key.secretKey.data(), offer.data() + 2) != 0)
        return OpenResult::Forged;
    answer.assign(kKeyAcceptBytes, 0); // counter 0 stays zero; the tag follows it
    answer[0] = kKeyAcceptKind;
    answer[1] = kSecureVersion;
    std::memcpy(answer.data() + 2, key.publicKey.data(), kKeyBytes);
    const auto nonce = nonceOf(m_sendCounter++);
    std::uint8_t none = 0; // the plaintext is empty: the tag proves the key, over the header
    crypto_aead_chacha20poly1305_ietf_encrypt_detached(
        &none, answer.data() + 2 + kKeyBytes + 8, nullptr, &none, 0, answer.data(), 2 + kKeyBytes,
        nullptr, nonce.data(), m_tx.data());
    m_serverKey = key.publicKey;
    m_established = true;
    return OpenResult::Ok;
}

void SecureSession::sealInPlace(std::uint8_t* packet, std::size_t plainLength,
                                std::uint8_t channel) {
    const std::uint64_t counter = m_sendCounter++;
    packet[0] = kSealedKind;
    putCounter(packet + 1, counter);
    const std::uint8_t ad[2] = {kSealedKind, channel};
    const auto nonce = nonceOf(counter);
    std::uint8_t* text = packet + kSealedHeader;
    crypto_aead_chacha20poly1305_ietf_encrypt_detached(text, text + plainLength, nullptr, text,
                                                       plainLength, ad, sizeof ad, nullptr,
                                                       nonce.data(), m_tx.data());
}

OpenResult SecureSession::openInPlace(std::uint8_t* packet, std::size_t length,
                                      std::uint8_t channel, std::span<const std::uint8_t>& plain) {
    if (!m_established || length < kSealedOverhead || packet[0] != kSealedKind ||
        channel >= kChannelCount)
        return OpenResult::Malformed;
    const std::uint64_t counter = getCounter(packet + 1);
    ReplayWindow& window = m_windows[channel];
    if (!window.fresh(counter)) return OpenResult::Replayed;
    const std::uint8_t ad[2] = {kSealedKind, channel};
    const auto nonce = nonceOf(counter);
    std::uint8_t* text = packet + kSealedHeader;
    const std::size_t textLength = length - kSealedOverhead;
    if (crypto_aead_chacha20poly1305_ietf_decrypt_detached(text, nullptr, text, textLength,
                                                           text + textLength, ad, sizeof ad,
                                                           nonce.data(), m_rx.data()) != 0)
        return OpenResult::Forged;
    window.mark(counter); // only after authentication: a forged counter cannot move the window
    plain = std::span<const std::uint8_t>(text, textLength);
    return OpenResult::Ok;
}

} // namespace fg::net
