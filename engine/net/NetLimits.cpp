// Compile-time checks on the shared network constants.
// No code; keeps fg_net a library until the ENet host adapter lands beside it.
#include "engine/net/NetLimits.h"

static_assert(fg::net::kChannelCount == 3);
