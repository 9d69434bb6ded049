// The publish check thread's work: PublishService::check on one finished upload.
// Must not call anything on the service but check() (the queue belongs to the owner's thread).
#include "server/publish/SubmitWorker.h"

namespace fg::publish {

SubmitWorker::SubmitWorker(PublishService& service)
    : JobThread([&service](SubmitJob job) {
          auto checked = service.check(job.exhibitorId, job.bytes, *job.exhibition);
          job.bytes = {};
          job.exhibition.reset();
          return SubmitDone{std::move(job), std::move(checked)};
      }) {}

} // namespace fg::publish
