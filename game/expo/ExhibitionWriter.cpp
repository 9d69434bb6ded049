// Exhibition -> canonical JSON text (spec key order, shortest round-trip floats) and atomic save.
// Writes only what the model holds; it does not validate and never reads files.
#include "engine/core/File.h"
#include "game/expo/ExhibitionJson.h"
#include "game/expo/ExhibitionSyntax.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace fg::expo {
namespace {

using ojson = nlohmann::ordered_json;

// Whole numbers print as integers; others as the shortest decimal that reads back to the same
// float (to_chars on the float, then the double nearest that text, which nlohmann prints
// shortest again), so 0.1f is written 0.1, not 0.10000000149011612.
ojson num(float f) {
    if (std::trunc(f) == f && std::fabs(f) < 1e15f) return static_cast<std::int64_t>(f);
    char buf[64];
    auto end = std::to_chars(buf, buf + sizeof buf - 1, f).ptr;
    *end = '\0';
    return std::strtod(buf, nullptr);
}

ojson point(glm::vec2 p) {
    return ojson::array({num(p.x), num(p.y)});
}
ojson vec3(glm::vec3 v) {
    return ojson::array({num(v.x), num(v.y), num(v.z)});
}
ojson rect(const Rect& r) {
    return ojson::array({num(r.x), num(r.z), num(r.width), num(r.depth)});
}

ojson hallJson(const Hall& h) {
    ojson entrances = ojson::array();
    for (const Entrance& e : h.entrances)
        entrances.push_back(
            {{"wall", toString(e.wall)}, {"offset", num(e.offset)}, {"width", num(e.width)}});
    ojson venues = ojson::array();
    for (const Venue& v : h.venues)
        venues.push_back({{"id", v.id},
                          {"name", v.name},
                          {"kind", toString(v.kind)},
                          {"rect", rect(v.rect)},
                          {"capacity", v.capacity}});
    return {{"id", h.id},
            {"name", h.name},
            {"origin", point(h.origin)},
            {"size", point(h.size)},
            {"wall_height", num(h.wallHeight)},
            {"entrances", entrances},
            {"spawn", {{"position", point(h.spawn.position)}, {"yaw", num(h.spawn.yaw)}}},
            {"venues", venues}};
}

ojson pavilionJson(const Pavilion& p) {
    ojson j = {
        {"id", p.id},
        {"country", p.country},
        {"name", p.name},
        {"hall", p.hall},
        {"rect", rect(p.rect)},
        {"colors", {{"floor", colorText(p.colors.floor)}, {"accent", colorText(p.colors.accent)}}}};
    if (!p.flag.empty()) j["flag"] = p.flag;
    j["host"] = p.host;
    return j;
}

ojson exhibitorJson(const Exhibitor& e) {
    return {{"id", e.id},
            {"name", e.name},
            {"country", e.country},
            {"sector", e.sector},
            {"description", e.description},
            {"website", e.website},
            {"email", e.email},
            {"logo", e.logo},
            {"sme", e.sme}};
}

ojson contentJson(const BoothContent& c) {
    ojson posters = ojson::array(), models = ojson::array(), documents = ojson::array(),
          links = ojson::array(), videos = ojson::array();
    for (const Poster& p : c.posters)
        posters.push_back({{"slot", p.slot}, {"image", p.image}});
    for (const ModelPlacement& m : c.models)
        models.push_back({{"file", m.file},
                          {"position", vec3(m.position)},
                          {"rotation", vec3(m.rotation)},
                          {"scale", vec3(m.scale)}});
    for (const Document& d : c.documents)
        documents.push_back({{"title", d.title}, {"file", d.file}});
    for (const Link& l : c.links)
        links.push_back({{"title", l.title}, {"url", l.url}});
    for (const Video& v : c.videos)
        videos.push_back({{"title", v.title}, {"url", v.url}, {"thumbnail", v.thumbnail}});
    return {{"posters", posters},     {"models", models}, {"signs", c.signs},
            {"documents", documents}, {"links", links},   {"videos", videos}};
}

ojson boothJson(const Booth& b) {
    ojson j = {{"id", b.id}, {"exhibitor", b.exhibitor}, {"hall", b.hall}};
    if (!b.pavilion.empty()) j["pavilion"] = b.pavilion;
    j["kind"] = toString(b.kind);
    j["size"] = toString(b.size);
    j["position"] = point(b.position);
    j["rotation"] = b.rotation;
    j["content"] = contentJson(b.content);
    return j;
}

ojson sessionJson(const Session& s) {
    return {{"id", s.id},
            {"kind", toString(s.kind)},
            {"title", s.title},
            {"start", formatUtcTimestamp(s.start)},
            {"end", formatUtcTimestamp(s.end)},
            {"venue", s.venue},
            {"speakers", s.speakers},
            {"description", s.description}};
}

template <class T, class F>
ojson listJson(const std::vector<T>& items, F toJsonFn) {
    ojson out = ojson::array();
    for (const T& item : items)
        out.push_back(toJsonFn(item));
    return out;
}

bool isScalar(const ojson& j) {
    return !j.is_structured();
}

std::string scalarText(const ojson& j) {
    return j.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

// Pretty printing as nlohmann does it, except that an array of scalars that fits on one line
// stays on one line: positions read [12, 30], not four lines each.
void writePretty(const ojson& j, int indent, std::string& out) {
    constexpr std::size_t kMaxInline = 100;
    std::string pad(static_cast<std::size_t>(indent + 2), ' ');
    if (j.is_object() && !j.empty()) {
        out += "{\n";
        std::size_t i = 0;
        for (const auto& [key, value] : j.items()) {
            out += pad + scalarText(ojson(key)) + ": ";
            writePretty(value, indent + 2, out);
            out += ++i < j.size() ? ",\n" : "\n";
        }
        out += std::string(static_cast<std::size_t>(indent), ' ') + "}";
        return;
    }
    if (j.is_array() && !j.empty()) {
        if (std::all_of(j.begin(), j.end(), isScalar)) {
            std::string line = "[";
            for (std::size_t i = 0; i < j.size(); ++i)
                line += (i ? ", " : "") + scalarText(j[i]);
            line += "]";
            if (line.size() + static_cast<std::size_t>(indent) <= kMaxInline) {
                out += line;
                return;
            }
        }
        out += "[\n";
        for (std::size_t i = 0; i < j.size(); ++i) {
            out += pad;
            writePretty(j[i], indent + 2, out);
            out += i + 1 < j.size() ? ",\n" : "\n";
        }
        out += std::string(static_cast<std::size_t>(indent), ' ') + "]";
        return;
    }
    out += scalarText(j); // scalars, {} and []
}

} // namespace

std::string toJson(const Exhibition& ex) {
    ojson root;
    root["format"] = ex.format;
    root["event"] = {{"name", ex.event.name},
                     {"organiser", ex.event.organiser},
                     {"host_country", ex.event.hostCountry},
                     {"time_zone", ex.event.timeZone},
                     {"opens", formatDate(ex.event.opens)},
                     {"closes", formatDate(ex.event.closes)}};
    root["halls"] = listJson(ex.halls, hallJson);
    root["pavilions"] = listJson(ex.pavilions, pavilionJson);
    root["exhibitors"] = listJson(ex.exhibitors, exhibitorJson);
    root["booths"] = listJson(ex.booths, boothJson);
    root["sessions"] = listJson(ex.sessions, sessionJson);
    root["awards"] = listJson(ex.awards, [](const AwardCategory& a) {
        return ojson{{"id", a.id}, {"name", a.name}, {"finalists", a.finalists}};
    });
    std::string out;
    writePretty(root, 0, out); // dumps with error_handler replace: never throws on bad UTF-8
    return out + "\n";
}

Status saveExhibition(const Exhibition& exhibition, const std::filesystem::path& file) {
    return writeFileAtomic(file, std::string_view(toJson(exhibition)));
}

} // namespace fg::expo
