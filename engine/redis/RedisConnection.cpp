// The hiredis adapter: blocking connections, replies copied into our RedisReply, errors as
// values naming the server. The only file that includes hiredis.
#include "engine/redis/RedisConnection.h"

#include <csignal>
#include <fmt/format.h>
#include <hiredis/hiredis.h>
#include <mutex>
#include <poll.h>

namespace fg::redis {

struct RedisConnection::Impl {
    RedisAddress address;
    redisContext* context = nullptr;
    bool broken = false;
    ~Impl() {
        if (context) redisFree(context);
    }
    Error fail(std::string_view what) {
        broken = true;
        const char* reason = context && context->err ? context->errstr : "connection closed";
        return makeError(fmt::format("redis {}: {}: {}", address.text(), what, reason));
    }
};

namespace {

timeval toTimeval(int ms) {
    return timeval{ms / 1000, (ms % 1000) * 1000};
}

RedisReply copyReply(const redisReply* r) {
    RedisReply out;
    switch (r->type) {
    case REDIS_REPLY_INTEGER:
        out.kind = RedisReply::Kind::Integer;
        out.integer = r->integer;
        break;
    case REDIS_REPLY_STRING:
    case REDIS_REPLY_STATUS:
    case REDIS_REPLY_ERROR:
        out.kind = r->type == REDIS_REPLY_STRING   ? RedisReply::Kind::String
                   : r->type == REDIS_REPLY_STATUS ? RedisReply::Kind::Status
                                                   : RedisReply::Kind::Error;
        out.text.assign(r->str, r->len);
        break;
    case REDIS_REPLY_ARRAY:
        out.kind = RedisReply::Kind::Array;
        out.elements.reserve(r->elements);
        for (std::size_t i = 0; i < r->elements; ++i)
            out.elements.push_back(copyReply(r->element[i]));
        break;
    default:
        out.kind = RedisReply::Kind::Nil;
    }
    return out;
}

// Takes ownership of what hiredis returned.
RedisReply adoptReply(void* raw) {
    auto* r = static_cast<redisReply*>(raw);
    RedisReply out = copyReply(r);
    freeReplyObject(r);
    return out;
}

struct Argv {
    std::vector<const char*> data;
    std::vector<std::size_t> sizes;
    explicit Argv(std::span<const std::string_view> argv) {
        for (std::string_view a : argv) {
            data.push_back(a.data());
            sizes.push_back(a.size());
        }
    }
};

} // namespace

RedisConnection::RedisConnection(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
RedisConnection::RedisConnection(RedisConnection&&) noexcept = default;
RedisConnection& RedisConnection::operator=(RedisConnection&&) noexcept = default;
RedisConnection::~RedisConnection() = default;

Result<RedisConnection> RedisConnection::open(const RedisAddress& address, int timeoutMs) {
    // A write to a Redis that went away must be an error value, not SIGPIPE killing the process
    // (hiredis writes with write(2)); the server's sockets are UDP and never raise it.
    static std::once_flag ignorePipe;
    std::call_once(ignorePipe, [] { std::signal(SIGPIPE, SIG_IGN); });
    auto impl = std::make_unique<Impl>();
    impl->address = address;
    const timeval tv = toTimeval(timeoutMs);
    impl->context = address.unixSocket.empty()
                        ? redisConnectWithTimeout(address.host.c_str(), address.port, tv)
                        : redisConnectUnixWithTimeout(address.unixSocket.c_str(), tv);
    if (!impl->context) return makeError(fmt::format("redis {}: out of memory", address.text()));
    if (impl->context->err) return impl->fail("cannot connect");
    if (redisSetTimeout(impl->context, tv) != REDIS_OK) return impl->fail("cannot set timeout");
    return RedisConnection(std::move(impl));
}

Result<RedisReply> RedisConnection::command(std::span<const std::string_view> argv) {
    if (Status appended = append(argv); !appended) return appended.error();
    return reply();
}

Result<RedisReply> RedisConnection::command(std::initializer_list<std::string_view> argv) {
    return command(std::span<const std::string_view>(argv.begin(), argv.size()));
}

Status RedisConnection::append(std::span<const std::string_view> argv) {
    if (m_impl->broken) return m_impl->fail("append");
    Argv args(argv);
    if (redisAppendCommandArgv(m_impl->context, int(args.data.size()), args.data.data(),
                               args.sizes.data()) != REDIS_OK)
        return m_impl->fail("append");
    return {};
}

Result<RedisReply> RedisConnection::reply() {
    void* raw = nullptr;
    if (m_impl->broken || redisGetReply(m_impl->context, &raw) != REDIS_OK || !raw)
        return m_impl->fail("reply");
    return adoptReply(raw);
}

Result<std::optional<RedisReply>> RedisConnection::waitPush(int timeoutMs) {
    if (m_impl->broken) return m_impl->fail("read");
    void* raw = nullptr;
    if (redisGetReplyFromReader(m_impl->context, &raw) != REDIS_OK) return m_impl->fail("read");
    if (raw) return std::optional<RedisReply>(adoptReply(raw));
    pollfd fd{m_impl->context->fd, POLLIN, 0};
    const int ready = poll(&fd, 1, timeoutMs);
    if (ready < 0) return m_impl->fail("poll");
    if (ready == 0) return std::optional<RedisReply>();
    if (redisBufferRead(m_impl->context) != REDIS_OK) return m_impl->fail("read");
    if (redisGetReplyFromReader(m_impl->context, &raw) != REDIS_OK) return m_impl->fail("read");
    if (!raw) return std::optional<RedisReply>();
    return std::optional<RedisReply>(adoptReply(raw));
}

bool RedisConnection::broken() const {
    return m_impl->broken;
}

const RedisAddress& RedisConnection::address() const {
    return m_impl->address;
}

} // namespace fg::redis
