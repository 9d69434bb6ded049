// Tests for deck pages: the sandboxed PDF render gives the in-process pixels, its limits (time,
// memory, CPU, a crash) come back as errors naming the file, and PNG/JPEG decks load in order.
#include "engine/asset/ImageLoader.h"
#include "engine/doc/DeckPages.h"
#include "tests/doc/DocTestSupport.h"

#include <atomic>
#include <csignal>
#include <doctest/doctest.h>

namespace fs = std::filesystem;

namespace {

bool mentions(const fg::Error& e, const std::string& text) {
    return e.message.find(text) != std::string::npos;
}

fg::ImageData solid(std::uint32_t w, std::uint32_t h, std::uint8_t r) {
    fg::ImageData image;
    image.width = w;
    image.height = h;
    image.rgba.assign(std::size_t(w) * h * 4, 255);
    for (std::size_t i = 0; i < image.rgba.size(); i += 4)
        image.rgba[i + 1] = r; // green carries the page's mark
    return image;
}

} // namespace

TEST_CASE("a PDF deck rendered in the sandbox has the in-process pages") {
    auto dir = fgtest::freshDocDir("sandboxed");
    fg::Bytes pdf = fgtest::threePagePdf();
    REQUIRE(fg::writeFileAtomic(dir / "deck.pdf", pdf));
    fg::DeckLimits limits;
    limits.pageWidth = 256;
    auto pages = fg::renderPdfDeckSandboxed(dir / "deck.pdf", limits);
    REQUIRE_MESSAGE(pages, (pages ? "" : pages.error().message));
    REQUIRE(pages->size() == 3);
    auto local = fg::renderPdfPages(pdf, "deck.pdf", limits);
    REQUIRE(local);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK((*pages)[i].width == 256);
        CHECK((*pages)[i].height == 144);
        CHECK((*pages)[i].rgba == (*local)[i].rgba);
    }
}

TEST_CASE("a refused PDF comes back from the sandbox with its name, and page limits hold") {
    auto dir = fgtest::freshDocDir("refused");
    REQUIRE(fg::writeFileAtomic(dir / "junk.pdf", std::string_view("%PDF-1.7 nothing else")));
    auto junk = fg::renderPdfDeckSandboxed(dir / "junk.pdf");
    REQUIRE_FALSE(junk);
    CHECK(mentions(junk.error(), "junk.pdf: "));

    REQUIRE(fg::writeFileAtomic(dir / "long.pdf", fgtest::threePagePdf()));
    fg::DeckLimits two;
    two.maxPages = 2;
    auto tooLong = fg::renderPdfDeckSandboxed(dir / "long.pdf", two);
    REQUIRE_FALSE(tooLong);
    CHECK(mentions(tooLong.error(), "long.pdf: 3 pages is over the limit of 2"));
}

TEST_CASE("the sandbox's wall-time and memory limits stop a render, naming the file") {
    auto dir = fgtest::freshDocDir("limits");
    std::vector<fg::PdfPage> many(60, fg::PdfPage{});
    for (auto& page : many)
        for (int i = 0; i < 200; ++i)
            page.texts.push_back(
                {float(i % 20) * 40, float(i / 20) * 50, 30, "slow text", 0, 0, 0});
    REQUIRE(fg::writeFileAtomic(dir / "slow.pdf", fg::writeSimplePdf(many)));
    fg::DeckLimits slow;
    slow.pageWidth = 2000;
    slow.sandbox.wallSeconds = 0.01;
    auto late = fg::renderPdfDeckSandboxed(dir / "slow.pdf", slow);
    REQUIRE_FALSE(late);
    CHECK(mentions(late.error(), "slow.pdf: PDF render took longer than 0.01 s"));
#if !defined(__SANITIZE_ADDRESS__)
    fg::DeckLimits starved;
    starved.pageWidth = 4000;
    starved.sandbox.memoryBytes = 8ull << 20; // one 4000-pixel-wide page needs ~36 MiB
    auto poor = fg::renderPdfDeckSandboxed(dir / "slow.pdf", starved);
    REQUIRE_FALSE(poor);
    CHECK(mentions(poor.error(), "slow.pdf"));
#endif
}

TEST_CASE("sandboxed work that crashes, spins or runs out of memory is reported, not fatal") {
    auto crash = fg::runSandboxed("crash.pdf", "PDF render", {}, []() -> fg::Result<fg::Bytes> {
        std::signal(SIGSEGV, SIG_DFL); // doctest's handler would report from the child
        std::raise(SIGSEGV);
        return fg::Bytes{};
    });
    REQUIRE_FALSE(crash);
    CHECK(mentions(crash.error(), "crash.pdf: PDF render process killed by signal"));

    auto spin = fg::runSandboxed("spin.pdf", "PDF render", {.cpuSeconds = 1, .wallSeconds = 30},
                                 []() -> fg::Result<fg::Bytes> {
                                     std::atomic<std::uint64_t> spins{0};
                                     for (;;)
                                         spins.fetch_add(1, std::memory_order_relaxed);
                                 });
    REQUIRE_FALSE(spin);
    INFO(spin.error().message);
    CHECK(mentions(spin.error(), "spin.pdf: PDF render process killed at its CPU time limit"));

    auto greedy = fg::runSandboxed("greedy.pdf", "PDF render", {.memoryBytes = 64ull << 20},
                                   []() -> fg::Result<fg::Bytes> { throw std::bad_alloc(); });
    REQUIRE_FALSE(greedy);
    CHECK(mentions(greedy.error(), "greedy.pdf: the PDF render needed more memory than its "
                                   "limit of 64 MiB"));

    auto fine = fg::runSandboxed("fine", "work", {}, [] {
        return fg::Result<fg::Bytes>(fg::Bytes{1, 2, 3});
    });
    REQUIRE(fine);
    CHECK(*fine == fg::Bytes{1, 2, 3});
}

TEST_CASE("a deck of PNG and JPEG pages loads in order, and mixed or missing pages are named") {
    auto dir = fgtest::freshDocDir("images");
    REQUIRE(fg::writePng(dir / "1.png", solid(32, 18, 10)));
    REQUIRE(fg::writeJpeg(dir / "2.jpg", solid(32, 18, 200)));
    std::vector<fs::path> files{dir / "1.png", dir / "2.jpg"};
    auto pages = fg::loadDeckPages(files);
    REQUIRE_MESSAGE(pages, (pages ? "" : pages.error().message));
    REQUIRE(pages->size() == 2);
    CHECK((*pages)[0].rgba[1] == 10);
    CHECK(int((*pages)[1].rgba[1]) > 150); // JPEG: close to 200

    fg::DeckLimits one;
    one.maxPages = 1;
    auto tooMany = fg::loadDeckPages(files, one);
    REQUIRE_FALSE(tooMany);
    CHECK(mentions(tooMany.error(), "2 pages is over the deck limit of 1"));

    std::vector<fs::path> mixed{dir / "1.png", dir / "deck.pdf"};
    auto pdfInside = fg::loadDeckPages(mixed);
    REQUIRE_FALSE(pdfInside);
    CHECK(mentions(pdfInside.error(), "deck.pdf: a PDF deck must be the deck's only file"));

    std::vector<fs::path> missing{dir / "1.png", dir / "3.png"};
    auto gone = fg::loadDeckPages(missing);
    REQUIRE_FALSE(gone);
    CHECK(mentions(gone.error(), "3.png"));
}
