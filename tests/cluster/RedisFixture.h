// A throwaway redis-server for tests: started on a Unix socket in a temp folder (no port to
// collide on, nothing saved), stopped and started again on the same socket, killed at the end.
// Test helper only; needs the redis-server binary (tools/install-deps.sh installs it).
#pragma once

#include "engine/core/Time.h"
#include "engine/redis/RedisConnection.h"

#include <csignal>
#include <doctest/doctest.h>
#include <filesystem>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fg::test {

struct RedisFixture {
    std::filesystem::path dir;
    pid_t pid = -1;

    RedisFixture() {
        dir = std::filesystem::temp_directory_path() /
              ("fg-redis-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
        std::filesystem::create_directories(dir);
        start();
    }
    ~RedisFixture() {
        stop();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    std::string socket() const { return (dir / "redis.sock").string(); }
    std::string url() const { return "unix://" + socket(); }
    redis::RedisAddress address() const { return *redis::parseRedisUrl(url()); }

    void start() {
        pid = ::fork();
        if (pid == 0) {
            const std::string sock = socket(), folder = dir.string();
            ::execlp("redis-server", "redis-server", "--port", "0", "--unixsocket", sock.c_str(),
                     "--dir", folder.c_str(), "--save", "", "--appendonly", "no", "--loglevel",
                     "warning", static_cast<char*>(nullptr));
            ::_exit(127);
        }
        REQUIRE_MESSAGE(pid > 0, "fork failed");
        const double deadline = monotonicSeconds() + 10.0;
        while (monotonicSeconds() < deadline) {
            if (redis::RedisConnection::open(address(), 200)) return;
            int status = 0;
            if (::waitpid(pid, &status, WNOHANG) == pid)
                FAIL("redis-server did not start (is it installed? tools/install-deps.sh)");
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        FAIL("redis-server did not answer on " << socket() << " within 10 s");
    }
    void stop() {
        if (pid <= 0) return;
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
        pid = -1;
        std::error_code ec;
        std::filesystem::remove(socket(), ec);
    }

private:
    static int& counter() {
        static int n = 0;
        return n;
    }
};

} // namespace fg::test
