// Snapshot delta encoder/decoder over sorted avatar lists (a merge walk, no allocation per entry
// beyond the output). Must stay deterministic: the same inputs give the same bytes.
#include "game/expo/protocol/SnapshotCodec.h"

#include <array>
#include <bit>
#include <cstring>
#include <fmt/format.h>
#include <span>
#include <type_traits>

namespace fg::expo::proto {

namespace {

SnapshotEntry fullEntry(const AvatarState& a) {
    SnapshotEntry e;
    e.id = a.id;
    e.x = a.x;
    e.z = a.z;
    e.heading = a.heading;
    e.anim = a.anim;
    return e;
}

// Entry for an avatar present in the base; nullopt-like flag when nothing changed.
bool deltaEntry(const AvatarState& was, const AvatarState& now, SnapshotEntry& e) {
    e = SnapshotEntry{};
    e.id = now.id;
    e.inBase = true;
    e.hasPosition = was.x != now.x || was.z != now.z;
    e.hasHeading = was.heading != now.heading;
    e.hasAnim = was.anim != now.anim;
    if (!e.hasPosition && !e.hasHeading && !e.hasAnim) return false;
    if (e.hasPosition) {
        std::int64_t dx = std::int64_t(now.x) - was.x, dz = std::int64_t(now.z) - was.z;
        e.smallDelta = dx >= kSmallDeltaMin && dx <= kSmallDeltaMax && dz >= kSmallDeltaMin &&
                       dz <= kSmallDeltaMax;
        if (e.smallDelta) {
            e.dx = std::int32_t(dx);
            e.dz = std::int32_t(dz);
        } else {
            e.x = now.x;
            e.z = now.z;
        }
    }
    e.heading = now.heading;
    e.anim = now.anim;
    return true;
}

} // namespace

Snapshot makeSnapshot(std::uint32_t tick, std::uint32_t baseTick, const AvatarList* base,
                      const AvatarList& current) {
    Snapshot snap;
    snap.tick = tick;
    snap.baseTick = base ? baseTick : 0;
    snap.entries.reserve(current.size());
    static const AvatarList kEmpty;
    const AvatarList& b = base ? *base : kEmpty;
    std::size_t i = 0, j = 0;
    while (i < b.size() || j < current.size()) {
        if (j == current.size() || (i < b.size() && b[i].id < current[j].id)) {
            snap.removed.push_back(b[i++].id);
        } else if (i == b.size() || current[j].id < b[i].id) {
            snap.entries.push_back(fullEntry(current[j++]));
        } else {
            SnapshotEntry e;
            if (deltaEntry(b[i], current[j], e)) snap.entries.push_back(e);
            ++i;
            ++j;
        }
    }
    return snap;
}

namespace {

// Appends fields little-endian first, bit-identical to net::BitWriter, into a buffer sized up
// front: the per-tick path needs no bounds checks per field and no growth.
class PacketBits {
public:
    explicit PacketBits(std::uint8_t* bytes) : m_bytes(bytes) {}
    // Up to 32 bits per call; values are already in range.
    [[gnu::always_inline]] void put(std::uint64_t value, int bits) {
        m_scratch |= value << m_scratchBits;
        m_scratchBits += bits;
        if (m_scratchBits >= 32) {
            if constexpr (std::endian::native == std::endian::little) {
                const std::uint32_t word = std::uint32_t(m_scratch);
                std::memcpy(m_bytes + m_size, &word, 4);
                m_size += 4;
            } else {
                for (int i = 0; i < 4; ++i)
                    m_bytes[m_size++] = std::uint8_t(m_scratch >> (8 * i));
            }
            m_scratch >>= 32;
            m_scratchBits -= 32;
        }
    }
    [[gnu::always_inline]] void put64(std::uint64_t value, int bits) {
        if (bits > 32) {
            put(value & 0xffffffffu, 32);
            put(value >> 32, bits - 32);
        } else {
            put(value, bits);
        }
    }
    // Pads the last byte with zeros; returns the byte count.
    std::size_t finish() {
        for (; m_scratchBits > 0; m_scratchBits -= std::min(m_scratchBits, 8)) {
            m_bytes[m_size++] = std::uint8_t(m_scratch);
            m_scratch >>= 8;
        }
        return m_size;
    }

private:
    std::uint8_t* m_bytes;
    std::size_t m_size = 0;
    std::uint64_t m_scratch = 0;
    int m_scratchBits = 0;
};

// One entry as at most 64 bits in wire order (first field in the lowest bits). No member
// initializers: the encoder's 256-entry scratch array must not be zeroed on every call.
struct PackedEntry {
    std::uint64_t bits;
    int length;
};

constexpr int kIdBits = net::bitsRequired(kMaxClientId);
constexpr int kPosBits = net::bitsRequired(kPositionCodes);
constexpr int kHeadBits = net::bitsRequired(kHeadingCodes - 1);
constexpr int kAnimBits = net::bitsRequired(kAnimMax);
constexpr int kDeltaBits = net::bitsRequired(std::uint64_t(kSmallDeltaMax - kSmallDeltaMin));
constexpr int kCountBits = net::bitsRequired(kMaxSnapshotEntries);
constexpr int kHallBits = net::bitsRequired(kMaxHalls - 1);
static_assert(kIdBits + 1 + 2 * kPosBits + kHeadBits + kAnimBits <= 64);
static_assert(kIdBits + 5 + 2 * kPosBits + kHeadBits + kAnimBits <= 64);

template <class T, class... Ts>
constexpr std::uint32_t variantIndex(const std::variant<Ts...>*) {
    std::uint32_t i = 0;
    (void)((std::is_same_v<T, Ts> ? true : (++i, false)) || ...);
    return i;
}
constexpr std::uint32_t kSnapshotType = variantIndex<Snapshot>(static_cast<Message*>(nullptr));

bool validState(const AvatarState& a) {
    return a.id <= kMaxClientId && a.x <= kPositionCodes && a.z <= kPositionCodes &&
           a.heading < kHeadingCodes && std::uint32_t(a.anim) <= kAnimMax;
}

[[gnu::always_inline]] inline PackedEntry packFull(const AvatarState& a) {
    std::uint64_t v = a.id; // inBase = 0 follows as a zero bit
    int n = kIdBits + 1;
    v |= std::uint64_t(a.x) << n;
    n += kPosBits;
    v |= std::uint64_t(a.z) << n;
    n += kPosBits;
    v |= std::uint64_t(a.heading) << n;
    n += kHeadBits;
    v |= std::uint64_t(a.anim) << n;
    return {v, n + kAnimBits};
}

// False when nothing changed (the entry is omitted), like deltaEntry above.
[[gnu::always_inline]] inline bool packDelta(const AvatarState& was, const AvatarState& now,
                                             PackedEntry& out) {
    const bool pos = was.x != now.x || was.z != now.z;
    const bool head = was.heading != now.heading;
    const bool anim = was.anim != now.anim;
    if (!pos && !head && !anim) return false;
    std::uint64_t v =
        std::uint64_t(now.id) | (1ull << kIdBits) | (std::uint64_t(pos) << (kIdBits + 1)) |
        (std::uint64_t(head) << (kIdBits + 2)) | (std::uint64_t(anim) << (kIdBits + 3));
    int n = kIdBits + 4;
    if (pos) {
        const std::int64_t dx = std::int64_t(now.x) - was.x, dz = std::int64_t(now.z) - was.z;
        const bool small = dx >= kSmallDeltaMin && dx <= kSmallDeltaMax && dz >= kSmallDeltaMin &&
                           dz <= kSmallDeltaMax;
        v |= std::uint64_t(small) << n++;
        if (small) {
            v |= std::uint64_t(dx - kSmallDeltaMin) << n;
            v |= std::uint64_t(dz - kSmallDeltaMin) << (n + kDeltaBits);
            n += 2 * kDeltaBits;
        } else {
            v |= std::uint64_t(now.x) << n;
            v |= std::uint64_t(now.z) << (n + kPosBits);
            n += 2 * kPosBits;
        }
    }
    if (head) {
        v |= std::uint64_t(now.heading) << n;
        n += kHeadBits;
    }
    if (anim) {
        v |= std::uint64_t(now.anim) << n;
        n += kAnimBits;
    }
    out = {v, n};
    return true;
}

} // namespace

namespace {

// The encoder reads either layout through these: size(), id(i), state(i).
struct ListView {
    const AvatarList& list;
    std::size_t size() const { return list.size(); }
    std::uint16_t id(std::size_t i) const { return list[i].id; }
    const AvatarState& state(std::size_t i) const { return list[i]; }
};
struct TableView {
    std::span<const std::uint16_t> ids;
    const PackedState* states;
    std::size_t size() const { return ids.size(); }
    std::uint16_t id(std::size_t i) const { return ids[i]; }
    AvatarState state(std::size_t i) const {
        if (ids[i] > kMaxClientId) return {ids[i], 0, 0, 0, Anim(kAnimMax + 1)}; // invalid
        return unpackState(ids[i], states[ids[i]]);
    }
};

template <class Base, class Current>
Status encodeWith(const SnapshotHeader& header, bool hasBase, const Base& b, const Current& c,
                  std::vector<std::uint8_t>& out) {
    if (b.size() > kMaxSnapshotEntries || c.size() > kMaxSnapshotEntries ||
        header.hall >= kMaxHalls)
        return makeError(fmt::format("encode Snapshot {}: more than {} avatars or hall {}",
                                     header.tick, kMaxSnapshotEntries, header.hall));
    std::array<std::uint16_t, kMaxSnapshotEntries> removed;
    std::array<PackedEntry, kMaxSnapshotEntries> entries;
    std::size_t removedCount = 0, entryCount = 0, i = 0, j = 0;
    while (i < b.size() || j < c.size()) {
        if (j == c.size() || (i < b.size() && b.id(i) < c.id(j))) {
            removed[removedCount++] = b.id(i++);
            continue;
        }
        const AvatarState now = c.state(j);
        if (!validState(now)) break;
        if (i == b.size() || c.id(j) < b.id(i)) {
            entries[entryCount++] = packFull(now);
        } else {
            entryCount += packDelta(b.state(i++), now, entries[entryCount]);
        }
        ++j;
    }
    if (j < c.size() || (removedCount > 0 && removed[removedCount - 1] > kMaxClientId))
        return makeError(
            fmt::format("encode Snapshot {}: a field is outside its protocol range", header.tick));
    // type, tick, baseTick, hall, lastInput, two counts; ids; 64 bits per entry at most.
    const std::size_t maxBits =
        6 + 3 * 32 + kHallBits + 2 * kCountBits + removedCount * kIdBits + entryCount * 64;
    out.resize(maxBits / 8 + 16);
    PacketBits w(out.data());
    w.put(kSnapshotType, kMessageTypeBits);
    w.put(header.tick, 32);
    w.put(hasBase ? header.baseTick : 0, 32);
    w.put(header.hall, kHallBits);
    w.put(header.lastInput, 32);
    w.put(removedCount, kCountBits);
    for (std::size_t r = 0; r < removedCount; ++r)
        w.put(removed[r], kIdBits);
    w.put(entryCount, kCountBits);
    for (std::size_t e = 0; e < entryCount; ++e)
        w.put64(entries[e].bits, entries[e].length);
    out.resize(w.finish());
    return {};
}

} // namespace

PackedState packState(const AvatarState& a) {
    return PackedState(a.x) | (PackedState(a.z) << 17) | (PackedState(a.heading) << 34) |
           (PackedState(a.anim) << 44);
}

AvatarState unpackState(std::uint16_t id, PackedState p) {
    return {id, std::uint32_t(p & 0x1ffff), std::uint32_t((p >> 17) & 0x1ffff),
            std::uint16_t((p >> 34) & 0x3ff), Anim((p >> 44) & 0xff)};
}

Status encodeSnapshot(const SnapshotHeader& header, const AvatarList* base,
                      const AvatarList& current, std::vector<std::uint8_t>& out) {
    static const AvatarList kEmpty;
    return encodeWith(header, base != nullptr, ListView{base ? *base : kEmpty}, ListView{current},
                      out);
}

Status encodeSnapshot(const SnapshotHeader& header, std::span<const std::uint16_t> baseIds,
                      const PackedState* baseStates, std::span<const std::uint16_t> ids,
                      const PackedState* states, std::vector<std::uint8_t>& out) {
    const bool hasBase = baseStates != nullptr;
    return encodeWith(header, hasBase,
                      TableView{hasBase ? baseIds : std::span<const std::uint16_t>{}, baseStates},
                      TableView{ids, states}, out);
}

namespace {

Result<AvatarState> applyEntry(const AvatarState* was, const SnapshotEntry& e) {
    AvatarState a = was ? *was : AvatarState{};
    a.id = e.id;
    if (e.hasPosition) {
        if (e.smallDelta) {
            std::int64_t x = std::int64_t(a.x) + e.dx, z = std::int64_t(a.z) + e.dz;
            if (x < 0 || z < 0 || x > kPositionCodes || z > kPositionCodes)
                return makeError(fmt::format("snapshot: avatar {} delta leaves the hall", e.id));
            a.x = std::uint32_t(x);
            a.z = std::uint32_t(z);
        } else {
            a.x = e.x;
            a.z = e.z;
        }
    }
    if (e.hasHeading) a.heading = e.heading;
    if (e.hasAnim) a.anim = e.anim;
    return a;
}

} // namespace

Result<AvatarList> applySnapshot(const AvatarList* base, const Snapshot& snap) {
    if (snap.baseTick != 0 && !base)
        return makeError(fmt::format("snapshot {}: base {} unknown", snap.tick, snap.baseTick));
    static const AvatarList kEmpty;
    const AvatarList& b = (snap.baseTick != 0) ? *base : kEmpty;
    AvatarList out;
    out.reserve(b.size() + snap.entries.size());
    std::size_t r = 0, i = 0, k = 0;
    while (i < b.size() || k < snap.entries.size()) {
        const SnapshotEntry* e = k < snap.entries.size() ? &snap.entries[k] : nullptr;
        if (i < b.size() && (!e || b[i].id < e->id)) {
            if (r < snap.removed.size() && snap.removed[r] == b[i].id) {
                ++r; // left the view
            } else {
                out.push_back(b[i]);
            }
            ++i;
            continue;
        }
        bool matches = i < b.size() && b[i].id == e->id;
        if (e->inBase != matches)
            return makeError(fmt::format("snapshot {}: entry {} does not match base {}", snap.tick,
                                         e->id, snap.baseTick));
        if (!out.empty() && out.back().id >= e->id)
            return makeError(
                fmt::format("snapshot {}: ids not increasing at {}", snap.tick, e->id));
        auto a = applyEntry(matches ? &b[i] : nullptr, *e);
        if (!a) return a.error();
        out.push_back(*a);
        if (matches) ++i;
        ++k;
    }
    if (r != snap.removed.size())
        return makeError(fmt::format("snapshot {}: removes an avatar not in base", snap.tick));
    if (out.size() > kMaxSnapshotEntries)
        return makeError(fmt::format("snapshot {}: a view of more than {} avatars", snap.tick,
                                     kMaxSnapshotEntries));
    return out;
}

} // namespace fg::expo::proto
