// A ServerApp stepped on its own thread, for windowed client tests that run the real client
// against a real server in one process. Test helper only: never used by programs.
#pragma once

#include "server/ServerApp.h"

#include <atomic>
#include <memory>
#include <thread>

namespace fg::test {

struct ServerThread {
    std::unique_ptr<fg::server::ServerApp> app;
    std::atomic<bool> stop{false};
    std::thread thread;
    void start() {
        thread = std::thread([this] {
            while (!stop)
                app->step(10);
        });
    }
    ~ServerThread() {
        stop = true;
        if (thread.joinable()) thread.join();
    }
};

} // namespace fg::test
