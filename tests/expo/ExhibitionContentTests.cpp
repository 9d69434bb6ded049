// Tests for referenced files (syntax, extension, existence, links escaping the folder, size
// limits) and booth content budgets. Creates files only in the fixture's temp folder.
#include "tests/expo/ExpoFixture.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

using fg::expo::test::ExpoFixture;
using nlohmann::json;

namespace {
constexpr std::uint64_t kMiB = 1024 * 1024;
const std::string kPathRule = "expected a relative path inside the exhibition folder (using /, "
                              "no '..', not starting with /)";
} // namespace

TEST_CASE_FIXTURE(ExpoFixture, "file paths are relative, inside the folder and present") {
    SUBCASE("missing") {
        doc["exhibitors"][0]["logo"] = "missing.png";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: exhibitors[0].logo: expected a file that "
                                 "exists in the exhibition folder, found \"missing.png\"");
    }
    SUBCASE("absolute") {
        doc["exhibitors"][0]["logo"] = "/etc/hostname.png";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: exhibitors[0].logo: " + kPathRule +
                                     ", found \"/etc/hostname.png\"");
    }
    SUBCASE("dot-dot") {
        doc["pavilions"][0]["flag"] = "media/../../flag.png";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: pavilions[0].flag: " + kPathRule +
                                     ", found \"media/../../flag.png\"");
    }
    SUBCASE("backslash") {
        doc["pavilions"][0]["flag"] = "media\\flag.png";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: pavilions[0].flag: " + kPathRule +
                                     ", found \"media\\\\flag.png\"");
    }
    SUBCASE("a folder") {
        std::filesystem::create_directory(dir / "folder.png");
        doc["exhibitors"][0]["logo"] = "folder.png";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: exhibitors[0].logo: expected a regular file, "
                                 "found \"folder.png\" (not a file)");
    }
    SUBCASE("subfolders are fine") {
        std::filesystem::create_directory(dir / "media");
        std::filesystem::copy_file(dir / "logo.png", dir / "media" / "logo.png");
        doc["exhibitors"][0]["logo"] = "media/logo.png";
        CHECK_NO_PROBLEMS(*this);
    }
}

TEST_CASE_FIXTURE(ExpoFixture, "a symbolic link cannot reach outside the folder") {
    auto outside = fg::expo::test::freshTempDir("outside");
    std::filesystem::copy_file(dir / "logo.png", outside / "secret.png");
    std::filesystem::create_symlink(outside / "secret.png", dir / "escape.png");
    std::filesystem::create_symlink(dir / "logo.png", dir / "inside.png");
    doc["exhibitors"][0]["logo"] = "inside.png";
    CHECK_NO_PROBLEMS(*this);
    doc["exhibitors"][0]["logo"] = "escape.png";
    auto real = std::filesystem::canonical(outside / "secret.png").string();
    CHECK_ONE_PROBLEM(*this, "exhibition.json: exhibitors[0].logo: expected a file inside the "
                             "exhibition folder, found \"escape.png\" (resolves to \"" +
                                 real + "\")");
    std::filesystem::remove_all(outside);
}

TEST_CASE_FIXTURE(ExpoFixture, "file kinds: extensions and size limits") {
    SUBCASE("image extension") {
        doc["exhibitors"][0]["logo"] = "logo.gif";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: exhibitors[0].logo: expected an image file "
                                 "(.png, .jpg, .jpeg), found \"logo.gif\"");
    }
    SUBCASE("upper-case extension is fine") {
        std::filesystem::copy_file(dir / "logo.png", dir / "LOGO.PNG");
        doc["exhibitors"][0]["logo"] = "LOGO.PNG";
        CHECK_NO_PROBLEMS(*this);
    }
    SUBCASE("model extension") {
        doc["booths"][1]["content"]["models"][0]["file"] = "model.stl";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[1].content.models[0].file: expected a "
                                 "model file (.glb, .gltf, .obj, .fbx, .dae), found \"model.stl\"");
    }
    SUBCASE("document extension") {
        doc["booths"][0]["content"]["documents"][0]["file"] = "brochure.doc";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[0].content.documents[0].file: expected "
                                 "a document file (.pdf, .txt), found \"brochure.doc\"");
    }
    SUBCASE("image too big") {
        writeSparse("big.png", 8 * kMiB + 1);
        doc["exhibitors"][0]["logo"] = "big.png";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: exhibitors[0].logo: expected an image of at "
                                 "most 8 MiB, found \"big.png\" (8388609 bytes)");
    }
    SUBCASE("image at the limit is fine") {
        writeSparse("big.png", 8 * kMiB);
        doc["exhibitors"][0]["logo"] = "big.png";
        CHECK_NO_PROBLEMS(*this);
    }
    SUBCASE("video thumbnail is an image") {
        doc["booths"][0]["content"]["videos"][0]["thumbnail"] = "brochure.pdf";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[0].content.videos[0].thumbnail: "
                                 "expected an image file (.png, .jpg, .jpeg), found "
                                 "\"brochure.pdf\"");
    }
}

TEST_CASE_FIXTURE(ExpoFixture, "poster budget and slots") {
    SUBCASE("too many") {
        doc["booths"][0]["content"]["posters"] = {{{"slot", 0}, {"image", "poster.png"}},
                                                  {{"slot", 1}, {"image", "poster.png"}},
                                                  {{"slot", 2}, {"image", "poster.png"}}};
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[0].content.posters: expected at most 2 "
                                 "posters for size S, found 3");
    }
    SUBCASE("slot out of range") {
        doc["booths"][0]["content"]["posters"][0]["slot"] = 2;
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[0].content.posters[0].slot: expected a "
                                 "slot from 0 to 1 for size S, found 2");
    }
    SUBCASE("slot twice") {
        doc["booths"][0]["content"]["posters"].push_back({{"slot", 0}, {"image", "poster.png"}});
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[0].content.posters[1].slot: expected a "
                                 "slot not used by posters[0], found 0");
    }
    SUBCASE("negative slot") {
        doc["booths"][0]["content"]["posters"][0]["slot"] = -1;
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[0].content.posters[0].slot: expected a "
                                 "slot number from 0 up, found -1");
    }
}

TEST_CASE_FIXTURE(ExpoFixture, "models: 2d has none, 3d has some, within budget and footprint") {
    json model = doc["booths"][1]["content"]["models"][0];
    SUBCASE("2d with a model") {
        doc["booths"][0]["content"]["models"].push_back(model);
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[0].content.models: expected no models in "
                                 "a 2d booth, found 1");
    }
    SUBCASE("3d without") {
        doc["booths"][1]["content"]["models"] = json::array();
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[1].content.models: expected at least one "
                                 "model in a 3d booth, found 0");
    }
    SUBCASE("too many") {
        doc["booths"][3]["content"]["models"].push_back(model);
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[3].content.models: expected at most 1 "
                                 "models for size S, found 2");
    }
    SUBCASE("outside the footprint") {
        doc["booths"][1]["content"]["models"][0]["position"] = {5, 0, 0};
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[1].content.models[0].position: expected "
                                 "a booth-local point within the M footprint (x -3 to 3, y 0 to "
                                 "10, z -1.5 to 1.5), found [5,0,0]");
    }
    SUBCASE("scale") {
        doc["booths"][1]["content"]["models"][0]["scale"] = {0, 1, 1};
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[1].content.models[0].scale: expected "
                                 "each scale from 0.01 to 100, found [0,1,1]");
    }
}

TEST_CASE_FIXTURE(ExpoFixture, "signs, documents, links and videos within the size budget") {
    auto& c = doc["booths"][0]["content"]; // size S: 1 sign, 4 documents, 4 links, 1 video
    SUBCASE("signs") {
        c["signs"].push_back("Second");
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[0].content.signs: expected at most 1 "
                                 "signs for size S, found 2");
    }
    SUBCASE("documents") {
        for (int i = 0; i < 4; ++i)
            c["documents"].push_back(c["documents"][0]);
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[0].content.documents: expected at most 4 "
                                 "documents for size S, found 5");
    }
    SUBCASE("links") {
        for (int i = 0; i < 4; ++i)
            c["links"].push_back(c["links"][0]);
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[0].content.links: expected at most 4 "
                                 "links for size S, found 5");
    }
    SUBCASE("videos") {
        c["videos"].push_back(c["videos"][0]);
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[0].content.videos: expected at most 1 "
                                 "videos for size S, found 2");
    }
}

TEST_CASE_FIXTURE(ExpoFixture, "total file bytes per booth, each distinct file counted once") {
    writeSparse("a.pdf", 9 * kMiB);
    writeSparse("b.pdf", 9 * kMiB);
    auto& docs = doc["booths"][0]["content"]["documents"];
    docs.push_back({{"title", "A"}, {"file", "a.pdf"}});
    docs.push_back({{"title", "A again"}, {"file", "a.pdf"}});
    CHECK_NO_PROBLEMS(*this); // 9 MiB + small files: under 16 MiB
    docs.push_back({{"title", "B"}, {"file", "b.pdf"}});
    std::uint64_t expected = 18 * kMiB + std::filesystem::file_size(dir / "poster.png") +
                             std::filesystem::file_size(dir / "brochure.pdf");
    CHECK_ONE_PROBLEM(*this, fmt::format("exhibition.json: booths[0].content: expected at most "
                                         "16 MiB of files for size S, found {} bytes",
                                         expected));
}
