// Derived facts about the exhibition model: size templates, footprints, lookups, names.
// No JSON, no I/O and no validation here (see ExhibitionJson and ExhibitionValidator).
#include "game/expo/Exhibition.h"

#include <algorithm>

namespace fg::expo {
namespace {

constexpr std::uint64_t kMiB = 1024ull * 1024ull;

constexpr SizeTemplate kTemplates[] = {
    {BoothSize::S, 3.0f, 3.0f, 2, 1, 1, 4, 4, 1, 16 * kMiB},
    {BoothSize::M, 6.0f, 3.0f, 4, 2, 2, 8, 8, 2, 48 * kMiB},
    {BoothSize::L, 6.0f, 6.0f, 6, 4, 3, 12, 12, 4, 96 * kMiB},
};

template <class T>
const T* findById(const std::vector<T>& items, const std::string& id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& t) { return t.id == id; });
    return it == items.end() ? nullptr : &*it;
}

} // namespace

const SizeTemplate& sizeTemplate(BoothSize size) {
    return kTemplates[static_cast<int>(size)];
}

Rect boothFootprint(const Booth& booth) {
    const SizeTemplate& t = sizeTemplate(booth.size);
    bool swapped = booth.rotation == 90 || booth.rotation == 270;
    float w = swapped ? t.depth : t.width;
    float d = swapped ? t.width : t.depth;
    return Rect{booth.position.x - w * 0.5f, booth.position.y - d * 0.5f, w, d};
}

glm::vec2 boothFrontDirection(const Booth& booth) {
    switch (((booth.rotation / 90) % 4 + 4) % 4) {
    case 1:
        return {1.0f, 0.0f};
    case 2:
        return {0.0f, -1.0f};
    case 3:
        return {-1.0f, 0.0f};
    default:
        return {0.0f, 1.0f};
    }
}

std::array<glm::vec2, 4> boothApproachPoints(const Booth& booth, float gap) {
    const Rect f = boothFootprint(booth);
    const glm::vec2 centre{f.x + f.width * 0.5f, f.z + f.depth * 0.5f};
    const glm::vec2 half{f.width * 0.5f + gap, f.depth * 0.5f + gap};
    const glm::vec2 front = boothFrontDirection(booth);
    const glm::vec2 side{front.y, -front.x};
    return {centre + front * half, centre + side * half, centre - side * half,
            centre - front * half};
}

const Hall* findHall(const Exhibition& ex, const std::string& id) {
    return findById(ex.halls, id);
}
const Pavilion* findPavilion(const Exhibition& ex, const std::string& id) {
    return findById(ex.pavilions, id);
}
const Exhibitor* findExhibitor(const Exhibition& ex, const std::string& id) {
    return findById(ex.exhibitors, id);
}
const Booth* findBooth(const Exhibition& ex, const std::string& id) {
    return findById(ex.booths, id);
}

const Session* findSession(const Exhibition& ex, std::string_view id) {
    for (const Session& s : ex.sessions)
        if (s.id == id) return &s;
    return nullptr;
}

const Venue* findVenue(const Exhibition& ex, std::string_view venueId, std::uint32_t* hall) {
    for (std::uint32_t h = 0; h < ex.halls.size(); ++h)
        for (const Venue& v : ex.halls[h].venues)
            if (v.id == venueId) {
                if (hall) *hall = h;
                return &v;
            }
    return nullptr;
}

std::string speakerNames(const Session& session) {
    std::string names;
    for (const Speaker& sp : session.speakers)
        names += (names.empty() ? "" : ", ") + sp.name;
    return names;
}

std::uint32_t registrationCapacity(const Exhibition& ex, const Session& session) {
    if (session.registration.capacity != 0) return session.registration.capacity;
    const Venue* venue = findVenue(ex, session.venue, nullptr);
    return venue ? venue->capacity : 0;
}

const char* toString(BoothKind kind) {
    return kind == BoothKind::TwoD ? "2d" : "3d";
}

const char* toString(BoothStyle style) {
    switch (style) {
    case BoothStyle::Wall:
        return "wall";
    case BoothStyle::Corner:
        return "corner";
    case BoothStyle::Island:
        return "island";
    }
    return "?";
}

const char* toString(BoothSize size) {
    switch (size) {
    case BoothSize::S:
        return "S";
    case BoothSize::M:
        return "M";
    case BoothSize::L:
        return "L";
    }
    return "?";
}

const std::string& localized(const std::string& text, const Translations& translations,
                             std::string_view language) {
    const auto it = translations.find(std::string(language));
    return it == translations.end() ? text : it->second;
}

const char* toString(SessionKind kind) {
    switch (kind) {
    case SessionKind::Forum:
        return "forum";
    case SessionKind::Roundtable:
        return "roundtable";
    case SessionKind::Masterclass:
        return "masterclass";
    case SessionKind::Awards:
        return "awards";
    }
    return "?";
}

const char* toString(VenueKind kind) {
    return kind == VenueKind::Stage ? "stage" : "room";
}

const char* toString(RegistrationMode mode) {
    switch (mode) {
    case RegistrationMode::None:
        return "none";
    case RegistrationMode::Optional:
        return "optional";
    case RegistrationMode::Required:
        return "required";
    }
    return "none";
}

const char* toString(Wall wall) {
    switch (wall) {
    case Wall::North:
        return "north";
    case Wall::South:
        return "south";
    case Wall::East:
        return "east";
    case Wall::West:
        return "west";
    }
    return "?";
}

const char* toString(TieBreak tieBreak) {
    return tieBreak == TieBreak::Public ? "public" : "jury";
}

std::pair<UnixSeconds, UnixSeconds> votingWindow(const Exhibition& ex, const AwardCategory& a) {
    constexpr UnixSeconds kDay = 24 * 60 * 60;
    return {a.votingOpens != 0 ? a.votingOpens : ex.event.opens,
            a.votingCloses != 0 ? a.votingCloses : ex.event.closes + kDay};
}

} // namespace fg::expo
