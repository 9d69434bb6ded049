// libFuzzer entry for the protocol reader: decode must never crash, and whatever it accepts
// must re-encode to the same bytes. Built only with clang (tests/protocol/CMakeLists.txt).
#include "game/expo/protocol/MessageCodec.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto message = fg::expo::proto::decode(std::span(data, size));
    if (!message.ok()) return 0;
    auto again = fg::expo::proto::encode(*message);
    if (!again.ok() || again->size() != size || !std::equal(again->begin(), again->end(), data))
        std::abort();
    return 0;
}
