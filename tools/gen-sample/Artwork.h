// Generated 2D graphics of the sample: pavilion flags, exhibitor logos, booth posters and video
// thumbnails, as encoded PNG bytes. Drawing only; the caller decides file names and writes them.
#pragma once

#include "tools/gen-sample/Catalogue.h"
#include "tools/gen-sample/Font.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fg::sample {

struct Fonts {
    Font bold;
    Font regular;
};

using Png = std::vector<std::uint8_t>;

// Stylised flag (recognisable colours and layout, not an official rendering) with the code.
Png drawFlag(const Fonts& fonts, const Country& country);
Png drawLogo(const Fonts& fonts, const Company& company);
// Poster `slot` of a booth (512 x 768): 0 brand, 1 key figures, 2+ programme / contact.
Png drawPoster(const Fonts& fonts, const Company& company, int slot, const std::string& boothLabel);
// A speaker's portrait placeholder (256 x 256): head and shoulders on a colour from the name,
// with the initials below.
Png drawPortrait(const Fonts& fonts, const std::string& name);
Png drawThumbnail(const Fonts& fonts, const Company& company, const std::string& title);
// The sector pictogram used on logos and posters, centred at (cx, cy) within `size` pixels.
void drawSectorIcon(Canvas& canvas, Sector sector, float cx, float cy, float size, Rgba colour,
                    Rgba background);

} // namespace fg::sample
