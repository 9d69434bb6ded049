// Builds never-published booths into stored .booth bundles (BuiltBundles::get) on one background
// thread, so reading and compressing a booth's files never stalls the server's tick.
// Never touches the moderation queue or the network; the owner polls takeDone().
#pragma once

#include "server/publish/BuiltBundles.h"
#include "server/publish/JobThread.h"

#include <cstdint>
#include <memory>
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

class BundleBuildWorker : public JobThread<BuildJob, BuildDone> {
public:
    explicit BundleBuildWorker(BuiltBundles& built);
    // Jobs of SESSIONID waiting or running (a server bounds them per connection).
    std::size_t queued(std::uint16_t sessionId) const { return pending(sessionId); }
};

} // namespace fg::publish
