// Content the visitor app gets from its server: the exhibition downloaded by hash with
// --connect, and booth revisions announced while connected (assets fetched, then applied).
// Window-free so tests drive it; ClientApp only calls it. Must not render or open sockets.
#pragma once

#include "engine/core/Result.h"
#include "game/booth/BoothBundle.h"
#include "game/client/deckupload/DeckUpdates.h"
#include "game/expo/Exhibition.h"
#include "game/expo/protocol/Messages.h"
#include "game/netclient/ContentFetcher.h"

#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace fg::client {

namespace proto = fg::expo::proto;

// Booth revisions waiting for their assets, applied in arrival order once all are cached.
class BoothUpdates {
public:
    // Checks REV (booth JSON, asset names of the right kinds) and asks FETCHER for its assets.
    // An older revision than one already applied is ignored. Errors name the booth and problem.
    Status receive(const proto::BoothRevision& rev, netclient::ContentFetcher& fetcher);
    // Applies to EX every waiting revision whose assets are all cached, in order; a revision
    // whose asset failed is dropped with a line in FAILED. Returns how many were applied.
    // RESOLVE maps an asset name to the reference stored in EX (see ClientContent::reference).
    std::size_t applyReady(expo::Exhibition& ex, const netclient::ContentFetcher& fetcher,
                           const std::function<std::string(const std::string&)>& resolve,
                           std::vector<std::string>& failed);
    bool waiting() const { return !m_waiting.empty(); }
    std::uint64_t appliedRevision(const std::string& boothId) const;

private:
    struct Waiting {
        proto::BoothRevision message;
        booth::BoothBundle manifest;
        std::vector<std::string> names;
    };
    std::deque<Waiting> m_waiting;
    std::map<std::string, std::uint64_t> m_applied; // booth id -> newest revision applied
};

// The fetcher and booth updates of one visitor app, and where fetched assets live.
class ClientContent {
public:
    // Assets are cached in CACHEDIR (made absolute). BASEDIR is the folder the app resolves the
    // exhibition's references in: the cache itself after a download, else the local folder.
    ClientContent(const std::filesystem::path& cacheDir, std::filesystem::path baseDir);

    netclient::ContentFetcher& fetcher() { return m_fetcher; }
    BoothUpdates& updates() { return m_updates; }
    DeckUpdates& decks() { return m_decks; }
    const std::filesystem::path& baseDir() const { return m_baseDir; }
    void setBaseDir(std::filesystem::path dir) { m_baseDir = std::move(dir); }
    // What an exhibition loaded from BASEDIR should store for asset NAME: the name itself when
    // BASEDIR is the cache, else the cached file's absolute path (so BASEDIR / it still works).
    std::string reference(const std::string& name) const;
    // Routes CLIENT's content messages to the fetcher (again after a reconnect), sends queued
    // requests, and applies ready revisions and decks to EX. True when a booth changed (rebuild
    // the world; a new deck is read by the screens each frame).
    bool pump(netclient::NetClient* client, expo::Exhibition& ex, std::vector<std::string>& failed);

private:
    netclient::ContentFetcher m_fetcher;
    BoothUpdates m_updates;
    DeckUpdates m_decks; // new decks change only sessions' decks: no world rebuild
    std::filesystem::path m_baseDir;
    netclient::NetClient* m_attached = nullptr;
};

} // namespace fg::client
