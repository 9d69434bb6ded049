// Template definitions for new booths (kind, size, wall style, a starter sign).
// Must not add placeholder files that would be published as if they were the exhibitor's.
#include "game/booth/BoothTemplates.h"

namespace fg::booth {

const char* toString(BoothTemplate t) {
    switch (t) {
    case BoothTemplate::Wall2D:
        return "2d-wall";
    case BoothTemplate::Corner2D:
        return "2d-corner";
    case BoothTemplate::Island3D:
        return "3d-island";
    }
    return "?";
}

bool parseTemplate(std::string_view text, BoothTemplate& out) {
    for (BoothTemplate t :
         {BoothTemplate::Wall2D, BoothTemplate::Corner2D, BoothTemplate::Island3D})
        if (text == toString(t)) return out = t, true;
    return false;
}

BoothBundle makeFromTemplate(BoothTemplate t, expo::BoothSize size, const std::string& boothId,
                             const std::string& exhibitorId, const std::string& hallId) {
    BoothBundle b;
    b.booth.id = boothId;
    b.booth.exhibitor = exhibitorId;
    b.booth.hall = hallId;
    b.booth.size = size;
    b.booth.kind = t == BoothTemplate::Island3D ? expo::BoothKind::ThreeD : expo::BoothKind::TwoD;
    b.booth.style = t == BoothTemplate::Wall2D     ? BoothStyle::Wall
                    : t == BoothTemplate::Corner2D ? BoothStyle::Corner
                                                   : BoothStyle::Island;
    b.booth.content.signs.push_back("Your company");
    b.profile.id = exhibitorId;
    return b;
}

} // namespace fg::booth
