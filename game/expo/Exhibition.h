// The exhibition model: event, halls, pavilions, exhibitors, booths, sessions, awards.
// Plain data that every program shares (see docs/EXHIBITION_FORMAT.md); no JSON or I/O here.
#pragma once

#include "engine/core/Time.h"

#include <array>
#include <cstdint>
#include <glm/glm.hpp>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fg::expo {

// A name or text in other languages than the file's own: language code (ISO 639-1, "fr") ->
// text. JSON: "name_i18n": {"fr": "..."} beside "name" (docs/EXHIBITION_FORMAT.md).
using Translations = std::map<std::string, std::string>;
// TEXT in LANGUAGE when TRANSLATIONS has it, else TEXT itself.
const std::string& localized(const std::string& text, const Translations& translations,
                             std::string_view language);

inline constexpr int kFormatVersion = 1;

// Axis-aligned rectangle on a hall floor: corner (x, z) and extent (width along x, depth along z).
struct Rect {
    float x = 0, z = 0, width = 0, depth = 0;
    bool operator==(const Rect&) const = default;
};

struct Color {
    std::uint8_t r = 0, g = 0, b = 0;
    bool operator==(const Color&) const = default;
};

struct Event {
    std::string name;
    std::string organiser;
    std::string hostCountry; // ISO 3166-1 alpha-2
    std::string timeZone;    // IANA name
    UnixSeconds opens = 0;   // 00:00:00Z of the opening day
    UnixSeconds closes = 0;  // 00:00:00Z of the closing day (the event runs to its end)
    bool operator==(const Event&) const = default;
};

enum class Wall : std::uint8_t { North, South, East, West };

struct Entrance {
    Wall wall = Wall::South;
    float offset = 0; // centre of the opening along the wall
    float width = 0;
    bool operator==(const Entrance&) const = default;
};

struct Spawn {
    glm::vec2 position{0.0f}; // hall coordinates (x, z)
    float yaw = 0;            // degrees
    bool operator==(const Spawn&) const = default;
};

enum class VenueKind : std::uint8_t { Stage, Room };

// A venue's screen: the centre of its bottom edge on the floor plan (hall coordinates), its size
// in metres and the direction its picture faces (degrees: 0 -> +z, 90 -> +x, like booths).
struct Screen {
    glm::vec2 position{0.0f};
    float width = 0, height = 0;
    float facing = 0;
    bool operator==(const Screen&) const = default;
};

// COUNT seats evenly from FROM to TO (both included; one seat sits at FROM).
struct SeatRow {
    glm::vec2 from{0.0f}, to{0.0f};
    std::uint32_t count = 0;
    bool operator==(const SeatRow&) const = default;
};

// Where things stand in a venue (docs/EXHIBITION_FORMAT.md, venues[].layout), all inside its
// rect. Absent from a venue: defaultVenueLayout (game/expo/VenueLayout.h) places them.
struct VenueLayout {
    Rect stage;
    Screen screen;
    std::vector<glm::vec2> speakerSpots;
    std::vector<glm::vec2> seats;
    std::vector<SeatRow> seatRows;
    bool operator==(const VenueLayout&) const = default;
};

struct Venue {
    std::string id;
    std::string name;
    Translations nameI18n;
    VenueKind kind = VenueKind::Stage;
    Rect rect;
    std::uint32_t capacity = 0;
    std::optional<VenueLayout> layout;
    bool operator==(const Venue&) const = default;
};

struct Hall {
    std::string id;
    std::string name;
    Translations nameI18n;
    glm::vec2 origin{0.0f}; // world (x, z) of the hall's corner
    glm::vec2 size{0.0f};   // width (x), depth (z)
    float wallHeight = 0;
    std::vector<Entrance> entrances;
    Spawn spawn;
    std::vector<Venue> venues;
    bool operator==(const Hall&) const = default;
};

struct PavilionColors {
    Color floor;
    Color accent;
    bool operator==(const PavilionColors&) const = default;
};

struct Pavilion {
    std::string id;
    std::string country;
    std::string name;
    Translations nameI18n;
    std::string hall; // hall id
    Rect rect;
    PavilionColors colors;
    std::string flag; // relative path, empty when none
    bool host = false;
    bool operator==(const Pavilion&) const = default;
};

struct Exhibitor {
    std::string id;
    std::string name;
    std::string country;
    std::string sector;
    std::string description;
    Translations nameI18n, descriptionI18n;
    std::string website;
    std::string email;
    std::string logo; // relative path
    bool sme = false;
    bool operator==(const Exhibitor&) const = default;
};

enum class BoothKind : std::uint8_t { TwoD, ThreeD };
enum class BoothSize : std::uint8_t { S, M, L };
// The booth's walls: a back wall with half-depth side walls, a back wall and one full side wall
// (a corner plot), or none (an island open on all sides around a double-sided display wall).
enum class BoothStyle : std::uint8_t { Wall, Corner, Island };

struct Poster {
    std::uint32_t slot = 0;
    std::string image;
    bool operator==(const Poster&) const = default;
};

struct ModelPlacement {
    std::string file;
    glm::vec3 position{0.0f}; // booth-local metres
    glm::vec3 rotation{0.0f}; // degrees about x, y, z
    glm::vec3 scale{1.0f};
    bool operator==(const ModelPlacement&) const = default;
};

struct Document {
    std::string title;
    std::string file;
    bool operator==(const Document&) const = default;
};

struct Link {
    std::string title;
    std::string url;
    bool operator==(const Link&) const = default;
};

struct Video {
    std::string title;
    std::string url;
    std::string thumbnail;
    bool operator==(const Video&) const = default;
};

struct BoothContent {
    std::vector<Poster> posters;
    std::vector<ModelPlacement> models;
    std::vector<std::string> signs;
    std::vector<Document> documents;
    std::vector<Link> links;
    std::vector<Video> videos;
    bool operator==(const BoothContent&) const = default;
};

// When a booth takes meetings (docs/EXHIBITION_FORMAT.md, booths[].meetings): the same hours on
// each listed day (UTC, like every time in the file), cut into slots; `tables` meetings at once.
struct MeetingHours {
    std::vector<UnixSeconds> days; // 00:00:00Z of each day; empty: every day of the event
    int fromMinute = 9 * 60;       // minutes after 00:00 UTC
    int toMinute = 17 * 60;
    int slotMinutes = 30; // 15, 30, 45 or 60
    int tables = 1;       // meetings at once
    bool operator==(const MeetingHours&) const = default;
};

struct Booth {
    std::string id;
    std::string exhibitor; // exhibitor id
    std::string hall;      // hall id
    std::string pavilion;  // pavilion id, empty when none
    BoothKind kind = BoothKind::TwoD;
    BoothSize size = BoothSize::S;
    BoothStyle style = BoothStyle::Wall;
    glm::vec2 position{0.0f}; // footprint centre, hall coordinates
    int rotation = 0;         // 0, 90, 180 or 270 degrees
    BoothContent content;
    std::optional<MeetingHours> meetings; // absent: the booth takes no meeting requests
    // Voice inside the booth's visit zone is private: people there hear each other and nobody
    // outside, and hear no one outside (docs/VOICE.md).
    bool privateVoice = false;
    bool operator==(const Booth&) const = default;
};

enum class SessionKind : std::uint8_t { Forum, Roundtable, Masterclass, Awards };

// A person on the programme. Files before structure list speakers as plain names.
struct Speaker {
    std::string name;
    std::string title;        // "Minister of Digital Affairs"
    std::string organisation; // may be empty
    std::string country;      // ISO 3166-1 alpha-2, may be empty
    std::string photo;        // relative path of an image, empty when none
    bool operator==(const Speaker&) const = default;
};

// Whether people sign up for a session: none, optional (a seat is kept for them) or required
// (only registered people and staff enter the venue while the session runs).
enum class RegistrationMode : std::uint8_t { None, Optional, Required };

struct Registration {
    RegistrationMode mode = RegistrationMode::None;
    std::uint32_t capacity = 0; // confirmed places; later sign-ups wait (0: the venue's capacity)
    bool operator==(const Registration&) const = default;
};

struct Session {
    std::string id;
    SessionKind kind = SessionKind::Forum;
    std::string title;
    UnixSeconds start = 0;
    UnixSeconds end = 0;
    std::string venue; // venue id
    std::vector<Speaker> speakers;
    std::optional<Speaker> moderator;
    std::string description;
    Translations titleI18n, descriptionI18n;
    // Slides: one PDF, or PNG/JPEG pages in order (relative paths; asset names in a manifest,
    // where a PDF has become its rendered pages). Empty: no deck, the title card is shown.
    std::vector<std::string> deck;
    Registration registration;
    bool operator==(const Session&) const = default;
};

// A finalist's pitch in the Awards panel (docs/EXHIBITION_FORMAT.md, awards[].pitches).
struct AwardPitch {
    std::string booth;  // one of the category's finalists
    std::string text;   // 1 to 2000 characters
    std::string poster; // relative path of an image, empty when none
    std::string video;  // http(s) link, empty when none
    bool operator==(const AwardPitch&) const = default;
};

// One criterion a juror scores 1 to 10; a finalist's jury score is the weighted mean.
struct RubricCriterion {
    std::string name;
    std::uint32_t weight = 1; // 1 to 100
    bool operator==(const RubricCriterion&) const = default;
};

// How equal combined scores are ordered: the higher jury score, the more public votes; the
// other one next and the finalists' order in the file last.
enum class TieBreak : std::uint8_t { Jury, Public };

struct AwardCategory {
    std::string id;
    std::string name;
    std::vector<std::string> finalists; // booth ids
    std::vector<AwardPitch> pitches;    // at most one per finalist
    std::vector<RubricCriterion> rubric;
    std::uint32_t juryWeight = 0; // the result: jury share and public share, weighted
    std::uint32_t publicWeight = 100;
    TieBreak tieBreak = TieBreak::Jury;
    UnixSeconds votingOpens = 0;  // 0: the event's opening day
    UnixSeconds votingCloses = 0; // 0: the end of the event's closing day
    bool guestsVote = false;      // people without a ticket or credential may vote
    std::string ceremony;         // the awards session where the winner is revealed
    bool operator==(const AwardCategory&) const = default;
};

struct Exhibition {
    int format = kFormatVersion;
    Event event;
    std::vector<Hall> halls;
    std::vector<Pavilion> pavilions;
    std::vector<Exhibitor> exhibitors;
    std::vector<Booth> booths;
    std::vector<Session> sessions;
    std::vector<AwardCategory> awards;
    bool operator==(const Exhibition&) const = default;
};

// Budgets and footprint of one booth size template (docs/EXHIBITION_FORMAT.md).
struct SizeTemplate {
    BoothSize size;
    float width; // along x at rotation 0
    float depth; // along z at rotation 0
    std::uint32_t maxPosters, maxModels, maxSigns, maxDocuments, maxLinks, maxVideos;
    std::uint64_t maxTotalBytes;
};

const SizeTemplate& sizeTemplate(BoothSize size);
// The booth's footprint on its hall floor (width and depth swapped at 90 and 270 degrees).
Rect boothFootprint(const Booth& booth);

// Unit (x, z) direction from the booth's centre out through its open front: booth-local +z
// turned by `rotation` about +y, so 0 -> +z, 90 -> +x, 180 -> -z, 270 -> -x. The renderer draws
// the back wall on the other side; visit zones, approach points and bots all use this.
glm::vec2 boothFrontDirection(const Booth& booth);
// Points `gap` metres outside the footprint, centred on each side: the open front first, then
// its left and right sides, then the back (callers take the first one that is free).
std::array<glm::vec2, 4> boothApproachPoints(const Booth& booth, float gap);

// Lookups by id; nullptr when absent. Linear: for tools and validation, not per-frame paths.
const Hall* findHall(const Exhibition& ex, const std::string& id);
const Pavilion* findPavilion(const Exhibition& ex, const std::string& id);
const Exhibitor* findExhibitor(const Exhibition& ex, const std::string& id);
const Booth* findBooth(const Exhibition& ex, const std::string& id);
const Session* findSession(const Exhibition& ex, std::string_view id);
// The venue a session takes place in, and its hall's index (null when absent).
const Venue* findVenue(const Exhibition& ex, std::string_view venueId, std::uint32_t* hall);
// A registration's confirmed places: its capacity, else the venue's (0 when neither is known).
std::uint32_t registrationCapacity(const Exhibition& ex, const Session& session);
// The speakers' names, comma-separated ("Ana Lima, Kim Tran"); empty when none.
std::string speakerNames(const Session& session);

const char* toString(BoothKind kind);        // "2d", "3d"
const char* toString(BoothSize size);        // "S", "M", "L"
const char* toString(BoothStyle style);      // "wall", "corner", "island"
const char* toString(SessionKind kind);      // "forum", ...
const char* toString(VenueKind kind);        // "stage", "room"
const char* toString(RegistrationMode mode); // "none", "optional", "required"
const char* toString(Wall wall);             // "north", ...
const char* toString(TieBreak tieBreak);     // "jury", "public"
// The voting window of A in EX, [opens, closes): the file's, else the event's days.
std::pair<UnixSeconds, UnixSeconds> votingWindow(const Exhibition& ex, const AwardCategory& a);

} // namespace fg::expo
