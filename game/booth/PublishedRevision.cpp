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
    for (auto& e : exhibition.exhibitors) {
        if (e.id != rev.manifest.profile.id) continue;
        expo::Exhibitor next = rev.manifest.profile;
        // A bundle carries no translations: the file's stay while the text they translate does.
        if (next.name == e.name) next.nameI18n = e.nameI18n;
        if (next.description == e.description) next.descriptionI18n = e.descriptionI18n;
        e = std::move(next);
    }
}

} // namespace fg::booth
