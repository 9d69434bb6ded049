// One capability's client side (chat, booth panel, directory, ...): its state, its panels, its
// server-message handlers and its script actions, hosted by ClientFeatures. Never owns the link.
#pragma once

#include "engine/core/Result.h"
#include "game/client/ClientUi.h"
#include "game/client/PendingRequests.h"
#include "game/netclient/ClientRouter.h"

#include <optional>
#include <string>
#include <vector>

namespace fg::client {

class ClientFeature {
public:
    virtual ~ClientFeature() = default;
    // Adds the feature's server-message handlers and the handlers for its pending requests.
    virtual void registerHandlers(netclient::ClientRouter&, PendingRequests&) {}
    // Menu bar entries (inside ImGui's main menu bar), in the host's order.
    virtual void drawMenu() {}
    // The feature's windows for one frame (inside the renderer's ImGui frame).
    virtual void drawPanels(const UiFrame&) {}
    // A form drawn instead of the world (first run); true while it is shown.
    virtual bool drawBlocking() { return false; }
    // Runs script action NAME; nullopt when the feature does not own NAME.
    virtual std::optional<Status> runAction(const std::string&, const std::vector<std::string>&) {
        return std::nullopt;
    }
    // After each Welcome (also after a reconnect).
    virtual void onJoined() {}
    // Once per frame while joined, after the inbox was dispatched.
    virtual void update() {}
};

} // namespace fg::client
