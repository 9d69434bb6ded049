// Turns the catalogue and the floor plan into exhibition.json (docs/EXHIBITION_FORMAT.md) and
// the files it references. Everything lands in a FileSet; nothing here touches the disk.
#include "tools/gen-sample/SampleBuilder.h"

#include "tools/gen-sample/Decks.h"
#include "tools/gen-sample/Pdf.h"
#include "tools/gen-sample/Products.h"
#include "tools/gen-sample/SampleLayout.h"

#include <cctype>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>

namespace fg::sample {

namespace {

using Json = nlohmann::ordered_json;

Json rectJson(const RectSpec& r) {
    return Json::array({r.x, r.z, r.w, r.d});
}

Json hallJson(const HallSpec& h) {
    Json entrances = Json::array(), venues = Json::array();
    for (const EntranceSpec& e : h.entrances)
        entrances.push_back({{"wall", e.wall}, {"offset", e.offset}, {"width", e.width}});
    for (const VenueSpec& v : h.venues) {
        venues.push_back({{"id", v.id},
                          {"name", v.name},
                          {"kind", v.kind},
                          {"rect", rectJson(v.rect)},
                          {"capacity", v.capacity}});
        if (Json layout = layoutFor(v); !layout.is_null()) venues.back()["layout"] = layout;
    }
    return {{"id", h.id},
            {"name", h.name},
            {"origin", {h.origin.x, h.origin.y}},
            {"size", {h.size.x, h.size.y}},
            {"wall_height", h.wallHeight},
            {"entrances", entrances},
            {"spawn", {{"position", {h.spawn.x, h.spawn.y}}, {"yaw", h.spawnYaw}}},
            {"venues", venues}};
}

Json pavilionsJson(const Fonts& fonts, const Layout& layout, FileSet& files) {
    Json out = Json::array();
    for (std::size_t i = 0; i < layout.pavilions.size(); ++i) {
        const PavilionSpec& p = layout.pavilions[i];
        const Country& c = pavilionCountries()[i];
        std::string flag = "flags/" + p.id.substr(p.id.size() - 2) + ".png";
        files.add(flag, drawFlag(fonts, c));
        Json j = {
            {"id", p.id},
            {"country", c.code},
            {"name", c.code == "VN" ? "Viet Nam – Host Country Pavilion" : c.name + " Pavilion"},
            {"hall", p.hall},
            {"rect", rectJson(p.rect)},
            {"colors", {{"floor", c.floor}, {"accent", c.accent}}},
            {"flag", flag}};
        if (c.code == "VN") j["host"] = true;
        out.push_back(j);
    }
    return out;
}

Json exhibitorsJson(const Fonts& fonts, FileSet& files) {
    Json out = Json::array();
    for (const Company& co : companies()) {
        std::string logo = "logos/" + co.id + ".png";
        files.add(logo, drawLogo(fonts, co));
        const SectorInfo& info = sectorInfo(co.sector);
        std::string description = fmt::format(
            "{}. {} {} is a fictional {} from {}, invented for the Fairground sample exhibition.",
            co.tagline, info.blurb, co.name, co.sme ? "small enterprise" : "company",
            countryName(co.country));
        Json j = {{"id", co.id},
                  {"name", shownName(co)},
                  {"country", co.country},
                  {"sector", info.name},
                  {"description", description},
                  {"website", "https://" + co.id + ".example"},
                  {"email", "contact@" + co.id + ".example"},
                  {"logo", logo}};
        if (co.sme) j["sme"] = true;
        out.push_back(j);
    }
    return out;
}

// "Name, Title" of the catalogue as a structured speaker with a generated photo; the country
// cycles through the pavilions so the agenda shows a spread. A group ("Heads of delegation")
// has a name only.
Json speakerJson(const Fonts& fonts, const std::string& name, const std::string& title,
                 FileSet& files) {
    if (title.empty()) return {{"name", name}};
    std::string slug;
    for (char ch : name)
        if (std::isalnum(std::uint8_t(ch))) slug += char(std::tolower(std::uint8_t(ch)));
    if (slug.empty()) { // a name with no Latin letters (Cyrillic, Chinese): FNV-1a of its bytes
        std::uint32_t h = 2166136261u;
        for (char ch : name)
            h = (h ^ std::uint8_t(ch)) * 16777619u;
        slug = fmt::format("speaker-{:08x}", h);
    }
    const std::string photo = "speakers/" + slug + ".png";
    if (!files.contains(photo)) files.add(photo, drawPortrait(fonts, name));
    const auto& countries = pavilionCountries();
    return {{"name", name},
            {"title", title},
            {"organisation", "Digital World 2021 Forum"},
            {"country", countries[slug.size() % countries.size()].code},
            {"photo", photo}};
}

// Catalogue entries "Name, Title", "Moderator: Name" (the session's moderator) or a group.
void addPeople(const Fonts& fonts, const SessionSpec& s, Json& j, FileSet& files) {
    const std::string kModerator = "Moderator: ";
    Json speakers = Json::array();
    for (const std::string& entry : s.speakers) {
        if (entry.rfind(kModerator, 0) == 0) {
            j["moderator"] =
                speakerJson(fonts, entry.substr(kModerator.size()), "Moderator", files);
            continue;
        }
        const std::size_t comma = entry.find(", ");
        speakers.push_back(speakerJson(fonts, entry.substr(0, comma),
                                       comma == std::string::npos ? "" : entry.substr(comma + 2),
                                       files));
    }
    j["speakers"] = speakers;
}

// Masterclasses take sign-ups: the pitching one only with registration (20 places, then a
// waiting list), the others optionally.
Json registrationJson(const SessionSpec& s) {
    if (s.kind != "masterclass") return nullptr;
    if (s.id == "mc-pitching") return {{"mode", "required"}, {"capacity", 20}};
    return {{"mode", "optional"}};
}

Json sessionsJson(const Fonts& fonts, FileSet& files) {
    Json out = Json::array();
    for (const SessionSpec& s : programme()) {
        Json j = {{"id", s.id},       {"kind", s.kind}, {"title", s.title},
                  {"start", s.start}, {"end", s.end},   {"venue", s.venue}};
        addPeople(fonts, s, j, files);
        j["description"] = s.description;
        if (Json reg = registrationJson(s); !reg.is_null()) j["registration"] = reg;
        if (Json deck = deckFor(fonts, s, files); !deck.is_null()) j["deck"] = deck;
        out.push_back(j);
    }
    return out;
}

// A finalist's pitch: the company's own words and its booth's first poster.
Json pitchJson(const Company& co, const std::string& boothId) {
    return {{"booth", boothId},
            {"text",
             fmt::format("{} ({}): {}. An SME from the {} sector competing for the award.", co.name,
                         countryName(co.country), co.tagline, sectorInfo(co.sector).name)},
            {"poster", fmt::format("posters/{}-0.png", boothId)},
            {"video", fmt::format("https://example.org/pitches/{}", co.id)}};
}

// The sample's categories: a jury (60 %) and a public vote (40 %) from November until the
// ceremony starts, verified visitors only, winners revealed at the ceremony.
Json awardJson(const AwardSpec& a, const Json& finalists, const Json& pitches) {
    return {{"id", a.id},
            {"name", a.name},
            {"finalists", finalists},
            {"pitches", pitches},
            {"rubric",
             {{{"name", "Impact"}, {"weight", 40}},
              {{"name", "Innovation"}, {"weight", 30}},
              {{"name", "Scalability"}, {"weight", 30}}}},
            {"jury_weight", 60},
            {"public_weight", 40},
            {"tie_break", "jury"},
            {"voting", {{"opens", "2021-11-01T00:00:00Z"}, {"closes", "2021-12-14T09:00:00Z"}}},
            {"ceremony", "awards-ceremony"}};
}

Result<Json> awardsJson(const std::vector<std::string>& boothIds) {
    Json out = Json::array();
    for (const AwardSpec& a : awards()) {
        Json finalists = Json::array(), pitches = Json::array();
        for (const std::string& companyId : a.finalistCompanies) {
            std::size_t i = 0;
            while (i < companies().size() && companies()[i].id != companyId)
                ++i;
            if (i == companies().size())
                return makeError("award " + a.id + ": unknown finalist " + companyId);
            finalists.push_back(boothIds[i]);
            pitches.push_back(pitchJson(companies()[i], boothIds[i]));
        }
        out.push_back(awardJson(a, finalists, pitches));
    }
    return out;
}

struct Budget {
    int posters, models, signs;
};

Budget budgetOf(char size) {
    switch (size) {
    case 'S':
        return {2, 1, 1};
    case 'M':
        return {4, 2, 2};
    default:
        return {6, 4, 3};
    }
}

struct BoothsOutput {
    Json json = Json::array();
    std::vector<std::string> ids;
    std::size_t count3d = 0, models = 0, triangles = 0;
};

glm::vec3 linearColour(const std::string& hex) {
    Rgba c = rgb(hex);
    auto lin = [](std::uint8_t v) { return std::pow(v / 255.0f, 2.2f); };
    return {lin(c.r), lin(c.g), lin(c.b)};
}

// Booth-local positions (metres from the footprint centre) for n models on a booth of `size`.
glm::vec3 modelSpot(char size, std::size_t i, std::size_t n) {
    if (n == 1) return {0, 0, 0};
    if (size == 'M') return {i == 0 ? -1.5f : 1.5f, 0, 0};
    return {(i % 2 == 0) ? -1.5f : 1.5f, 0, (i < 2) ? -1.0f : 1.2f};
}

Json modelsJson(const Fonts& fonts, const Company& co, const std::string& boothId, char size,
                FileSet& files, BoothsOutput& out) {
    Json models = Json::array();
    ProductStyle style{linearColour(co.colour), co.name, &fonts.bold, &fonts.regular};
    std::size_t n = std::min<std::size_t>(co.products.size(), budgetOf(size).models);
    for (std::size_t i = 0; i < n; ++i) {
        Product p = co.products[i];
        Model model = buildProduct(p, style);
        out.triangles += model.triangleCount();
        std::string file =
            writeModel(files, "models", boothId + "-" + productSlug(p), model, productFormat(p));
        glm::vec3 at = modelSpot(size, i, n);
        float yaw = n == 1 ? 0.0f : (at.x < 0 ? 20.0f : -20.0f);
        models.push_back({{"file", file},
                          {"position", {at.x, at.y, at.z}},
                          {"rotation", {0, yaw, 0}},
                          {"scale", {1, 1, 1}}});
        ++out.models;
    }
    return models;
}

std::string factSheet(const Company& co) {
    const SectorInfo& info = sectorInfo(co.sector);
    std::string text = fmt::format("{}\n{}\n\n{}\n{}\n\nKey figures (illustrative):\n", co.name,
                                   std::string(co.name.size(), '='), co.tagline, info.blurb);
    for (const Fact& f : info.facts)
        text += fmt::format("  - {}: {}\n", f.figure, f.label);
    text += fmt::format(
        "\nSector: {}\nCountry: {}\nWeb: https://{}.example\nContact: contact@{}.example\n\n"
        "A fictional exhibitor made for the Fairground sample exhibition.\n",
        info.name, countryName(co.country), co.id, co.id);
    return text;
}

std::string brochure(const Company& co) {
    const SectorInfo& info = sectorInfo(co.sector);
    std::vector<std::string> lines = {co.tagline + ".", info.blurb, "",
                                      "Key figures (illustrative):"};
    for (const Fact& f : info.facts)
        lines.push_back(fmt::format("  * {} - {}", f.figure, f.label));
    lines.insert(lines.end(), {"", fmt::format("Visit us online: https://{}.example", co.id),
                               fmt::format("Write to us: contact@{}.example", co.id), "",
                               "A fictional exhibitor made for the Fairground sample exhibition."});
    return makePdf(co.name + " - company brochure", lines);
}

Json documentsJson(const Company& co, char size, FileSet& files) {
    std::string pdf = "docs/" + co.id + "-brochure.pdf";
    files.add(pdf, brochure(co));
    Json docs = Json::array({{{"title", co.name + " brochure"}, {"file", pdf}}});
    if (size != 'S' || co.products.empty()) {
        std::string txt = "docs/" + co.id + "-factsheet.txt";
        files.add(txt, factSheet(co));
        docs.push_back({{"title", "Fact sheet"}, {"file", txt}});
    }
    return docs;
}

Json contentJson(const Fonts& fonts, const Company& co, const std::string& id,
                 const std::string& label, char size, FileSet& files, BoothsOutput& out) {
    Budget budget = budgetOf(size);
    bool is3d = !co.products.empty();
    int posterCount =
        std::min(budget.posters, (is3d ? 1 : 2) + (size == 'S' ? 0 : 1) + (size == 'L' ? 1 : 0));
    Json posters = Json::array();
    for (int slot = 0; slot < posterCount; ++slot) {
        std::string image = fmt::format("posters/{}-{}.png", id, slot);
        files.add(image, drawPoster(fonts, co, slot, label));
        posters.push_back({{"slot", slot}, {"image", image}});
    }
    Json signs = Json::array({shownName(co)});
    if (budget.signs > 1 && co.tagline.size() <= 48) signs.push_back(co.tagline);
    if (budget.signs > 2) signs.push_back(sectorInfo(co.sector).name);
    Json links =
        Json::array({{{"title", "Website"}, {"url", "https://" + co.id + ".example"}},
                     {{"title", "Book a meeting"}, {"url", "https://" + co.id + ".example/meet"}}});
    Json videos = Json::array();
    const char* titles[] = {"Product demo", "Company introduction"};
    for (int v = 0; v < (size == 'S' ? 1 : 2); ++v) {
        std::string thumb = fmt::format("thumbnails/{}-{}.png", id, v);
        files.add(thumb, drawThumbnail(fonts, co, std::string(titles[v]) + " – " + co.name));
        videos.push_back(
            {{"title", titles[v]},
             {"url", fmt::format("https://video.example/{}/{}", co.id, v == 0 ? "demo" : "intro")},
             {"thumbnail", thumb}});
    }
    Json models = is3d ? modelsJson(fonts, co, id, size, files, out) : Json::array();
    return {{"posters", posters}, {"models", models},
            {"signs", signs},     {"documents", documentsJson(co, size, files)},
            {"links", links},     {"videos", videos}};
}

std::string boothId(const BoothSpot& spot, std::map<std::string, int>& counters) {
    std::string prefix =
        spot.pavilion.empty() ? "sme" : spot.pavilion.substr(spot.pavilion.size() - 2);
    return fmt::format("{}-{:02}", prefix, ++counters[prefix]);
}

// Every third booth takes meetings during the forum's main days, 09:00-17:00 in Ho Chi Minh
// City (UTC+7), with slot lengths and tables varying so the sample shows each kind.
Json meetingsJson(std::size_t boothIndex) {
    const int lengths[] = {30, 15, 60, 45};
    return {{"days", {"2021-10-12", "2021-10-13", "2021-10-14"}},
            {"from", "02:00"},
            {"to", "10:00"},
            {"slot_minutes", lengths[(boothIndex / 3) % 4]},
            {"tables", 1 + int(boothIndex / 3 % 3)}};
}

// The booth (by index) whose voice zone is private: vn-02, the second Viet Nam booth.
constexpr std::size_t kPrivateVoiceBooth = 1;

BoothsOutput boothsJson(const Fonts& fonts, const Layout& layout, FileSet& files) {
    BoothsOutput out;
    std::map<std::string, int> counters;
    for (std::size_t i = 0; i < layout.spots.size(); ++i) {
        const BoothSpot& spot = layout.spots[i];
        const Company& co = companies()[i];
        std::string id = boothId(spot, counters);
        std::string upper = id;
        for (char& ch : upper)
            ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        std::string label = fmt::format("Hall {} · {}", spot.hall.back(), upper);
        Json j = {{"id", id}, {"exhibitor", co.id}, {"hall", spot.hall}};
        if (!spot.pavilion.empty()) j["pavilion"] = spot.pavilion;
        j["kind"] = co.products.empty() ? "2d" : "3d";
        j["size"] = std::string(1, spot.size);
        j["position"] = {spot.position.x, spot.position.y};
        j["rotation"] = spot.rotation;
        j["content"] = contentJson(fonts, co, id, label, spot.size, files, out);
        if (i % 3 == 0) j["meetings"] = meetingsJson(i);
        // One booth keeps its voice to itself (docs/VOICE.md): a private meeting corner.
        if (i == kPrivateVoiceBooth) j["private_voice"] = true;
        out.count3d += co.products.empty() ? 0 : 1;
        out.ids.push_back(id);
        out.json.push_back(j);
    }
    return out;
}

Json eventJson() {
    return {{"name", "Digital World 2021 (sample)"},
            {"organiser", "International Telecommunication Union (sample)"},
            {"host_country", "VN"},
            {"time_zone", "Asia/Ho_Chi_Minh"},
            {"opens", "2021-06-01"},
            {"closes", "2021-12-31"}};
}

} // namespace

Result<FileSet> buildSample(const Fonts& fonts, SampleStats& stats) {
    Layout layout = buildLayout();
    std::vector<std::string> problems = checkLayout(layout);
    if (!problems.empty()) return makeError("sample floor plan: " + problems.front());
    if (layout.spots.size() != companies().size())
        return makeError(fmt::format("sample floor plan: {} booth spots for {} exhibitors",
                                     layout.spots.size(), companies().size()));
    FileSet files;
    Json halls = Json::array();
    for (const HallSpec& h : layout.halls)
        halls.push_back(hallJson(h));
    Json doc = {{"format", 1}, {"event", eventJson()}, {"halls", halls}};
    doc["pavilions"] = pavilionsJson(fonts, layout, files);
    doc["exhibitors"] = exhibitorsJson(fonts, files);
    BoothsOutput booths = boothsJson(fonts, layout, files);
    doc["booths"] = booths.json;
    doc["sessions"] = sessionsJson(fonts, files);
    auto awardList = awardsJson(booths.ids);
    if (!awardList) return awardList.error();
    doc["awards"] = *awardList;
    addFrenchTranslations(doc);
    files.add("exhibition.json", doc.dump(2) + "\n");
    stats = SampleStats{layout.halls.size(), layout.pavilions.size(), companies().size(),
                        booths.ids.size(),   booths.count3d,          doc["sessions"].size(),
                        booths.models,       booths.triangles};
    return files;
}

} // namespace fg::sample
