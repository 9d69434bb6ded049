// Random secrets and their hashes for credentials and tickets (libsodium).
// Must not keep or log any secret: callers get it back once and the store keeps only hash().
#include "server/store/Tokens.h"

#include <cctype>
#include <sodium.h>
#include <vector>

namespace fg::store::tokens {
namespace {

std::string hexOf(const unsigned char* data, std::size_t size) {
    std::string out(size * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, size);
    out.pop_back();
    return out;
}

} // namespace

std::string make(std::string_view prefix, std::size_t bytes) {
    std::vector<unsigned char> random(bytes);
    randombytes_buf(random.data(), random.size());
    std::string secret = std::string(prefix) + hexOf(random.data(), random.size());
    sodium_memzero(random.data(), random.size());
    return secret;
}

std::string hash(std::string_view secret) {
    unsigned char digest[crypto_generichash_BYTES];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(secret.data()),
                       secret.size(), nullptr, 0);
    return hexOf(digest, sizeof digest);
}

bool isHex(std::string_view text) {
    for (char c : text)
        if (!std::isxdigit(static_cast<unsigned char>(c)) ||
            std::isupper(static_cast<unsigned char>(c)))
            return false;
    return !text.empty();
}

bool wellFormed(std::string_view text, std::string_view prefix, std::size_t bytes) {
    return text.starts_with(prefix) && text.size() == prefix.size() + bytes * 2 &&
           isHex(text.substr(prefix.size()));
}

} // namespace fg::store::tokens
