// Voice on the server: selective forwarding of 20 ms Opus frames (never decoded) to the listeners
// game/voice's chooseVoices picks, per-listener budget and link check, rate limits, and mutes
// (organiser, session moderator) kept in the store. Never touches audio, slides or attendance.
#pragma once

#include "engine/core/Time.h"
#include "game/voice/VoiceForwarding.h"
#include "server/core/ServerContext.h"
#include "server/core/ServerModule.h"
#include "server/programme/ProgrammeAccess.h"
#include "server/voice/VoiceZones.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace fg::console {
struct ConsoleResult;
}
namespace fg::store {
class VoiceMuteRecords;
}

namespace fg::server {

// Limits of the forwarding (docs/VOICE.md, "The server").
struct VoiceLimits {
    voice::VoiceRules rules;
    double listenerBytesPerSecond = 6 * 32000 / 8; // 6 voices at 32 kbit/s each
    double listenerBurstSeconds = 0.25;            // a listener's budget holds this much
    std::size_t maxQueuedBytes = 6000;             // a listener's link holding more is full: drop
    double talkerHoldSeconds = 0.3;     // a talker stays chosen this long after their last frame
    double mutedStatusEverySeconds = 5; // a muted talker is reminded at most this often
};

class VoiceModule final : public ServerModule {
public:
    VoiceModule(ServerContext& ctx, ProgrammeAccess& programme,
                std::function<UnixSeconds()> clock = unixNow, VoiceLimits limits = {});
    ~VoiceModule() override;

    Status start() override; // opens the slice's table and loads the mutes
    void registerHandlers(ServerRouter& router) override;
    void registerCommands(console::ConsoleCommands& commands) override;
    void onJoin(presence::Session& s) override;
    void onLeave(presence::Session& s, expo::proto::LeaveReason) override;
    void onTick(std::uint32_t tick, double now) override;
    void addStatus(std::vector<console::StatusFigure>& figures) const override;

    // Counts since the start (the console turns them into rates).
    struct Counters {
        std::uint64_t framesIn = 0;    // frames accepted from talkers
        std::uint64_t framesOut = 0;   // frames sent to listeners
        std::uint64_t dropped = 0;     // frames not sent: a listener's budget or link was full
        std::uint64_t mutedFrames = 0; // frames of muted talkers, sent to nobody
        std::uint64_t refused = 0;     // frames and mutes refused (each also a fault)
        bool operator==(const Counters&) const = default;
    };
    const Counters& counters() const { return m_counters; }

    // One mute as the module keeps it (see store::StoredVoiceMute for the key's forms).
    struct Mute {
        std::string name, reason, by, session;
        UnixSeconds until = 0; // 0: until lifted
    };
    // Mutes WHO (organiser's or, with SESSION, that session's moderator's); SECONDS 0: until
    // lifted. The person is told at once (VoiceStatus).
    Status mutePerson(presence::Session& who, std::uint32_t seconds, std::string reason,
                      std::string by, std::string session = {});
    Status unmutePerson(presence::Session& who);
    // Mutes (or unmutes) everyone attending SESSION who does not present it.
    Status muteAudience(const std::string& session, bool mute, std::uint32_t seconds,
                        std::string reason, std::string by);
    // The mute that silences S now (an own mute, else their session's audience mute), or null.
    const Mute* muteOf(const presence::Session& s) const;

    // `voice status [--json]`, `voice mute ...`, `voice unmute ...` (VoiceConsole.cpp).
    console::ConsoleResult statusCommand(bool json) const;

private:
    struct Route {
        std::uint16_t listener = 0;
        voice::Reach reach = voice::Reach::None;
    };
    // One connection as talker and as listener (indexed by client id).
    struct Peer {
        double lastFrameAt = -1e9;
        std::uint8_t level = 0; // loudest frame since the last tick (the last one's if none)
        bool fresh = false;     // a frame came since the last tick
        bool stage = false;     // the last frame asked for the stage
        bool routed = false;    // a talker at the last tick: frames go out on arrival
        double tokens = 0, tokensAt = -1;
        double mutedToldAt = -1e9;
        std::vector<voice::VoiceFrame> pending; // a new talker's frames, sent at the tick
        std::vector<Route> routes;              // who hears this talker (rebuilt each tick)
        voice::VoiceSelection selection;        // whom this listener heard last tick
        std::uint32_t zone = 0;                 // private zone last found (VoiceZones)
        double budget = 0, budgetAt = -1;
    };
    struct Rates {
        double at = -1;
        Counters start, last; // counters at the start of the last full second, and its rates
    };

    // VoiceModule.cpp: frames and forwarding.
    Peer& peer(std::uint16_t id);
    void receive(presence::Session& s, voice::VoiceFrame& frame);
    bool withinRate(Peer& p, double now);
    // The number (index + 1) of the live session S speaks to from its stage now, else 0.
    std::uint32_t stageOf(const presence::Session& s) const;
    bool presentsLive(const presence::Session& s) const;
    void rebuildRoutes(double now);
    void forward(std::uint16_t speaker, const voice::VoiceFrame& frame, double now);
    bool admit(const presence::Session& listener, Peer& p, std::size_t bytes, double now);

    // VoiceMutes.cpp: mutes from clients and the console, their expiry and the store.
    void handleMute(presence::Session& s, const expo::proto::VoiceMute& m);
    void refuseMute(presence::Session& s, std::uint32_t requestId, std::string why, bool lying);
    void saveMute(const std::string& key, const Mute& mute);
    void expireMutes();
    void tellStatus(presence::Session& s);
    std::uint32_t attendedSession(const presence::Session& s) const;

    // VoiceConsole.cpp
    console::ConsoleResult muteCommand(const std::vector<std::string>& words, bool mute);
    presence::Session* personNamed(const std::string& word);

    ServerContext& m_ctx;
    ProgrammeAccess& m_programme;
    std::function<UnixSeconds()> m_clock;
    VoiceLimits m_limits;
    std::unique_ptr<store::VoiceMuteRecords> m_records;
    std::map<std::string, Mute, std::less<>> m_mutes; // by key (store::StoredVoiceMute::key)
    std::vector<Peer> m_peers;
    VoiceZones m_zones;
    std::vector<voice::VoiceSpeaker> m_talkers;    // this tick's, reused each tick
    std::vector<voice::VoiceListener> m_listeners; // this tick's, reused each tick
    std::vector<std::uint32_t> m_attending;        // by client id: session number attended, or 0
    Counters m_counters;
    Rates m_rates;
};

// The key a person's own mute is stored under: "person:" + their personKey, else
// "person:key:CLIENTKEY", else "person:id:N".
std::string voiceMuteKey(const presence::Session& s);

} // namespace fg::server
