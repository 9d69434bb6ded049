// Deck pages: the PDF render that runs inside the sandbox, its reply framing (u32 page count,
// then per page a u64 length and a cooked texture) and the parent's bounds-checked reading.
#include "engine/doc/DeckPages.h"

#include "engine/asset/CookedFormat.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace fg {
namespace {

void appendU64(Bytes& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i)
        out.push_back(std::uint8_t(v >> (8 * i)));
}

// Runs in the child: every page rendered and cooked, framed for the pipe.
Result<Bytes> renderAndCook(const std::filesystem::path& file, const DeckLimits& limits) {
    auto bytes = readFileBytes(file);
    if (!bytes) return bytes.error();
    auto pages = renderPdfPages(*bytes, file.string(), limits);
    if (!pages) return pages.error();
    Bytes reply;
    appendU64(reply, pages->size());
    for (const ImageData& page : *pages) {
        Bytes cooked = cookImage(page);
        appendU64(reply, cooked.size());
        reply.insert(reply.end(), cooked.begin(), cooked.end());
    }
    return reply;
}

std::uint64_t readU64(std::span<const std::uint8_t> bytes, std::size_t at) {
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
        v |= std::uint64_t(bytes[at + i]) << (8 * i);
    return v;
}

// Parses the child's reply; every length is checked against what is left.
Result<std::vector<ImageData>> readPages(std::span<const std::uint8_t> reply,
                                         const std::string& name, const DeckLimits& limits) {
    const auto bad = [&] {
        return makeError(fmt::format("{}: render process sent a malformed "
                                     "reply",
                                     name));
    };
    if (reply.size() < 8) return bad();
    const std::uint64_t count = readU64(reply, 0);
    if (count == 0 || count > limits.maxPages) return bad();
    std::vector<ImageData> pages;
    std::size_t at = 8;
    for (std::uint64_t i = 0; i < count; ++i) {
        if (reply.size() - at < 8) return bad();
        const std::uint64_t length = readU64(reply, at);
        at += 8;
        if (length > reply.size() - at) return bad();
        auto page = readCookedImage(reply.subspan(at, length), fmt::format("{}#{}", name, i + 1));
        if (!page) return page.error();
        pages.push_back(std::move(*page));
        at += length;
    }
    if (at != reply.size()) return bad();
    return pages;
}

} // namespace

bool isPdfFile(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return ext == ".pdf";
}

Result<std::vector<ImageData>> renderPdfPages(std::span<const std::uint8_t> bytes,
                                              const std::string& name, const DeckLimits& limits) {
    PdfLimits pdf = limits.pdf;
    pdf.maxPages = std::min(pdf.maxPages, limits.maxPages);
    auto document = PdfDocument::open(bytes, name, pdf);
    if (!document) return document.error();
    std::vector<ImageData> pages;
    for (std::uint32_t i = 0; i < document->pageCount(); ++i) {
        auto page = document->renderPage(i, limits.pageWidth);
        if (!page) return page.error();
        pages.push_back(std::move(*page));
    }
    return pages;
}

Result<std::vector<ImageData>> renderPdfDeckSandboxed(const std::filesystem::path& file,
                                                      const DeckLimits& limits) {
    const std::string name = file.string();
    auto reply = runSandboxed(name, "PDF render", limits.sandbox,
                              [&] { return renderAndCook(file, limits); });
    if (!reply) return reply.error();
    return readPages(*reply, name, limits);
}

Result<std::vector<ImageData>> loadDeckPages(std::span<const std::filesystem::path> files,
                                             const DeckLimits& limits) {
    if (files.size() == 1 && isPdfFile(files[0])) return renderPdfDeckSandboxed(files[0], limits);
    if (files.empty()) return makeError("deck: no page files");
    if (files.size() > limits.maxPages)
        return makeError(fmt::format("{}: {} pages is over the deck limit of {}", files[0].string(),
                                     files.size(), limits.maxPages));
    std::vector<ImageData> pages;
    for (const auto& file : files) {
        if (isPdfFile(file))
            return makeError(
                fmt::format("{}: a PDF deck must be the deck's only file", file.string()));
        auto page = loadImage(file, limits.image);
        if (!page) return page.error();
        pages.push_back(std::move(*page));
    }
    return pages;
}

} // namespace fg
