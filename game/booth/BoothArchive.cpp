// Writer and bounds-checked reader of the .booth container (see BoothArchive.h for the layout).
// Must not write files or trust any size field before checking it against the limits.
#include "game/booth/BoothArchive.h"

#include "engine/asset/ByteReader.h"
#include "engine/asset/ByteWriter.h"
#include "engine/core/Hash.h"
#include "game/booth/BoothPaths.h"

#include <cstring>
#include <fmt/format.h>
#include <zstd.h>

namespace fg::booth {

namespace {

constexpr char kMagic[8] = {'F', 'G', 'B', 'O', 'O', 'T', 'H', '1'};
constexpr std::uint8_t kStored = 0;
constexpr std::uint8_t kZstd = 1;
constexpr int kZstdLevel = 9;

struct ArchiveEntryInfo {
    std::string name;
    std::uint8_t method = 0;
    std::uint64_t rawSize = 0;
    std::uint64_t storedSize = 0;
};

void writeEntry(ByteWriter& w, const std::string& name, const Bytes& raw) {
    Bytes packed(ZSTD_compressBound(raw.size()));
    std::size_t n = ZSTD_compress(packed.data(), packed.size(), raw.data(), raw.size(), kZstdLevel);
    bool zstd = !ZSTD_isError(n) && n + 16 < raw.size();
    w.write(static_cast<std::uint16_t>(name.size()));
    w.writeBytes({reinterpret_cast<const std::uint8_t*>(name.data()), name.size()});
    w.write(zstd ? kZstd : kStored);
    w.write(static_cast<std::uint64_t>(raw.size()));
    w.write(static_cast<std::uint64_t>(zstd ? n : raw.size()));
    w.write(hash64(std::span<const std::uint8_t>(raw)));
    if (zstd)
        w.writeBytes({packed.data(), n});
    else
        w.writeBytes(raw);
}

Result<Bytes> unpack(const ArchiveEntryInfo& info, std::span<const std::uint8_t> stored,
                     const std::string& where) {
    if (info.method == kStored) return Bytes(stored.begin(), stored.end());
    Bytes raw(info.rawSize);
    std::size_t n = ZSTD_decompress(raw.data(), raw.size(), stored.data(), stored.size());
    if (ZSTD_isError(n))
        return makeError(fmt::format(
            "{}: zstd data is corrupt or larger than its declared {} bytes", where, info.rawSize));
    if (n != info.rawSize)
        return makeError(
            fmt::format("{}: unpacked to {} bytes, declared {}", where, n, info.rawSize));
    return raw;
}

Status checkInfo(const ArchiveEntryInfo& info, const ArchiveLimits& limits,
                 const std::string& where) {
    if (Status st = checkEntryName(info.name); !st)
        return makeError(where + ": " + st.error().message);
    if (info.method != kStored && info.method != kZstd)
        return makeError(fmt::format("{}: unknown method {}", where, info.method));
    if (info.rawSize > limits.maxEntryBytes)
        return makeError(fmt::format("{}: {} bytes exceeds the per-file limit of {}", where,
                                     info.rawSize, limits.maxEntryBytes));
    if (info.method == kStored && info.storedSize != info.rawSize)
        return makeError(where + ": stored size differs from raw size");
    if (info.method == kZstd &&
        info.rawSize > std::max<std::uint64_t>(info.storedSize, 1) * limits.maxCompressionRatio)
        return makeError(
            fmt::format("{}: compression bomb ({} bytes from {} stored, ratio limit {})", where,
                        info.rawSize, info.storedSize, limits.maxCompressionRatio));
    return {};
}

Result<ArchiveEntryInfo> readInfo(ByteReader& r) {
    ArchiveEntryInfo info;
    std::uint16_t nameLength = 0;
    if (Status st = r.read(nameLength, "entry name length"); !st) return st.error();
    auto name = r.take(nameLength, "entry name");
    if (!name) return name.error();
    info.name.assign(reinterpret_cast<const char*>(name->data()), name->size());
    if (Status st = r.read(info.method, "entry method"); !st) return st.error();
    if (Status st = r.read(info.rawSize, "entry raw size"); !st) return st.error();
    if (Status st = r.read(info.storedSize, "entry stored size"); !st) return st.error();
    return info;
}

} // namespace

Bytes writeArchive(const ArchiveEntries& entries) {
    ByteWriter w;
    w.writeBytes({reinterpret_cast<const std::uint8_t*>(kMagic), sizeof(kMagic)});
    w.write(kArchiveVersion);
    w.write(static_cast<std::uint32_t>(entries.size()));
    for (const auto& [name, raw] : entries)
        writeEntry(w, name, raw);
    return w.take();
}

Result<ArchiveEntries> readArchive(std::span<const std::uint8_t> bytes, const std::string& name,
                                   const ArchiveLimits& limits) {
    ByteReader r(bytes, name);
    auto magic = r.take(sizeof(kMagic), "magic");
    if (!magic) return magic.error();
    if (std::memcmp(magic->data(), kMagic, sizeof(kMagic)) != 0)
        return r.fail("magic", "not a .booth bundle");
    std::uint32_t version = 0, count = 0;
    if (Status st = r.read(version, "version"); !st) return st.error();
    if (version != kArchiveVersion)
        return r.fail("version", fmt::format("unsupported version {}", version));
    if (Status st = r.read(count, "entry count"); !st) return st.error();
    if (count > limits.maxEntries)
        return r.fail("entry count", fmt::format("{} entries, limit {}", count, limits.maxEntries));
    ArchiveEntries out;
    std::uint64_t total = 0;
    for (std::uint32_t i = 0; i < count; ++i) {
        auto info = readInfo(r);
        if (!info) return info.error();
        std::string where = fmt::format("{}: entry {} \"{}\"", name, i, info->name.substr(0, 80));
        if (Status st = checkInfo(*info, limits, where); !st) return st.error();
        std::uint64_t hash = 0;
        if (Status st = r.read(hash, "entry hash"); !st) return st.error();
        auto stored = r.take(info->storedSize, "entry data");
        if (!stored) return stored.error();
        total += info->rawSize;
        if (total > limits.maxTotalBytes)
            return makeError(fmt::format("{}: bundle unpacks to more than {} bytes", name,
                                         limits.maxTotalBytes));
        if (out.count(info->name)) return makeError(where + ": duplicate entry");
        auto raw = unpack(*info, *stored, where);
        if (!raw) return raw.error();
        if (hash64(std::span<const std::uint8_t>(*raw)) != hash)
            return makeError(where + ": content hash mismatch (damaged bundle)");
        out.emplace(info->name, std::move(*raw));
    }
    if (r.remaining() != 0)
        return r.fail("end", fmt::format("{} trailing bytes after the last entry", r.remaining()));
    return out;
}

} // namespace fg::booth
