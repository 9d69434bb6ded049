// Tests for the stb image adapter: PNG/JPEG round trips, limits and the placeholder.
// Writes only under fresh temporary folders.
#include "engine/asset/ImageLoader.h"
#include "tests/asset/AssetTestSupport.h"

#include <doctest/doctest.h>

namespace fs = std::filesystem;

namespace {

fg::ImageData gradient(std::uint32_t w, std::uint32_t h) {
    fg::ImageData image;
    image.name = "gradient";
    image.width = w;
    image.height = h;
    for (std::uint32_t y = 0; y < h; ++y)
        for (std::uint32_t x = 0; x < w; ++x)
            image.rgba.insert(image.rgba.end(),
                              {std::uint8_t(x * 255 / (w - 1)), std::uint8_t(y * 255 / (h - 1)),
                               128, std::uint8_t(255 - x)});
    return image;
}

} // namespace

TEST_CASE("writePng then loadImage gives back the exact pixels, first row first") {
    fs::path dir = fgtest::freshDir("png");
    fg::ImageData image = gradient(33, 17);
    REQUIRE(fg::writePng(dir / "g.png", image));
    auto loaded = fg::loadImage(dir / "g.png");
    REQUIRE_MESSAGE(loaded, (loaded ? "" : loaded.error().message));
    CHECK(loaded->width == 33);
    CHECK(loaded->height == 17);
    CHECK(loaded->rgba == image.rgba);
    CHECK(loaded->name == (dir / "g.png").string());
    fs::remove_all(dir);
}

TEST_CASE("JPEG decodes to RGBA8 with opaque alpha and close colours") {
    fs::path dir = fgtest::freshDir("jpeg");
    fg::ImageData image = gradient(32, 32);
    REQUIRE(fg::writeJpeg(dir / "g.jpg", image, 95));
    auto loaded = fg::loadImage(dir / "g.jpg");
    REQUIRE_MESSAGE(loaded, (loaded ? "" : loaded.error().message));
    REQUIRE(loaded->rgba.size() == image.rgba.size());
    int worst = 0;
    for (std::size_t i = 0; i < image.rgba.size(); i += 4) {
        for (std::size_t c = 0; c < 3; ++c)
            worst = std::max(worst, std::abs(int(loaded->rgba[i + c]) - int(image.rgba[i + c])));
        CHECK(loaded->rgba[i + 3] == 255);
    }
    CHECK(worst < 24);
    fs::remove_all(dir);
}

TEST_CASE("image limits are checked against the header, per side") {
    fs::path dir = fgtest::freshDir("limits");
    REQUIRE(fg::writePng(dir / "g.png", gradient(40, 20)));
    CHECK(fg::loadImage(dir / "g.png", {.maxWidth = 40, .maxHeight = 20}));
    auto wide = fg::loadImage(dir / "g.png", {.maxWidth = 39, .maxHeight = 100});
    REQUIRE_FALSE(wide);
    CHECK(wide.error().message.find("40x20, over the limit of 39x100") != std::string::npos);
    CHECK_FALSE(fg::loadImage(dir / "g.png", {.maxWidth = 100, .maxHeight = 19}));
    fs::remove_all(dir);
}

TEST_CASE("the placeholder is a magenta and black checker") {
    fg::ImageData p = fg::makePlaceholderImage();
    REQUIRE(p.rgba.size() == std::size_t(p.width) * p.height * 4);
    std::size_t magenta = 0, black = 0;
    for (std::size_t i = 0; i < p.rgba.size(); i += 4) {
        if (p.rgba[i] == 255 && p.rgba[i + 1] == 0 && p.rgba[i + 2] == 255) ++magenta;
        if (p.rgba[i] == 0 && p.rgba[i + 1] == 0 && p.rgba[i + 2] == 0) ++black;
    }
    CHECK(magenta == black);
    CHECK(magenta + black == std::size_t(p.width) * p.height);
}

TEST_CASE("encoding refuses an image whose buffer does not match its size") {
    fg::ImageData bad = gradient(4, 4);
    bad.rgba.pop_back();
    CHECK_FALSE(fg::encodePng(bad));
    bad.width = 0;
    CHECK_FALSE(fg::encodePng(bad));
}

// Found by fuzzing (fg_fuzz_image, UBSan): Debian's stb wrote past a Huffman table's 257-entry
// size list for a DHT whose 16 code counts sum past 256. libjpeg-turbo refuses the table. The
// fuzzer's inputs are kept in the corpus (tests/fuzz/corpus/image/jpeg-*.jpg).
TEST_CASE("a JPEG whose Huffman table claims more than 256 codes is refused, never decoded") {
    std::vector<std::uint8_t> jpg = {0xff, 0xd8, 0xff, 0xc4, 0x00, 0x13, 0x00};
    for (int i = 0; i < 16; ++i)
        jpg.push_back(i < 15 ? 20 : 0); // 300 codes
    jpg.insert(jpg.end(), {0xff, 0xd9});
    auto image = fg::loadImageFromMemory(jpg, "dht.jpg");
    REQUIRE_FALSE(image);
    CHECK(image.error().message.find("dht.jpg: ") == 0);
}

// The CI fuzzer's input that made stb index a 256-entry table at -6731990: its entropy data is
// corrupt past what libjpeg-turbo accepts with a warning, so it is refused with the file's name.
TEST_CASE("the JPEG with corrupt Huffman data from CI fuzzing is refused cleanly") {
    auto image = fg::loadImage(FG_SOURCE_DIR "/tests/fuzz/corpus/image/jpeg-huffman-oob.jpg");
    REQUIRE_FALSE(image);
    CHECK(image.error().message.find("jpeg-huffman-oob.jpg: ") != std::string::npos);
}
