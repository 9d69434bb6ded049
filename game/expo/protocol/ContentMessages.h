// Content transfer messages: exhibition manifest and cooked assets fetched by hash on the bulk
// channel (docs/PROTOCOL.md, "Content transfer"). Included by Messages.h; serialize functions only.
#pragma once

#include "engine/core/Hash.h"
#include "game/expo/protocol/ProtocolTypes.h"
#include "game/expo/protocol/PublishMessages.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fg::expo::proto {

inline constexpr std::uint32_t kMaxContentChunkBytes = 32 * 1024;
// Largest single piece of content (the biggest cooked model of the format's limits fits).
inline constexpr std::uint64_t kMaxContentBytes = 256ull * 1024 * 1024;

enum class ContentKind : std::uint8_t {
    Exhibition, // the exhibition manifest JSON as the server serves it now (hash ignored)
    Asset,      // a cooked model, cooked image or document named by its XXH3-128
};
inline constexpr std::uint32_t kContentKindMax = 1;

// Client -> server (bulk): send me this content. Only joined peers may ask.
struct ContentRequest {
    static constexpr const char* kName = "ContentRequest";
    static constexpr std::uint8_t kChannel = net::kChannelBulk;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    ContentKind kind = ContentKind::Asset;
    Hash128 hash;
    bool operator==(const ContentRequest&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(serializeEnum(s, kind, kContentKindMax));
        return serializeHash(s, hash);
    }
};

// Server -> client (bulk): BYTES at OFFSET of the content answering REQUESTID, whose whole is
// TOTALBYTES with XXH3-128 HASH. Chunks of one request arrive in order, back to back.
struct ContentChunk {
    static constexpr const char* kName = "ContentChunk";
    static constexpr std::uint8_t kChannel = net::kChannelBulk;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::uint32_t requestId = 0;
    Hash128 hash;
    std::uint64_t totalBytes = 0;
    std::uint64_t offset = 0;
    std::vector<std::uint8_t> bytes;
    bool operator==(const ContentChunk&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(serializeHash(s, hash));
        FG_SER(net::serializeInt(s, totalBytes, 0, kMaxContentBytes));
        FG_SER(net::serializeInt(s, offset, 0, kMaxContentBytes));
        return serializeBytes(s, bytes, kMaxContentChunkBytes);
    }
};

// Server -> client (bulk): REQUESTID cannot be served (unknown hash, not joined, too many).
struct ContentError {
    static constexpr const char* kName = "ContentError";
    static constexpr std::uint8_t kChannel = net::kChannelBulk;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::uint32_t requestId = 0;
    Hash128 hash;
    std::string reason;
    bool operator==(const ContentError&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(serializeHash(s, hash));
        return net::serializeString(s, reason, kMaxReasonLength);
    }
};

} // namespace fg::expo::proto
