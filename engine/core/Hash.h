// Content hashing (XXH3) for content-addressed assets and caches; not for passwords or tokens.
// The hex form is the asset's name on disk and on the wire: 32 lowercase hex digits.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace fg {

struct Hash128 {
    std::uint64_t high = 0;
    std::uint64_t low = 0;
    bool operator==(const Hash128&) const = default;
};

std::uint64_t hash64(std::span<const std::uint8_t> data);
std::uint64_t hash64(std::string_view text);
Hash128 hash128(std::span<const std::uint8_t> data);
std::string toHex(const Hash128& hash);
// Parses 32 hex digits; returns false on any other input.
bool parseHex(std::string_view hex, Hash128& out);

} // namespace fg
