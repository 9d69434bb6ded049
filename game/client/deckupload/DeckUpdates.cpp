// DeckUpdates: page names from hashes, fetched through the content fetcher, applied whole (a
// deck never shows half old, half new). Must not touch anything but sessions' decks.
#include "game/client/deckupload/DeckUpdates.h"

#include "engine/core/Log.h"
#include "engine/core/Translate.h"
#include "game/expo/protocol/ContentNames.h"

#include <fmt/format.h>

namespace fg::client {

using netclient::AssetState;

Status DeckUpdates::receive(const expo::proto::DeckChanged& changed,
                            netclient::ContentFetcher& fetcher) {
    std::vector<std::string> names;
    for (const Hash128& page : changed.pages) {
        names.push_back(expo::assetNameFor(page, expo::FileKind::Image, {}));
        if (Status st = fetcher.want(names.back()); !st)
            return makeError(
                fmt::format("new deck of '{}': {}", changed.sessionId, st.error().message));
    }
    m_waiting[changed.sessionId] = std::move(names);
    return {};
}

std::size_t DeckUpdates::applyReady(expo::Exhibition& ex, const netclient::ContentFetcher& fetcher,
                                    const std::function<std::string(const std::string&)>& resolve,
                                    std::vector<std::string>& failed) {
    std::size_t applied = 0;
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        bool ready = true, lost = false;
        for (const auto& name : it->second) {
            const AssetState state = fetcher.state(name);
            lost = lost || state == AssetState::Failed;
            ready = ready && state == AssetState::Ready;
        }
        if (!ready && !lost) {
            ++it;
            continue;
        }
        if (lost) failed.push_back(trf("the new deck of '{}' could not be fetched", it->first));
        for (auto& session : ex.sessions)
            if (session.id == it->first && !lost) {
                session.deck.clear();
                for (const auto& name : it->second)
                    session.deck.push_back(resolve(name));
                log::info("client: '{}' has a new deck of {} pages", session.id,
                          session.deck.size());
                ++applied;
            }
        it = m_waiting.erase(it);
    }
    return applied;
}

} // namespace fg::client
