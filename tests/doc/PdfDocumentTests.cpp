// Tests for the Poppler adapter (PdfDocument): page count and pixels of a PDF written by code;
// malformed, locked-out and oversized files refused with their name, never a crash.
#include "engine/doc/PdfDocument.h"
#include "tests/doc/DocTestSupport.h"

#include <doctest/doctest.h>

namespace {

bool mentions(const fg::Error& e, const std::string& text) {
    return e.message.find(text) != std::string::npos;
}

std::array<std::uint8_t, 4> pixel(const fg::ImageData& image, std::uint32_t x, std::uint32_t y) {
    const std::uint8_t* p = &image.rgba[(std::size_t(y) * image.width + x) * 4];
    return {p[0], p[1], p[2], p[3]};
}

} // namespace

TEST_CASE("a PDF written by code has its pages and renders its colours") {
    fg::Bytes pdf = fgtest::threePagePdf();
    auto doc = fg::PdfDocument::open(pdf, "deck.pdf");
    REQUIRE_MESSAGE(doc, (doc ? "" : doc.error().message));
    CHECK(doc->pageCount() == 3);
    auto page = doc->renderPage(0, 320);
    REQUIRE_MESSAGE(page, (page ? "" : page.error().message));
    CHECK(page->width == 320);
    CHECK(page->height == 180); // 960 x 540 points keep their aspect
    CHECK(page->rgba.size() == 320u * 180u * 4u);
    auto red = pixel(*page, 40, 90);
    CHECK(red == std::array<std::uint8_t, 4>{220, 20, 30, 255});
    auto white = pixel(*page, 300, 170); // right half, below the title: the page's white
    CHECK(white == std::array<std::uint8_t, 4>{255, 255, 255, 255});
    auto blue = doc->renderPage(1, 64);
    REQUIRE(blue);
    CHECK(pixel(*blue, 10, 10) == std::array<std::uint8_t, 4>{20, 40, 200, 255});
}

TEST_CASE("pages outside the document and renders over the pixel limits are refused") {
    fg::Bytes pdf = fgtest::threePagePdf();
    auto doc = fg::PdfDocument::open(pdf, "deck.pdf", {.maxWidth = 1000, .maxPixels = 100000});
    REQUIRE(doc);
    auto missing = doc->renderPage(3, 100);
    REQUIRE_FALSE(missing);
    CHECK(mentions(missing.error(), "deck.pdf: no page 4 (it has 3)"));
    auto wide = doc->renderPage(0, 2000);
    REQUIRE_FALSE(wide);
    CHECK(mentions(wide.error(), "deck.pdf: page 1 at 2000 x 1125 pixels is over the limit"));
    auto many = doc->renderPage(0, 999); // under the width limit, over the pixel count
    REQUIRE_FALSE(many);
    CHECK(mentions(many.error(), "over the limit"));
}

TEST_CASE("a page far taller than wide is refused before it is rendered") {
    fg::PdfPage tall;
    tall.width = 10;
    tall.height = 14000; // a 14000-point strip: 1000 px wide would be 1.4 million px tall
    fg::Bytes pdf = fg::writeSimplePdf({tall});
    auto doc = fg::PdfDocument::open(pdf, "strip.pdf");
    REQUIRE(doc);
    auto page = doc->renderPage(0, 1000);
    REQUIRE_FALSE(page);
    CHECK(mentions(page.error(), "strip.pdf: page 1 at 1000 x 1400000 pixels"));
}

TEST_CASE("malformed, empty, oversized and too-long PDFs are refused with the file named") {
    std::string junk = "this is not a PDF at all";
    auto notPdf = fg::PdfDocument::open(
        {reinterpret_cast<const std::uint8_t*>(junk.data()), junk.size()}, "junk.pdf");
    REQUIRE_FALSE(notPdf);
    CHECK(mentions(notPdf.error(), "junk.pdf: not a PDF file"));

    std::string header = "%PDF-1.4\n1 0 obj garbage (((\n%%EOF";
    auto broken = fg::PdfDocument::open(
        {reinterpret_cast<const std::uint8_t*>(header.data()), header.size()}, "broken.pdf");
    REQUIRE_FALSE(broken);
    CHECK(mentions(broken.error(), "broken.pdf: "));

    fg::Bytes pdf = fgtest::threePagePdf();
    for (std::size_t cut : {std::size_t(9), pdf.size() / 3, pdf.size() / 2, pdf.size() - 10}) {
        INFO(cut);
        // A cut file may be repaired by Poppler or refused; either way no crash, and a refusal
        // names the file.
        auto cutDoc = fg::PdfDocument::open({pdf.data(), cut}, "cut.pdf");
        if (!cutDoc)
            CHECK(mentions(cutDoc.error(), "cut.pdf: "));
        else
            (void)cutDoc->renderPage(0, 64);
    }

    auto big = fg::PdfDocument::open(pdf, "big.pdf", {.maxFileBytes = 100});
    REQUIRE_FALSE(big);
    CHECK(mentions(big.error(), "big.pdf: "));
    CHECK(mentions(big.error(), "over the PDF limit"));

    auto long_ = fg::PdfDocument::open(pdf, "long.pdf", {.maxPages = 2});
    REQUIRE_FALSE(long_);
    CHECK(mentions(long_.error(), "long.pdf: 3 pages is over the limit of 2"));

    auto noPages = fg::PdfDocument::open(fg::writeSimplePdf({}), "empty.pdf");
    REQUIRE_FALSE(noPages);
    CHECK(mentions(noPages.error(), "empty.pdf: "));
}

TEST_CASE("a PDF file on disk is opened by path and a missing one named") {
    auto dir = fgtest::freshDocDir("open");
    REQUIRE(fg::writeFileAtomic(dir / "deck.pdf", fgtest::threePagePdf()));
    auto doc = fg::PdfDocument::open(dir / "deck.pdf");
    REQUIRE(doc);
    CHECK(doc->pageCount() == 3);
    auto missing = fg::PdfDocument::open(dir / "nope.pdf");
    REQUIRE_FALSE(missing);
    CHECK(mentions(missing.error(), "nope.pdf"));
}
