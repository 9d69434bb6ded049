// XXH3 adapter: the only file that includes xxhash.h.
// Must stay free of I/O; callers hash bytes they already hold.
#include "engine/core/Hash.h"

#include <xxhash.h>

namespace fg {

std::uint64_t hash64(std::span<const std::uint8_t> data) {
    return XXH3_64bits(data.data(), data.size());
}

std::uint64_t hash64(std::string_view text) {
    return XXH3_64bits(text.data(), text.size());
}

Hash128 hash128(std::span<const std::uint8_t> data) {
    XXH128_hash_t h = XXH3_128bits(data.data(), data.size());
    return Hash128{h.high64, h.low64};
}

std::string toHex(const Hash128& hash) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(32, '0');
    for (int i = 0; i < 16; ++i) {
        out[15 - i] = kDigits[(hash.high >> (4 * i)) & 0xF];
        out[31 - i] = kDigits[(hash.low >> (4 * i)) & 0xF];
    }
    return out;
}

bool parseHex(std::string_view hex, Hash128& out) {
    if (hex.size() != 32) return false;
    std::uint64_t parts[2] = {0, 0};
    for (std::size_t i = 0; i < 32; ++i) {
        char c = hex[i];
        std::uint64_t digit;
        if (c >= '0' && c <= '9')
            digit = static_cast<std::uint64_t>(c - '0');
        else if (c >= 'a' && c <= 'f')
            digit = static_cast<std::uint64_t>(c - 'a' + 10);
        else
            return false;
        parts[i / 16] = (parts[i / 16] << 4) | digit;
    }
    out = Hash128{parts[0], parts[1]};
    return true;
}

} // namespace fg
