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

const char* toString(BoothKind kind) {
    return kind == BoothKind::TwoD ? "2d" : "3d";
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

} // namespace fg::expo
