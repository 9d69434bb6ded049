// One background thread that runs jobs in arrival order and hands their results back to the
// owner's thread, which polls takeDone(). Shared by the publish check and bundle build workers.
// The work function must not touch the owner's state: it gets the job and returns the result.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace fg::publish {

template <class Job, class Done>
class JobThread {
public:
    using Work = std::function<Done(Job)>;
    // Groups jobs for pending(KEY), e.g. by the connection that asked.
    using KeyOf = std::function<std::uint64_t(const Job&)>;

    explicit JobThread(Work work, KeyOf keyOf = {})
        : m_work(std::move(work)), m_keyOf(std::move(keyOf)), m_thread([this] { run(); }) {}
    // Finishes the job in progress and drops those not started.
    ~JobThread() {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
            m_jobs.clear();
        }
        m_wake.notify_all();
        m_thread.join();
    }
    JobThread(const JobThread&) = delete;
    JobThread& operator=(const JobThread&) = delete;

    void push(Job job) {
        {
            std::lock_guard lock(m_mutex);
            m_jobs.push_back(std::move(job));
        }
        m_wake.notify_one();
    }
    // Results finished since the last call, oldest first.
    std::vector<Done> takeDone() {
        std::lock_guard lock(m_mutex);
        return std::exchange(m_done, {});
    }
    // Jobs waiting or running.
    std::size_t pending() const {
        std::lock_guard lock(m_mutex);
        return m_jobs.size() + (m_running ? 1 : 0);
    }
    // Jobs waiting or running whose key is KEY.
    std::size_t pending(std::uint64_t key) const {
        std::lock_guard lock(m_mutex);
        std::size_t n = m_running && m_runningKey == key ? 1 : 0;
        for (const Job& job : m_jobs)
            n += m_keyOf && m_keyOf(job) == key ? 1 : 0;
        return n;
    }

private:
    void run() {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [&] { return m_stop || !m_jobs.empty(); });
            if (m_stop) return;
            Job job = std::move(m_jobs.front());
            m_jobs.pop_front();
            m_running = true;
            m_runningKey = m_keyOf ? m_keyOf(job) : 0;
            lock.unlock();
            Done done = m_work(std::move(job));
            lock.lock();
            m_done.push_back(std::move(done));
            m_running = false;
        }
    }

    Work m_work;
    KeyOf m_keyOf;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    std::vector<Done> m_done;
    bool m_running = false;
    std::uint64_t m_runningKey = 0;
    bool m_stop = false;
    std::thread m_thread; // last: started after the members it uses
};

} // namespace fg::publish
