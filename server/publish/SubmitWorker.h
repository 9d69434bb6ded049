// Runs PublishService::check() (sandboxed import of an uploaded bundle) on one background
// thread, so a slow or hostile bundle never stalls the server's tick. Never touches the queue.
#pragma once

#include "server/publish/JobThread.h"
#include "server/publish/PublishService.h"

#include <cstdint>
#include <memory>

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

class SubmitWorker : public JobThread<SubmitJob, SubmitDone> {
public:
    explicit SubmitWorker(PublishService& service);
    // Jobs waiting or running.
    std::size_t busy() const { return pending(); }
};

} // namespace fg::publish
