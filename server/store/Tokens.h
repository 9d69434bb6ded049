// Secrets handed to people (credential tokens, visitor ticket codes): random generation, the
// hash the store keeps instead of the secret, and the shape checks both readers share.
// Private to server/store; must never log, store or return a secret except to its issuer.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace fg::store::tokens {

// PREFIX followed by 2*BYTES lower-case hex digits of fresh random bytes.
std::string make(std::string_view prefix, std::size_t bytes);
// BLAKE2b of the secret as hex: the secrets are 160-bit random, so a fast unkeyed hash is enough.
std::string hash(std::string_view secret);
// True for non-empty lower-case hex.
bool isHex(std::string_view text);
// True when TEXT is PREFIX followed by exactly 2*BYTES lower-case hex digits.
bool wellFormed(std::string_view text, std::string_view prefix, std::size_t bytes);

} // namespace fg::store::tokens
