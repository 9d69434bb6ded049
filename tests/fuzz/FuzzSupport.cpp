// FuzzSupport: the scratch folder (mkdtemp, removed by an atexit handler) and InputReader.
// Must stay cheap: the entry points call it on every one of the fuzzer's inputs.
#include "tests/fuzz/FuzzSupport.h"

#include <algorithm>
#include <cstdlib>
#include <string>

namespace fg::fuzz {

const std::filesystem::path& scratchDir() {
    static const std::filesystem::path dir = [] {
        std::error_code ec;
        std::string pattern =
            (std::filesystem::temp_directory_path(ec) / "fg-fuzz-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) std::abort(); // no scratch space: nothing to test
        std::atexit([] {
            std::error_code ignored;
            std::filesystem::remove_all(scratchDir(), ignored);
        });
        return std::filesystem::path(pattern);
    }();
    return dir;
}

std::span<const std::uint8_t> InputReader::take(std::size_t size) {
    size = std::min(size, m_bytes.size());
    auto out = m_bytes.first(size);
    m_bytes = m_bytes.subspan(size);
    return out;
}

std::uint8_t InputReader::u8() {
    auto b = take(1);
    return b.empty() ? 0 : b[0];
}

std::uint16_t InputReader::u16() {
    return std::uint16_t(u8() | u8() << 8);
}
std::uint32_t InputReader::u32() {
    return u16() | std::uint32_t(u16()) << 16;
}
std::uint64_t InputReader::u64() {
    return u32() | std::uint64_t(u32()) << 32;
}

std::span<const std::uint8_t> InputReader::run(std::size_t maxSize) {
    return take(std::min<std::size_t>(u16(), maxSize));
}

} // namespace fg::fuzz
