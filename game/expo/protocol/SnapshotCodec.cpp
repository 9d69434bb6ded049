// Snapshot delta encoder/decoder over sorted avatar lists (a merge walk, no allocation per entry
// beyond the output). Must stay deterministic: the same inputs give the same bytes.
#include "game/expo/protocol/SnapshotCodec.h"

#include <fmt/format.h>

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
    return out;
}

} // namespace fg::expo::proto
