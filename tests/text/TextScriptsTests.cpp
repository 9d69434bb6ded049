// Text in every script: fonts found by path (errors name the file and package), right-to-left
// text in visual order with Arabic joined, the UI atlas at scale with glyphs added as needed.
#include "engine/render/FontAtlas.h"
#include "engine/render/UiFonts.h"
#include "engine/text/Bidi.h"
#include "engine/text/FontFiles.h"
#include "engine/text/Shaper.h"
#include "engine/text/Utf8.h"

#include <doctest/doctest.h>
#include <imgui.h>

using namespace fg;

namespace {

// An ImGui context for the UI atlas tests; no window or GPU is needed to build fonts.
struct ImGuiScope {
    ImGuiScope() { ImGui::CreateContext(); }
    ~ImGuiScope() { ImGui::DestroyContext(); }
};

bool hasGlyph(std::uint32_t cp) {
    return ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(ImWchar(cp)) != nullptr;
}

} // namespace

TEST_CASE("text: fonts for every script are found, a missing one names its path and package") {
    auto fonts = text::findFonts();
    REQUIRE_MESSAGE(fonts, (fonts ? "" : fonts.error().message));
    CHECK(fonts->cjk.index == 2); // Simplified Chinese inside the collection
    auto missing = text::findFonts("/nonexistent");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message == "font /nonexistent/truetype/dejavu/DejaVuSans.ttf not found: "
                                     "install the Debian package 'fonts-dejavu-core'");
    CHECK(text::fontRoleOf(U'ệ') == text::FontRole::Latin);
    CHECK(text::fontRoleOf(U'Ж') == text::FontRole::Latin);
    CHECK(text::fontRoleOf(0x0628) == text::FontRole::Arabic); // ب
    CHECK(text::fontRoleOf(0x652F) == text::FontRole::Cjk);    // 支
}

TEST_CASE("text: right-to-left text comes out in visual order with Arabic letters joined") {
    CHECK_FALSE(text::hasRightToLeft("Vệ tinh Sao Việt"));
    CHECK(text::visualOrder("Vệ tinh Sao Việt") == "Vệ tinh Sao Việt");
    CHECK(text::visualOrder("兰花支付") == "兰花支付");
    CHECK(text::hasRightToLeft("بب"));
    // BEH BEH: initial form then final form, drawn right to left -> final first.
    CHECK(text::decodeUtf8(text::visualOrder("بب")) == std::vector<std::uint32_t>{0xFE90, 0xFE91});
    // A Latin word inside Arabic keeps its own order; lines stay lines.
    const std::string mixed = text::visualOrder("بب AB\nبب");
    CHECK(mixed.find("AB") != std::string::npos);
    CHECK(mixed.find('\n') != std::string::npos);
    CHECK(text::visualOrder("\xE2\x80") == "\xE2\x80"); // no RTL: bytes untouched
}

TEST_CASE("text: the UI atlas is rasterised at the UI scale and grows with the text shown") {
    ImGuiScope scope;
    auto files = text::findFonts();
    REQUIRE(files);
    auto fonts = render::UiFonts::create(*files);
    REQUIRE_MESSAGE(fonts, (fonts ? "" : fonts.error().message));
    REQUIRE((*fonts)->build({1.0f, false}));
    CHECK(ImGui::GetIO().Fonts->Fonts[0]->FontSize == doctest::Approx(15.0f));
    CHECK(hasGlyph(U'ệ'));         // Vietnamese, always there
    CHECK(hasGlyph(U'Ж'));         // Cyrillic
    CHECK_FALSE(hasGlyph(0x5170)); // 兰: not until shown
    CHECK((*fonts)->addText("兰花支付 " + text::visualOrder("الواحة")));
    CHECK_FALSE((*fonts)->addText("兰花")); // nothing new: no rebuild
    REQUIRE((*fonts)->build({1.5f, true}));
    CHECK(ImGui::GetIO().Fonts->Fonts[0]->FontSize == doctest::Approx(23.0f)); // 15 * 1.5
    CHECK(hasGlyph(0x5170));
    for (std::uint32_t cp : text::decodeUtf8(text::visualOrder("الواحة")))
        CHECK(hasGlyph(cp)); // the Arabic word's presentation forms
    CHECK(ImGui::GetStyle().FramePadding.x == doctest::Approx(ImGuiStyle().FramePadding.x * 1.5f));
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x == 0.0f); // high contrast: black
    CHECK((*fonts)->extraGlyphs() >= 4 + 4);
}

TEST_CASE("text: world signs are shaped, each script from its own face") {
    auto files = text::findFonts();
    REQUIRE(files);
    auto shaper = text::Shaper::create(*files, 32.0f);
    REQUIRE_MESSAGE(shaper, (shaper ? "" : shaper.error().message));
    const text::ShapedLine arabic = (*shaper)->shape("الكثبان");
    REQUIRE(arabic.glyphs.size() >= 5);
    for (const auto& g : arabic.glyphs)
        CHECK(g.face == std::uint8_t(text::FontRole::Arabic));
    // Joined letters take contextual forms: the word is not its letters shaped one by one.
    float isolated = 0;
    for (std::uint32_t cp : text::decodeUtf8("الكثبان"))
        isolated += (*shaper)->shape(text::encodeUtf8({cp})).width;
    CHECK(arabic.width < isolated);
    // Latin before Arabic on a left-to-right line: the Latin glyphs are drawn first.
    const text::ShapedLine mixed = (*shaper)->shape("AB الكثبان");
    CHECK(mixed.glyphs.front().face == std::uint8_t(text::FontRole::Latin));
    CHECK(mixed.glyphs.back().face == std::uint8_t(text::FontRole::Arabic));
    const text::ShapedLine chinese = (*shaper)->shape("兰花支付");
    REQUIRE(chinese.glyphs.size() == 4);
    CHECK(chinese.glyphs[0].face == std::uint8_t(text::FontRole::Cjk));
    const text::GlyphBitmap bitmap =
        (*shaper)->render(chinese.glyphs[0].face, chinese.glyphs[0].glyph);
    CHECK(bitmap.width > 10);
    CHECK(bitmap.alpha.size() == std::size_t(bitmap.width) * std::size_t(bitmap.height));
}

TEST_CASE("text: a world atlas baked for the exhibition's scripts draws each of them") {
    auto files = text::findFonts();
    REQUIRE(files);
    auto atlas = render::FontAtlas::bakeFor(
        *files, {"Vệ tinh Sao Việt", "兰花支付", "الكثبان", "Степная аэрокартография"}, 32.0f);
    REQUIRE_MESSAGE(atlas, (atlas ? "" : atlas.error().message));
    CHECK(atlas->image().rgba.size() ==
          std::size_t(atlas->image().width) * atlas->image().height * 4);
    // One quad per glyph with ink: nothing of these words is missing from the atlas.
    CHECK(atlas->textMesh("兰花支付", 1.0f).indices.size() == 4 * 6);
    CHECK(atlas->textMesh("Степная", 1.0f).indices.size() == 7 * 6);
    CHECK(atlas->textMesh("Việt", 1.0f).indices.size() == 4 * 6);
    CHECK(atlas->textMesh("الكثبان", 1.0f).indices.size() >= 5 * 6);
    CHECK(atlas->measure("兰花支付", 2.0f) ==
          doctest::Approx(atlas->measure("兰花支付", 1.0f) * 2));
    // Text the file did not announce still finds the base glyphs (a stage clock).
    CHECK(atlas->textMesh("12:45", 1.0f).indices.size() == 5 * 6);
    const auto centred = atlas->textMesh("Hall", 1.0f);
    CHECK(centred.boundsMin.x == doctest::Approx(-centred.boundsMax.x).epsilon(0.15));
}
