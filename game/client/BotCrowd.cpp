// Simulated visitors: connect, wander at walking pace between random free points, send inputs
// at 10 Hz. Uses fg_netclient only; never touches the client's renderer or session.
#include "game/client/BotCrowd.h"

#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "game/netclient/NetClient.h"

#include <chrono>
#include <fmt/format.h>
#include <glm/geometric.hpp>
#include <random>
#include <vector>

namespace fg::client {
namespace {

struct Bot {
    std::unique_ptr<netclient::NetClient> client;
    glm::vec2 position{0.0f}, target{0.0f};
    bool placed = false;
};

constexpr const char* kCountries[] = {"VN", "KR", "JP", "DE", "FR", "US", "BR", "IN", "KE", "SE"};

} // namespace

BotCrowd::BotCrowd(const expo::Exhibition& ex, std::string host, std::uint16_t port, int count,
                   glm::vec2 centre, float radius)
    : m_ex(ex), m_area(ex, 0), m_centre(centre), m_radius(radius) {
    m_thread = std::thread([this, host, port, count] { run(host, port, count); });
}

BotCrowd::~BotCrowd() {
    m_stop = true;
    if (m_thread.joinable()) m_thread.join();
}

void BotCrowd::run(std::string host, std::uint16_t port, int count) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> unit(-1.0f, 1.0f);
    auto pick = [&] {
        return m_area.nearestWalkable(m_centre + m_radius * glm::vec2(unit(rng), unit(rng)));
    };
    std::vector<Bot> bots(std::size_t(std::max(count, 0)));
    for (std::size_t i = 0; i < bots.size(); ++i) {
        netclient::ClientConfig config;
        config.host = host;
        config.port = port;
        config.hello.name = fmt::format("Visitor {:03}", i + 1);
        config.hello.look = std::uint32_t(rng()) & 0xffffffu;
        config.hello.country = kCountries[i % std::size(kCountries)];
        auto c = netclient::NetClient::connect(config);
        if (!c) {
            log::warn("bots: {}", c.error().message);
            return;
        }
        bots[i].client = std::move(*c);
    }
    double last = monotonicSeconds();
    while (!m_stop) {
        const double now = monotonicSeconds();
        const float dt = float(now - last);
        last = now;
        int joined = 0;
        for (Bot& b : bots) {
            b.client->update(0);
            if (b.client->state() != netclient::ClientState::Joined || b.client->hall() != 0)
                continue;
            ++joined;
            if (!b.placed) {
                // Start somewhere in the crowd's area: teleports are booth fronts only, so walk.
                b.position = b.client->selfPosition();
                b.target = pick();
                b.placed = true;
            }
            const glm::vec2 to = b.target - b.position;
            if (glm::length(to) < 0.3f)
                b.target = pick();
            else
                b.position = m_area.move(b.position,
                                         glm::normalize(to) * std::min(2.0f * dt, glm::length(to)));
            const float heading = glm::degrees(std::atan2(to.x, to.y));
            b.client->sendInput(b.position, heading, expo::proto::Anim::Walk);
        }
        m_joined = joined;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

} // namespace fg::client
