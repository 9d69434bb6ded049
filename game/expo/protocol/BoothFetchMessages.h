// Opening a booth in the editor from the server: which booths an exhibitor (or organiser) may
// open, and the hash of each one's .booth bundle. Included by Messages.h; serialize only.
#pragma once

#include "engine/core/Hash.h"
#include "game/expo/protocol/ProtocolTypes.h"
#include "game/expo/protocol/PublishMessages.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fg::expo::proto {

inline constexpr std::uint32_t kMaxBoothFetchEntries = 32;
inline constexpr std::uint32_t kMaxBoothFetchNameLength = 120;
inline constexpr std::uint32_t kMaxBoothFetchNoteLength = 1000;

// Where an offered bundle comes from.
enum class BoothSource : std::uint8_t {
    Exhibition, // never published: made on the server from the exhibition file and its files
    Published,  // the latest approved submission, as uploaded
    Pending,    // a newer submission still waiting for the organiser
};
inline constexpr std::uint32_t kBoothSourceMax = 2;

// One bundle the asker may open; the bytes come by HASH over ContentRequest (bulk channel).
struct BoothFetchEntry {
    std::string boothId;
    std::string name; // the exhibitor's company name, for the pick list
    std::uint64_t revision = 0;
    BoothSource source = BoothSource::Exhibition;
    Hash128 bundle;         // XXH3-128 of the .booth bytes
    std::uint64_t size = 0; // bytes of the .booth
    bool operator==(const BoothFetchEntry&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeString(s, boothId, kMaxIdLength));
        FG_SER(net::serializeString(s, name, kMaxBoothFetchNameLength));
        FG_SER(net::serializeU64(s, revision));
        FG_SER(serializeEnum(s, source, kBoothSourceMax));
        FG_SER(serializeHash(s, bundle));
        return net::serializeU64(s, size);
    }
};

// Exhibitor or organiser -> server (channel 0): the booths I may open (BOOTHID empty: all of my
// exhibitor's booths), or booth BOOTHID. Answered by BoothFetchReply.
struct BoothFetchRequest {
    static constexpr const char* kName = "BoothFetchRequest";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string boothId;
    bool operator==(const BoothFetchRequest&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        return net::serializeString(s, boothId, kMaxIdLength);
    }
};

// Server -> asker (channel 0): ok = false with REASON (not yours, unknown booth, visitor), or
// the bundles to choose from; NOTE says what a person should know (a newer submission is
// waiting for approval, the last one was rejected, files missing on the server).
struct BoothFetchReply {
    static constexpr const char* kName = "BoothFetchReply";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::uint32_t requestId = 0;
    bool ok = false;
    std::string reason;
    std::string note;
    std::vector<BoothFetchEntry> entries;
    bool operator==(const BoothFetchReply&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeBool(s, ok));
        FG_SER(net::serializeString(s, reason, kMaxReasonLength));
        FG_SER(net::serializeString(s, note, kMaxBoothFetchNoteLength));
        std::uint32_t count = std::uint32_t(entries.size());
        FG_SER(net::serializeInt(s, count, 0, kMaxBoothFetchEntries));
        if constexpr (S::kIsReading) {
            if (std::size_t(count) * 200 > s.bitsRemaining()) return false; // >= 200 bits each
            entries.resize(count);
        }
        for (auto& e : entries)
            FG_SER(e.serialize(s));
        return true;
    }
};

// "exhibition", "published", "pending approval".
inline const char* toString(BoothSource source) {
    switch (source) {
    case BoothSource::Exhibition:
        return "exhibition";
    case BoothSource::Published:
        return "published";
    case BoothSource::Pending:
        return "pending approval";
    }
    return "unknown";
}

} // namespace fg::expo::proto
