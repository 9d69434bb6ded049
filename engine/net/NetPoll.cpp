// epoll over NetHost sockets (Linux). Only tells which sockets are readable; ENet still does all
// reading through NetHost::service, so no datagram is ever consumed here.
#include "engine/net/NetPoll.h"

#include "engine/net/NetHost.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <sys/epoll.h>
#include <unistd.h>

namespace fg::net {

namespace {
// Events taken per epoll_wait; more ready sockets are reported by the next call.
constexpr std::size_t kMaxEventsPerWait = 1024;
} // namespace

struct NetPoll::Events {
    std::vector<epoll_event> list;
};

NetPoll::NetPoll(int fd) : m_fd(fd), m_events(std::make_unique<Events>()) {}

Result<std::unique_ptr<NetPoll>> NetPoll::create() {
    const int fd = epoll_create1(EPOLL_CLOEXEC);
    if (fd < 0) return makeError(fmt::format("NetPoll: epoll_create1: {}", std::strerror(errno)));
    return std::unique_ptr<NetPoll>(new NetPoll(fd));
}

NetPoll::~NetPoll() {
    if (m_fd >= 0) close(m_fd);
}

Status NetPoll::add(const NetHost& host, std::uint64_t key) {
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = key;
    const int socket = int(host.nativeSocket());
    if (epoll_ctl(m_fd, EPOLL_CTL_ADD, socket, &ev) != 0)
        return makeError(fmt::format("NetPoll: watch socket {}: {}", socket, std::strerror(errno)));
    ++m_watched;
    return {};
}

Status NetPoll::remove(const NetHost& host) {
    const int socket = int(host.nativeSocket());
    if (epoll_ctl(m_fd, EPOLL_CTL_DEL, socket, nullptr) != 0)
        return makeError(
            fmt::format("NetPoll: unwatch socket {}: {}", socket, std::strerror(errno)));
    if (m_watched > 0) --m_watched;
    return {};
}

Result<std::size_t> NetPoll::wait(std::vector<std::uint64_t>& ready, int timeoutMs) {
    ready.clear();
    const std::size_t capacity = std::clamp<std::size_t>(m_watched, 1, kMaxEventsPerWait);
    std::vector<epoll_event>& events = m_events->list;
    if (events.size() < capacity) events.resize(capacity);
    const int n = epoll_wait(m_fd, events.data(), int(capacity), std::max(timeoutMs, 0));
    if (n < 0) {
        if (errno == EINTR) return std::size_t(0);
        return makeError(fmt::format("NetPoll: epoll_wait: {}", std::strerror(errno)));
    }
    ready.reserve(std::size_t(n));
    for (int i = 0; i < n; ++i)
        ready.push_back(events[std::size_t(i)].data.u64);
    return ready.size();
}

} // namespace fg::net
