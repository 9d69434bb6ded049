// The publish check thread: takes finished uploads, runs PublishService::check, hands results back.
// Must not call anything on the service but check() (the queue belongs to the owner's thread).
#include "server/publish/SubmitWorker.h"

namespace fg::publish {

SubmitWorker::SubmitWorker(PublishService& service)
    : m_service(service), m_thread([this] { run(); }) {}

SubmitWorker::~SubmitWorker() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_jobs.clear();
    }
    m_wake.notify_all();
    m_thread.join();
}

void SubmitWorker::push(SubmitJob job) {
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
}

std::vector<SubmitDone> SubmitWorker::takeDone() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_done, {});
}

std::size_t SubmitWorker::busy() const {
    std::lock_guard lock(m_mutex);
    return m_jobs.size() + m_running;
}

void SubmitWorker::run() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return m_stop || !m_jobs.empty(); });
        if (m_stop) return;
        SubmitJob job = std::move(m_jobs.front());
        m_jobs.pop_front();
        m_running = 1;
        lock.unlock();
        auto checked = m_service.check(job.exhibitorId, job.bytes, *job.exhibition);
        job.bytes = {};
        job.exhibition.reset();
        lock.lock();
        m_done.push_back(SubmitDone{std::move(job), std::move(checked)});
        m_running = 0;
    }
}

} // namespace fg::publish
