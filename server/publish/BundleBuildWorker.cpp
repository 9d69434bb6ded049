// The bundle build thread: takes booths to build, runs BuiltBundles::get, hands results back.
// Must not call anything but BuiltBundles::get (which is safe from any thread).
#include "server/publish/BundleBuildWorker.h"

namespace fg::publish {

BundleBuildWorker::BundleBuildWorker(BuiltBundles& built)
    : m_built(built), m_thread([this] { run(); }) {}

BundleBuildWorker::~BundleBuildWorker() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_jobs.clear();
    }
    m_wake.notify_all();
    m_thread.join();
}

void BundleBuildWorker::push(BuildJob job) {
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
}

std::vector<BuildDone> BundleBuildWorker::takeDone() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_done, {});
}

std::size_t BundleBuildWorker::queued(std::uint16_t sessionId) const {
    std::lock_guard lock(m_mutex);
    std::size_t n = m_running == sessionId ? 1 : 0;
    for (const BuildJob& job : m_jobs)
        n += job.sessionId == sessionId ? 1 : 0;
    return n;
}

void BundleBuildWorker::run() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return m_stop || !m_jobs.empty(); });
        if (m_stop) return;
        BuildJob job = std::move(m_jobs.front());
        m_jobs.pop_front();
        m_running = job.sessionId;
        lock.unlock();
        std::string error;
        for (const std::string& id : job.boothIds) {
            auto built = m_built.get(*job.exhibition, id, job.baseDir);
            if (!built && error.empty()) error = built.error().message;
        }
        job.exhibition.reset();
        lock.lock();
        m_done.push_back(BuildDone{std::move(job), std::move(error)});
        m_running = 0;
    }
}

} // namespace fg::publish
