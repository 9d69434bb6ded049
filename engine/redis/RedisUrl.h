// Where a Redis server is: parsed from redis://HOST[:PORT] or unix:///PATH (cluster mode's
// --cluster option). Text only: no sockets here.
#pragma once

#include "engine/core/Result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace fg::redis {

struct RedisAddress {
    std::string host; // empty when unixSocket is set
    std::uint16_t port = 6379;
    std::string unixSocket; // a path, for unix:///PATH
    std::string text() const;
};

// "redis://127.0.0.1:6380", "redis://cache", "unix:///tmp/redis.sock"; an error names the part
// that is wrong.
Result<RedisAddress> parseRedisUrl(std::string_view url);

} // namespace fg::redis
