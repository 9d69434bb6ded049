// Applying an approved booth revision to an exhibition: the exhibitor's part of the booth only.
// Must not move, resize or re-hall a booth: placement is the organiser's.
#include "game/booth/PublishedRevision.h"

namespace fg::booth {

void applyRevision(expo::Exhibition& exhibition, const PublishedRevision& rev) {
    for (auto& b : exhibition.booths)
        if (b.id == rev.boothId) {
            b.kind = rev.manifest.booth.kind;
            b.style = rev.manifest.booth.style; // the walls are the exhibitor's design too
            b.content = rev.manifest.booth.content;
        }
    for (auto& e : exhibition.exhibitors)
        if (e.id == rev.manifest.profile.id) e = rev.manifest.profile;
}

} // namespace fg::booth
