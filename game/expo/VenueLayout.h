// Where a venue's stage, screen, speaker spots and seats are: the file's layout, or a default
// (stage and screen at the side farthest from the hall's spawn, seats filling the rest up to
// the venue's capacity). Pure functions over the model, shared by server, client and tools.
#pragma once

#include "game/expo/Exhibition.h"

#include <vector>

namespace fg::expo {

// Limits the validator enforces on a layout (docs/EXHIBITION_FORMAT.md).
inline constexpr std::size_t kMaxSpeakerSpots = 32;
inline constexpr std::size_t kMaxSeats = 5000; // points and rows together
inline constexpr std::uint32_t kMaxSeatsPerRow = 500;
inline constexpr std::size_t kMaxDeckPages = 100; // PNG/JPEG page files, or a PDF's pages

// Unit (x, z) direction of a facing in degrees: 0 -> +z, 90 -> +x (as avatars' yaw and booths).
glm::vec2 facingDirection(float degrees);
// VENUE's layout as written, or defaultVenueLayout when it has none.
VenueLayout venueLayout(const Hall& hall, const Venue& venue);
// The layout used when a venue gives none; its seats are rows, at most the venue's capacity.
VenueLayout defaultVenueLayout(const Hall& hall, const Venue& venue);
// Every seat of LAYOUT: its points, then each row's seats in order.
std::vector<glm::vec2> seatPositions(const VenueLayout& layout);
// Number of seats without expanding them (rows' counts summed; saturates).
std::size_t seatCount(const VenueLayout& layout);

} // namespace fg::expo
