// RedisBus: local delivery through an InProcessBus, pipelined PUBLISH to the other processes, a
// listener thread on a PSUBSCRIBE connection, counters as per-process hash fields, and the
// process directory's heartbeat. Never blocks a tick for longer than one command's timeout.
#include "server/cluster/RedisBus.h"

#include "engine/core/Log.h"
#include "engine/core/Time.h"

#include <chrono>
#include <fmt/format.h>
#include <random>

namespace fg::server {

using redis::RedisConnection;
using redis::RedisReply;

namespace {

constexpr double kReconnectSeconds = 1.0;
constexpr int kHeartbeatTtlSeconds = 5; // a process silent this long leaves the directory
constexpr std::uint32_t kReapEveryHeartbeats = 5;
constexpr int kListenWaitMs = 100;

std::uint64_t randomProcessId() {
    std::random_device device;
    std::uint64_t id = 0;
    while (id == 0)
        id = (std::uint64_t(device()) << 32) ^ device();
    return id;
}

std::string hexId(std::uint64_t id) {
    return fmt::format("{:016x}", id);
}

std::int64_t sumOf(const RedisReply& reply) {
    std::int64_t sum = 0;
    for (const RedisReply& part : reply.elements)
        sum += std::strtoll(part.text.c_str(), nullptr, 10);
    return sum;
}

void sleepUnlessStopped(const std::atomic<bool>& stop, int ms) {
    for (int waited = 0; waited < ms && !stop; waited += 10)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

} // namespace

RedisBus::RedisBus(RedisBusConfig config)
    : m_config(std::move(config)), m_processId(randomProcessId()) {}

Result<std::unique_ptr<RedisBus>> RedisBus::open(RedisBusConfig config) {
    std::unique_ptr<RedisBus> bus(new RedisBus(std::move(config)));
    if (!bus->ensureConnected()) return makeError(bus->m_health.lastError);
    bus->heartbeat(monotonicSeconds());
    bus->m_listener = std::thread([b = bus.get()] { b->listen(); });
    log::info("cluster: process {} on {} (prefix '{}')", hexId(bus->m_processId),
              bus->m_config.address.text(), bus->m_config.prefix);
    return bus;
}

RedisBus::~RedisBus() {
    m_stop = true;
    if (m_listener.joinable()) m_listener.join();
    if (!m_commands || !drainPending()) return;
    // Leaving cleanly: out of the directory, and this process no longer counts anywhere.
    const std::string id = hexId(m_processId);
    (void)m_commands->command({"DEL", key("proc", id)});
    (void)m_commands->command({"SREM", key("procs", ""), id});
    for (const auto& [name, part] : m_parts)
        if (m_commands) (void)m_commands->command({"HDEL", key("ctr", name), id});
}

std::string RedisBus::key(std::string_view kind, std::string_view name) const {
    return fmt::format("{}:{}:{}", m_config.prefix, kind, name);
}

// ---- the command connection (tick thread) ----

bool RedisBus::ensureConnected() const {
    if (m_commands && !m_commands->broken()) return true;
    const double now = monotonicSeconds();
    if (now < m_nextReconnect) return false;
    auto opened = RedisConnection::open(m_config.address, m_config.timeoutMs);
    if (!opened) {
        lost(opened.error());
        return false;
    }
    m_commands = std::move(*opened);
    m_pendingReplies = 0;
    m_health.connected = true;
    if (std::exchange(m_everConnected, true)) {
        ++m_health.reconnects;
        log::info("cluster: reconnected to {}", m_config.address.text());
    }
    restoreAfterReconnect();
    return m_commands.has_value();
}

void RedisBus::lost(const Error& error) const {
    if (m_health.connected || m_health.lastError != error.message)
        log::warn("cluster: {} (going on with this process's own state)", error.message);
    m_commands.reset();
    m_pendingReplies = 0;
    m_health.connected = false;
    m_health.lastError = error.message;
    m_nextReconnect = monotonicSeconds() + kReconnectSeconds;
}

// Pipelined publications answer in order; read their replies before the next command's.
bool RedisBus::drainPending() const {
    for (; m_pendingReplies > 0; --m_pendingReplies) {
        auto reply = m_commands->reply();
        if (!reply) {
            lost(reply.error());
            return false;
        }
    }
    return true;
}

// A Redis that restarted lost our counter parts and directory entry: write them again.
void RedisBus::restoreAfterReconnect() const {
    const std::string field = hexId(m_processId), names = key("counters", "");
    for (const auto& [name, part] : m_parts) {
        const std::string value = std::to_string(part), hash = key("ctr", name);
        const std::array<std::string_view, 3> sadd{"SADD", names, name};
        const std::array<std::string_view, 4> hset{"HSET", hash, field, value};
        if (!m_commands->append(sadd) || !m_commands->append(hset))
            return lost(makeError("append"));
        m_pendingReplies += 2;
    }
    (void)drainPending();
}

// ---- Bus ----

void RedisBus::publish(std::string_view topic, std::span<const std::uint8_t> bytes) {
    m_local.publish(topic, bytes);
    if (!ensureConnected()) return;
    std::string payload(8 + bytes.size(), '\0');
    for (int i = 0; i < 8; ++i)
        payload[i] = char((m_processId >> (8 * i)) & 0xff);
    std::copy(bytes.begin(), bytes.end(), payload.begin() + 8);
    const std::string channel = key("bus", topic);
    const std::array<std::string_view, 3> argv{"PUBLISH", channel, payload};
    if (Status appended = m_commands->append(argv); !appended) return lost(appended.error());
    ++m_pendingReplies;
    ++m_health.published;
}

Bus::SubscriptionId RedisBus::subscribe(std::string topic, Handler handler) {
    return m_local.subscribe(std::move(topic), std::move(handler));
}

void RedisBus::unsubscribe(SubscriptionId id) {
    m_local.unsubscribe(id);
}

std::int64_t RedisBus::add(std::string_view counter, std::int64_t delta) {
    auto it = m_parts.find(counter);
    if (it == m_parts.end()) it = m_parts.emplace(std::string(counter), 0).first;
    it->second += delta;
    if (!ensureConnected() || !drainPending()) return it->second;
    const std::string value = std::to_string(it->second), hash = key("ctr", counter);
    const std::string field = hexId(m_processId), names = key("counters", "");
    const std::array<std::string_view, 3> sadd{"SADD", names, counter};
    const std::array<std::string_view, 4> hset{"HSET", hash, field, value};
    const std::array<std::string_view, 2> hvals{"HVALS", hash};
    if (!m_commands->append(sadd) || !m_commands->append(hset) || !m_commands->append(hvals)) {
        lost(makeError("append"));
        return it->second;
    }
    m_pendingReplies = 2;
    if (!drainPending()) return it->second;
    auto values = m_commands->reply();
    if (!values) {
        lost(values.error());
        return it->second;
    }
    return sumOf(*values);
}

std::int64_t RedisBus::counter(std::string_view counter) const {
    auto it = m_parts.find(counter);
    const std::int64_t mine = it == m_parts.end() ? 0 : it->second;
    if (!ensureConnected() || !drainPending()) return mine;
    auto values = m_commands->command({"HVALS", key("ctr", counter)});
    if (!values) {
        lost(values.error());
        return mine;
    }
    return sumOf(*values);
}

void RedisBus::pump() {
    if (m_commands) (void)drainPending();
    std::vector<Remote> arrived;
    {
        std::lock_guard lock(m_queueMutex);
        arrived.swap(m_queue);
    }
    for (const Remote& remote : arrived)
        m_local.publish(remote.topic, remote.bytes);
    m_health.received += arrived.size();
    heartbeat(monotonicSeconds());
}

// ---- the directory ----

void RedisBus::heartbeat(double now) {
    if (now < m_nextHeartbeat) return;
    m_nextHeartbeat = now + 1.0;
    if (!ensureConnected() || !drainPending()) return;
    // The keys are named strings: the arrays below only view them.
    const std::string id = hexId(m_processId), ttl = std::to_string(kHeartbeatTtlSeconds);
    const std::string entry = key("proc", id), directory = key("procs", "");
    const std::array<std::string_view, 5> set{"SET", entry, m_config.processInfo, "EX", ttl};
    const std::array<std::string_view, 3> sadd{"SADD", directory, id};
    if (!m_commands->append(set) || !m_commands->append(sadd)) return lost(makeError("append"));
    m_pendingReplies += 2;
    if (++m_heartbeats % kReapEveryHeartbeats == 0) reapDeadProcesses();
}

std::map<std::uint64_t, std::string> RedisBus::processes() const {
    std::map<std::uint64_t, std::string> live;
    if (!ensureConnected() || !drainPending()) return live;
    auto ids = m_commands->command({"SMEMBERS", key("procs", "")});
    if (!ids) {
        lost(ids.error());
        return live;
    }
    for (const RedisReply& id : ids->elements) {
        auto info = m_commands->command({"GET", key("proc", id.text)});
        if (!info) {
            lost(info.error());
            return {};
        }
        if (info->kind == RedisReply::Kind::String)
            live[std::strtoull(id.text.c_str(), nullptr, 16)] = info->text;
    }
    return live;
}

std::map<std::uint64_t, std::int64_t> RedisBus::parts(std::string_view counter) const {
    std::map<std::uint64_t, std::int64_t> out;
    if (!ensureConnected() || !drainPending()) return out;
    auto all = m_commands->command({"HGETALL", key("ctr", counter)});
    if (!all) {
        lost(all.error());
        return out;
    }
    for (std::size_t i = 0; i + 1 < all->elements.size(); i += 2)
        out[std::strtoull(all->elements[i].text.c_str(), nullptr, 16)] =
            std::strtoll(all->elements[i + 1].text.c_str(), nullptr, 10);
    return out;
}

// A process that stopped heartbeating (killed) leaves the directory, and its counter parts go.
void RedisBus::reapDeadProcesses() {
    if (!drainPending()) return;
    auto ids = m_commands->command({"SMEMBERS", key("procs", "")});
    auto names = m_commands ? m_commands->command({"SMEMBERS", key("counters", "")})
                            : Result<RedisReply>(makeError("lost"));
    if (!ids || !names) return;
    for (const RedisReply& id : ids->elements) {
        auto alive = m_commands->command({"EXISTS", key("proc", id.text)});
        if (!alive) return lost(alive.error());
        if (alive->integer != 0) continue;
        log::info("cluster: process {} stopped heartbeating; its counts are dropped", id.text);
        (void)m_commands->command({"SREM", key("procs", ""), id.text});
        for (const RedisReply& name : names->elements)
            (void)m_commands->command({"HDEL", key("ctr", name.text), id.text});
    }
}

RedisBusHealth RedisBus::health() const {
    RedisBusHealth health = m_health;
    health.connected = m_health.connected && m_listening;
    return health;
}

// ---- the listener thread ----

void RedisBus::listen() {
    while (!m_stop) {
        auto connection = RedisConnection::open(m_config.address, m_config.timeoutMs);
        if (connection) {
            auto subscribed = connection->command({"PSUBSCRIBE", key("bus", "*")});
            if (subscribed && !subscribed->isError()) {
                m_listening = true;
                while (!m_stop && listenOnce(*connection)) {
                }
                m_listening = false;
            }
        }
        sleepUnlessStopped(m_stop, 200);
    }
}

// One pushed message: ["pmessage", pattern, channel, origin (8 bytes) + bytes].
bool RedisBus::listenOnce(RedisConnection& connection) {
    auto push = connection.waitPush(kListenWaitMs);
    if (!push) return false;
    if (!*push) return true;
    const RedisReply& r = **push;
    if (r.kind != RedisReply::Kind::Array || r.elements.size() != 4 ||
        r.elements[0].text != "pmessage")
        return true;
    const std::string& channel = r.elements[2].text;
    const std::string& payload = r.elements[3].text;
    const std::size_t prefix = key("bus", "").size();
    if (payload.size() < 8 || channel.size() < prefix) return true;
    std::uint64_t origin = 0;
    for (int i = 0; i < 8; ++i)
        origin |= std::uint64_t(std::uint8_t(payload[i])) << (8 * i);
    if (origin == m_processId) return true; // delivered locally when published
    Remote remote{channel.substr(prefix), {payload.begin() + 8, payload.end()}};
    std::lock_guard lock(m_queueMutex);
    m_queue.push_back(std::move(remote));
    return true;
}

} // namespace fg::server
