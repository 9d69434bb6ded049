// The bundle build thread's work: BuiltBundles::get for each booth of one request.
// Must not call anything but BuiltBundles::get (which is safe from any thread).
#include "server/publish/BundleBuildWorker.h"

namespace fg::publish {

BundleBuildWorker::BundleBuildWorker(BuiltBundles& built)
    : JobThread(
          [&built](BuildJob job) {
              std::string error;
              for (const std::string& id : job.boothIds) {
                  auto made = built.get(*job.exhibition, id, job.baseDir);
                  if (!made && error.empty()) error = made.error().message;
              }
              job.exhibition.reset();
              return BuildDone{std::move(job), std::move(error)};
          },
          [](const BuildJob& job) { return std::uint64_t(job.sessionId); }) {}

} // namespace fg::publish
