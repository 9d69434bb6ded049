// JSON text -> Exhibition: every type, key and enum problem is reported with its JSON path,
// then the validator runs. The only file that parses exhibition JSON; it never throws out.
#include "engine/core/File.h"
#include "game/expo/ExhibitionJson.h"
#include "game/expo/ExhibitionSyntax.h"
#include "game/expo/ExhibitionValidator.h"
#include "game/expo/JsonObjectReader.h"

#include <algorithm>
#include <fmt/format.h>

namespace fg::expo {
namespace {

using detail::JsonObjectReader;
using detail::ReadContext;
using json = nlohmann::json;

// Larger than any sane exhibition; a bigger file is an error, not an allocation attempt.
constexpr std::uint64_t kMaxExhibitionBytes = 64ull * 1024 * 1024;

const detail::EnumNames<Wall> kWalls = {
    {"north", Wall::North}, {"south", Wall::South}, {"east", Wall::East}, {"west", Wall::West}};
const detail::EnumNames<VenueKind> kVenueKinds = {{"stage", VenueKind::Stage},
                                                  {"room", VenueKind::Room}};
const detail::EnumNames<BoothKind> kBoothKinds = {{"2d", BoothKind::TwoD},
                                                  {"3d", BoothKind::ThreeD}};
const detail::EnumNames<BoothSize> kBoothSizes = {
    {"S", BoothSize::S}, {"M", BoothSize::M}, {"L", BoothSize::L}};
const detail::EnumNames<BoothStyle> kBoothStyles = {
    {"wall", BoothStyle::Wall}, {"corner", BoothStyle::Corner}, {"island", BoothStyle::Island}};
const detail::EnumNames<SessionKind> kSessionKinds = {{"forum", SessionKind::Forum},
                                                      {"roundtable", SessionKind::Roundtable},
                                                      {"masterclass", SessionKind::Masterclass},
                                                      {"awards", SessionKind::Awards}};
const detail::EnumNames<TieBreak> kTieBreaks = {{"jury", TieBreak::Jury},
                                                {"public", TieBreak::Public}};

void readEvent(JsonObjectReader o, Event& e) {
    o.string("name", e.name);
    o.string("organiser", e.organiser);
    o.string("host_country", e.hostCountry);
    o.string("time_zone", e.timeZone);
    o.date("opens", e.opens);
    o.date("closes", e.closes);
}

// venues[].layout: stage, screen, speaker_spots, seats (points) and seat_rows; the lists may be
// left out (empty).
void readVenueLayout(JsonObjectReader o, VenueLayout& l) {
    o.rect("stage", l.stage);
    if (auto screen = o.object("screen", {"position", "width", "height", "facing"})) {
        screen->point("position", l.screen.position);
        screen->number("width", l.screen.width);
        screen->number("height", l.screen.height);
        screen->number("facing", l.screen.facing);
    }
    if (o.has("speaker_spots")) o.pointArray("speaker_spots", l.speakerSpots);
    if (o.has("seats")) o.pointArray("seats", l.seats);
    if (o.has("seat_rows"))
        o.array("seat_rows", l.seatRows, [](JsonObjectReader r, SeatRow& row) {
            r.declare({"from", "to", "count"});
            r.point("from", row.from);
            r.point("to", row.to);
            r.uint32("count", row.count, "a count from 1 to 500");
        });
}

void readVenue(JsonObjectReader o, Venue& v) {
    o.string("id", v.id);
    o.string("name", v.name);
    o.translations("name_i18n", v.nameI18n);
    o.enumeration("kind", v.kind, kVenueKinds);
    o.rect("rect", v.rect);
    o.uint32("capacity", v.capacity, "an integer from 1 to 100000");
    if (o.has("layout"))
        if (auto l = o.object("layout", {"stage", "screen", "speaker_spots", "seats", "seat_rows"}))
            readVenueLayout(*l, v.layout.emplace());
}

void readHall(JsonObjectReader o, Hall& h) {
    o.string("id", h.id);
    o.string("name", h.name);
    o.translations("name_i18n", h.nameI18n);
    o.point("origin", h.origin);
    o.point("size", h.size);
    o.number("wall_height", h.wallHeight);
    o.array("entrances", h.entrances, [](JsonObjectReader e, Entrance& en) {
        e.declare({"wall", "offset", "width"});
        e.enumeration("wall", en.wall, kWalls);
        e.number("offset", en.offset);
        e.number("width", en.width);
    });
    if (auto spawn = o.object("spawn", {"position", "yaw"})) {
        spawn->point("position", h.spawn.position);
        spawn->number("yaw", h.spawn.yaw);
    }
    o.array("venues", h.venues, [](JsonObjectReader v, Venue& venue) {
        v.declare({"id", "name", "name_i18n", "kind", "rect", "capacity", "layout"});
        readVenue(v, venue);
    });
}

void readPavilion(JsonObjectReader o, Pavilion& p) {
    o.string("id", p.id);
    o.string("country", p.country);
    o.string("name", p.name);
    o.translations("name_i18n", p.nameI18n);
    o.string("hall", p.hall);
    o.rect("rect", p.rect);
    if (auto colors = o.object("colors", {"floor", "accent"})) {
        colors->color("floor", p.colors.floor);
        colors->color("accent", p.colors.accent);
    }
    o.optionalString("flag", p.flag, "a relative path to an image (or no flag key)");
    o.optionalBool("host", p.host);
}

void readExhibitor(JsonObjectReader o, Exhibitor& e) {
    o.string("id", e.id);
    o.string("name", e.name);
    o.string("country", e.country);
    o.string("sector", e.sector);
    o.string("description", e.description);
    o.translations("name_i18n", e.nameI18n);
    o.translations("description_i18n", e.descriptionI18n);
    o.string("website", e.website);
    o.string("email", e.email);
    o.string("logo", e.logo);
    o.optionalBool("sme", e.sme);
}

void readContent(JsonObjectReader o, BoothContent& c) {
    o.array("posters", c.posters, [](JsonObjectReader p, Poster& poster) {
        p.declare({"slot", "image"});
        p.uint32("slot", poster.slot, "a slot number from 0 up");
        p.string("image", poster.image);
    });
    o.array("models", c.models, [](JsonObjectReader m, ModelPlacement& model) {
        m.declare({"file", "position", "rotation", "scale"});
        m.string("file", model.file);
        m.vec3("position", model.position);
        m.vec3("rotation", model.rotation);
        m.vec3("scale", model.scale);
    });
    o.stringArray("signs", c.signs);
    o.array("documents", c.documents, [](JsonObjectReader d, Document& doc) {
        d.declare({"title", "file"});
        d.string("title", doc.title);
        d.string("file", doc.file);
    });
    o.array("links", c.links, [](JsonObjectReader l, Link& link) {
        l.declare({"title", "url"});
        l.string("title", link.title);
        l.string("url", link.url);
    });
    o.array("videos", c.videos, [](JsonObjectReader v, Video& video) {
        v.declare({"title", "url", "thumbnail"});
        v.string("title", video.title);
        v.string("url", video.url);
        v.string("thumbnail", video.thumbnail);
    });
}

// booths[].meetings: days (default every event day), from, to, slot_minutes, tables (default 1).
void readMeetingHours(JsonObjectReader o, MeetingHours& h) {
    if (o.has("days")) o.dateArray("days", h.days);
    o.clock("from", h.fromMinute);
    o.clock("to", h.toMinute);
    o.integer("slot_minutes", h.slotMinutes, "15, 30, 45 or 60");
    if (o.has("tables")) o.integer("tables", h.tables, "a number of tables (1 to 20)");
}

void readBooth(JsonObjectReader o, Booth& b) {
    o.string("id", b.id);
    o.string("exhibitor", b.exhibitor);
    o.string("hall", b.hall);
    o.optionalString("pavilion", b.pavilion, "the id of a pavilion (or no pavilion key)");
    o.enumeration("kind", b.kind, kBoothKinds);
    o.enumeration("size", b.size, kBoothSizes);
    o.optionalEnumeration("style", b.style, kBoothStyles); // files before styles: walls
    o.point("position", b.position);
    o.rotation("rotation", b.rotation);
    if (auto content =
            o.object("content", {"posters", "models", "signs", "documents", "links", "videos"}))
        readContent(*content, b.content);
    if (o.has("meetings"))
        if (auto m = o.object("meetings", {"days", "from", "to", "slot_minutes", "tables"}))
            readMeetingHours(*m, b.meetings.emplace());
    o.optionalBool("private_voice", b.privateVoice);
}

const detail::EnumNames<RegistrationMode> kRegistrationModes = {
    {"none", RegistrationMode::None},
    {"optional", RegistrationMode::Optional},
    {"required", RegistrationMode::Required}};

void readSpeaker(JsonObjectReader o, Speaker& p) {
    o.declare({"name", "title", "organisation", "country", "photo"});
    o.string("name", p.name);
    o.optionalString("title", p.title, "a non-empty string");
    o.optionalString("organisation", p.organisation, "a non-empty string");
    o.optionalString("country", p.country, "an ISO 3166-1 alpha-2 code");
    o.optionalString("photo", p.photo, "a relative path of an image");
}

void speakerFromName(std::string name, Speaker& p) {
    p.name = std::move(name);
}

// speakers: objects, or the names of files from before structured speakers; moderator likewise.
void readPeople(JsonObjectReader& o, Session& s) {
    o.arrayOrStrings("speakers", s.speakers, readSpeaker, speakerFromName);
    if (!o.has("moderator")) return;
    if (const std::string* name = o.stringAt("moderator"))
        s.moderator = Speaker{*name, {}, {}, {}, {}};
    else if (auto m = o.object("moderator", {"name", "title", "organisation", "country", "photo"}))
        readSpeaker(*m, s.moderator.emplace());
}

void readRegistration(JsonObjectReader& o, Registration& r) {
    if (!o.has("registration")) return;
    auto reg = o.object("registration", {"mode", "capacity"});
    if (!reg) return;
    reg->enumeration("mode", r.mode, kRegistrationModes);
    if (reg->has("capacity")) reg->uint32("capacity", r.capacity, "an integer from 1 to 100000");
}

void readSession(JsonObjectReader o, Session& s) {
    o.string("id", s.id);
    o.enumeration("kind", s.kind, kSessionKinds);
    o.string("title", s.title);
    o.time("start", s.start);
    o.time("end", s.end);
    o.string("venue", s.venue);
    readPeople(o, s);
    o.string("description", s.description);
    o.translations("title_i18n", s.titleI18n);
    o.translations("description_i18n", s.descriptionI18n);
    if (o.has("deck")) o.stringOrStrings("deck", s.deck);
    readRegistration(o, s.registration);
}

// awards[]: everything past id, name and finalists is optional (files before the vote).
void readAward(JsonObjectReader& a, AwardCategory& award) {
    a.string("id", award.id);
    a.string("name", award.name);
    a.stringArray("finalists", award.finalists);
    if (a.has("pitches"))
        a.array("pitches", award.pitches, [](JsonObjectReader p, AwardPitch& pitch) {
            p.declare({"booth", "text", "poster", "video"});
            p.string("booth", pitch.booth);
            p.string("text", pitch.text);
            p.optionalString("poster", pitch.poster, "a relative path of an image");
            p.optionalString("video", pitch.video, "an http:// or https:// URL");
        });
    if (a.has("rubric"))
        a.array("rubric", award.rubric, [](JsonObjectReader r, RubricCriterion& c) {
            r.declare({"name", "weight"});
            r.string("name", c.name);
            if (r.has("weight")) r.uint32("weight", c.weight, "an integer from 1 to 100");
        });
    if (a.has("jury_weight")) a.uint32("jury_weight", award.juryWeight, "an integer from 0 to 100");
    if (a.has("public_weight"))
        a.uint32("public_weight", award.publicWeight, "an integer from 0 to 100");
    a.optionalEnumeration("tie_break", award.tieBreak, kTieBreaks);
    if (a.has("voting"))
        if (auto v = a.object("voting", {"opens", "closes", "guests"})) {
            if (v->has("opens")) v->time("opens", award.votingOpens);
            if (v->has("closes")) v->time("closes", award.votingCloses);
            v->optionalBool("guests", award.guestsVote);
        }
    a.optionalString("ceremony", award.ceremony, "the id of an awards session");
}

void readTop(JsonObjectReader o, Exhibition& ex) {
    o.integer("format", ex.format, "1");
    if (auto event = o.object(
            "event", {"name", "organiser", "host_country", "time_zone", "opens", "closes"}))
        readEvent(*event, ex.event);
    o.array("halls", ex.halls, [](JsonObjectReader h, Hall& hall) {
        h.declare({"id", "name", "name_i18n", "origin", "size", "wall_height", "entrances", "spawn",
                   "venues"});
        readHall(h, hall);
    });
    o.array("pavilions", ex.pavilions, [](JsonObjectReader p, Pavilion& pav) {
        p.declare({"id", "country", "name", "name_i18n", "hall", "rect", "colors", "flag", "host"});
        readPavilion(p, pav);
    });
    o.array("exhibitors", ex.exhibitors, [](JsonObjectReader e, Exhibitor& exhibitor) {
        e.declare({"id", "name", "country", "sector", "description", "name_i18n",
                   "description_i18n", "website", "email", "logo", "sme"});
        readExhibitor(e, exhibitor);
    });
    o.array("booths", ex.booths, [](JsonObjectReader b, Booth& booth) {
        b.declare({"id", "exhibitor", "hall", "pavilion", "kind", "size", "style", "position",
                   "rotation", "content", "meetings", "private_voice"});
        readBooth(b, booth);
    });
    o.array("sessions", ex.sessions, [](JsonObjectReader s, Session& session) {
        s.declare({"id", "kind", "title", "start", "end", "venue", "speakers", "moderator",
                   "description", "title_i18n", "description_i18n", "deck", "registration"});
        readSession(s, session);
    });
    o.array("awards", ex.awards, [](JsonObjectReader a, AwardCategory& award) {
        a.declare({"id", "name", "finalists", "pitches", "rubric", "jury_weight", "public_weight",
                   "tie_break", "voting", "ceremony"});
        readAward(a, award);
    });
}

// nlohmann's message reads "[json.exception.parse_error.101] parse error at line 3, column 7:
// syntax error ..."; split it into our path ("line 3, column 7") and message.
Problem syntaxProblem(const std::string& file, const std::string& what) {
    std::string text = what;
    if (auto bracket = text.find("] "); bracket != std::string::npos)
        text = text.substr(bracket + 2);
    constexpr std::string_view kAt = "parse error at ";
    if (text.starts_with(kAt)) {
        auto colon = text.find(": ", kAt.size());
        if (colon != std::string::npos)
            return Problem{file, text.substr(kAt.size(), colon - kAt.size()),
                           "expected valid JSON, found " + text.substr(colon + 2)};
    }
    return Problem{file, "", "expected valid JSON, found " + text};
}

// Finds keys that appear twice in one object while nlohmann parses (its DOM keeps only the
// last). Paths are built only when a duplicate is found: this runs for every value.
class DuplicateKeyFinder {
public:
    explicit DuplicateKeyFinder(std::vector<Problem>& out, const std::string& file)
        : m_out(out), m_file(file) {}

    bool operator()(int, json::parse_event_t event, json& parsed) {
        using E = json::parse_event_t;
        switch (event) {
        case E::key:
            onKey(parsed.get_ref<const std::string&>());
            break;
        case E::object_end:
        case E::array_end:
            m_frames.pop_back();
            break;
        case E::object_start:
        case E::array_start:
            m_frames.push_back(Frame{event == E::object_start, label(), {}, 0});
            break;
        case E::value:
            if (!m_frames.empty() && !m_frames.back().object) ++m_frames.back().next;
            break;
        }
        return true;
    }

private:
    struct Frame {
        bool object;
        std::string label;             // ".key" or "[index]" within the parent; "" at the root
        std::vector<std::string> keys; // objects: keys so far (few; linear search is fastest)
        std::size_t next;              // arrays: index of the next element
    };

    std::string label() {
        if (m_frames.empty()) return "";
        Frame& parent = m_frames.back();
        if (parent.object) return "." + (parent.keys.empty() ? std::string() : parent.keys.back());
        return "[" + std::to_string(parent.next++) + "]";
    }

    void onKey(const std::string& key) {
        Frame& f = m_frames.back();
        if (std::find(f.keys.begin(), f.keys.end(), key) != f.keys.end()) {
            std::string path;
            for (const Frame& frame : m_frames)
                path += frame.label;
            path += "." + key;
            m_out.push_back(Problem{m_file, path.substr(1),
                                    "expected each key once in an object, found \"" + key +
                                        "\" again (the last one would win)"});
        }
        f.keys.push_back(key);
    }

    std::vector<Problem>& m_out;
    const std::string& m_file;
    std::vector<Frame> m_frames;
};

} // namespace

LoadReport parseExhibition(std::string_view text, const std::filesystem::path& baseDir,
                           const std::string& fileLabel) {
    LoadReport report;
    json root;
    std::vector<Problem> duplicates;
    try {
        root = json::parse(text.begin(), text.end(), DuplicateKeyFinder(duplicates, fileLabel));
    } catch (const json::exception& e) {
        report.problems.push_back(syntaxProblem(fileLabel, e.what()));
        return report;
    }
    ReadContext context(fileLabel);
    context.problems = std::move(duplicates);
    Exhibition ex;
    JsonObjectReader top(
        context, &root, "",
        {"format", "event", "halls", "pavilions", "exhibitors", "booths", "sessions", "awards"});
    if (top.valid()) readTop(top, ex);
    report.problems = std::move(context.problems);
    if (top.valid()) {
        auto more = detail::validate(ex, baseDir, fileLabel, &context.broken);
        report.problems.insert(report.problems.end(), more.begin(), more.end());
    }
    report.exhibition = std::move(ex);
    return report;
}

LoadReport loadExhibition(const std::filesystem::path& file) {
    std::string label = file.filename().string();
    auto text = readFileText(file, kMaxExhibitionBytes);
    if (!text) {
        LoadReport report;
        report.problems.push_back(Problem{
            label, "", "expected a readable exhibition file, found " + text.error().message});
        return report;
    }
    return parseExhibition(*text, file.parent_path(), label);
}

} // namespace fg::expo
