// Slide decks for the sample's forum and roundtable sessions (PNG pages drawn on a Canvas, and
// one PDF written by fg_doc's PdfWriter) and the layouts of its stage and roundtable venues.
// Drawing and data only; the builder decides which session gets which and where files go.
#pragma once

#include "tools/gen-sample/Artwork.h"
#include "tools/gen-sample/Catalogue.h"
#include "tools/gen-sample/FileSet.h"
#include "tools/gen-sample/SampleLayout.h"

#include <nlohmann/json.hpp>
#include <string>

namespace fg::sample {

// The `deck` value for session S (a PDF path, a list of PNG paths, or null for no deck),
// adding its files to FILES.
nlohmann::ordered_json deckFor(const Fonts& fonts, const SessionSpec& s, FileSet& files);
// The `layout` of venue V (null: the venue keeps the default layout).
nlohmann::ordered_json layoutFor(const VenueSpec& v);

} // namespace fg::sample
