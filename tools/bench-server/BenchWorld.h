// The benchmark's exhibition: one big hall with a grid of booths, built in code (and written to
// disk for the socket benchmark). Benchmark helper only; not a sample exhibition.
#pragma once

#include "engine/core/File.h"
#include "game/expo/Exhibition.h"
#include "game/expo/ExhibitionJson.h"

#include <filesystem>
#include <fmt/format.h>

namespace fg::bench {

// Hall 200 x 200 m, spawn at the south entrance, 6 x 6 booths (M size) on a 30 m grid.
inline expo::Exhibition benchExhibition() {
    expo::Exhibition ex;
    ex.event = {"Bench Fair",
                "Bench",
                "VN",
                "UTC",
                1634000000 - 1634000000 % 86400,
                1634000000 - 1634000000 % 86400 + 2 * 86400};
    expo::Hall hall;
    hall.id = "bench-hall";
    hall.name = "Bench Hall";
    hall.size = {200.0f, 200.0f};
    hall.wallHeight = 10;
    hall.entrances.push_back({expo::Wall::South, 100, 10});
    hall.spawn = {{100.0f, 4.0f}, 0.0f};
    ex.halls.push_back(hall);
    for (int row = 0; row < 6; ++row)
        for (int col = 0; col < 6; ++col) {
            const int n = row * 6 + col;
            expo::Exhibitor e;
            e.id = fmt::format("company-{}", n);
            e.name = fmt::format("Company {}", n);
            e.country = "VN";
            e.sector = "Telecom";
            e.website = "https://example.com";
            e.email = "info@example.com";
            e.logo = "logo.png";
            ex.exhibitors.push_back(e);
            expo::Booth b;
            b.id = fmt::format("booth-{}", n);
            b.exhibitor = e.id;
            b.hall = hall.id;
            b.size = expo::BoothSize::M;
            b.position = {25.0f + 30.0f * float(col), 25.0f + 30.0f * float(row)};
            ex.booths.push_back(b);
        }
    return ex;
}

// benchExhibition with a forum stage along the hall's north wall (80 x 14 m, CAPACITY seats by
// the default layout) and one session in it, "bench-forum", scheduled over the event's first day.
inline expo::Exhibition stageBenchExhibition(std::uint32_t capacity) {
    expo::Exhibition ex = benchExhibition();
    expo::Venue venue;
    venue.id = "bench-stage";
    venue.name = "Bench Stage";
    venue.kind = expo::VenueKind::Stage;
    venue.rect = {60.0f, 184.0f, 80.0f, 14.0f};
    venue.capacity = capacity;
    ex.halls[0].venues.push_back(venue);
    expo::Session session;
    session.id = "bench-forum";
    session.kind = expo::SessionKind::Forum;
    session.title = "Bench forum";
    session.start = ex.event.opens + 3600;
    session.end = session.start + 3600;
    session.venue = venue.id;
    ex.sessions.push_back(session);
    return ex;
}

// Writes EX (default: benchExhibition) as exhibition.json and its logo into DIR; returns the
// JSON path.
inline Result<std::filesystem::path>
writeBenchExhibition(const std::filesystem::path& dir,
                     const expo::Exhibition& ex = benchExhibition()) {
    static const std::uint8_t kPng[] = {
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
        0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00,
        0x00, 0x90, 0x77, 0x53, 0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x08,
        0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xdd, 0x8d,
        0xb0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};
    std::filesystem::create_directories(dir);
    if (auto st = writeFileAtomic(dir / "logo.png", std::span(kPng, sizeof kPng)); !st)
        return st.error();
    if (auto st = expo::saveExhibition(ex, dir / "exhibition.json"); !st) return st.error();
    return dir / "exhibition.json";
}

} // namespace fg::bench
