// The client's one table of server-message handlers: features register on<M>(handler) and the
// app dispatches each inbox message once, by variant index. Never sends and owns no feature state.
#pragma once

#include "game/expo/protocol/Messages.h"

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

namespace fg::netclient {

namespace proto = fg::expo::proto;

class ClientRouter {
public:
    using Handler = std::function<void(proto::Message&)>;

    // Adds HANDLER (callable with M&) for server message M; several handlers run in the order
    // they were added. A message the client only sends does not compile here.
    template <class M, class F>
    void on(F&& handler) {
        static_assert(M::kDirection != proto::Direction::ClientToServer,
                      "the client router takes messages the server sends");
        m_handlers[proto::messageIndex<M>()].push_back(
            [h = std::forward<F>(handler)](proto::Message& m) mutable { h(std::get<M>(m)); });
    }

    // Runs MESSAGE's handlers; false (and counted) when none is registered for its type.
    bool dispatch(proto::Message& message) {
        const std::size_t index = message.index();
        if (index >= m_handlers.size() || m_handlers[index].empty()) {
            ++m_unhandled[index < m_unhandled.size() ? index : 0];
            ++m_unhandledTotal;
            return false;
        }
        for (Handler& h : m_handlers[index])
            h(message);
        return true;
    }

    bool handles(std::size_t typeIndex) const {
        return typeIndex < m_handlers.size() && !m_handlers[typeIndex].empty();
    }
    // Messages that arrived with no handler: all of them, and those of one type.
    std::uint64_t unhandled() const { return m_unhandledTotal; }
    std::uint64_t unhandled(std::size_t typeIndex) const {
        return typeIndex < m_unhandled.size() ? m_unhandled[typeIndex] : 0;
    }

private:
    std::array<std::vector<Handler>, proto::kMessageCount> m_handlers;
    std::array<std::uint64_t, proto::kMessageCount> m_unhandled{};
    std::uint64_t m_unhandledTotal = 0;
};

} // namespace fg::netclient
