// Helpers shared by the fuzz entry points: a per-process scratch folder and a reader that takes
// values from the front of the fuzzer's input. Test code only; never used by a shipped program.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>

namespace fg::fuzz {

// A private folder under $TMPDIR made once per process and removed at exit.
const std::filesystem::path& scratchDir();

// Takes fixed-size values and byte runs off the front of an input; past its end it yields zeros
// and empty spans, so an entry point never has to check lengths itself.
class InputReader {
public:
    explicit InputReader(std::span<const std::uint8_t> bytes) : m_bytes(bytes) {}
    std::uint8_t u8();
    std::uint16_t u16();
    std::uint32_t u32();
    std::uint64_t u64();
    // The next SIZE bytes (fewer at the end).
    std::span<const std::uint8_t> take(std::size_t size);
    // A run of at most MAXSIZE bytes whose length is the next u16.
    std::span<const std::uint8_t> run(std::size_t maxSize = 65535);
    std::span<const std::uint8_t> rest() { return take(m_bytes.size()); }
    bool empty() const { return m_bytes.empty(); }

private:
    std::span<const std::uint8_t> m_bytes;
};

} // namespace fg::fuzz
