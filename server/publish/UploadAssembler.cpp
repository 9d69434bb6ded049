// Chunked upload reassembly: PART file + META (size and hash) per exhibitor and booth.
// Must not interpret the bytes; ids are checked so they cannot name a path outside the folder.
#include "server/publish/UploadAssembler.h"

#include <cstdio>
#include <fmt/format.h>
#include <unistd.h>

namespace fg::publish {

namespace fs = std::filesystem;

namespace {

bool safeId(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

std::uint64_t sizeOf(const fs::path& file) {
    std::error_code ec;
    auto n = fs::file_size(file, ec);
    return ec ? 0 : n;
}

} // namespace

UploadAssembler::UploadAssembler(fs::path dir, UploadLimits limits)
    : m_dir(std::move(dir)), m_limits(limits) {}

fs::path UploadAssembler::partPath(const std::string& exhibitorId,
                                   const std::string& boothId) const {
    // Ids never contain '_', so the pair maps to exactly one name.
    return m_dir / (exhibitorId + "__" + boothId + ".part");
}

Result<UploadAssembler::Meta> UploadAssembler::readMeta(const fs::path& part) const {
    auto text = readFileText(fs::path(part).replace_extension(".meta"), 256);
    if (!text) return text.error();
    Meta meta;
    char hex[33] = {};
    unsigned long long total = 0;
    if (std::sscanf(text->c_str(), "%llu %32s", &total, hex) != 2 || !parseHex(hex, meta.hash))
        return makeError(part.string() + ": damaged upload record");
    meta.total = total;
    return meta;
}

Result<std::uint64_t> UploadAssembler::begin(const std::string& exhibitorId,
                                             const std::string& boothId, std::uint64_t totalBytes,
                                             const Hash128& hash) {
    if (!safeId(exhibitorId) || !safeId(boothId))
        return makeError("upload: bad exhibitor or booth id");
    if (totalBytes == 0 || totalBytes > m_limits.maxBundleBytes)
        return makeError(fmt::format("upload: {} bytes; bundles must be 1 to {} bytes", totalBytes,
                                     m_limits.maxBundleBytes));
    std::error_code ec;
    fs::create_directories(m_dir, ec);
    fs::path part = partPath(exhibitorId, boothId);
    auto meta = readMeta(part);
    if (meta && meta->total == totalBytes && meta->hash == hash && sizeOf(part) <= totalBytes)
        return sizeOf(part); // resume
    std::string record = fmt::format("{} {}\n", totalBytes, toHex(hash));
    if (Status st = writeFileAtomic(fs::path(part).replace_extension(".meta"), record); !st)
        return st.error();
    if (Status st = writeFileAtomic(part, std::string_view()); !st) return st.error();
    return std::uint64_t{0};
}

Result<std::uint64_t> UploadAssembler::chunk(const std::string& exhibitorId,
                                             const std::string& boothId, std::uint64_t offset,
                                             std::span<const std::uint8_t> data) {
    if (!safeId(exhibitorId) || !safeId(boothId))
        return makeError("upload: bad exhibitor or booth id");
    fs::path part = partPath(exhibitorId, boothId);
    auto meta = readMeta(part);
    if (!meta) return makeError("upload: no upload in progress for booth " + boothId);
    if (data.size() > m_limits.maxChunkBytes)
        return makeError(fmt::format("upload: chunk of {} bytes, limit {}", data.size(),
                                     m_limits.maxChunkBytes));
    std::uint64_t held = sizeOf(part);
    if (offset != held)
        return makeError(fmt::format("upload: chunk at {}, expected {}", offset, held));
    if (held + data.size() > meta->total)
        return makeError(
            fmt::format("upload: chunk runs past the announced {} bytes", meta->total));
    std::FILE* f = std::fopen(part.c_str(), "ab");
    if (!f) return makeError("upload: cannot append to " + part.string());
    bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size() && std::fflush(f) == 0;
    std::fclose(f);
    if (!ok) return makeError("upload: write failed for " + part.string());
    return held + data.size();
}

Result<Bytes> UploadAssembler::finish(const std::string& exhibitorId, const std::string& boothId) {
    // Checked here too: an unsafe id would name a file outside the uploads folder.
    if (!safeId(exhibitorId) || !safeId(boothId))
        return makeError("upload: bad exhibitor or booth id");
    fs::path part = partPath(exhibitorId, boothId);
    auto meta = readMeta(part);
    if (!meta) return makeError("upload: no upload in progress for booth " + boothId);
    std::uint64_t held = sizeOf(part);
    if (held != meta->total)
        return makeError(fmt::format("upload: incomplete, {} of {} bytes", held, meta->total));
    auto bytes = readFileBytes(part, meta->total);
    if (!bytes) return bytes.error();
    abandon(exhibitorId, boothId);
    if (!(hash128(*bytes) == meta->hash))
        return makeError("upload: the received bytes do not match the announced hash");
    return bytes;
}

void UploadAssembler::abandon(const std::string& exhibitorId, const std::string& boothId) {
    if (!safeId(exhibitorId) || !safeId(boothId)) return;
    std::error_code ec;
    fs::path part = partPath(exhibitorId, boothId);
    fs::remove(part, ec);
    fs::remove(fs::path(part).replace_extension(".meta"), ec);
}

} // namespace fg::publish
