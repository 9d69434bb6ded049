// libFuzzer entry for the client side of snapshot delta coding: a base snapshot, then a delta
// applied to it. Whatever applySnapshot accepts must be a valid avatar list that re-codes exactly.
#include "game/expo/protocol/MessageCodec.h"
#include "game/expo/protocol/SnapshotCodec.h"
#include "tests/fuzz/FuzzSupport.h"

#include <cstdlib>
#include <optional>

using namespace fg::expo::proto;

namespace {

// Input: u16 length + the base's packet (a whole Snapshot message, as on the wire), then the
// delta's packet. Anything that is not a Snapshot is simply not applied.
std::optional<Snapshot> snapshotIn(std::span<const std::uint8_t> packet) {
    auto message = decode(packet);
    if (!message.ok()) return std::nullopt;
    if (auto* snap = std::get_if<Snapshot>(&*message)) return std::move(*snap);
    return std::nullopt;
}

void checkList(const AvatarList& list) {
    if (list.size() > kMaxSnapshotEntries) std::abort();
    for (std::size_t i = 1; i < list.size(); ++i)
        if (list[i - 1].id >= list[i].id) std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fg::fuzz::InputReader in({data, size});
    auto first = snapshotIn(in.run());
    auto second = snapshotIn(in.rest());
    if (!first) return 0;
    auto base = applySnapshot(nullptr, *first);
    if (!base.ok()) return 0;
    checkList(*base);
    if (!second) return 0;
    auto next = applySnapshot(&*base, *second);
    if (!next.ok()) return 0;
    checkList(*next);
    // The server's encoder must describe the same change, and the client must rebuild it.
    Snapshot again = makeSnapshot(second->tick, 1, &*base, *next);
    auto rebuilt = applySnapshot(&*base, again);
    if (!rebuilt.ok() || *rebuilt != *next) std::abort();
    return 0;
}
