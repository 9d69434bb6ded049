// Booth publishing messages: resumable bundle upload, the publish outcome, and the approved
// revision every visitor receives. Included by Messages.h (which owns the list); no I/O here.
#pragma once

#include "engine/core/Hash.h"
#include "game/expo/protocol/ProtocolTypes.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fg::expo::proto {

inline constexpr std::uint32_t kMaxUploadChunkBytes = 32 * 1024;
inline constexpr std::uint32_t kMaxPublishReasonsLength = 4000;
inline constexpr std::uint32_t kMaxManifestJsonLength = 48 * 1024;
inline constexpr std::uint32_t kMaxRevisionAssets = 512;

enum class PublishOutcome : std::uint8_t { Queued, Approved, Refused };
inline constexpr std::uint32_t kPublishOutcomeMax = 2;

template <class Stream>
bool serializeHash(Stream& s, Hash128& hash) {
    FG_SER(net::serializeU64(s, hash.high));
    return net::serializeU64(s, hash.low);
}

// Length-prefixed raw bytes of at most MAXLENGTH; the length is checked before allocating.
template <class Stream>
bool serializeBytes(Stream& s, std::vector<std::uint8_t>& bytes, std::uint32_t maxLength) {
    std::uint32_t length = std::uint32_t(bytes.size());
    if constexpr (Stream::kIsWriting) {
        if (bytes.size() > maxLength) return false;
    }
    FG_SER(net::serializeInt(s, length, 0, maxLength));
    if constexpr (Stream::kIsReading) {
        if (std::size_t(length) * 8 > s.bitsRemaining()) return false;
        bytes.resize(length);
    }
    for (auto& b : bytes) {
        std::uint32_t v = b;
        FG_SER(s.serializeBits(v, 8));
        b = std::uint8_t(v);
    }
    return true;
}

// Exhibitor -> server (channel 0): start or resume uploading a .booth of TOTALBYTES whose
// XXH3-128 is HASH. Answered by UploadStatus (heldBytes = where to continue).
struct UploadBegin {
    static constexpr const char* kName = "UploadBegin";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string boothId;
    std::uint64_t totalBytes = 0;
    Hash128 hash;
    bool operator==(const UploadBegin&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, boothId, kMaxIdLength));
        FG_SER(net::serializeU64(s, totalBytes));
        return serializeHash(s, hash);
    }
};

// Server -> exhibitor (channel 0): how many bytes of the upload the server holds; ok = false
// ends the upload with REASON (the client starts again with UploadBegin).
struct UploadStatus {
    static constexpr const char* kName = "UploadStatus";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::uint32_t requestId = 0; // the UploadBegin's
    std::string boothId;
    std::uint64_t heldBytes = 0;
    bool ok = false;
    std::string reason;
    bool operator==(const UploadStatus&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, boothId, kMaxIdLength));
        FG_SER(net::serializeU64(s, heldBytes));
        FG_SER(net::serializeBool(s, ok));
        return net::serializeString(s, reason, kMaxReasonLength);
    }
};

// Exhibitor -> server (channel 2, bulk): BYTES at OFFSET of the upload begun for BOOTHID.
struct UploadChunk {
    static constexpr const char* kName = "UploadChunk";
    static constexpr std::uint8_t kChannel = net::kChannelBulk;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::string boothId;
    std::uint64_t offset = 0;
    std::vector<std::uint8_t> bytes;
    bool operator==(const UploadChunk&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeString(s, boothId, kMaxIdLength));
        FG_SER(net::serializeU64(s, offset));
        return serializeBytes(s, bytes, kMaxUploadChunkBytes);
    }
};

// Exhibitor -> server (channel 0): every byte is sent; check and submit the bundle.
struct UploadFinish {
    static constexpr const char* kName = "UploadFinish";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string boothId;
    bool operator==(const UploadFinish&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        return net::serializeString(s, boothId, kMaxIdLength);
    }
};

// Server -> exhibitor (channel 0): queued for the organiser, approved as REVISION, or refused
// with REASONS (one per line, for a person).
struct PublishResult {
    static constexpr const char* kName = "PublishResult";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::uint32_t requestId = 0; // the UploadFinish's
    std::string boothId;
    PublishOutcome outcome = PublishOutcome::Refused;
    std::uint64_t revision = 0; // when approved
    std::string reasons;        // refusal reasons, or warnings when queued / approved
    bool operator==(const PublishResult&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, boothId, kMaxIdLength));
        FG_SER(serializeEnum(s, outcome, kPublishOutcomeMax));
        FG_SER(net::serializeU64(s, revision));
        return net::serializeString(s, reasons, kMaxPublishReasonsLength);
    }
};

// Server -> every joined client (channel 0): a booth's approved revision. MANIFESTJSON is the
// .booth JSON (booth + exhibitor profile) whose file paths are asset names "<hash>.<ext>";
// ASSETS are the hashes to fetch. EXHIBITIONREVISION is the server's revision after applying it.
struct BoothRevision {
    static constexpr const char* kName = "BoothRevision";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::string boothId;
    std::uint64_t revision = 0;
    std::uint64_t exhibitionRevision = 0;
    std::string manifestJson;
    std::vector<Hash128> assets;
    bool operator==(const BoothRevision&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeString(s, boothId, kMaxIdLength));
        FG_SER(net::serializeU64(s, revision));
        FG_SER(net::serializeU64(s, exhibitionRevision));
        FG_SER(net::serializeString(s, manifestJson, kMaxManifestJsonLength));
        std::uint32_t count = std::uint32_t(assets.size());
        FG_SER(net::serializeInt(s, count, 0, kMaxRevisionAssets));
        if constexpr (S::kIsReading) {
            if (std::size_t(count) * 128 > s.bitsRemaining()) return false;
            assets.resize(count);
        }
        for (auto& h : assets)
            FG_SER(serializeHash(s, h));
        return true;
    }
};

} // namespace fg::expo::proto
