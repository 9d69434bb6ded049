// Tests for the .booth container and booth.json: round trips, determinism, every reader rejection.
// Must not depend on rendering or the network.
#include "game/booth/BoothArchive.h"
#include "game/booth/BoothProblems.h"
#include "game/expo/ExhibitionJson.h"
#include "tests/booth/BoothTestSupport.h"

#include <cstring>
#include <doctest/doctest.h>

using namespace fg;
using namespace fg::booth;

namespace {

Bytes text(const std::string& s) {
    return Bytes(s.begin(), s.end());
}

// Rewrites the first entry's u64 field at FIELDOFFSET (after the entry name) with VALUE.
void patchFirstEntry(Bytes& archive, std::size_t fieldOffset, std::uint64_t value) {
    std::uint16_t nameLength = 0;
    std::memcpy(&nameLength, archive.data() + 16, 2);
    std::memcpy(archive.data() + 16 + 2 + nameLength + 1 + fieldOffset, &value, 8);
}

} // namespace

TEST_CASE("bundle: save / load / save gives identical bytes and equal content") {
    BoothBundle original = test::validBundle();
    REQUIRE(original.files.size() >= 2);
    Bytes first = saveBundleBytes(original);
    auto loaded = loadBundleBytes(first, "a.booth");
    REQUIRE_MESSAGE(loaded.ok(), loaded.error().message);
    CHECK(loaded->sameContent(original));
    CHECK(saveBundleBytes(*loaded) == first);

    auto dir = test::scratchDir("roundtrip");
    REQUIRE(saveBundle(*loaded, dir / "b.booth").ok());
    auto fromDisk = loadBundle(dir / "b.booth");
    REQUIRE(fromDisk.ok());
    CHECK(fromDisk->sameContent(original));
    CHECK(fromDisk->booth.content.models.at(0).file == original.booth.content.models.at(0).file);
}

TEST_CASE("bundle: booth.json keeps floats / optional pavilion and style exactly") {
    BoothBundle b = test::validBundle();
    b.booth.pavilion = "vn";
    b.booth.style = BoothStyle::Corner;
    b.booth.position = {12.345678f, 0.1f};
    b.booth.content.models[0].rotation = {0.0f, 33.3f, 0.0f};
    auto back = parseBoothJson(toBoothJson(b), "booth.json");
    REQUIRE_MESSAGE(back.ok(), back.error().message);
    CHECK(back->booth == b.booth);
    CHECK((back->booth.style == BoothStyle::Corner));
    CHECK(toBoothJson(b).find("\"style\": \"corner\"") != std::string::npos);
    CHECK(back->profile == b.profile);
}

TEST_CASE("bundle: booth.json errors name the JSON path") {
    BoothBundle b = test::validBundle();
    std::string json = toBoothJson(b);
    auto replaced = [&](const std::string& from, const std::string& to) {
        std::string s = json;
        s.replace(s.find(from), from.size(), to);
        return parseBoothJson(s, "booth.json");
    };
    auto r1 = replaced("\"size\": \"S\"", "\"size\": \"XL\"");
    REQUIRE_FALSE(r1.ok());
    CHECK(r1.error().message.find("booth.size") != std::string::npos);
    auto r2 = replaced("\"rotation\": 0", "\"rotation\": 45");
    REQUIRE_FALSE(r2.ok());
    CHECK(r2.error().message.find("booth.rotation") != std::string::npos);
    auto r3 = replaced("\"signs\"", "\"signz\"");
    REQUIRE_FALSE(r3.ok());
    CHECK(r3.error().message.find("signz") != std::string::npos);
    CHECK_FALSE(parseBoothJson("{not json", "booth.json").ok());
}

TEST_CASE("archive: unsafe entry names are rejected with the reason") {
    for (const char* name :
         {"../evil.png", "/etc/passwd", "a/../../b", "a\\b.png", "./x", "a//b", "c:x"}) {
        ArchiveEntries e;
        e[name] = text("x");
        auto r = readArchive(writeArchive(e), "up.booth");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find("entry") != std::string::npos);
    }
    ArchiveEntries ok;
    ok["images/a-b_c.png"] = text("x");
    CHECK(readArchive(writeArchive(ok), "up.booth").ok());
}

TEST_CASE("archive: oversized entries and totals are refused before unpacking") {
    ArchiveEntries e;
    e["big.bin"] = Bytes(5000, 7);
    ArchiveLimits limits;
    limits.maxEntryBytes = 4000;
    auto r = readArchive(writeArchive(e), "up.booth", limits);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("per-file limit") != std::string::npos);

    ArchiveEntries two;
    two["a.bin"] = Bytes(3000, 1);
    two["b.bin"] = Bytes(3000, 2);
    limits.maxTotalBytes = 5000;
    auto t = readArchive(writeArchive(two), "up.booth", limits);
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().message.find("unpacks to more than") != std::string::npos);
}

TEST_CASE("archive: a compression bomb is rejected by its ratio") {
    ArchiveEntries e;
    e["zeros.bin"] = Bytes(8u << 20, 0); // zstd packs 8 MiB of zeros into a few hundred bytes
    auto r = readArchive(writeArchive(e), "bomb.booth");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("compression bomb") != std::string::npos);
}

TEST_CASE("archive: a lying raw size cannot make the reader allocate past the limit") {
    ArchiveEntries e;
    e["a.txt"] = Bytes(2000, 'a');
    Bytes archive = writeArchive(e);
    patchFirstEntry(archive, 0, 1ull << 40); // raw size
    auto r = readArchive(archive, "lie.booth");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("limit") != std::string::npos);
}

TEST_CASE("archive: truncation at every length and flipped bytes fail cleanly") {
    BoothBundle b = test::validBundle();
    Bytes good = saveBundleBytes(b);
    for (std::size_t n = 0; n < good.size(); n += 1 + n / 8) {
        Bytes cut(good.begin(), good.begin() + n);
        CHECK_FALSE(loadBundleBytes(cut, "cut.booth").ok());
    }
    for (std::size_t i = 0; i < good.size(); i += 97) {
        Bytes bad = good;
        bad[i] ^= 0x5a;
        auto r = loadBundleBytes(bad, "flip.booth"); // must not crash; most flips are detected
        if (r.ok()) CHECK(r->files.size() == b.files.size());
    }
    Bytes trailing = good;
    trailing.push_back(0);
    CHECK_FALSE(loadBundleBytes(trailing, "t.booth").ok());
}

TEST_CASE("archive: damaged content is caught by the hash") {
    ArchiveEntries e;
    e["a.txt"] = text("hello booth");
    Bytes archive = writeArchive(e);
    archive.back() ^= 1;
    auto r = readArchive(archive, "x.booth");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("hash mismatch") != std::string::npos);
}

TEST_CASE("bundle: a bundle without booth.json is rejected") {
    ArchiveEntries e;
    e["images/a.png"] = test::fileBytes("checker.png");
    auto r = loadBundleBytes(writeArchive(e), "nojson.booth");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("no booth.json") != std::string::npos);
}

TEST_CASE("templates: each template and size gives the right kind / style and budget") {
    for (auto t : {BoothTemplate::Wall2D, BoothTemplate::Corner2D, BoothTemplate::Island3D})
        for (auto s : {expo::BoothSize::S, expo::BoothSize::M, expo::BoothSize::L}) {
            BoothBundle b = makeFromTemplate(t, s, "b1", "e1");
            CHECK((b.booth.size == s));
            CHECK((b.booth.kind == expo::BoothKind::ThreeD) == (t == BoothTemplate::Island3D));
            BoothTemplate parsed{};
            CHECK(parseTemplate(toString(t), parsed));
            CHECK((parsed == t));
        }
    CHECK((makeFromTemplate(BoothTemplate::Corner2D, expo::BoothSize::S, "b", "e").booth.style ==
           BoothStyle::Corner));
    CHECK(budgetFor(expo::BoothSize::L).maxTriangles > budgetFor(expo::BoothSize::S).maxTriangles);
}

TEST_CASE("model files: glTF and OBJ companions are collected") {
    auto gltf = readModelFiles(test::testModels() / "cube.gltf");
    REQUIRE(gltf.ok());
    CHECK(gltf->count("cube.gltf") == 1);
    CHECK(gltf->count("cube.bin") == 1);
    auto obj = readModelFiles(test::testModels() / "cube.obj");
    REQUIRE(obj.ok());
    CHECK(obj->count("cube.mtl") == 1);
}

TEST_CASE("bundle: booths of the sample exhibition open with their companion files and no errors") {
    auto dir = std::filesystem::path(FG_ASSETS_DIR) / "exhibitions" / "digital-world-2021";
    expo::LoadReport report = expo::loadExhibition(dir / "exhibition.json");
    REQUIRE(report.exhibition.has_value());
    int checked3d = 0;
    for (const expo::Booth& b : report.exhibition->booths) {
        if (b.kind != expo::BoothKind::ThreeD || checked3d == 4) continue;
        ++checked3d;
        CAPTURE(b.id);
        auto bundle = bundleFromExhibition(*report.exhibition, b.id, dir);
        REQUIRE(bundle.ok());
        for (const auto& m : bundle->booth.content.models)
            CHECK(bundle->files.count(m.file) == 1);
        AssetMeter meter(test::scratchDir("sample-" + b.id));
        auto problems = checkBundle(*bundle, meter.measure(*bundle));
        std::string text;
        for (const auto& p : problems)
            text += p.toString() + "\n";
        CHECK_MESSAGE(!blocksPublishing(problems), text);
        auto again = loadBundleBytes(saveBundleBytes(*bundle), "sample.booth");
        REQUIRE(again.ok());
        // A bundle is the exhibitor's part: the organiser's private-voice flag and the file's
        // translations do not travel in it (applyRevision keeps the file's).
        booth::BoothBundle expected = *bundle;
        expected.booth.privateVoice = false;
        expected.profile.nameI18n = {};
        expected.profile.descriptionI18n = {};
        CHECK(again->sameContent(expected));
    }
    CHECK(checked3d == 4);
}
