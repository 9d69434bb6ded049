// Waits on many NetHosts' sockets at once (epoll): a process with thousands of client hosts (the
// bot crowd) services only the hosts with datagrams waiting. Never reads or writes a socket.
#pragma once

#include "engine/core/Result.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace fg::net {

class NetHost;

class NetPoll {
public:
    static Result<std::unique_ptr<NetPoll>> create();
    ~NetPoll();
    NetPoll(const NetPoll&) = delete;
    NetPoll& operator=(const NetPoll&) = delete;

    // Watches HOST's socket; wait() reports KEY while the socket has a datagram to read.
    // A destroyed host leaves the set by itself (its socket closes).
    Status add(const NetHost& host, std::uint64_t key);
    Status remove(const NetHost& host);
    // Waits up to timeoutMs (0: only looks) until at least one watched socket is readable and
    // replaces READY's contents with the keys of readable ones. Returns how many (0 on timeout or
    // a signal). Level-triggered: a host that was not drained is reported again.
    Result<std::size_t> wait(std::vector<std::uint64_t>& ready, int timeoutMs);
    // Hosts added and not removed (a destroyed host still counts until removed).
    std::size_t size() const { return m_watched; }

private:
    struct Events; // epoll_event buffer reused by every wait(), defined in NetPoll.cpp
    explicit NetPoll(int fd);
    int m_fd = -1;
    std::size_t m_watched = 0;
    std::unique_ptr<Events> m_events;
};

} // namespace fg::net
