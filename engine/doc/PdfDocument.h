// A PDF file opened from memory (Poppler behind this adapter): page count and pages rendered to
// RGBA at a width, within limits. Public header: no Poppler type here. Untrusted PDFs should be
// opened in the sandboxed child (engine/doc/DeckPages.h), never in a server's own process.
#pragma once

#include "engine/asset/ModelData.h"
#include "engine/core/File.h"
#include "engine/core/Result.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace fg {

struct PdfLimits {
    std::uint32_t maxPages = 200;
    std::uint32_t maxWidth = 4096, maxHeight = 4096;
    std::uint64_t maxPixels = 4096ull * 4096ull; // per rendered page
    std::uint64_t maxFileBytes = 64ull << 20;
};

class PdfDocument {
public:
    // Opens BYTES (copied); NAME is used in every error message. Refuses files over the byte
    // limit, that are not PDF, are locked by a password, or have no page or too many pages.
    static Result<PdfDocument> open(std::span<const std::uint8_t> bytes, const std::string& name,
                                    const PdfLimits& = {});
    static Result<PdfDocument> open(const std::filesystem::path& file, const PdfLimits& = {});

    PdfDocument(PdfDocument&&) noexcept;
    PdfDocument& operator=(PdfDocument&&) noexcept;
    ~PdfDocument();

    std::uint32_t pageCount() const;
    // Renders page INDEX (0-based) WIDTH pixels wide, the height following the page's aspect;
    // opaque sRGB RGBA8 on white. An oversized result is refused before it is rendered.
    Result<ImageData> renderPage(std::uint32_t index, std::uint32_t width) const;

private:
    struct Impl;
    explicit PdfDocument(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace fg
