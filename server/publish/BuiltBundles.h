// Booths that were never published, made into .booth bundles on the server (for the editor's
// "open my booth from the server") and kept in the publish ContentStore by content hash, with an
// index so an unchanged booth is not rebuilt per request. Never sends anything; no networking.
#pragma once

#include "game/expo/Exhibition.h"
#include "server/publish/ContentStore.h"

#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace fg::publish {

// A booth as the exhibition has it, stored as a .booth.
struct BuiltBundle {
    std::string boothId;
    Hash128 bundle;                   // in the ContentStore
    std::uint64_t size = 0;           // bytes of the .booth
    std::vector<std::string> missing; // referenced files the server does not have
    bool fromCache = false;           // the index had it: nothing was read or compressed
};

class BuiltBundles {
public:
    // The index lives in INDEXFILE (JSON, written atomically); bundles in STORE.
    BuiltBundles(std::filesystem::path indexFile, ContentStore& store);
    // Reads the index (a missing file is an empty index).
    Status load();

    // BOOTHID of EXHIBITION with its files from BASEDIR as a stored .booth. Rebuilt only when
    // the booth, its exhibitor's profile or a file it uses (size, modification time) changed.
    // Reading and compressing the files is slow: a server calls this on a worker thread
    // (BundleBuildWorker). Safe to call from several threads.
    Result<BuiltBundle> get(const expo::Exhibition& exhibition, const std::string& boothId,
                            const std::filesystem::path& baseDir);
    // The stored bundle when the inputs are unchanged (cheap: file sizes and times only).
    std::optional<BuiltBundle> cached(const expo::Exhibition& exhibition,
                                      const std::string& boothId,
                                      const std::filesystem::path& baseDir) const;
    // The booth a built bundle named BUNDLE belongs to.
    std::optional<std::string> boothOf(const Hash128& bundle) const;
    std::size_t builds() const { return m_builds; } // bundles built since start (tests)

private:
    struct Item {
        Hash128 key; // of the inputs (booth JSON, file sizes and times)
        BuiltBundle built;
    };
    Result<Hash128> inputKey(const expo::Exhibition& exhibition, const std::string& boothId,
                             const std::filesystem::path& baseDir) const;
    std::optional<BuiltBundle> find(const Hash128& key, const std::string& boothId) const;
    Status save() const; // with m_mutex held

    std::filesystem::path m_file;
    ContentStore& m_store;
    mutable std::mutex m_mutex; // guards m_items, m_boothOf and the index file
    std::vector<Item> m_items;  // oldest first
    // Every built bundle's booth, asked for each asset request (the bundle guard): a map, and
    // never pruned, so no bundle built since the start ever goes unguarded.
    std::map<std::pair<std::uint64_t, std::uint64_t>, std::string> m_boothOf;
    std::atomic<std::size_t> m_builds{0};
};

} // namespace fg::publish
