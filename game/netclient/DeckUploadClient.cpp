// The presenter's side of the deck upload protocol (DeckUploadClient.h, docs/PROTOCOL.md).
// Must not block: every call returns at once; the caller pumps the NetClient.
#include "game/netclient/DeckUploadClient.h"

#include "engine/core/Log.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace fg::netclient {

using namespace fg::expo::proto;
namespace fs = std::filesystem;

namespace {

std::string extensionOf(const fs::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return ext;
}

Status checkKinds(std::span<const fs::path> files) {
    if (files.empty()) return makeError("deck: no file given");
    if (files.size() > kMaxDeckParts)
        return makeError(
            fmt::format("deck: {} files; at most {} pages", files.size(), kMaxDeckParts));
    for (const auto& f : files) {
        const std::string ext = extensionOf(f);
        if (ext == ".pdf" && files.size() > 1)
            return makeError(fmt::format("{}: a PDF deck must be the only file", f.string()));
        if (ext != ".pdf" && ext != ".png" && ext != ".jpg" && ext != ".jpeg")
            return makeError(fmt::format("{}: a deck is a PDF or PNG/JPEG pages", f.string()));
    }
    return {};
}

} // namespace

Result<DeckFiles> readDeckFiles(std::span<const fs::path> files) {
    if (Status st = checkKinds(files); !st) return st.error();
    DeckFiles out;
    out.fileName = files[0].filename().string();
    out.kind = extensionOf(files[0]) == ".pdf" ? DeckFileKind::Pdf : DeckFileKind::Images;
    for (const auto& f : files) {
        auto bytes = readFileBytes(f, kMaxDeckUploadBytes);
        if (!bytes) return bytes.error();
        if (out.bytes.size() + bytes->size() > kMaxDeckUploadBytes)
            return makeError(
                fmt::format("{}: the deck is over {} MiB", f.string(), kMaxDeckUploadBytes >> 20));
        out.partSizes.push_back(bytes->size());
        out.bytes.insert(out.bytes.end(), bytes->begin(), bytes->end());
    }
    return out;
}

DeckUploadClient::DeckUploadClient(NetClient& net, std::string sessionId, DeckFiles files)
    : m_net(&net), m_upload(std::move(sessionId), std::move(files.bytes)) {
    files.bytes = {};
    m_files = std::move(files);
    begin();
}

void DeckUploadClient::begin() {
    m_requestId = m_nextRequest++;
    m_phase = DeckUploadPhase::Beginning;
    if (!m_net->sendRaw(DeckUploadBegin{m_requestId, sessionId(), m_files.kind, m_files.fileName,
                                        m_files.partSizes, m_upload.hash()}))
        fail("could not send the upload request (not connected?)");
}

void DeckUploadClient::reconnected(NetClient& net) {
    m_net = &net;
    if (!finished()) begin();
}

void DeckUploadClient::fail(std::string why) {
    m_phase = DeckUploadPhase::Failed;
    m_error = std::move(why);
    log::info("deck upload: {} for {} failed: {}", m_files.fileName, sessionId(), m_error);
}

void DeckUploadClient::pump() {
    if (m_phase != DeckUploadPhase::Sending) return;
    while (m_upload.sentBytes() - m_upload.ackedBytes() < kWindowBytes) {
        auto chunk = m_upload.nextChunk();
        if (!chunk) break;
        DeckUploadChunk msg{sessionId(), chunk->offset,
                            Bytes(chunk->data.begin(), chunk->data.end())};
        if (!m_net->sendRaw(msg)) return fail("the connection refused a chunk");
        ++m_chunksSent;
    }
}

bool DeckUploadClient::handle(const Message& message) {
    if (auto* st = std::get_if<DeckUploadStatus>(&message)) {
        if (st->sessionId != sessionId()) return false;
        // Statuses of an earlier begin (before a reconnect) are stale, except chunk-less ones.
        if (st->requestId != m_requestId && st->requestId != 0) return true;
        onStatus(*st);
        return true;
    }
    if (auto* r = std::get_if<DeckUploadResult>(&message)) {
        if (r->requestId != m_requestId || r->sessionId != sessionId()) return false;
        m_result = *r;
        m_phase = DeckUploadPhase::Done;
        return true;
    }
    return false;
}

void DeckUploadClient::onStatus(const DeckUploadStatus& st) {
    if (finished()) return;
    if (!st.ok) return fail(st.reason.empty() ? "the server refused the upload" : st.reason);
    if (m_phase == DeckUploadPhase::Beginning) {
        if (st.heldBytes > 0) ++m_resumes;
        m_upload.resumeAt(st.heldBytes);
        m_phase = DeckUploadPhase::Sending;
    } else {
        m_upload.acknowledged(st.heldBytes);
    }
    if (m_phase == DeckUploadPhase::Sending && m_upload.complete()) {
        m_requestId = m_nextRequest++;
        m_phase = DeckUploadPhase::Finishing;
        if (!m_net->sendRaw(DeckUploadFinish{m_requestId, sessionId()}))
            return fail("could not send the finish request");
    }
    pump();
}

std::string DeckUploadClient::error() const {
    if (m_phase == DeckUploadPhase::Failed) return m_error;
    if (m_result && !m_result->ok) return m_result->error;
    return {};
}

std::string DeckUploadClient::statusText() const {
    const double mb = 1024.0 * 1024.0;
    switch (m_phase) {
    case DeckUploadPhase::Beginning:
        return "contacting the server";
    case DeckUploadPhase::Sending:
        return fmt::format("uploading {:.0f}% ({:.1f} of {:.1f} MB)", progress() * 100.0f,
                           double(m_upload.ackedBytes()) / mb, double(m_upload.totalBytes()) / mb);
    case DeckUploadPhase::Finishing:
        return "uploaded; the server is rendering the pages";
    case DeckUploadPhase::Failed:
        return "upload failed: " + m_error;
    case DeckUploadPhase::Done:
        break;
    }
    if (m_result->ok)
        return fmt::format("{}: {} pages, shown from page 1", fileName(), m_result->pageCount);
    return "refused: " + m_result->error;
}

} // namespace fg::netclient
