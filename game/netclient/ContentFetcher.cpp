// ContentFetcher: request queue, chunk reassembly with every field checked against what was
// asked, hash verification, atomic cache writes and one retry. Trusts nothing the server sends.
#include "game/netclient/ContentFetcher.h"

#include "engine/core/Log.h"
#include "game/expo/protocol/ContentNames.h"
#include "game/netclient/NetClient.h"

#include <algorithm>
#include <fmt/format.h>

namespace fg::netclient {

using namespace fg::expo::proto;
namespace fs = std::filesystem;

float FetchProgress::fraction() const {
    if (filesTotal == 0) return 0.0f;
    // Bytes are only known once each file started; files keep the bar moving until then.
    float files = float(filesDone) / float(filesTotal);
    float bytes = bytesTotal ? float(bytesDone) / float(bytesTotal) : files;
    return std::clamp(0.5f * (files + bytes), 0.0f, 1.0f);
}

ContentFetcher::ContentFetcher(fs::path cacheDir) : m_dir(std::move(cacheDir)) {}

void ContentFetcher::attach(NetClient& client) {
    m_client = &client;
    client.setContentHandler([this](Message& m) { onMessage(m); });
    // Whatever was in flight on an older connection will never be answered: ask again.
    for (auto it = m_inFlight.rbegin(); it != m_inFlight.rend(); ++it) {
        Job job = std::move(it->second);
        job.started = false;
        job.total = 0;
        job.data.clear();
        m_queue.push_front(std::move(job));
    }
    m_inFlight.clear();
}

void ContentFetcher::detach(bool clientGone) {
    if (m_client && !clientGone) m_client->setContentHandler({});
    m_client = nullptr;
}

std::string ContentFetcher::label(const Job& job) const {
    return job.name.empty() ? std::string("the exhibition manifest") : "asset " + job.name;
}

AssetState ContentFetcher::state(const std::string& assetName) const {
    auto it = m_states.find(assetName);
    return it == m_states.end() ? AssetState::Unknown : it->second;
}

void ContentFetcher::requestManifest() {
    ++m_progress.filesTotal;
    m_queue.push_back(Job{});
}

std::optional<std::string> ContentFetcher::takeManifest() {
    return std::exchange(m_manifest, std::nullopt);
}

Status ContentFetcher::want(const std::string& assetName) {
    expo::AssetName parsed;
    if (!expo::parseAssetName(assetName, parsed))
        return makeError(fmt::format("'{}' is not an asset name (<hash>.<ext>)", assetName));
    return wantJob(assetName, parsed.hash, 0);
}

Result<std::string> ContentFetcher::wantByHash(const Hash128& hash, const std::string& extension,
                                               std::uint64_t expectedBytes) {
    const bool safe = extension.size() >= 2 && extension.size() <= 8 && extension[0] == '.' &&
                      std::all_of(extension.begin() + 1, extension.end(),
                                  [](char c) { return c >= 'a' && c <= 'z'; });
    if (!safe) return makeError(fmt::format("'{}' is not a file extension", extension));
    if (expectedBytes > kMaxContentBytes)
        return makeError(fmt::format("{}{}: {} bytes is more than content may have ({})",
                                     toHex(hash), extension, expectedBytes, kMaxContentBytes));
    std::string name = toHex(hash) + extension;
    if (Status st = wantJob(name, hash, expectedBytes); !st) return st.error();
    return name;
}

Status ContentFetcher::wantJob(const std::string& assetName, const Hash128& hash,
                               std::uint64_t expectBytes) {
    if (auto it = m_states.find(assetName);
        it != m_states.end() && it->second != AssetState::Failed)
        return {}; // a failed one may be asked for again (a later booth revision)
    m_states[assetName] = AssetState::Pending;
    ++m_progress.filesTotal;
    const fs::path file = pathOf(assetName);
    std::error_code ec;
    if (fs::is_regular_file(file, ec)) {
        auto bytes = readFileBytes(file, kMaxContentBytes);
        if (bytes && hash128(*bytes) == hash) {
            ++m_progress.filesDone;
            ++m_progress.filesCached;
            m_progress.bytesDone += bytes->size();
            m_progress.bytesTotal += bytes->size();
            m_states[assetName] = AssetState::Ready;
            return {};
        }
        log::warn("content: cached {} does not match its name; fetching it again", assetName);
    }
    Job job{assetName, hash};
    job.expectBytes = expectBytes;
    m_queue.push_back(std::move(job));
    return {};
}

bool ContentFetcher::send(Job job) {
    const std::uint32_t id = m_nextRequest++;
    ContentRequest request{id, job.name.empty() ? ContentKind::Exhibition : ContentKind::Asset,
                           job.hash};
    if (!m_client->sendRaw(request)) return false;
    ++job.attempts;
    ++m_progress.requests;
    m_inFlight.emplace(id, std::move(job));
    return true;
}

void ContentFetcher::update() {
    if (!m_client || m_client->state() != ClientState::Joined) return;
    while (m_inFlight.size() < kMaxInFlight && !m_queue.empty()) {
        if (!send(std::move(m_queue.front()))) return; // connection gone: attach() requeues
        m_queue.pop_front();
    }
}

void ContentFetcher::onMessage(Message& message) {
    if (auto* chunk = std::get_if<ContentChunk>(&message)) return onChunk(*chunk);
    if (auto* error = std::get_if<ContentError>(&message)) {
        if (m_inFlight.count(error->requestId))
            fail(error->requestId, "the server says: " + error->reason);
    }
}

void ContentFetcher::onChunk(const ContentChunk& c) {
    auto it = m_inFlight.find(c.requestId);
    if (it == m_inFlight.end()) return; // a request given up on (or never made): ignore
    Job& job = it->second;
    if (!job.started) {
        if (job.name.empty()) job.hash = c.hash; // the manifest is whatever the server serves now
        if (job.expectBytes != 0 && c.totalBytes != job.expectBytes)
            return fail(c.requestId,
                        fmt::format("the server sends {} bytes where {} were announced",
                                    c.totalBytes, job.expectBytes));
        job.total = c.totalBytes;
        job.started = true;
        m_progress.bytesTotal += job.total;
    }
    if (!(c.hash == job.hash))
        return fail(c.requestId, fmt::format("chunk for hash {}", toHex(c.hash)));
    if (c.totalBytes != job.total || c.offset != job.data.size() ||
        c.bytes.size() > job.total - job.data.size() || (c.bytes.empty() && job.total != 0))
        return fail(c.requestId, fmt::format("chunk at offset {} of {} bytes does not continue the "
                                             "{} bytes received of {}",
                                             c.offset, c.totalBytes, job.data.size(), job.total));
    job.data.insert(job.data.end(), c.bytes.begin(), c.bytes.end());
    m_progress.bytesDone += c.bytes.size();
    m_progress.bytesReceived += c.bytes.size();
    if (job.data.size() == job.total) finish(c.requestId);
}

void ContentFetcher::finish(std::uint32_t requestId) {
    Job& job = m_inFlight.at(requestId);
    if (!(hash128(job.data) == job.hash)) return fail(requestId, "content does not match its hash");
    if (job.name.empty()) {
        m_manifest = std::string(job.data.begin(), job.data.end());
    } else {
        std::error_code ec;
        fs::create_directories(m_dir, ec);
        if (Status st = writeFileAtomic(pathOf(job.name), job.data); !st)
            return fail(requestId, st.error().message);
        m_states[job.name] = AssetState::Ready;
    }
    ++m_progress.filesDone;
    m_inFlight.erase(requestId);
}

void ContentFetcher::fail(std::uint32_t requestId, const std::string& why) {
    auto node = m_inFlight.extract(requestId);
    Job job = std::move(node.mapped());
    m_progress.bytesDone -= std::min<std::uint64_t>(m_progress.bytesDone, job.data.size());
    m_progress.bytesTotal -= std::min<std::uint64_t>(m_progress.bytesTotal, job.total);
    if (job.attempts < 2) {
        log::warn("content: {}: {}; retrying once", label(job), why);
        ++m_progress.retries;
        job.started = false;
        job.total = 0;
        job.data.clear();
        if (job.name.empty()) job.hash = {};
        m_queue.push_front(std::move(job));
        return;
    }
    std::string line = fmt::format("{}: {}", label(job), why);
    log::error("content: {}", line);
    m_errors.push_back(std::move(line));
    if (!job.name.empty()) m_states[job.name] = AssetState::Failed;
    ++m_progress.failed;
    ++m_progress.filesDone;
}

} // namespace fg::netclient
