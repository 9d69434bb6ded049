// Keyboard shortcuts' actions: the focused booth (next, previous, open), walking to the entry
// selected in the directory, going to my next starred session, handing the keys back to the world.
// Which key runs which action is ClientApp's (ClientKeys.cpp); this feature never reads keys.
#pragma once

#include "game/client/ClientFeature.h"
#include "game/client/ClientState.h"

namespace fg::client {

class ClientFeatures;

class KeyboardFeature : public ClientFeature {
public:
    KeyboardFeature(Session& s, ClientFeatures& host) : m_s(s), m_host(host) {}
    void drawPanels(const UiFrame&) override;
    std::optional<Status> runAction(const std::string& name,
                                    const std::vector<std::string>& args) override;
    // The booth the next/previous keys reached (its id; empty: none).
    const std::string& focusedBooth() const { return m_focused; }

    // Walks to the next (STEP 1) or previous (-1) booth of the current hall in the file's order;
    // from no focus, to the booth nearest to the avatar.
    bool stepBooth(int step);
    bool openFocused();
    bool walkToSelected();
    bool goToNextSession();

private:
    std::vector<int> hallBooths() const;

    Session& m_s;
    ClientFeatures& m_host;
    std::string m_focused;
    bool m_releaseUi = false; // Esc: give keyboard focus back to the world at the next frame
};

} // namespace fg::client
