// One connection to a Redis server: commands and their replies, pipelining, and the pushed
// messages of a subscriber connection. The only includer of hiredis is RedisConnection.cpp.
// Blocking, one thread per connection; knows nothing of topics, counters or the server.
#pragma once

#include "engine/core/Result.h"
#include "engine/redis/RedisUrl.h"

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fg::redis {

struct RedisReply {
    enum class Kind : std::uint8_t { Nil, Integer, String, Array, Status, Error };
    Kind kind = Kind::Nil;
    std::int64_t integer = 0;
    std::string text; // String, Status and Error
    std::vector<RedisReply> elements;
    bool isError() const { return kind == Kind::Error; }
};

class RedisConnection {
public:
    // Connects within TIMEOUTMS; commands then wait at most that long for their reply.
    static Result<RedisConnection> open(const RedisAddress& address, int timeoutMs);
    RedisConnection(RedisConnection&&) noexcept;
    RedisConnection& operator=(RedisConnection&&) noexcept;
    ~RedisConnection();

    // One command and its reply. An error reply (Kind::Error) is a reply; a lost or timed-out
    // connection is an Error, after which broken() is true and the connection must be replaced.
    Result<RedisReply> command(std::span<const std::string_view> argv);
    Result<RedisReply> command(std::initializer_list<std::string_view> argv);
    // Pipelining: append several commands (nothing is sent yet), then read one reply each.
    Status append(std::span<const std::string_view> argv);
    Result<RedisReply> reply();
    // A subscriber connection: the next pushed reply, waiting at most TIMEOUTMS; nullopt when
    // nothing arrived in that time.
    Result<std::optional<RedisReply>> waitPush(int timeoutMs);
    bool broken() const;
    const RedisAddress& address() const;

private:
    struct Impl;
    explicit RedisConnection(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace fg::redis
