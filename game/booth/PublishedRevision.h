// An approved booth revision as visitors get it, and the one rule that applies it to an
// exhibition (server on approval and restart, client on BoothRevision). No I/O, network or store.
#pragma once

#include "engine/core/Hash.h"
#include "game/booth/BoothBundle.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fg::booth {

// Files are named "<hash>.fgm" (cooked model), "<hash>.fgt" (cooked image) or
// "<hash>.pdf|.txt" (documents), all fetched by hash.
struct PublishedRevision {
    std::string boothId;
    std::int64_t revision = 0;
    BoothBundle manifest; // files empty; paths are asset names
    std::vector<Hash128> assets;
};

// Replaces BOOTHID's kind, style and content and its exhibitor's profile in EXHIBITION with
// REV's (asset names). Hall, position, rotation and size stay the organiser's.
void applyRevision(expo::Exhibition& exhibition, const PublishedRevision& rev);

} // namespace fg::booth
