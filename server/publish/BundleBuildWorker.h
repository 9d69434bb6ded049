// Builds never-published booths into stored .booth bundles (BuiltBundles::get) on one background
// thread, so reading and compressing a booth's files never stalls the server's tick.
// Never touches the moderation queue or the network; the owner polls takeDone().
#pragma once

#include "server/publish/BuiltBundles.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace fg::publish {

// Booths to build for one request, and who asked (to answer them when it is done).
struct BuildJob {
    std::uint16_t sessionId = 0;
    std::string exhibitorId; // the asker's, to recognise the session when it is done
    std::uint32_t requestId = 0;
    std::string requestedBoothId; // as asked ("" = my booths)
    std::vector<std::string> boothIds;
    std::shared_ptr<const expo::Exhibition> exhibition; // a copy: the live one may change
    std::filesystem::path baseDir;
};

struct BuildDone {
    BuildJob job;      // exhibition released
    std::string error; // the first build that failed; empty when all are stored
};

class BundleBuildWorker {
public:
    explicit BundleBuildWorker(BuiltBundles& built);
    ~BundleBuildWorker(); // finishes the build in progress, drops the ones not started
    BundleBuildWorker(const BundleBuildWorker&) = delete;
    BundleBuildWorker& operator=(const BundleBuildWorker&) = delete;

    void push(BuildJob job);
    // Jobs finished since the last call, oldest first.
    std::vector<BuildDone> takeDone();
    // Jobs of SESSIONID waiting or running (a server bounds them per connection).
    std::size_t queued(std::uint16_t sessionId) const;

private:
    void run();

    BuiltBundles& m_built;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<BuildJob> m_jobs;
    std::uint16_t m_running = 0; // session whose job is being built; 0 = none
    std::vector<BuildDone> m_done;
    bool m_stop = false;
    std::thread m_thread; // last: started after the members it uses
};

} // namespace fg::publish
