// booth.json writer and strict reader (unknown keys and wrong types are errors with a JSON path).
// Must not read files: the bundle code hands it text, so the server can run it on uploads.
#include "game/booth/BoothBundle.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace fg::booth {

namespace {

using Json = nlohmann::ordered_json;

Json vecJson(glm::vec2 v) {
    return Json::array({v.x, v.y});
}
Json vecJson(glm::vec3 v) {
    return Json::array({v.x, v.y, v.z});
}

Json contentJson(const expo::BoothContent& c) {
    Json j;
    j["posters"] = Json::array();
    for (const auto& p : c.posters)
        j["posters"].push_back({{"slot", p.slot}, {"image", p.image}});
    j["models"] = Json::array();
    for (const auto& m : c.models)
        j["models"].push_back({{"file", m.file},
                               {"position", vecJson(m.position)},
                               {"rotation", vecJson(m.rotation)},
                               {"scale", vecJson(m.scale)}});
    j["signs"] = c.signs;
    j["documents"] = Json::array();
    for (const auto& d : c.documents)
        j["documents"].push_back({{"title", d.title}, {"file", d.file}});
    j["links"] = Json::array();
    for (const auto& l : c.links)
        j["links"].push_back({{"title", l.title}, {"url", l.url}});
    j["videos"] = Json::array();
    for (const auto& v : c.videos)
        j["videos"].push_back({{"title", v.title}, {"url", v.url}, {"thumbnail", v.thumbnail}});
    return j;
}

Json boothJson(const expo::Booth& b) {
    Json j;
    j["id"] = b.id;
    j["exhibitor"] = b.exhibitor;
    j["hall"] = b.hall;
    if (!b.pavilion.empty()) j["pavilion"] = b.pavilion;
    j["kind"] = expo::toString(b.kind);
    j["size"] = expo::toString(b.size);
    j["position"] = vecJson(b.position);
    j["rotation"] = b.rotation;
    j["content"] = contentJson(b.content);
    return j;
}

Json profileJson(const expo::Exhibitor& e) {
    return Json{{"id", e.id},
                {"name", e.name},
                {"country", e.country},
                {"sector", e.sector},
                {"description", e.description},
                {"website", e.website},
                {"email", e.email},
                {"logo", e.logo},
                {"sme", e.sme}};
}

// Strict reader: each getter records the first problem with its JSON path and returns a default.
class Reader {
public:
    explicit Reader(std::string label) : m_label(std::move(label)) {}
    bool failed() const { return !m_error.empty(); }
    Error error() const { return makeError(m_error); }

    void fail(const std::string& path, std::string_view expected, const Json& found) {
        if (m_error.empty())
            m_error = fmt::format("{}: {}: expected {}, found {}", m_label, path, expected,
                                  found.dump().substr(0, 80));
    }
    const Json* object(const Json& j, const std::string& path,
                       std::initializer_list<const char*> keys) {
        if (!j.is_object()) return fail(path, "an object", j), nullptr;
        for (const auto& [k, v] : j.items()) {
            bool known = false;
            for (const char* key : keys)
                known = known || k == key;
            if (!known) fail(path + "." + k, "no such key", v);
        }
        return &j;
    }
    const Json& at(const Json& j, const std::string& path, const char* key, bool optional = false) {
        static const Json kNull;
        if (!j.contains(key)) {
            if (!optional) fail(path + "." + key, "a value", kNull);
            return kNull;
        }
        return j.at(key);
    }
    std::string str(const Json& j, const std::string& path, const char* key,
                    bool optional = false) {
        const Json& v = at(j, path, key, optional);
        if (v.is_null() && optional) return {};
        if (!v.is_string()) return fail(path + "." + key, "a string", v), std::string();
        return v.get<std::string>();
    }
    double num(const Json& v, const std::string& path) {
        if (!v.is_number()) return fail(path, "a number", v), 0.0;
        return v.get<double>();
    }
    template <int N>
    glm::vec<N, float> vec(const Json& j, const std::string& path, const char* key) {
        const Json& v = at(j, path, key);
        glm::vec<N, float> out(0.0f);
        if (!v.is_array() || v.size() != N)
            return fail(path + "." + key, fmt::format("{} numbers", N), v), out;
        for (int i = 0; i < N; ++i)
            out[i] = static_cast<float>(num(v[i], fmt::format("{}.{}[{}]", path, key, i)));
        return out;
    }
    const Json& array(const Json& j, const std::string& path, const char* key) {
        const Json& v = at(j, path, key);
        static const Json kEmpty = Json::array();
        if (!v.is_array()) return fail(path + "." + key, "an array", v), kEmpty;
        return v;
    }

private:
    std::string m_label;
    std::string m_error;
};

void readContent(Reader& r, const Json& j, const std::string& p, expo::BoothContent& c) {
    if (!r.object(j, p, {"posters", "models", "signs", "documents", "links", "videos"})) return;
    int i = 0;
    for (const Json& e : r.array(j, p, "posters")) {
        std::string ep = fmt::format("{}.posters[{}]", p, i++);
        if (!r.object(e, ep, {"slot", "image"})) continue;
        const Json& slot = r.at(e, ep, "slot");
        if (!slot.is_number_unsigned()) r.fail(ep + ".slot", "a slot number", slot);
        c.posters.push_back(
            {slot.is_number_unsigned() ? slot.get<std::uint32_t>() : 0, r.str(e, ep, "image")});
    }
    i = 0;
    for (const Json& e : r.array(j, p, "models")) {
        std::string ep = fmt::format("{}.models[{}]", p, i++);
        if (!r.object(e, ep, {"file", "position", "rotation", "scale"})) continue;
        c.models.push_back({r.str(e, ep, "file"), r.vec<3>(e, ep, "position"),
                            r.vec<3>(e, ep, "rotation"), r.vec<3>(e, ep, "scale")});
    }
    i = 0;
    for (const Json& e : r.array(j, p, "signs")) {
        std::string ep = fmt::format("{}.signs[{}]", p, i++);
        if (!e.is_string()) r.fail(ep, "a string", e);
        c.signs.push_back(e.is_string() ? e.get<std::string>() : std::string());
    }
    i = 0;
    for (const Json& e : r.array(j, p, "documents")) {
        std::string ep = fmt::format("{}.documents[{}]", p, i++);
        if (r.object(e, ep, {"title", "file"}))
            c.documents.push_back({r.str(e, ep, "title"), r.str(e, ep, "file")});
    }
    i = 0;
    for (const Json& e : r.array(j, p, "links")) {
        std::string ep = fmt::format("{}.links[{}]", p, i++);
        if (r.object(e, ep, {"title", "url"}))
            c.links.push_back({r.str(e, ep, "title"), r.str(e, ep, "url")});
    }
    i = 0;
    for (const Json& e : r.array(j, p, "videos")) {
        std::string ep = fmt::format("{}.videos[{}]", p, i++);
        if (r.object(e, ep, {"title", "url", "thumbnail"}))
            c.videos.push_back(
                {r.str(e, ep, "title"), r.str(e, ep, "url"), r.str(e, ep, "thumbnail")});
    }
}

void readBooth(Reader& r, const Json& j, expo::Booth& b) {
    const std::string p = "booth";
    if (!r.object(j, p,
                  {"id", "exhibitor", "hall", "pavilion", "kind", "size", "position", "rotation",
                   "content"}))
        return;
    b.id = r.str(j, p, "id");
    b.exhibitor = r.str(j, p, "exhibitor");
    b.hall = r.str(j, p, "hall");
    b.pavilion = r.str(j, p, "pavilion", true);
    std::string kind = r.str(j, p, "kind"), size = r.str(j, p, "size");
    if (kind == "2d")
        b.kind = expo::BoothKind::TwoD;
    else if (kind == "3d")
        b.kind = expo::BoothKind::ThreeD;
    else
        r.fail(p + ".kind", "one of 2d, 3d", Json(kind));
    if (size == "S")
        b.size = expo::BoothSize::S;
    else if (size == "M")
        b.size = expo::BoothSize::M;
    else if (size == "L")
        b.size = expo::BoothSize::L;
    else
        r.fail(p + ".size", "one of S, M, L", Json(size));
    b.position = r.vec<2>(j, p, "position");
    const Json& rot = r.at(j, p, "rotation");
    if (!rot.is_number_integer() || rot.get<int>() % 90 != 0 || rot.get<int>() < 0 ||
        rot.get<int>() > 270)
        r.fail(p + ".rotation", "one of 0, 90, 180, 270", rot);
    else
        b.rotation = rot.get<int>();
    readContent(r, r.at(j, p, "content"), p + ".content", b.content);
}

void readProfile(Reader& r, const Json& j, expo::Exhibitor& e) {
    const std::string p = "profile";
    if (!r.object(
            j, p,
            {"id", "name", "country", "sector", "description", "website", "email", "logo", "sme"}))
        return;
    e.id = r.str(j, p, "id");
    e.name = r.str(j, p, "name");
    e.country = r.str(j, p, "country");
    e.sector = r.str(j, p, "sector");
    e.description = r.str(j, p, "description");
    e.website = r.str(j, p, "website");
    e.email = r.str(j, p, "email");
    e.logo = r.str(j, p, "logo");
    const Json& sme = r.at(j, p, "sme");
    if (!sme.is_boolean()) r.fail(p + ".sme", "true or false", sme);
    e.sme = sme.is_boolean() && sme.get<bool>();
}

} // namespace

std::string toBoothJson(const BoothBundle& bundle) {
    Json j;
    j["format"] = kBoothFormatVersion;
    j["style"] = toString(bundle.booth.style); // here, not in "booth": the format predates it
    j["booth"] = boothJson(bundle.booth);
    j["profile"] = profileJson(bundle.profile);
    return j.dump(2) + "\n";
}

Result<BoothBundle> parseBoothJson(std::string_view text, const std::string& label) {
    Json j = Json::parse(text, nullptr, false);
    if (j.is_discarded()) return makeError(label + ": not valid JSON");
    Reader r(label);
    BoothBundle out;
    if (!r.object(j, "", {"format", "style", "booth", "profile"})) return r.error();
    const Json& format = r.at(j, "", "format");
    if (!format.is_number_integer() || format.get<int>() != kBoothFormatVersion)
        r.fail(".format", "1", format);
    readBooth(r, r.at(j, "", "booth"), out.booth);
    std::string style = r.str(j, "", "style");
    if (style == "wall")
        out.booth.style = BoothStyle::Wall;
    else if (style == "corner")
        out.booth.style = BoothStyle::Corner;
    else if (style == "island")
        out.booth.style = BoothStyle::Island;
    else
        r.fail(".style", "one of wall, corner, island", Json(style));
    readProfile(r, r.at(j, "", "profile"), out.profile);
    if (r.failed()) return r.error();
    return out;
}

} // namespace fg::booth
