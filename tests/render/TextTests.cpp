// World-space text: UTF-8 decoding, font atlas baking, text meshes that render as readable glyphs.
// Uses the DejaVu font the build requires (FG_FONT_FILE).
#include "engine/render/FontAtlas.h"
#include "tests/render/RenderTestUtil.h"

using namespace fg;
using namespace fg::render;
using namespace fg::render::test;

namespace {
const char* kFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
}

TEST_CASE("text: UTF-8 decoding skips malformed bytes and never overreads") {
    CHECK(decodeUtf8("Abc") == std::vector<std::uint32_t>{'A', 'b', 'c'});
    CHECK(decodeUtf8("Vi\xE1\xBB\x87t") == std::vector<std::uint32_t>{'V', 'i', 0x1EC7, 't'});
    CHECK(decodeUtf8("\xE2\x80") == std::vector<std::uint32_t>{});       // truncated
    CHECK(decodeUtf8("a\x80z") == std::vector<std::uint32_t>{'a', 'z'}); // stray byte
    CHECK(decodeUtf8("\xC3\xA9") == std::vector<std::uint32_t>{0xE9});   // é
}

TEST_CASE("text: the atlas bakes and text meshes scale with length and height") {
    auto atlas = FontAtlas::bake(kFont, 48.0f);
    REQUIRE_MESSAGE(atlas.ok(), (atlas.ok() ? "" : atlas.error().message));
    CHECK(atlas->image().width > 0);
    CHECK(atlas->image().rgba.size() ==
          std::size_t(atlas->image().width) * atlas->image().height * 4);
    const MeshData one = atlas->textMesh("Hall", 1.0f);
    CHECK(one.indices.size() == 4 * 6);
    CHECK(atlas->measure("Hall Hall", 1.0f) > atlas->measure("Hall", 1.0f) * 1.9f);
    CHECK(atlas->measure("Hall", 2.0f) == doctest::Approx(atlas->measure("Hall", 1.0f) * 2.0f));
    CHECK(one.boundsMin.x == doctest::Approx(-one.boundsMax.x).epsilon(0.15)); // centred
    CHECK_FALSE(FontAtlas::bake("/nonexistent/font.ttf").ok());
}

TEST_CASE("text: a rendered word covers its box partially, in its colour") {
    auto atlas = FontAtlas::bake(kFont, 64.0f);
    REQUIRE(atlas.ok());
    auto r = makeRenderer();
    auto texture = r->addTexture(atlas->image());
    REQUIRE(texture.ok());
    MaterialDesc desc;
    desc.baseColor = {1, 1, 0, 1};
    desc.unlit = true;
    desc.alphaMask = true;
    desc.baseColorTexture = *texture;
    auto material = r->addMaterial(desc);
    REQUIRE(material.ok());
    Scene scene;
    scene.sky.zenith = scene.sky.horizon = scene.sky.ground = glm::vec3(0.0f);
    scene.add(mesh(*r, atlas->textMesh("HH", 1.0f)), *material, glm::mat4(1.0f));
    const ImageData image = renderImage(*r, scene, frontCamera(1.5f), 96, 96);
    int yellow = 0, black = 0;
    for (std::size_t p = 0; p < image.rgba.size(); p += 4) {
        if (image.rgba[p] > 200 && image.rgba[p + 1] > 200 && image.rgba[p + 2] < 40) ++yellow;
        if (image.rgba[p] < 20 && image.rgba[p + 1] < 20 && image.rgba[p + 2] < 20) ++black;
    }
    // Glyph strokes are yellow; the gaps between and inside the letters stay background.
    CHECK(yellow > 300);
    CHECK(black > 96 * 96 / 2);
    CHECK(r->validationMessages() == 0);
}
