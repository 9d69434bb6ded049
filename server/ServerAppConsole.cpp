// ServerApp's ConsoleHost side: live figures, visitor list, moderation, announcements, hall
// open/close, save, reload and shutdown. Runs on the server thread; never parses commands.
#include "engine/core/File.h"
#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "game/expo/ExhibitionJson.h"
#include "server/ServerApp.h"
#include "server/interactions/Interactions.h"
#include "server/store/Store.h"

#include <algorithm>
#include <fmt/format.h>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

namespace {
double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::size_t k = std::min(values.size() - 1, std::size_t(p * double(values.size() - 1) + 0.5));
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(k), values.end());
    return values[k];
}
} // namespace

console::ServerStats ServerApp::stats() const {
    console::ServerStats st;
    st.uptimeSeconds = monotonicSeconds() - m_startTime;
    std::vector<double> times(m_tickTimes.begin(), m_tickTimes.end());
    st.tickP50Ms = percentile(times, 0.5) * 1000.0;
    st.tickP99Ms = percentile(times, 0.99) * 1000.0;
    st.bytesInPerSecond = m_bytesInPerSecond;
    st.bytesOutPerSecond = m_bytesOutPerSecond;
    st.tickRateHz = m_config.tickRate;
    st.connections = std::uint32_t(m_host->connectedPeers());
    st.netThreads = m_config.netThreads;
    st.netThreadCpuPercent = m_netCpuPercent;
    return st;
}

std::vector<console::HallStatus> ServerApp::halls() const {
    std::vector<console::HallStatus> out;
    for (std::uint32_t h = 0; h < m_exhibition->halls.size(); ++h)
        out.push_back(
            {m_exhibition->halls[h].id, m_exhibition->halls[h].name, m_world->hallOpen(h), 0});
    for (const auto& s : m_sessions)
        if (s.joined) ++out[m_world->find(s.id)->hall].visitors;
    return out;
}

std::vector<console::VisitorInfo> ServerApp::visitors() const {
    std::vector<console::VisitorInfo> out;
    for (const auto& s : m_sessions) {
        if (!s.joined) continue;
        const presence::Avatar* a = m_world->find(s.id);
        console::VisitorInfo v;
        v.id = s.id;
        v.name = s.name;
        v.role = s.role;
        v.exhibitorId = s.exhibitorId;
        v.country = s.country;
        v.hall = m_exhibition->halls[a->hall].id;
        v.nearBooth = m_interactions->visits().boothOf(s.id);
        v.position = a->position;
        v.address = s.address;
        v.clientKey = s.clientKey;
        v.muted = s.muted;
        out.push_back(std::move(v));
    }
    return out;
}

Status ServerApp::kick(std::uint32_t visitorId, std::string_view reason) {
    Session* s = session(visitorId);
    if (!s || !s->joined) return makeError(fmt::format("kick: no visitor {}", visitorId));
    reject(*s, RejectReason::Kicked, fmt::format("removed by the organiser: {}", reason));
    return {};
}

Status ServerApp::disconnectBanned(std::uint32_t visitorId, std::string_view reason) {
    Session* s = session(visitorId);
    if (!s || !s->joined) return makeError(fmt::format("ban: no visitor {}", visitorId));
    reject(*s, RejectReason::Banned, fmt::format("banned: {}", reason));
    return {};
}

Status ServerApp::setMuted(std::uint32_t visitorId, bool muted) {
    Session* s = session(visitorId);
    if (!s || !s->joined) return makeError(fmt::format("mute: no visitor {}", visitorId));
    s->muted = muted;
    return {};
}

Status ServerApp::announce(std::string_view hallId, std::string_view text) {
    std::uint32_t hall = hallId.empty() ? 0 : hallIndex(hallId);
    if (!hallId.empty() && hall >= m_exhibition->halls.size())
        return makeError(fmt::format("announce: no hall '{}'", hallId));
    if (text.empty() || text.size() > kMaxChatLength)
        return makeError(fmt::format("announce: text must be 1-{} bytes", kMaxChatLength));
    for (const auto& s : m_sessions)
        if (s.joined && (hallId.empty() || m_world->find(s.id)->hall == hall))
            send(s, Announcement{"Organiser", std::string(text)});
    return {};
}

Status ServerApp::setHallOpen(std::string_view hallId, bool open) {
    std::uint32_t hall = hallIndex(hallId);
    if (hall >= m_exhibition->halls.size()) return makeError(fmt::format("no hall '{}'", hallId));
    m_world->setHallOpen(hall, open);
    log::info("server: hall '{}' {}", hallId, open ? "opened" : "closed");
    return {};
}

Status ServerApp::requestSave() {
    m_interactions->visits().flushDwell();
    if (auto r = m_store->flush(); !r) return r.error();
    return m_store->checkpoint();
}

Result<std::string> ServerApp::reloadExhibition() {
    auto fresh = loadValidExhibition(m_config.exhibitionPath);
    if (!fresh) return fresh.error();
    auto json = readFileText(m_config.exhibitionPath);
    if (!json) return json.error();
    auto revision = m_store->storeExhibition(*json, "reload");
    if (!revision) return revision.error();
    auto world = std::make_unique<presence::PresenceWorld>(**fresh, m_config.presence);
    const double now = monotonicSeconds();
    for (std::uint32_t h = 0; h < world->hallCount() && h < m_world->hallCount(); ++h)
        world->setHallOpen(h, m_world->hallOpen(h));
    for (auto& s : m_sessions) {
        if (!s.joined) continue;
        world->add(s.id, m_world->find(s.id)->hall, now); // back to spawn: the layout may differ
    }
    m_world = std::move(world);
    m_exhibition = std::move(*fresh);
    applyPublishedBooths(); // approved booth revisions outlive a reload of the file
    m_interactions->setExhibition(*m_exhibition);
    m_revision = std::uint64_t(*revision);
    for (auto& s : m_sessions)
        if (s.joined) sendCorrection(s, s.lastInput);
    return fmt::format("reloaded '{}': revision {}, {} halls, {} booths", m_exhibition->event.name,
                       m_revision, m_exhibition->halls.size(), m_exhibition->booths.size());
}

Status ServerApp::shutdown(std::uint32_t seconds) {
    (void)announce("", seconds == 0 ? std::string("The server is shutting down now.")
                                    : fmt::format("The server shuts down in {} s.", seconds));
    m_stopAt = monotonicSeconds() + seconds;
    return {};
}

} // namespace fg::server
