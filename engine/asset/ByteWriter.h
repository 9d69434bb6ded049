// Little-endian appender used by the cooked-format writers; the mirror of ByteReader.
// Writes to memory only; it never touches files and never fails.
#pragma once

#include "engine/core/File.h"

#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>
#include <type_traits>

namespace fg {

class ByteWriter {
public:
    template <class T>
    void write(const T& value) {
        static_assert(std::is_trivially_copyable_v<T>);
        const auto* p = reinterpret_cast<const std::uint8_t*>(&value);
        m_bytes.insert(m_bytes.end(), p, p + sizeof(T));
    }
    void writeBytes(std::span<const std::uint8_t> bytes) {
        m_bytes.insert(m_bytes.end(), bytes.begin(), bytes.end());
    }
    void writeString(std::string_view text) {
        write(static_cast<std::uint32_t>(text.size()));
        const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
        m_bytes.insert(m_bytes.end(), p, p + text.size());
    }
    // Overwrites a value written earlier (sizes known only at the end).
    template <class T>
    void patch(std::size_t offset, const T& value) {
        std::memcpy(m_bytes.data() + offset, &value, sizeof(T));
    }
    std::size_t size() const { return m_bytes.size(); }
    void reserve(std::size_t n) { m_bytes.reserve(n); }
    Bytes take() { return std::move(m_bytes); }

private:
    Bytes m_bytes;
};

} // namespace fg
