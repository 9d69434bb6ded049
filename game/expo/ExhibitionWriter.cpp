// Exhibition -> canonical JSON text (spec key order, shortest round-trip floats) and atomic save.
// Writes only what the model holds; it does not validate and never reads files.
#include "engine/core/File.h"
#include "game/expo/ExhibitionJson.h"
#include "game/expo/ExhibitionSyntax.h"
#include "game/expo/JsonTextWriter.h"
#include "game/expo/MeetingHours.h"
#include "game/expo/protocol/ContentNames.h"

namespace fg::expo {
namespace {

using detail::JsonTextWriter;

void field(JsonTextWriter& w, std::string_view key, std::string_view value) {
    w.key(key);
    w.string(value);
}

// KEY: {"fr": "...", ...} in code order; nothing when there is no translation.
void translations(JsonTextWriter& w, std::string_view key, const Translations& t) {
    if (t.empty()) return;
    w.key(key);
    w.beginObject();
    for (const auto& [code, text] : t)
        field(w, code, text);
    w.endObject();
}

void point(JsonTextWriter& w, std::string_view key, glm::vec2 p) {
    w.key(key);
    w.numbers({p.x, p.y});
}

void vec3(JsonTextWriter& w, std::string_view key, glm::vec3 v) {
    w.key(key);
    w.numbers({v.x, v.y, v.z});
}

void rect(JsonTextWriter& w, std::string_view key, const Rect& r) {
    w.key(key);
    w.numbers({r.x, r.z, r.width, r.depth});
}

// Writes KEY: [ each item as an object written by FN ].
template <class T, class Fn>
void objects(JsonTextWriter& w, std::string_view key, const std::vector<T>& items, Fn fn) {
    w.key(key);
    w.beginArray();
    for (const T& item : items) {
        w.beginObject();
        fn(w, item);
        w.endObject();
    }
    w.endArray();
}

void writeEvent(JsonTextWriter& w, const Event& e) {
    w.key("event");
    w.beginObject();
    field(w, "name", e.name);
    field(w, "organiser", e.organiser);
    field(w, "host_country", e.hostCountry);
    field(w, "time_zone", e.timeZone);
    field(w, "opens", formatDate(e.opens));
    field(w, "closes", formatDate(e.closes));
    w.endObject();
}

void points(JsonTextWriter& w, std::string_view key, const std::vector<glm::vec2>& list) {
    if (list.empty()) return;
    w.key(key);
    w.beginArray();
    for (glm::vec2 p : list)
        w.numbers({p.x, p.y});
    w.endArray();
}

void writeVenueLayout(JsonTextWriter& w, const VenueLayout& l) {
    w.key("layout");
    w.beginObject();
    rect(w, "stage", l.stage);
    w.key("screen");
    w.beginObject();
    point(w, "position", l.screen.position);
    w.key("width");
    w.number(l.screen.width);
    w.key("height");
    w.number(l.screen.height);
    w.key("facing");
    w.number(l.screen.facing);
    w.endObject();
    points(w, "speaker_spots", l.speakerSpots);
    points(w, "seats", l.seats);
    if (!l.seatRows.empty())
        objects(w, "seat_rows", l.seatRows, [](JsonTextWriter& w, const SeatRow& r) {
            point(w, "from", r.from);
            point(w, "to", r.to);
            w.key("count");
            w.integer(r.count);
        });
    w.endObject();
}

void writeHall(JsonTextWriter& w, const Hall& h) {
    field(w, "id", h.id);
    field(w, "name", h.name);
    translations(w, "name_i18n", h.nameI18n);
    point(w, "origin", h.origin);
    point(w, "size", h.size);
    w.key("wall_height");
    w.number(h.wallHeight);
    objects(w, "entrances", h.entrances, [](JsonTextWriter& w, const Entrance& e) {
        field(w, "wall", toString(e.wall));
        w.key("offset");
        w.number(e.offset);
        w.key("width");
        w.number(e.width);
    });
    w.key("spawn");
    w.beginObject();
    point(w, "position", h.spawn.position);
    w.key("yaw");
    w.number(h.spawn.yaw);
    w.endObject();
    objects(w, "venues", h.venues, [](JsonTextWriter& w, const Venue& v) {
        field(w, "id", v.id);
        field(w, "name", v.name);
        translations(w, "name_i18n", v.nameI18n);
        field(w, "kind", toString(v.kind));
        rect(w, "rect", v.rect);
        w.key("capacity");
        w.integer(v.capacity);
        if (v.layout) writeVenueLayout(w, *v.layout);
    });
}

void writePavilion(JsonTextWriter& w, const Pavilion& p) {
    field(w, "id", p.id);
    field(w, "country", p.country);
    field(w, "name", p.name);
    translations(w, "name_i18n", p.nameI18n);
    field(w, "hall", p.hall);
    rect(w, "rect", p.rect);
    w.key("colors");
    w.beginObject();
    field(w, "floor", colorText(p.colors.floor));
    field(w, "accent", colorText(p.colors.accent));
    w.endObject();
    if (!p.flag.empty()) field(w, "flag", p.flag);
    w.key("host");
    w.boolean(p.host);
}

void writeExhibitor(JsonTextWriter& w, const Exhibitor& e) {
    field(w, "id", e.id);
    field(w, "name", e.name);
    field(w, "country", e.country);
    field(w, "sector", e.sector);
    field(w, "description", e.description);
    translations(w, "name_i18n", e.nameI18n);
    translations(w, "description_i18n", e.descriptionI18n);
    field(w, "website", e.website);
    field(w, "email", e.email);
    field(w, "logo", e.logo);
    w.key("sme");
    w.boolean(e.sme);
}

void writeContent(JsonTextWriter& w, const BoothContent& c) {
    w.key("content");
    w.beginObject();
    objects(w, "posters", c.posters, [](JsonTextWriter& w, const Poster& p) {
        w.key("slot");
        w.integer(p.slot);
        field(w, "image", p.image);
    });
    objects(w, "models", c.models, [](JsonTextWriter& w, const ModelPlacement& m) {
        field(w, "file", m.file);
        vec3(w, "position", m.position);
        vec3(w, "rotation", m.rotation);
        vec3(w, "scale", m.scale);
    });
    w.key("signs");
    w.strings(c.signs);
    objects(w, "documents", c.documents, [](JsonTextWriter& w, const Document& d) {
        field(w, "title", d.title);
        field(w, "file", d.file);
    });
    objects(w, "links", c.links, [](JsonTextWriter& w, const Link& l) {
        field(w, "title", l.title);
        field(w, "url", l.url);
    });
    objects(w, "videos", c.videos, [](JsonTextWriter& w, const Video& v) {
        field(w, "title", v.title);
        field(w, "url", v.url);
        field(w, "thumbnail", v.thumbnail);
    });
    w.endObject();
}

void writeMeetingHours(JsonTextWriter& w, const MeetingHours& h) {
    w.key("meetings");
    w.beginObject();
    if (!h.days.empty()) {
        std::vector<std::string> days;
        for (UnixSeconds d : h.days)
            days.push_back(formatDate(d));
        w.key("days");
        w.strings(days);
    }
    field(w, "from", clockText(h.fromMinute));
    field(w, "to", clockText(h.toMinute));
    w.key("slot_minutes");
    w.integer(h.slotMinutes);
    w.key("tables");
    w.integer(h.tables);
    w.endObject();
}

void writeBooth(JsonTextWriter& w, const Booth& b) {
    field(w, "id", b.id);
    field(w, "exhibitor", b.exhibitor);
    field(w, "hall", b.hall);
    if (!b.pavilion.empty()) field(w, "pavilion", b.pavilion);
    field(w, "kind", toString(b.kind));
    field(w, "size", toString(b.size));
    if (b.style != BoothStyle::Wall)
        field(w, "style", toString(b.style)); // files stay as they were
    point(w, "position", b.position);
    w.key("rotation");
    w.integer(b.rotation);
    writeContent(w, b.content);
    if (b.meetings) writeMeetingHours(w, *b.meetings);
    if (b.privateVoice) { // files without private voice stay as they were
        w.key("private_voice");
        w.boolean(true);
    }
}

void writeSpeaker(JsonTextWriter& w, const Speaker& p) {
    field(w, "name", p.name);
    if (!p.title.empty()) field(w, "title", p.title);
    if (!p.organisation.empty()) field(w, "organisation", p.organisation);
    if (!p.country.empty()) field(w, "country", p.country);
    if (!p.photo.empty()) field(w, "photo", p.photo);
}

void writeSession(JsonTextWriter& w, const Session& s) {
    field(w, "id", s.id);
    field(w, "kind", toString(s.kind));
    field(w, "title", s.title);
    field(w, "start", formatUtcTimestamp(s.start));
    field(w, "end", formatUtcTimestamp(s.end));
    field(w, "venue", s.venue);
    objects(w, "speakers", s.speakers, writeSpeaker);
    if (s.moderator) {
        w.key("moderator");
        w.beginObject();
        writeSpeaker(w, *s.moderator);
        w.endObject();
    }
    field(w, "description", s.description);
    translations(w, "title_i18n", s.titleI18n);
    translations(w, "description_i18n", s.descriptionI18n);
    // One PDF as a string, pages as an array (so a one-page PNG deck reads back as a list).
    if (s.deck.size() == 1 && lowerExtension(s.deck[0]) == ".pdf")
        field(w, "deck", s.deck[0]);
    else if (!s.deck.empty()) {
        w.key("deck");
        w.strings(s.deck);
    }
    if (s.registration.mode == RegistrationMode::None) return; // files stay as they were
    w.key("registration");
    w.beginObject();
    field(w, "mode", toString(s.registration.mode));
    if (s.registration.capacity != 0) {
        w.key("capacity");
        w.integer(s.registration.capacity);
    }
    w.endObject();
}

void writePitch(JsonTextWriter& w, const AwardPitch& p) {
    field(w, "booth", p.booth);
    field(w, "text", p.text);
    if (!p.poster.empty()) field(w, "poster", p.poster);
    if (!p.video.empty()) field(w, "video", p.video);
}

void writeCriterion(JsonTextWriter& w, const RubricCriterion& c) {
    field(w, "name", c.name);
    w.key("weight");
    w.integer(c.weight);
}

// Only what differs from the defaults, so a file from before the vote is written as it was.
void writeVoting(JsonTextWriter& w, const AwardCategory& a) {
    if (a.votingOpens == 0 && a.votingCloses == 0 && !a.guestsVote) return;
    w.key("voting");
    w.beginObject();
    if (a.votingOpens != 0) field(w, "opens", formatUtcTimestamp(a.votingOpens));
    if (a.votingCloses != 0) field(w, "closes", formatUtcTimestamp(a.votingCloses));
    if (a.guestsVote) {
        w.key("guests");
        w.boolean(true);
    }
    w.endObject();
}

void writeAward(JsonTextWriter& w, const AwardCategory& a) {
    field(w, "id", a.id);
    field(w, "name", a.name);
    w.key("finalists");
    w.strings(a.finalists);
    if (!a.pitches.empty()) objects(w, "pitches", a.pitches, writePitch);
    if (!a.rubric.empty()) objects(w, "rubric", a.rubric, writeCriterion);
    const AwardCategory defaults;
    if (a.juryWeight != defaults.juryWeight || a.publicWeight != defaults.publicWeight) {
        w.key("jury_weight");
        w.integer(a.juryWeight);
        w.key("public_weight");
        w.integer(a.publicWeight);
    }
    if (a.tieBreak != defaults.tieBreak) field(w, "tie_break", toString(a.tieBreak));
    writeVoting(w, a);
    if (!a.ceremony.empty()) field(w, "ceremony", a.ceremony);
}

} // namespace

std::string toJson(const Exhibition& ex) {
    JsonTextWriter w;
    w.beginObject();
    w.key("format");
    w.integer(ex.format);
    writeEvent(w, ex.event);
    objects(w, "halls", ex.halls, writeHall);
    objects(w, "pavilions", ex.pavilions, writePavilion);
    objects(w, "exhibitors", ex.exhibitors, writeExhibitor);
    objects(w, "booths", ex.booths, writeBooth);
    objects(w, "sessions", ex.sessions, writeSession);
    objects(w, "awards", ex.awards, writeAward);
    w.endObject();
    return w.take() + "\n";
}

Status saveExhibition(const Exhibition& exhibition, const std::filesystem::path& file) {
    return writeFileAtomic(file, std::string_view(toJson(exhibition)));
}

} // namespace fg::expo
