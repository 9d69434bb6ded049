// A slide deck's pages as images: a PDF rendered page by page in the sandboxed child (Poppler
// never runs in the caller's process), or PNG/JPEG page files through fg_asset's image loader.
// Knows nothing about exhibitions or the network; callers cook and store what it returns.
#pragma once

#include "engine/asset/ImageLoader.h"
#include "engine/asset/Sandbox.h"
#include "engine/doc/PdfDocument.h"

#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace fg {

struct DeckLimits {
    std::uint32_t maxPages = 100;
    std::uint32_t pageWidth = 1280; // pixels a PDF page is rendered at
    PdfLimits pdf;
    ImageLimits image;
    SandboxLimits sandbox{1ull << 30, 20, 30.0};
};

// True when FILE names a PDF (by extension, case-insensitive).
bool isPdfFile(const std::filesystem::path& file);

// Renders every page of the PDF in BYTES in this process (the fuzz target and the sandboxed
// child use it): an Error naming NAME for a refused file, a page over the limits, or more pages
// than DeckLimits::maxPages.
Result<std::vector<ImageData>> renderPdfPages(std::span<const std::uint8_t> bytes,
                                              const std::string& name, const DeckLimits& = {});

// Renders every page of PDF FILE in a sandboxed child (address space, CPU and wall-time limits of
// DeckLimits::sandbox). Pages come back cooked and are read through the bounds-checked texture
// reader, so a subverted child cannot hand the caller malformed images.
Result<std::vector<ImageData>> renderPdfDeckSandboxed(const std::filesystem::path& file,
                                                      const DeckLimits& = {});

// Loads a deck of page files: one PDF (sandboxed) or PNG/JPEG pages (in order, each through
// loadImage). At most DeckLimits::maxPages pages; every error names the file.
Result<std::vector<ImageData>> loadDeckPages(std::span<const std::filesystem::path> files,
                                             const DeckLimits& = {});

} // namespace fg
