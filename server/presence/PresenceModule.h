// Presence as a server module: owns Input and Teleport handling and the per-tick snapshots (with
// the Join introductions they need). Never touches interactions, content or publishing, and never
// allocates per client on the tick path (scratch buffers are reused).
#pragma once

#include "server/core/ServerContext.h"
#include "server/core/ServerModule.h"

namespace fg::server {

// Puts S's client back where the server has its avatar (after a refused input, a teleport or a
// reload), acknowledging input SEQUENCE.
void sendCorrection(ServerContext& ctx, presence::Session& s, std::uint32_t sequence);

class PresenceModule final : public ServerModule {
public:
    explicit PresenceModule(ServerContext& ctx) : m_ctx(ctx) {}

    void registerHandlers(ServerRouter& router) override;
    void onTick(std::uint32_t tick, double now) override;

private:
    void handleInput(presence::Session& s, const proto::Input& in);
    void handleTeleport(presence::Session& s, const proto::Teleport& tp);
    void sendSnapshots(std::uint32_t tick);

    ServerContext& m_ctx;
    presence::ViewIds m_viewScratch;
    std::vector<std::uint8_t> m_snapshotPacket; // reused by every client's snapshot each tick
};

} // namespace fg::server
