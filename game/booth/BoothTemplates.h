// New booths from templates: 2D wall, 2D corner, 3D island, each in sizes S, M and L.
// Produces plain bundles; no files are invented (a 3D island still needs a model imported).
#pragma once

#include "game/booth/BoothBundle.h"

#include <string>

namespace fg::booth {

enum class BoothTemplate : std::uint8_t { Wall2D, Corner2D, Island3D };
const char* toString(BoothTemplate t); // "2d-wall", "2d-corner", "3d-island"
// Parses "2d-wall" etc.; false for anything else.
bool parseTemplate(std::string_view text, BoothTemplate& out);

// A booth of template T and SIZE with one sign, owned by EXHIBITORID, in hall HALLID.
BoothBundle makeFromTemplate(BoothTemplate t, expo::BoothSize size, const std::string& boothId,
                             const std::string& exhibitorId, const std::string& hallId = "main");

} // namespace fg::booth
