// The committed sample exhibition: identical to what fairground-gen-sample writes, with the
// counts, files, budgets and programme rules the brief asks for. Reads assets/ only.
#include "engine/asset/ImageLoader.h"
#include "engine/core/File.h"
#include "game/expo/ExhibitionJson.h"
#include "tests/sample/SampleTestSupport.h"
#include "tools/gen-sample/SampleBuilder.h"

#include <doctest/doctest.h>
#include <map>
#include <set>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::uint64_t budgetBytes(const std::string& size) {
    return (size == "S" ? 16ull : size == "M" ? 48ull : 96ull) << 20;
}

// Paths of every file a booth's content references (posters, models, documents, thumbnails).
std::vector<std::string> boothFiles(const json& booth) {
    std::vector<std::string> out;
    const json& c = booth["content"];
    for (const auto& p : c["posters"])
        out.push_back(p["image"]);
    for (const auto& m : c["models"])
        out.push_back(m["file"]);
    for (const auto& d : c["documents"])
        out.push_back(d["file"]);
    for (const auto& v : c["videos"])
        out.push_back(v["thumbnail"]);
    return out;
}

} // namespace

TEST_CASE("sample: the committed folder is exactly what fairground-gen-sample writes") {
    auto bold = fg::sample::Font::load(FG_SAMPLE_FONT_BOLD);
    auto regular = fg::sample::Font::load(FG_SAMPLE_FONT_REGULAR);
    REQUIRE(bold);
    REQUIRE(regular);
    fg::sample::Fonts fonts{*bold, *regular};
    fg::sample::SampleStats stats;
    auto files = fg::sample::buildSample(fonts, stats);
    REQUIRE_MESSAGE(files, (files ? "" : files.error().message));
    std::set<std::string> onDisk;
    for (const auto& entry : fs::recursive_directory_iterator(fgtest::sampleDir()))
        if (entry.is_regular_file())
            onDisk.insert(entry.path().lexically_relative(fgtest::sampleDir()).generic_string());
    std::set<std::string> generated;
    for (const auto& [path, bytes] : files->files()) {
        generated.insert(path);
        INFO(path);
        auto disk = fg::readFileBytes(fgtest::sampleDir() / path);
        REQUIRE_MESSAGE(disk, "missing in the committed sample; re-run fairground-gen-sample");
        CHECK_MESSAGE(*disk == bytes, "differs from the generator; re-run fairground-gen-sample");
    }
    CHECK(onDisk == generated);
    CHECK(files->totalBytes() < 20ull * 1024 * 1024);
}

TEST_CASE("sample: counts meet the brief") {
    const json& doc = fgtest::sampleJson();
    CHECK(doc["format"] == 1);
    CHECK(doc["halls"].size() >= 2);
    CHECK(doc["pavilions"].size() >= 13);
    CHECK(doc["booths"].size() >= 48);
    CHECK(doc["sessions"].size() >= 20);
    CHECK(doc["awards"].size() >= 3);
    std::size_t threeD = 0, hosts = 0;
    for (const auto& b : doc["booths"])
        threeD += b["kind"] == "3d";
    for (const auto& p : doc["pavilions"])
        if (p.value("host", false)) {
            ++hosts;
            CHECK(p["country"] == doc["event"]["host_country"]);
        }
    CHECK(threeD >= 16);
    CHECK(threeD * 3 >= doc["booths"].size());
    CHECK(hosts == 1);
    for (const auto& h : doc["halls"]) {
        int stages = 0, rooms = 0;
        for (const auto& v : h["venues"])
            (v["kind"] == "stage" ? stages : rooms) += 1;
        CHECK(stages >= 1); // the forum stage
        CHECK(rooms >= 2);  // roundtable and masterclass rooms
    }
}

namespace {

// True when TEXT (UTF-8) holds a code point in [FROM, TO].
bool hasScript(const std::string& text, std::uint32_t from, std::uint32_t to) {
    for (std::size_t i = 0; i < text.size();) {
        const auto c = std::uint8_t(text[i]);
        const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        std::uint32_t cp = n == 1 ? c : c & (0x7F >> n);
        for (int k = 1; k < n && i + std::size_t(k) < text.size(); ++k)
            cp = (cp << 6) | (std::uint8_t(text[i + std::size_t(k)]) & 0x3F);
        if (cp >= from && cp <= to) return true;
        i += std::size_t(n);
    }
    return false;
}

} // namespace

TEST_CASE("sample: exhibitors, speakers and moderators named in the fair's scripts") {
    const json& doc = fgtest::sampleJson();
    int vietnamese = 0, chinese = 0, arabic = 0, cyrillic = 0;
    for (const auto& x : doc["exhibitors"]) {
        const std::string name = x["name"];
        vietnamese += x["country"] == "VN" && hasScript(name, 0x1EA0, 0x1EF9); // ạ ... ỹ
        chinese += hasScript(name, 0x4E00, 0x9FFF);
        arabic += hasScript(name, 0x0600, 0x06FF);
        cyrillic += hasScript(name, 0x0400, 0x04FF);
    }
    CHECK(vietnamese >= 3);
    CHECK(chinese >= 1);
    CHECK(arabic >= 1);
    CHECK(cyrillic >= 1);
    std::string speakers;
    for (const auto& s : doc["sessions"]) {
        for (const auto& sp : s["speakers"])
            speakers += sp["name"].get<std::string>() + "\n";
        if (s.contains("moderator")) speakers += s["moderator"]["name"].get<std::string>() + "\n";
    }
    CHECK(hasScript(speakers, 0x1EA0, 0x1EF9));
    CHECK(hasScript(speakers, 0x4E00, 0x9FFF));
    CHECK(hasScript(speakers, 0x0600, 0x06FF));
    CHECK(hasScript(speakers, 0x0400, 0x04FF));
}

TEST_CASE("sample: every referenced file exists and booths stay within their byte budgets") {
    const json& doc = fgtest::sampleJson();
    for (const auto& p : doc["pavilions"])
        CHECK(fs::is_regular_file(fgtest::sampleDir() / p["flag"].get<std::string>()));
    for (const auto& e : doc["exhibitors"])
        CHECK(fs::is_regular_file(fgtest::sampleDir() / e["logo"].get<std::string>()));
    for (const auto& booth : doc["booths"]) {
        INFO(booth["id"].get<std::string>());
        std::uint64_t total = 0;
        for (const std::string& f : boothFiles(booth)) {
            INFO(f);
            REQUIRE(fs::is_regular_file(fgtest::sampleDir() / f));
            total += fs::file_size(fgtest::sampleDir() / f);
        }
        CHECK(total <= budgetBytes(booth["size"]));
        CHECK((booth["kind"] == "3d") == !booth["content"]["models"].empty());
    }
}

TEST_CASE("sample: programme kinds, roundtable days and SME finalists") {
    const json& doc = fgtest::sampleJson();
    std::map<std::string, int> kinds;
    for (const auto& s : doc["sessions"]) {
        std::string kind = s["kind"], start = s["start"];
        ++kinds[kind];
        if (kind == "roundtable") {
            INFO(s["id"].get<std::string>());
            CHECK(start >= "2021-10-12");
            CHECK(start < "2021-10-15");
        }
    }
    CHECK(kinds.size() == 4);
    std::map<std::string, std::string> exhibitorOfBooth;
    for (const auto& b : doc["booths"])
        exhibitorOfBooth[b["id"]] = b["exhibitor"];
    std::set<std::string> sme;
    for (const auto& e : doc["exhibitors"])
        if (e.value("sme", false)) sme.insert(e["id"].get<std::string>());
    for (const auto& a : doc["awards"])
        for (const auto& f : a["finalists"]) {
            INFO(f.get<std::string>());
            REQUIRE(exhibitorOfBooth.count(f));
            CHECK(sme.count(exhibitorOfBooth[f]) == 1);
        }
}

TEST_CASE("sample: speakers' portraits load as square images, and the sample validates") {
    const json& doc = fgtest::sampleJson();
    std::size_t photos = 0;
    for (const auto& s : doc["sessions"]) {
        std::vector<json> people;
        for (const auto& p : s["speakers"])
            if (p.is_object()) people.push_back(p);
        if (s.contains("moderator")) people.push_back(s["moderator"]);
        for (const auto& p : people) {
            const std::string who =
                s["id"].get<std::string>() + ": " + p["name"].get<std::string>();
            INFO(who);
            // A group ("Heads of delegation") has no portrait: its card shows initials.
            if (!p.contains("photo")) continue;
            auto image = fg::loadImage(fgtest::sampleDir() / p["photo"].get<std::string>());
            REQUIRE(image);
            CHECK(image->width == image->height); // a square portrait for the cards
            CHECK(image->width >= 64);
            ++photos;
        }
    }
    CHECK(photos >= 20);
    // The validator checks every photo reference like any other file (fairground-validate).
    auto report = fg::expo::loadExhibition(fgtest::sampleDir() / "exhibition.json");
    INFO((report.problems.empty() ? "" : report.problems[0].toString()));
    CHECK(report.ok());
}
