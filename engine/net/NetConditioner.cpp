// NetConditioner's queue and the UDP relay (POSIX sockets; never includes enet.h).
// Test tooling: must not be linked into a path that carries real users' traffic.
#include "engine/net/NetConditioner.h"

#include "engine/core/Time.h"

#include <algorithm>
#include <arpa/inet.h>
#include <fmt/format.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace fg::net {

namespace {
bool later(const NetConditioner::Datagram& a, const NetConditioner::Datagram& b) {
    if (a.dueSeconds != b.dueSeconds) return a.dueSeconds > b.dueSeconds;
    return a.order > b.order;
}
} // namespace

NetConditioner::NetConditioner(ConditionerConfig config, std::uint32_t seed)
    : m_config(config), m_rng(seed) {}

bool NetConditioner::chance(float percent) {
    if (percent <= 0) return false;
    return std::uniform_real_distribution<float>(0.0f, 100.0f)(m_rng) < percent;
}

double NetConditioner::delaySeconds() {
    double ms = m_config.latencyMs;
    if (m_config.jitterMs > 0)
        ms += std::uniform_real_distribution<double>(0.0, m_config.jitterMs)(m_rng);
    if (chance(m_config.reorderPercent)) ms += m_config.reorderDelayMs;
    return ms / 1000.0;
}

void NetConditioner::push(std::vector<std::uint8_t> bytes, double now) {
    if (chance(m_config.lossPercent)) {
        ++m_dropped;
        return;
    }
    if (chance(m_config.duplicatePercent)) {
        ++m_duplicated;
        m_queue.push_back({now + delaySeconds(), m_order++, bytes});
        std::push_heap(m_queue.begin(), m_queue.end(), later);
    }
    m_queue.push_back({now + delaySeconds(), m_order++, std::move(bytes)});
    std::push_heap(m_queue.begin(), m_queue.end(), later);
}

void NetConditioner::popDue(double now, std::vector<std::vector<std::uint8_t>>& out) {
    while (!m_queue.empty() && m_queue.front().dueSeconds <= now) {
        std::pop_heap(m_queue.begin(), m_queue.end(), later);
        out.push_back(std::move(m_queue.back().bytes));
        m_queue.pop_back();
    }
}

// ---- UDP relay ----

namespace {

int openUdp(std::uint16_t port) {
    int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    if (fd < 0) return -1;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

std::uint16_t boundPort(int fd) {
    sockaddr_in addr{};
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    return ntohs(addr.sin_port);
}

} // namespace

struct ConditionerProxy::Impl {
    struct Client {
        sockaddr_in address{};
        int upstream = -1;
        NetConditioner toServer;
        NetConditioner toClient;
    };
    int front = -1;
    sockaddr_in target{};
    ConditionerConfig config;
    std::uint32_t seed = 1;
    std::vector<std::unique_ptr<Client>> clients;

    ~Impl() {
        for (auto& c : clients)
            ::close(c->upstream);
        if (front >= 0) ::close(front);
    }
    Client* clientFor(const sockaddr_in& from) {
        for (auto& c : clients)
            if (c->address.sin_port == from.sin_port &&
                c->address.sin_addr.s_addr == from.sin_addr.s_addr)
                return c.get();
        int up = openUdp(0);
        if (up < 0) return nullptr;
        std::uint32_t s = seed + std::uint32_t(clients.size()) * 7919u;
        clients.push_back(std::make_unique<Client>(
            Client{from, up, NetConditioner(config, s), NetConditioner(config, s ^ 0x5bd1e995u)}));
        return clients.back().get();
    }
};

Result<std::unique_ptr<ConditionerProxy>>
ConditionerProxy::start(std::uint16_t targetPort, ConditionerConfig config, std::uint32_t seed) {
    auto impl = std::make_unique<Impl>();
    impl->front = openUdp(0);
    if (impl->front < 0) return makeError("conditioner: cannot bind a UDP port on 127.0.0.1");
    impl->target.sin_family = AF_INET;
    impl->target.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    impl->target.sin_port = htons(targetPort);
    impl->config = config;
    impl->seed = seed;
    std::unique_ptr<ConditionerProxy> proxy(new ConditionerProxy());
    proxy->m_port = boundPort(impl->front);
    proxy->m_impl = std::move(impl);
    proxy->m_thread = std::thread([p = proxy.get()] { p->run(); });
    return proxy;
}

ConditionerProxy::~ConditionerProxy() {
    m_stop = true;
    if (m_thread.joinable()) m_thread.join();
}

void ConditionerProxy::setConfig(const ConditionerConfig& config) {
    std::lock_guard lock(m_configMutex);
    m_pendingConfig = config;
}

void ConditionerProxy::setTap(Tap tap) {
    std::lock_guard lock(m_configMutex);
    m_tap = std::move(tap);
}

void ConditionerProxy::tap(bool toServer, std::vector<std::uint8_t>& datagram) {
    std::lock_guard lock(m_configMutex);
    if (m_tap) m_tap(toServer, datagram);
}

void ConditionerProxy::applyPendingConfig() {
    std::lock_guard lock(m_configMutex);
    if (!m_pendingConfig) return;
    m_impl->config = *m_pendingConfig;
    for (auto& c : m_impl->clients) {
        c->toServer.setConfig(*m_pendingConfig);
        c->toClient.setConfig(*m_pendingConfig);
    }
    m_pendingConfig.reset();
}

void ConditionerProxy::run() {
    std::vector<std::uint8_t> buffer(65536);
    std::vector<std::vector<std::uint8_t>> due;
    Impl& im = *m_impl;
    auto noteSize = [this](std::size_t n) {
        if (n > m_largest.load()) m_largest = n; // only this thread writes
    };
    while (!m_stop) {
        applyPendingConfig();
        std::vector<pollfd> fds{{im.front, POLLIN, 0}};
        for (auto& c : im.clients)
            fds.push_back({c->upstream, POLLIN, 0});
        ::poll(fds.data(), fds.size(), 1);
        double now = monotonicSeconds();
        sockaddr_in from{};
        socklen_t len = sizeof from;
        ssize_t n;
        while ((n = ::recvfrom(im.front, buffer.data(), buffer.size(), 0,
                               reinterpret_cast<sockaddr*>(&from), &len)) > 0) {
            noteSize(std::size_t(n));
            ++m_fromClients;
            if (Impl::Client* c = im.clientFor(from)) {
                std::vector<std::uint8_t> datagram(buffer.begin(), buffer.begin() + n);
                tap(true, datagram);
                c->toServer.push(std::move(datagram), now);
            }
            len = sizeof from;
        }
        std::uint64_t dropped = 0;
        for (auto& c : im.clients) {
            while ((n = ::recv(c->upstream, buffer.data(), buffer.size(), 0)) > 0) {
                noteSize(std::size_t(n));
                std::vector<std::uint8_t> datagram(buffer.begin(), buffer.begin() + n);
                tap(false, datagram);
                c->toClient.push(std::move(datagram), now);
            }
            due.clear();
            c->toServer.popDue(now, due);
            for (auto& d : due)
                ::sendto(c->upstream, d.data(), d.size(), 0,
                         reinterpret_cast<const sockaddr*>(&im.target), sizeof im.target);
            due.clear();
            c->toClient.popDue(now, due);
            for (auto& d : due)
                ::sendto(im.front, d.data(), d.size(), 0,
                         reinterpret_cast<const sockaddr*>(&c->address), sizeof c->address);
            dropped += c->toServer.dropped() + c->toClient.dropped();
        }
        m_dropped = dropped;
    }
}

} // namespace fg::net
