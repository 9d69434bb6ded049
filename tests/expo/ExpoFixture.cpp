// The valid base exhibition used by the expo tests, and its temporary folder.
// Writes only inside its own fresh temp folder, which it removes afterwards.
#include "tests/expo/ExpoFixture.h"

#include "engine/core/File.h"
#include "tools/gen-exhibition/ExhibitionGenerator.h"

#include <atomic>
#include <doctest/doctest.h>
#include <fstream>
#include <unistd.h>

namespace fg::expo::test {
namespace {

using json = nlohmann::json;

json baseHalls() {
    return json::array({{{"id", "hall-a"},
                         {"name", "Hall A"},
                         {"origin", {0, 0}},
                         {"size", {60, 40}},
                         {"wall_height", 8},
                         {"entrances", {{{"wall", "south"}, {"offset", 30}, {"width", 6}}}},
                         {"spawn", {{"position", {30, 5}}, {"yaw", 0}}},
                         {"venues",
                          {{{"id", "main-stage"},
                            {"name", "Main stage"},
                            {"kind", "stage"},
                            {"rect", {40, 30, 16, 8}},
                            {"capacity", 300}},
                           {{"id", "room-1"},
                            {"name", "Room 1"},
                            {"kind", "room"},
                            {"rect", {40, 20, 10, 8}},
                            {"capacity", 50}}}}},
                        {{"id", "hall-b"},
                         {"name", "Hall B"},
                         {"origin", {80, 0}},
                         {"size", {30, 30}},
                         {"wall_height", 6},
                         {"entrances", json::array()},
                         {"spawn", {{"position", {15, 15}}, {"yaw", 90}}},
                         {"venues", json::array()}}});
}

json basePavilions() {
    return json::array({{{"id", "vn"},
                         {"country", "VN"},
                         {"name", "Viet Nam"},
                         {"hall", "hall-a"},
                         {"rect", {0, 10, 20, 20}},
                         {"colors", {{"floor", "#da251d"}, {"accent", "#ffcd00"}}},
                         {"flag", "flag.png"},
                         {"host", true}},
                        {{"id", "kr"},
                         {"country", "KR"},
                         {"name", "Korea"},
                         {"hall", "hall-a"},
                         {"rect", {20, 10, 15, 10}},
                         {"colors", {{"floor", "#ffffff"}, {"accent", "#003478"}}}}});
}

json exhibitor(const char* id, const char* name, const char* country) {
    return {{"id", id},
            {"name", name},
            {"country", country},
            {"sector", "Telecoms"},
            {"description", "Networks."},
            {"website", "https://example.com"},
            {"email", "info@example.com"},
            {"logo", "logo.png"},
            {"sme", true}};
}

json content(json posters, json models) {
    return {{"posters", std::move(posters)},
            {"models", std::move(models)},
            {"signs", {"Acme"}},
            {"documents", {{{"title", "Brochure"}, {"file", "brochure.pdf"}}}},
            {"links", {{{"title", "Site"}, {"url", "https://acme.example.com/"}}}},
            {"videos",
             {{{"title", "Film"},
               {"url", "https://video.example.com/1"},
               {"thumbnail", "poster.png"}}}}};
}

json booth(const char* id, const char* exhibitorId, const char* pavilion, const char* kind,
           const char* size, json position, int rotation) {
    json posters = {{{"slot", 0}, {"image", "poster.png"}}};
    json models = json::array();
    if (std::string(kind) == "3d")
        models.push_back({{"file", "model.obj"},
                          {"position", {0, 0, 0}},
                          {"rotation", {0, 45, 0}},
                          {"scale", {1, 1, 1}}});
    json b = {{"id", id}, {"exhibitor", exhibitorId}, {"hall", "hall-a"}};
    if (*pavilion) b["pavilion"] = pavilion;
    b["kind"] = kind;
    b["size"] = size;
    b["position"] = std::move(position);
    b["rotation"] = rotation;
    b["content"] = content(posters, models);
    return b;
}

json baseDocument() {
    json doc;
    doc["format"] = 1;
    doc["event"] = {{"name", "Digital World Test"}, {"organiser", "ITU"},
                    {"host_country", "VN"},         {"time_zone", "Asia/Ho_Chi_Minh"},
                    {"opens", "2021-10-12"},        {"closes", "2021-10-15"}};
    doc["halls"] = baseHalls();
    doc["pavilions"] = basePavilions();
    doc["exhibitors"] = {exhibitor("ex-1", "Viettel", "VN"), exhibitor("ex-2", "KT", "KR"),
                         exhibitor("ex-3", "Acme", "US")};
    // b-1 in vn, b-2 in kr (M turned 90: 3 x 6), b-3 and b-4 on the open floor of hall A.
    doc["booths"] = {booth("b-1", "ex-1", "vn", "2d", "S", {5, 15}, 0),
                     booth("b-2", "ex-2", "kr", "3d", "M", {27.5, 15}, 90),
                     booth("b-3", "ex-3", "", "2d", "L", {30, 26}, 0),
                     booth("b-4", "ex-3", "", "3d", "S", {36, 26}, 180)};
    auto session = [](const char* id, const char* kind, const char* start, const char* end,
                      const char* venue) {
        return json{{"id", id},
                    {"kind", kind},
                    {"title", std::string("Session ") + id},
                    {"start", start},
                    {"end", end},
                    {"venue", venue},
                    {"speakers", {"Minister", "CEO"}},
                    {"description", ""}};
    };
    doc["sessions"] = {
        session("s-1", "forum", "2021-10-12T02:00:00Z", "2021-10-12T03:00:00Z", "main-stage"),
        session("s-2", "masterclass", "2021-10-12T02:30:00Z", "2021-10-12T03:30:00Z", "room-1"),
        session("s-3", "awards", "2021-10-15T08:00:00Z", "2021-10-15T09:00:00Z", "main-stage")};
    doc["awards"] = {{{"id", "best-sme"}, {"name", "Best SME"}, {"finalists", {"b-1", "b-3"}}}};
    return doc;
}

} // namespace

std::filesystem::path freshTempDir(const std::string& tag) {
    static std::atomic<int> counter{0};
    auto dir =
        std::filesystem::temp_directory_path() /
        ("fg-expo-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

ExpoFixture::ExpoFixture() : dir(freshTempDir("fixture")), doc(baseDocument()) {
    auto png = makeSolidPng(2, 2, Color{10, 20, 30});
    for (const char* name : {"poster.png", "logo.png", "flag.png"})
        REQUIRE(writeFileAtomic(dir / name, png));
    REQUIRE(writeFileAtomic(dir / "model.obj", std::string_view(makeCubeObj())));
    REQUIRE(writeFileAtomic(dir / "brochure.pdf", std::string_view("%PDF-1.4\n%%EOF\n")));
}

ExpoFixture::~ExpoFixture() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
}

LoadReport ExpoFixture::parse() const {
    return parseExhibition(doc.dump(2), dir, "exhibition.json");
}

std::string ExpoFixture::listProblems(const LoadReport& report) {
    std::string out;
    for (const auto& p : report.problems)
        out += p.toString() + "\n";
    return out;
}

void ExpoFixture::writeSparse(const std::string& name, std::uint64_t bytes) const {
    { std::ofstream(dir / name, std::ios::binary); }
    std::filesystem::resize_file(dir / name, bytes);
}

} // namespace fg::expo::test
