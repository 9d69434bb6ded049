// A small in-memory exhibition for the server test suites: one hall, two exhibitors, two booths.
// Built in code (no files), so tests do not depend on the sample content or the JSON reader.
#pragma once

#include "game/expo/Exhibition.h"

namespace fg::test {

// Hall "main" 40 x 30 m. Booth "acme-1" (S, rotation 180) centred (10, 10): footprint
// x 8.5-11.5, z 8.5-11.5, open towards -z. Booth "beta-1" (M, rotation 270) centred (20, 10):
// footprint x 18.5-21.5, z 7-13, open towards -x (expo::boothFrontDirection).
inline expo::Exhibition makeTestExhibition() {
    expo::Exhibition ex;
    ex.event = {"Test Fair", "Org", "VN", "UTC", 0, 86400};
    expo::Hall hall;
    hall.id = "main";
    hall.name = "Main hall";
    hall.size = {40.0f, 30.0f};
    hall.wallHeight = 6;
    hall.spawn.position = {20.0f, 2.0f};
    ex.halls.push_back(hall);
    ex.exhibitors.push_back({"acme", "Acme", "VN", "Telecom", "", {}, {}, "https://acme.example",
                             "info@acme.example", "logo.png", false});
    ex.exhibitors.push_back({"beta", "Beta", "KR", "AI", "", {}, {}, "https://beta.example",
                             "info@beta.example", "logo.png", true});
    expo::Booth a;
    a.id = "acme-1";
    a.exhibitor = "acme";
    a.hall = "main";
    a.size = expo::BoothSize::S;
    a.position = {10.0f, 10.0f};
    a.rotation = 180;
    a.content.documents = {{"Brochure", "docs/acme.pdf"}};
    a.content.links = {{"Site", "https://acme.example"}};
    expo::Booth b = a;
    b.id = "beta-1";
    b.exhibitor = "beta";
    b.size = expo::BoothSize::M;
    b.position = {20.0f, 10.0f};
    b.rotation = 270;
    b.content = {};
    ex.booths = {a, b};
    return ex;
}

} // namespace fg::test
