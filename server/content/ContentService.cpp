// ContentService: the cooking worker, the manifest cache and the lookups behind the scheduler.
// Must not touch the catalog from the server thread before the worker has finished.
#include "server/content/ContentService.h"

#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "game/expo/ExhibitionJson.h"

#include <chrono>
#include <fmt/format.h>

namespace fg::content {

ContentService::ContentService(const std::filesystem::path& dir, ContentLimits limits)
    : m_catalog(dir), m_server(limits) {}

ContentService::~ContentService() {
    if (m_worker.joinable()) m_worker.join();
}

void ContentService::start(expo::Exhibition ex, std::filesystem::path baseDir) {
    m_baseDir = baseDir;
    m_started = true;
    m_ready = false;
    m_worker = std::thread([this, ex = std::move(ex), baseDir = std::move(baseDir)] {
        const double t0 = monotonicSeconds();
        Status st = m_catalog.addFiles(ex, baseDir);
        if (!st) {
            m_buildError = st.error().message;
            log::error("content: cannot serve the exhibition: {}", m_buildError);
        } else {
            const CatalogStats& s = m_catalog.stats();
            log::info("content: {} files ready in {:.2f} s ({} cooked, {} from the cook cache, {} "
                      "placeholders, {} bytes)",
                      s.files, monotonicSeconds() - t0, s.cooked, s.cached, s.placeholders,
                      s.bytes);
        }
        m_ready = true;
    });
}

void ContentService::waitReady() {
    while (!m_ready)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

Result<std::shared_ptr<const Bytes>> ContentService::manifest(const expo::Exhibition& live,
                                                              std::uint64_t revision) {
    if (!m_started) return makeError("this server does not serve its exhibition (--no-content)");
    if (!ready()) return makeError("content: still preparing");
    if (!m_buildError.empty()) return makeError(m_buildError);
    if (m_manifest && m_manifestRevision == revision) return m_manifest;
    auto named = m_catalog.manifestOf(live);
    if (!named) {
        // The live exhibition gained files since the start (an organiser reload): cook them.
        if (Status st = m_catalog.addFiles(live, m_baseDir); !st) return st.error();
        named = m_catalog.manifestOf(live);
        if (!named) return named.error();
    }
    std::string json = expo::toJson(*named);
    auto bytes = std::make_shared<Bytes>(json.begin(), json.end());
    m_manifestHash = hash128(*bytes);
    m_manifest = std::move(bytes);
    m_manifestRevision = revision;
    return m_manifest;
}

std::shared_ptr<const Bytes> ContentService::blob(const Hash128& hash) {
    const std::string key = toHex(hash);
    if (auto it = m_blobs.find(key); it != m_blobs.end())
        if (auto shared = it->second.lock()) return shared;
    std::shared_ptr<const Bytes> found;
    if (m_catalog.store().has(hash)) {
        if (auto bytes = m_catalog.store().get(hash))
            found = std::make_shared<Bytes>(std::move(*bytes));
    }
    if (!found && m_extra) {
        if (auto bytes = m_extra(hash)) found = std::make_shared<Bytes>(std::move(*bytes));
    }
    if (found) m_blobs[key] = found;
    if (m_blobs.size() > 4096) std::erase_if(m_blobs, [](auto& kv) { return kv.second.expired(); });
    return found;
}

Lookup ContentService::lookup(const proto::ContentRequest& request, const expo::Exhibition& live,
                              std::uint64_t revision) {
    Lookup out;
    if (!ready()) {
        out.state = Lookup::State::NotYet;
        return out;
    }
    if (request.kind == proto::ContentKind::Exhibition) {
        auto bytes = manifest(live, revision);
        if (!bytes) {
            out.reason = bytes.error().message;
            return out;
        }
        out.state = Lookup::State::Ready;
        out.hash = m_manifestHash;
        out.bytes = *bytes;
        return out;
    }
    out.bytes = blob(request.hash);
    if (!out.bytes) {
        out.reason = fmt::format("no content with hash {}", toHex(request.hash));
        return out;
    }
    out.state = Lookup::State::Ready;
    out.hash = request.hash;
    return out;
}

PumpStats ContentService::pump(const expo::Exhibition& live, std::uint64_t revision,
                               const Transport& transport) {
    return m_server.pump([&](const proto::ContentRequest& r) { return lookup(r, live, revision); },
                         transport);
}

} // namespace fg::content
