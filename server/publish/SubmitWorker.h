// Runs PublishService::check() (sandboxed import of an uploaded bundle) on one background
// thread, so a slow or hostile bundle never stalls the server's tick. Never touches the queue.
#pragma once

#include "server/publish/PublishService.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace fg::publish {

// One finished upload to check: who sent it (to answer them) and what it is checked against.
struct SubmitJob {
    std::uint16_t sessionId = 0; // the connection that sent UploadFinish
    std::uint32_t requestId = 0;
    std::string exhibitorId;
    std::string boothId;
    Bytes bytes;
    std::shared_ptr<const expo::Exhibition> exhibition; // a copy: the live one may change
};

struct SubmitDone {
    SubmitJob job; // bytes released
    Result<CheckedBundle> checked;
};

class SubmitWorker {
public:
    explicit SubmitWorker(PublishService& service);
    ~SubmitWorker(); // finishes the check in progress, drops the ones not started
    SubmitWorker(const SubmitWorker&) = delete;
    SubmitWorker& operator=(const SubmitWorker&) = delete;

    void push(SubmitJob job);
    // Checks finished since the last call, oldest first (for the owner's thread to enqueue).
    std::vector<SubmitDone> takeDone();
    // Jobs waiting or running.
    std::size_t busy() const;

private:
    void run();

    PublishService& m_service;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<SubmitJob> m_jobs;
    std::vector<SubmitDone> m_done;
    std::size_t m_running = 0;
    bool m_stop = false;
    std::thread m_thread; // last: started after the members it uses
};

} // namespace fg::publish
