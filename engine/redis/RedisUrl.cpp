// Parses cluster mode's Redis address. Text only: no sockets, no hiredis.
#include "engine/redis/RedisUrl.h"

#include <charconv>
#include <fmt/format.h>

namespace fg::redis {

std::string RedisAddress::text() const {
    return unixSocket.empty() ? fmt::format("redis://{}:{}", host, port) : "unix://" + unixSocket;
}

namespace {

Result<std::uint16_t> parsePort(std::string_view url, std::string_view text) {
    unsigned value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value == 0 || value > 65535)
        return makeError(fmt::format("redis address '{}': port '{}' is not 1-65535", url, text));
    return std::uint16_t(value);
}

} // namespace

Result<RedisAddress> parseRedisUrl(std::string_view url) {
    constexpr std::string_view kTcp = "redis://", kUnix = "unix://";
    RedisAddress address;
    if (url.starts_with(kUnix)) {
        address.unixSocket = std::string(url.substr(kUnix.size()));
        if (address.unixSocket.empty() || address.unixSocket[0] != '/')
            return makeError(
                fmt::format("redis address '{}': expected unix:///ABSOLUTE/PATH", url));
        return address;
    }
    if (!url.starts_with(kTcp))
        return makeError(
            fmt::format("redis address '{}': expected redis://HOST[:PORT] or unix:///PATH", url));
    std::string_view rest = url.substr(kTcp.size());
    if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
    const std::size_t colon = rest.rfind(':');
    address.host = std::string(rest.substr(0, colon));
    if (address.host.empty() || address.host.find_first_of("/@ ") != std::string::npos)
        return makeError(
            fmt::format("redis address '{}': host '{}' is not a host name", url, address.host));
    if (colon != std::string_view::npos) {
        auto port = parsePort(url, rest.substr(colon + 1));
        if (!port) return port.error();
        address.port = *port;
    }
    return address;
}

} // namespace fg::redis
