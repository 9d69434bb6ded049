// Deck cooking: split the upload into its files, render or decode each page, cook and store it.
// Must not touch the exhibition or a session; Poppler runs only in the sandboxed child.
#include "server/deckupload/DeckCooker.h"

#include "engine/asset/CookedFormat.h"
#include "game/expo/protocol/ContentNames.h"

#include <atomic>
#include <fmt/format.h>
#include <unistd.h>

namespace fg::server {

namespace fs = std::filesystem;
using expo::proto::DeckFileKind;

namespace {

// The child's messages name the scratch file; the person knows the file by its own name.
std::string renamed(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at))
        text.replace(at, from.size(), to), at += to.size();
    return text;
}

Result<std::vector<ImageData>> renderPdf(const DeckSource& source, const fs::path& scratch,
                                         const DeckLimits& limits) {
    static std::atomic<unsigned> counter{0};
    std::error_code ec;
    fs::create_directories(scratch, ec);
    const fs::path file = scratch / fmt::format("deck-{}-{}.pdf", ::getpid(), counter++);
    if (Status st = writeFileAtomic(file, source.bytes); !st) return st.error();
    auto pages = renderPdfDeckSandboxed(file, limits);
    fs::remove(file, ec);
    if (!pages) return makeError(renamed(pages.error().message, file.string(), source.fileName));
    return pages;
}

Result<std::vector<ImageData>> decodeImages(const DeckSource& source, const DeckLimits& limits) {
    std::vector<ImageData> pages;
    std::uint64_t at = 0;
    for (std::size_t i = 0; i < source.partSizes.size(); ++i) {
        const std::uint64_t n = source.partSizes[i];
        if (n > source.bytes.size() - at)
            return makeError(
                fmt::format("{}: page {} runs past the uploaded bytes", source.fileName, i + 1));
        const std::span<const std::uint8_t> part(source.bytes.data() + at, std::size_t(n));
        auto page = loadImageFromMemory(part, fmt::format("{} (page {})", source.fileName, i + 1),
                                        limits.image);
        if (!page) return page.error();
        pages.push_back(std::move(*page));
        at += n;
    }
    return pages;
}

Status checkShape(const DeckSource& source, const DeckLimits& limits) {
    const std::size_t parts = source.partSizes.size();
    if (source.kind == DeckFileKind::Pdf && parts != 1)
        return makeError(fmt::format("{}: a PDF deck is one file, not {}", source.fileName, parts));
    if (parts == 0 || parts > limits.maxPages)
        return makeError(fmt::format("{}: {} pages; a deck has 1 to {}", source.fileName, parts,
                                     limits.maxPages));
    std::uint64_t total = 0;
    for (std::uint64_t n : source.partSizes)
        total += n;
    if (total != source.bytes.size())
        return makeError(fmt::format("{}: {} bytes announced, {} received", source.fileName, total,
                                     source.bytes.size()));
    return {};
}

DeckFileKind kindOf(const fs::path& file) {
    return isPdfFile(file) ? DeckFileKind::Pdf : DeckFileKind::Images;
}

} // namespace

Result<DeckSource> readDeckFile(const fs::path& file) {
    auto bytes = readFileBytes(file, expo::proto::kMaxDeckUploadBytes);
    if (!bytes) return bytes.error();
    DeckSource source{file.filename().string(), kindOf(file), {bytes->size()}, std::move(*bytes)};
    return source;
}

Result<std::vector<std::string>> cookDeck(const DeckSource& source, publish::ContentStore& store,
                                          const fs::path& scratch, const DeckLimits& limits) {
    if (Status st = checkShape(source, limits); !st) return st.error();
    auto pages = source.kind == DeckFileKind::Pdf ? renderPdf(source, scratch, limits)
                                                  : decodeImages(source, limits);
    if (!pages) return pages.error();
    std::vector<std::string> names;
    for (const ImageData& page : *pages) {
        auto hash = store.put(cookImage(page));
        if (!hash) return makeError(fmt::format("{}: {}", source.fileName, hash.error().message));
        names.push_back(expo::assetNameFor(*hash, expo::FileKind::Image, {}));
    }
    return names;
}

} // namespace fg::server
