// A crowd of simulated visitors inside the client process (--bots N), for benchmarks and
// screenshots when no fairground-bot is at hand: each is a real NetClient that joins the same
// server and wanders between free points of the spawn hall. Runs on its own thread.
#pragma once

#include "game/client/WalkArea.h"
#include "game/expo/Exhibition.h"

#include <atomic>
#include <memory>
#include <string>
#include <thread>

namespace fg::client {

class BotCrowd {
public:
    // Starts COUNT bots connecting to HOST:PORT; they stay within RADIUS metres of CENTRE.
    BotCrowd(const expo::Exhibition& ex, std::string host, std::uint16_t port, int count,
             glm::vec2 centre, float radius);
    ~BotCrowd();
    int joined() const { return m_joined.load(); }

private:
    void run(std::string host, std::uint16_t port, int count);

    const expo::Exhibition& m_ex;
    WalkArea m_area;
    glm::vec2 m_centre;
    float m_radius;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_joined{0};
    std::thread m_thread;
};

} // namespace fg::client
