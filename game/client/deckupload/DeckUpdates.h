// New decks announced by the server (DeckChanged): their page textures fetched by hash, then
// the session's deck replaced in the client's exhibition (the venue screen and the slide viewer
// read it each frame). Window-free so tests drive it; must not render or open sockets.
#pragma once

#include "engine/core/Result.h"
#include "game/expo/Exhibition.h"
#include "game/expo/protocol/Messages.h"
#include "game/netclient/ContentFetcher.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace fg::client {

class DeckUpdates {
public:
    // Asks FETCHER for CHANGED's pages; a newer announcement for the session replaces a waiting
    // one.
    Status receive(const expo::proto::DeckChanged& changed, netclient::ContentFetcher& fetcher);
    // Replaces in EX the deck of every session whose pages are all cached (RESOLVE maps an asset
    // name to the reference EX stores); a deck whose page failed is dropped with a line in
    // FAILED. Returns how many decks changed.
    std::size_t applyReady(expo::Exhibition& ex, const netclient::ContentFetcher& fetcher,
                           const std::function<std::string(const std::string&)>& resolve,
                           std::vector<std::string>& failed);
    bool waiting() const { return !m_waiting.empty(); }

private:
    std::map<std::string, std::vector<std::string>> m_waiting; // session id -> page asset names
};

} // namespace fg::client
