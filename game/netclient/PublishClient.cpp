// The exhibitor's side of the publish protocol (see PublishClient.h and docs/PROTOCOL.md).
// Must not block: every call returns at once; the caller pumps the NetClient.
#include "game/netclient/PublishClient.h"

#include "engine/core/Log.h"

#include <fmt/format.h>

namespace fg::netclient {

using namespace fg::expo::proto;

const char* toString(PublishPhase phase) {
    switch (phase) {
    case PublishPhase::Idle:
        return "idle";
    case PublishPhase::Beginning:
        return "connecting";
    case PublishPhase::Sending:
        return "uploading";
    case PublishPhase::Finishing:
        return "checking";
    case PublishPhase::Done:
        return "done";
    case PublishPhase::Failed:
        return "failed";
    }
    return "unknown";
}

PublishClient::PublishClient(NetClient& net, std::string boothId, Bytes bundle)
    : m_net(&net), m_upload(std::move(boothId), std::move(bundle)) {
    begin();
}

void PublishClient::begin() {
    m_requestId = m_nextRequest++;
    m_phase = PublishPhase::Beginning;
    if (!m_net->sendRaw(
            UploadBegin{m_requestId, m_upload.boothId(), m_upload.totalBytes(), m_upload.hash()}))
        fail("could not send the upload request (not connected?)");
}

void PublishClient::reconnected(NetClient& net) {
    m_net = &net;
    if (!finished()) begin();
}

void PublishClient::fail(std::string why) {
    m_phase = PublishPhase::Failed;
    m_error = std::move(why);
    log::info("publish: {} failed: {}", m_upload.boothId(), m_error);
}

void PublishClient::pump() {
    if (m_phase != PublishPhase::Sending) return;
    while (m_upload.sentBytes() - m_upload.ackedBytes() < kWindowBytes) {
        auto chunk = m_upload.nextChunk();
        if (!chunk) break;
        UploadChunk msg{m_upload.boothId(), chunk->offset,
                        Bytes(chunk->data.begin(), chunk->data.end())};
        if (!m_net->sendRaw(msg)) return fail("the connection refused a chunk");
    }
}

bool PublishClient::handle(const Message& message) {
    if (auto* st = std::get_if<UploadStatus>(&message)) {
        if (st->boothId != m_upload.boothId()) return false;
        // Statuses of an earlier begin (before a reconnect) are stale, except chunk-less ones.
        if (st->requestId != m_requestId && st->requestId != 0) return true;
        onStatus(*st);
        return true;
    }
    if (auto* r = std::get_if<PublishResult>(&message)) {
        if (r->requestId != m_requestId || r->boothId != m_upload.boothId()) return false;
        m_result = *r;
        m_phase = PublishPhase::Done;
        return true;
    }
    return false;
}

void PublishClient::onStatus(const UploadStatus& st) {
    if (finished()) return;
    if (!st.ok) return fail(st.reason.empty() ? "the server refused the upload" : st.reason);
    if (m_phase == PublishPhase::Beginning) {
        if (st.heldBytes > 0) ++m_resumes;
        m_upload.resumeAt(st.heldBytes);
        m_phase = PublishPhase::Sending;
    } else {
        m_upload.acknowledged(st.heldBytes);
    }
    if (m_phase == PublishPhase::Sending && m_upload.complete()) {
        m_requestId = m_nextRequest++;
        m_phase = PublishPhase::Finishing;
        if (!m_net->sendRaw(UploadFinish{m_requestId, m_upload.boothId()}))
            return fail("could not send the finish request");
    }
    pump();
}

std::string PublishClient::statusText() const {
    const double mb = 1024.0 * 1024.0;
    switch (m_phase) {
    case PublishPhase::Idle:
    case PublishPhase::Beginning:
        return "contacting the server";
    case PublishPhase::Sending:
        return fmt::format("uploading {:.0f}% ({:.1f} of {:.1f} MB)", progress() * 100.0f,
                           double(m_upload.ackedBytes()) / mb, double(m_upload.totalBytes()) / mb);
    case PublishPhase::Finishing:
        return "uploaded; the server is checking the booth";
    case PublishPhase::Failed:
        return "upload failed: " + m_error;
    case PublishPhase::Done:
        break;
    }
    const PublishResult& r = *m_result;
    switch (r.outcome) {
    case PublishOutcome::Queued:
        return "queued for the organiser's approval";
    case PublishOutcome::Approved:
        return fmt::format("approved: revision {}", r.revision);
    case PublishOutcome::Refused:
        break;
    }
    return "refused: " + r.reasons;
}

} // namespace fg::netclient
