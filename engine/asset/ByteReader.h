// Bounds-checked little-endian reader over a byte span with a cursor, for the cooked formats.
// Every read checks the remaining length and reports the field name and offset; never asserts.
#pragma once

#include "engine/core/Result.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <fmt/format.h>
#include <span>
#include <string>
#include <type_traits>

namespace fg {

static_assert(std::endian::native == std::endian::little,
              "cooked formats are stored little-endian and read with memcpy");

class ByteReader {
public:
    ByteReader(std::span<const std::uint8_t> bytes, std::string name)
        : m_bytes(bytes), m_name(std::move(name)) {}

    std::size_t offset() const { return m_offset; }
    std::size_t remaining() const { return m_bytes.size() - m_offset; }
    const std::string& name() const { return m_name; }

    // Reads one trivially copyable value (integers, floats, glm vectors and matrices).
    template <class T>
    Status read(T& out, const char* field) {
        static_assert(std::is_trivially_copyable_v<T>);
        auto bytes = take(sizeof(T), field);
        if (!bytes) return bytes.error();
        std::memcpy(&out, bytes->data(), sizeof(T));
        return {};
    }

    // Reads COUNT bytes as a view into the input.
    Result<std::span<const std::uint8_t>> take(std::size_t count, const char* field) {
        if (count > remaining())
            return fail(field, fmt::format("needs {} bytes, only {} left", count, remaining()));
        auto out = m_bytes.subspan(m_offset, count);
        m_offset += count;
        return out;
    }

    // Reads a u32 length then that many bytes of text, refusing lengths above MAXLENGTH.
    Status readString(std::string& out, const char* field, std::uint32_t maxLength = 4096) {
        std::uint32_t length = 0;
        if (Status st = read(length, field); !st) return st;
        if (length > maxLength)
            return fail(field, fmt::format("length {} exceeds the limit of {}", length, maxLength));
        auto bytes = take(length, field);
        if (!bytes) return bytes.error();
        out.assign(reinterpret_cast<const char*>(bytes->data()), bytes->size());
        return {};
    }

    // Checks that COUNT records of at least MINBYTES each can still fit, before allocating.
    Status checkCount(std::uint64_t count, std::uint64_t minBytes, const char* field) const {
        if (minBytes != 0 && count > remaining() / minBytes)
            return fail(
                field, fmt::format("count {} cannot fit in the {} bytes left", count, remaining()));
        return {};
    }

    // An error naming the input, the field and the current offset.
    Error fail(const char* field, const std::string& why) const {
        return makeError(fmt::format("{}: {} at offset {}: {}", m_name, field, m_offset, why));
    }

private:
    std::span<const std::uint8_t> m_bytes;
    std::string m_name;
    std::size_t m_offset = 0;
};

} // namespace fg
