// Decks in the content catalog: a PDF deck is rendered in the sandbox and served as page
// textures, PNG pages are cooked like posters, a broken PDF becomes one placeholder page, and
// the served manifest (with its pages) reads back on the client side.
#include "engine/asset/CookedFormat.h"
#include "engine/doc/PdfWriter.h"
#include "game/expo/ExhibitionJson.h"
#include "game/expo/protocol/ContentNames.h"
#include "game/netclient/ContentFetcher.h"
#include "server/content/ContentCatalog.h"
#include "tests/content/ContentTestWorld.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace {

// The content fixture's exhibition with a stage and three sessions: a PDF deck of three pages,
// two PNG pages, and a PDF that is not one.
fs::path writeDeckExhibition(const fs::path& dir) {
    fg::test::writeContentExhibition(dir);
    std::vector<fg::PdfPage> pages(3);
    pages[0].rects.push_back({0, 0, 480, 540, 200, 30, 30});
    REQUIRE(fg::writeFileAtomic(dir / "docs/deck.pdf", fg::writeSimplePdf(pages)));
    REQUIRE(fg::writeFileAtomic(dir / "docs/broken.pdf", std::string_view("%PDF-1.4 no")));
    auto doc = nlohmann::json::parse(fg::test::contentExhibitionJson());
    doc["halls"][0]["venues"] = {{{"id", "stage"},
                                  {"name", "Stage"},
                                  {"kind", "stage"},
                                  {"rect", {30, 40, 30, 15}},
                                  {"capacity", 100}}};
    auto session = [](const char* id, const char* hour, nlohmann::json deck) {
        return nlohmann::json{{"id", id},
                              {"kind", "forum"},
                              {"title", id},
                              {"start", std::string("2021-10-12T0") + hour + ":00:00Z"},
                              {"end", std::string("2021-10-12T0") + hour + ":30:00Z"},
                              {"venue", "stage"},
                              {"speakers", {"A"}},
                              {"description", ""},
                              {"deck", deck}};
    };
    doc["sessions"] = {session("pdf", "2", "docs/deck.pdf"),
                       session("png", "3", {"media/checker.png", "logo.png"}),
                       session("broken", "4", "docs/broken.pdf")};
    REQUIRE(fg::writeFileAtomic(dir / "exhibition.json", std::string_view(doc.dump())));
    return dir / "exhibition.json";
}

fg::ImageData storedPage(const fg::content::ContentCatalog& catalog, const std::string& name) {
    fg::expo::AssetName parsed;
    REQUIRE(fg::expo::parseAssetName(name, parsed));
    CHECK(parsed.extension == ".fgt");
    auto bytes = fg::readFileBytes(catalog.store().pathOf(parsed.hash));
    REQUIRE(bytes);
    auto image = fg::readCookedImage(*bytes, name);
    REQUIRE(image);
    return *image;
}

} // namespace

TEST_CASE("content decks: PDF pages are rendered and served as textures, named in the manifest") {
    const fs::path dir = fg::test::makeTempDir("content-decks");
    auto report = fg::expo::loadExhibition(writeDeckExhibition(dir));
    INFO((report.problems.empty() ? "" : report.problems[0].toString()));
    REQUIRE(report.ok());
    fg::content::ContentCatalog catalog(dir / "data");
    fg::DeckLimits limits;
    limits.pageWidth = 320;
    catalog.setDeckLimits(limits);
    REQUIRE(catalog.addFiles(*report.exhibition, dir));
    CHECK(catalog.stats().deckPages == 4); // three rendered pages and the broken one's placeholder
    CHECK(catalog.stats().placeholders == 1);
    auto manifest = catalog.manifestOf(*report.exhibition);
    REQUIRE(manifest);
    const auto& pdf = manifest->sessions[0].deck;
    REQUIRE(pdf.size() == 3);
    const fg::ImageData first = storedPage(catalog, pdf[0]);
    CHECK(first.width == 320);
    CHECK(first.height == 180);
    CHECK(first.rgba[0] == 200); // the red half of page 1
    CHECK(manifest->sessions[1].deck.size() == 2);
    CHECK(storedPage(catalog, manifest->sessions[1].deck[0]).width > 0);
    REQUIRE(manifest->sessions[2].deck.size() == 1);
    CHECK(storedPage(catalog, manifest->sessions[2].deck[0]).width == 64); // the checker

    // The served manifest reads back on the client with every page an asset it will fetch.
    auto read = fg::netclient::readManifest(fg::expo::toJson(*manifest));
    INFO((read ? "" : read.error().message));
    REQUIRE(read);
    CHECK(read->sessions[0].deck == pdf);
    const auto names = fg::netclient::assetNamesOf(*read);
    for (const auto& page : pdf)
        CHECK(std::find(names.begin(), names.end(), page) != names.end());
}

TEST_CASE("content decks: a manifest whose deck names a file instead of a page is refused") {
    const fs::path dir = fg::test::makeTempDir("content-deck-manifest");
    auto report = fg::expo::loadExhibition(writeDeckExhibition(dir));
    REQUIRE(report.ok());
    fg::content::ContentCatalog catalog(dir / "data");
    REQUIRE(catalog.addFiles(*report.exhibition, dir));
    auto manifest = catalog.manifestOf(*report.exhibition);
    REQUIRE(manifest);
    manifest->sessions[1].deck[1] = "slides/2.png";
    auto read = fg::netclient::readManifest(fg::expo::toJson(*manifest));
    REQUIRE_FALSE(read);
    CHECK(read.error().message.find("'slides/2.png' is not an asset name") != std::string::npos);
}

TEST_CASE("content: speaker photos are cooked and served by hash like other images") {
    const fs::path dir = fg::test::makeTempDir("content-photos");
    writeDeckExhibition(dir);
    auto doc = nlohmann::json::parse(*fg::readFileText(dir / "exhibition.json"));
    doc["sessions"][1]["speakers"] = {{{"name", "Dr. Lan Tran"}, {"photo", "media/checker.png"}},
                                      {{"name", "No Photo"}}};
    doc["sessions"][1]["moderator"] = {{"name", "Mod"}, {"photo", "logo.png"}};
    REQUIRE(fg::writeFileAtomic(dir / "exhibition.json", std::string_view(doc.dump())));
    auto report = fg::expo::loadExhibition(dir / "exhibition.json");
    INFO((report.problems.empty() ? "" : report.problems[0].toString()));
    REQUIRE(report.ok());
    fg::content::ContentCatalog catalog(dir / "data");
    REQUIRE(catalog.addFiles(*report.exhibition, dir));
    auto manifest = catalog.manifestOf(*report.exhibition);
    REQUIRE(manifest);
    const auto& session = manifest->sessions[1];
    CHECK(storedPage(catalog, session.speakers[0].photo).width > 0); // the checker, cooked
    CHECK(session.speakers[1].photo.empty());
    REQUIRE(session.moderator);
    CHECK(storedPage(catalog, session.moderator->photo).width > 0);
    // The client fetches them with the rest of the content.
    auto read = fg::netclient::readManifest(fg::expo::toJson(*manifest));
    REQUIRE(read);
    const auto names = fg::netclient::assetNamesOf(*read);
    CHECK(std::find(names.begin(), names.end(), session.speakers[0].photo) != names.end());
    CHECK(std::find(names.begin(), names.end(), session.moderator->photo) != names.end());
}
