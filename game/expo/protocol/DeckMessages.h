// Deck upload messages: a presenter's or moderator's new slides for a session (one PDF, or
// PNG/JPEG pages), chunked and resumable like booth publishing, and the new deck every client
// gets. Included by Messages.h (which owns the list); no I/O here.
#pragma once

#include "game/expo/VenueLayout.h"
#include "game/expo/protocol/PublishMessages.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fg::expo::proto {

inline constexpr std::uint64_t kMaxDeckUploadBytes = 64ull << 20; // one deck, every page
inline constexpr std::uint32_t kMaxDeckFileNameLength = 200;
inline constexpr std::uint32_t kMaxDeckErrorLength = 1000;
inline constexpr std::uint32_t kMaxDeckParts = std::uint32_t(kMaxDeckPages);

// What the uploaded bytes are: one PDF, or PNG/JPEG page files one after another.
enum class DeckFileKind : std::uint8_t { Pdf, Images };
inline constexpr std::uint32_t kDeckFileKindMax = 1;

// Presenter -> server (channel 0): start or resume uploading SESSIONID's new deck. PARTSIZES are
// the bytes of each file in order (one for a PDF, one per page for images); the upload is their
// concatenation, whose XXH3-128 is HASH. FILENAME names it in errors. Answered by DeckUploadStatus.
struct DeckUploadBegin {
    static constexpr const char* kName = "DeckUploadBegin";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string sessionId;
    DeckFileKind kind = DeckFileKind::Pdf;
    std::string fileName;
    std::vector<std::uint64_t> partSizes;
    Hash128 hash;
    bool operator==(const DeckUploadBegin&) const = default;

    // The announced upload's size: every part's bytes.
    std::uint64_t totalBytes() const {
        std::uint64_t total = 0;
        for (std::uint64_t n : partSizes)
            total += n;
        return total;
    }

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        FG_SER(serializeEnum(s, kind, kDeckFileKindMax));
        FG_SER(net::serializeString(s, fileName, kMaxDeckFileNameLength));
        std::uint32_t count = std::uint32_t(partSizes.size());
        // Read as [0, max] then refused when 0 (serializeInt reads a range above 0 wrongly
        // into a variable that starts below it).
        FG_SER(net::serializeInt(s, count, 0, kMaxDeckParts));
        if (count == 0) return false;
        if constexpr (S::kIsReading) {
            if (std::size_t(count) * 64 > s.bitsRemaining()) return false;
            partSizes.resize(count);
        }
        for (auto& n : partSizes)
            FG_SER(net::serializeU64(s, n));
        return serializeHash(s, hash);
    }
};

// Server -> presenter (channel 0): how many bytes of the upload the server holds (the chunks
// before HELDBYTES; a reconnected client resumes there); ok = false ends it with REASON.
struct DeckUploadStatus {
    static constexpr const char* kName = "DeckUploadStatus";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::uint32_t requestId = 0; // the DeckUploadBegin's
    std::string sessionId;
    std::uint64_t heldBytes = 0;
    bool ok = false;
    std::string reason;
    bool operator==(const DeckUploadStatus&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        FG_SER(net::serializeU64(s, heldBytes));
        FG_SER(net::serializeBool(s, ok));
        return net::serializeString(s, reason, kMaxReasonLength);
    }
};

// Presenter -> server (channel 2, bulk): BYTES at OFFSET of SESSIONID's deck upload.
struct DeckUploadChunk {
    static constexpr const char* kName = "DeckUploadChunk";
    static constexpr std::uint8_t kChannel = net::kChannelBulk;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::string sessionId;
    std::uint64_t offset = 0;
    std::vector<std::uint8_t> bytes;
    bool operator==(const DeckUploadChunk&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        FG_SER(net::serializeU64(s, offset));
        return serializeBytes(s, bytes, kMaxUploadChunkBytes);
    }
};

// Presenter -> server (channel 0): every byte is sent; render and replace the deck.
struct DeckUploadFinish {
    static constexpr const char* kName = "DeckUploadFinish";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string sessionId;
    bool operator==(const DeckUploadFinish&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        return net::serializeString(s, sessionId, kMaxIdLength);
    }
};

// Server -> presenter (channel 0): the deck is live with PAGECOUNT pages, or refused with ERROR
// (naming the file and page); a refused deck leaves the old one in place.
struct DeckUploadResult {
    static constexpr const char* kName = "DeckUploadResult";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::uint32_t requestId = 0; // the DeckUploadFinish's
    std::string sessionId;
    bool ok = false;
    std::uint32_t pageCount = 0;
    std::string error;
    bool operator==(const DeckUploadResult&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        FG_SER(net::serializeBool(s, ok));
        FG_SER(net::serializeInt(s, pageCount, 0, kMaxDeckParts));
        return net::serializeString(s, error, kMaxDeckErrorLength);
    }
};

// Server -> every joined client (channel 0): SESSIONID's deck is now PAGES (cooked textures,
// fetched by hash as "<hash>.fgt"), uploaded as FILENAME; shown from its first page.
struct DeckChanged {
    static constexpr const char* kName = "DeckChanged";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::string sessionId;
    std::string fileName;
    std::vector<Hash128> pages;
    bool operator==(const DeckChanged&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        FG_SER(net::serializeString(s, fileName, kMaxDeckFileNameLength));
        std::uint32_t count = std::uint32_t(pages.size());
        FG_SER(net::serializeInt(s, count, 0, kMaxDeckParts));
        if (count == 0) return false; // a deck has a page
        if constexpr (S::kIsReading) {
            if (std::size_t(count) * 128 > s.bitsRemaining()) return false;
            pages.resize(count);
        }
        for (auto& h : pages)
            FG_SER(serializeHash(s, h));
        return true;
    }
};

} // namespace fg::expo::proto
