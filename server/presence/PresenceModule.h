// Presence as a server module: owns Input and Teleport handling and the per-tick snapshots (with
// the Join introductions they need). Never touches interactions, content or publishing, and never
// allocates per client on the tick path (scratch buffers are reused).
#pragma once

#include "server/core/ServerContext.h"
#include "server/core/ServerModule.h"

#include <map>
#include <string>

namespace fg::server {

// Puts S's client back where the server has its avatar (after a refused input, a teleport or a
// reload), acknowledging input SEQUENCE.
void sendCorrection(ServerContext& ctx, presence::Session& s, std::uint32_t sequence);

// The bus counter of visitors in hall HALLID (every process adds its own share).
std::string hallVisitorsCounter(std::string_view hallId);

class PresenceModule final : public ServerModule {
public:
    explicit PresenceModule(ServerContext& ctx) : m_ctx(ctx) {}

    void registerHandlers(ServerRouter& router) override;
    void onTick(std::uint32_t tick, double now) override;

private:
    void handleInput(presence::Session& s, const proto::Input& in);
    void handleTeleport(presence::Session& s, const proto::Teleport& tp);
    bool refusedByGuard(presence::Session& s, const proto::Input& in);
    void sendSnapshots(std::uint32_t tick);
    void publishHallCounts();

    ServerContext& m_ctx;
    presence::ViewIds m_viewScratch;
    std::vector<std::uint8_t> m_snapshotPacket; // reused by every client's snapshot each tick
    std::vector<std::int64_t> m_hallScratch;    // visitors per hall index, this process
    std::map<std::string, std::int64_t> m_hallCounted; // what this process added to each counter
};

} // namespace fg::server
