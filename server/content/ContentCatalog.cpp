// Cooks an exhibition's referenced files into the content store and rewrites references to
// asset names. Reads only inside the exhibition folder it is given; writes only inside its DIR.
#include "server/content/ContentCatalog.h"

#include "engine/asset/CookedFormat.h"
#include "engine/asset/ImageLoader.h"
#include "engine/core/Log.h"

#include <fmt/format.h>

namespace fg::content {

namespace fs = std::filesystem;
using expo::FileKind;

ContentCatalog::ContentCatalog(const fs::path& dir)
    : m_store(dir / "assets"), m_cook(dir / "cook") {}

Result<Hash128> ContentCatalog::putCooked(const fs::path& source, FileKind kind) {
    if (kind == FileKind::Document) {
        auto bytes = readFileBytes(source);
        if (!bytes) return bytes.error();
        return m_store.put(*bytes);
    }
    auto entry = kind == FileKind::Model ? m_cook.ensureModel(source) : m_cook.ensureImage(source);
    if (!entry) return entry.error();
    ++(entry->cached ? m_stats.cached : m_stats.cooked);
    auto cooked = readFileBytes(entry->cookedFile);
    if (!cooked) return cooked.error();
    return m_store.put(*cooked);
}

Result<std::string> ContentCatalog::addFile(const fs::path& source, FileKind kind,
                                            const std::string& reference) {
    auto hash = putCooked(source, kind);
    if (!hash && kind != FileKind::Document) {
        log::warn("content: {}: {}; serving a placeholder", reference, hash.error().message);
        ++m_stats.placeholders;
        Bytes placeholder = kind == FileKind::Model ? cookModel(makePlaceholderModel())
                                                    : cookImage(makePlaceholderImage());
        hash = m_store.put(placeholder);
    }
    if (!hash) return makeError(fmt::format("content: {}: {}", reference, hash.error().message));
    std::error_code ec;
    m_stats.bytes += fs::file_size(m_store.pathOf(*hash), ec);
    return expo::assetNameFor(*hash, kind, reference);
}

Status ContentCatalog::addPdfDeck(const fs::path& baseDir, const std::string& reference) {
    auto pages = renderPdfDeckSandboxed(baseDir / reference, m_deckLimits);
    if (!pages) {
        log::warn("content: deck {}: {}; serving a placeholder page", reference,
                  pages.error().message);
        ++m_stats.placeholders;
        pages = std::vector<ImageData>{makePlaceholderImage()};
    }
    std::vector<std::string> names;
    for (const ImageData& page : *pages) {
        auto hash = m_store.put(cookImage(page));
        if (!hash)
            return makeError(fmt::format("content: {}: {}", reference, hash.error().message));
        std::error_code ec;
        m_stats.bytes += fs::file_size(m_store.pathOf(*hash), ec);
        names.push_back(expo::assetNameFor(*hash, FileKind::Image, reference));
    }
    m_stats.deckPages += names.size();
    ++m_stats.files;
    m_deckPages.emplace(reference, std::move(names));
    return {};
}

Status ContentCatalog::addFiles(const expo::Exhibition& ex, const fs::path& baseDir) {
    for (const auto& session : ex.sessions)
        if (session.deck.size() == 1 && isPdfFile(session.deck[0]) &&
            !m_deckPages.count(session.deck[0]))
            if (Status st = addPdfDeck(baseDir, session.deck[0]); !st) return st;
    Status status;
    auto visit = [&](const std::string& reference, FileKind kind) {
        expo::AssetName parsed;
        if (!status || m_names.count(reference) || m_deckPages.count(reference) ||
            expo::parseAssetName(reference, parsed))
            return;
        auto name = addFile(baseDir / reference, kind, reference);
        if (!name) {
            status = name.error();
            return;
        }
        ++m_stats.files;
        m_names.emplace(reference, std::move(*name));
    };
    forEachFileReference(ex, visit);
    return status;
}

Result<expo::Exhibition> ContentCatalog::manifestOf(const expo::Exhibition& ex) const {
    expo::Exhibition out = ex;
    for (auto& session : out.sessions)
        if (session.deck.size() == 1)
            if (auto it = m_deckPages.find(session.deck[0]); it != m_deckPages.end())
                session.deck = it->second;
    std::string missing;
    forEachFileReference(out, [&](std::string& reference, FileKind kind) {
        expo::AssetName parsed;
        if (expo::parseAssetName(reference, parsed) &&
            expo::assetExtensionFits(parsed.extension, kind))
            return;
        auto it = m_names.find(reference);
        if (it != m_names.end())
            reference = it->second;
        else if (missing.empty())
            missing = reference;
    });
    if (!missing.empty())
        return makeError(fmt::format("content: '{}' is referenced but was never cooked", missing));
    return out;
}

} // namespace fg::content
