// The server's servable content: every file an exhibition references, cooked (images -> .fgt,
// models -> .fgm, documents as they are) into a content-addressed store, and the manifest that
// names them by hash. Organiser-trusted input only; never touches the network.
#pragma once

#include "engine/asset/AssetCache.h"
#include "engine/core/File.h"
#include "engine/core/Hash.h"
#include "engine/core/Result.h"
#include "engine/doc/DeckPages.h"
#include "game/expo/Exhibition.h"
#include "game/expo/protocol/ContentNames.h"
#include "server/publish/ContentStore.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

namespace fg::content {

struct CatalogStats {
    std::size_t files = 0;        // distinct source files
    std::size_t cooked = 0;       // cooked now (cache misses)
    std::size_t cached = 0;       // already cooked by an earlier start
    std::size_t placeholders = 0; // failed to cook: served as the placeholder box / checker
    std::size_t deckPages = 0;    // pages rendered from PDF decks
    std::uint64_t bytes = 0;      // stored bytes of all distinct assets
};

class ContentCatalog {
public:
    // Cooked blobs go to DIR/assets (by hash of the cooked bytes), the cook cache to DIR/cook.
    explicit ContentCatalog(const std::filesystem::path& dir);

    // Cooks and stores every file EX references (relative to BASEDIR) that is not already an
    // asset name; a session's PDF deck is rendered page by page in the sandboxed child
    // (fg_doc) and each page stored as a texture. A file that cannot be cooked becomes a
    // placeholder (logged), so the manifest stays complete. Safe to call from a worker thread
    // while nothing else uses this catalog.
    Status addFiles(const expo::Exhibition& ex, const std::filesystem::path& baseDir);
    // EX with every reference replaced by its asset name, a PDF deck by its pages' names.
    // References that already are asset names (published booths) are kept; one never added is
    // an error naming it.
    Result<expo::Exhibition> manifestOf(const expo::Exhibition& ex) const;

    const publish::ContentStore& store() const { return m_store; }
    const CatalogStats& stats() const { return m_stats; }
    // How PDF decks are rendered (page width, page and pixel limits, the sandbox's limits).
    void setDeckLimits(const DeckLimits& limits) { m_deckLimits = limits; }

private:
    Result<std::string> addFile(const std::filesystem::path& source, expo::FileKind kind,
                                const std::string& reference);
    Result<Hash128> putCooked(const std::filesystem::path& source, expo::FileKind kind);
    // Renders the PDF deck REFERENCE (in BASEDIR) and stores its pages; a refused PDF is logged
    // and served as one placeholder page.
    Status addPdfDeck(const std::filesystem::path& baseDir, const std::string& reference);

    publish::ContentStore m_store;
    AssetCache m_cook;
    std::unordered_map<std::string, std::string> m_names; // reference -> asset name
    std::unordered_map<std::string, std::vector<std::string>> m_deckPages; // PDF -> page names
    DeckLimits m_deckLimits;
    CatalogStats m_stats;
};

} // namespace fg::content
