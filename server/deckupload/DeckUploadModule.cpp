// Deck upload module: permission (ProgrammeAccess::presents), the chunked upload, the worker's
// results, the stored decks applied to the exhibition and sent to every client, the console
// verb. Must not render on the tick's thread for a client, nor change another session's deck.
#include "server/deckupload/DeckUploadModule.h"

#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "game/expo/protocol/ContentNames.h"
#include "server/console/ConsoleCommands.h"
#include "server/core/BusTopics.h"
#include "server/publish/PublishService.h"
#include "server/store/Store.h"

#include <fmt/format.h>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

namespace {

// As booth publishing: an acknowledgement every this many chunks (and after the last).
constexpr std::uint32_t kChunksPerStatus = 4;

// UploadAssembler takes short lowercase ids: a person key or session id becomes its hash.
std::string uploadKey(std::string_view text) {
    return toHex(
        hash128(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size())));
}

std::string personOf(const Session& s) {
    return s.verified() ? s.personKey : fmt::format("guest:{}:{}", s.id, s.name);
}

Result<Message> changedMessage(const store::DeckRecord& deck) {
    DeckChanged out{deck.sessionId, bounded(deck.fileName, kMaxDeckFileNameLength), {}};
    for (const auto& name : deck.pages) {
        expo::AssetName parsed;
        if (!expo::parseAssetName(name, parsed) || parsed.extension != ".fgt")
            return makeError(
                fmt::format("deck of '{}': '{}' is not a page texture", deck.sessionId, name));
        out.pages.push_back(parsed.hash);
    }
    if (out.pages.empty() || out.pages.size() > kMaxDeckParts)
        return makeError(fmt::format("deck of '{}': {} pages", deck.sessionId, out.pages.size()));
    return Message{std::move(out)};
}

} // namespace

DeckUploadModule::DeckUploadModule(ServerContext& ctx, ProgrammeAccess& programme)
    : m_ctx(ctx), m_programme(programme) {
    m_limits.maxPages = std::uint32_t(expo::kMaxDeckPages);
    m_dir = ctx.config().dataDir / "decks";
    m_uploads = std::make_unique<publish::UploadAssembler>(
        m_dir / "uploads", publish::UploadLimits{kMaxDeckUploadBytes, kMaxUploadChunkBytes});
}

DeckUploadModule::~DeckUploadModule() {
    m_worker.reset(); // the render in progress finishes before the store goes
}

Status DeckUploadModule::start() {
    auto records = store::DeckRecords::open(m_ctx.store());
    if (!records) return records.error();
    m_records = std::move(*records);
    auto decks = m_records->all();
    if (!decks) return decks.error();
    for (auto& deck : *decks)
        m_decks[deck.sessionId] = std::move(deck);
    applyAll();
    // The worker only reads its job and writes the content store (never the module's state).
    publish::ContentStore* store = &m_ctx.publisher().store();
    m_worker = std::make_unique<publish::JobThread<Job, Done>>(
        [store, scratch = m_dir / "scratch", limits = m_limits](Job job) {
            auto pages = cookDeck(job.source, *store, scratch, limits);
            job.source.bytes = {};
            return Done{std::move(job), std::move(pages)};
        });
    return {};
}

void DeckUploadModule::registerHandlers(ServerRouter& router) {
    // Who may upload depends on the session: ProgrammeAccess decides in begin().
    router.on<DeckUploadBegin>(Permit::joined(),
                               [this](Session& s, const DeckUploadBegin& m) { begin(s, m); });
    // A deck is many chunks in a row: bulk budget (the upload's size limit bounds the bytes).
    router.on<DeckUploadChunk>(Permit::joined().budget(2048, 1024),
                               [this](Session& s, const DeckUploadChunk& m) { chunk(s, m); });
    router.on<DeckUploadFinish>(Permit::joined(),
                                [this](Session& s, const DeckUploadFinish& m) { finish(s, m); });
}

void DeckUploadModule::registerCommands(console::ConsoleCommands& commands) {
    commands.addSubcommand("session", "deck", [this](const console::CommandArgs& a) {
        if (a.words.size() != 3)
            return console::ConsoleResult{"session deck: usage: session deck SESSION FILE", false};
        auto source = readDeckFile(a.words[2]);
        auto pages = source ? replaceDeck(a.words[1], *source, "the organiser")
                            : Result<std::size_t>(source.error());
        if (!pages) return console::ConsoleResult{"session deck: " + pages.error().message, false};
        return console::ConsoleResult{fmt::format("{}: new deck {} ({} pages), shown from page 1",
                                                  a.words[1], source->fileName, *pages),
                                      true};
    });
}

void DeckUploadModule::addStatus(std::vector<console::StatusFigure>& figures) const {
    figures.push_back({"decks_uploaded", "decks uploaded since the start", double(m_uploaded)});
}

expo::Session* DeckUploadModule::findSession(const std::string& sessionId) {
    for (auto& session : m_ctx.exhibition().sessions)
        if (session.id == sessionId) return &session;
    return nullptr;
}

std::string DeckUploadModule::refusal(const Session& s, const std::string& sessionId) const {
    if (m_programme.presents(s, sessionId)) return {};
    return fmt::format("only the speakers and moderators of '{}' can upload its deck", sessionId);
}

void DeckUploadModule::begin(Session& s, const DeckUploadBegin& m) {
    if (std::string why = refusal(s, m.sessionId); !why.empty()) {
        m_ctx.fault(s, "DeckUploadBegin from someone who does not present the session");
        log::info("server: deck upload for '{}' by {} ('{}') refused: {}", m.sessionId, s.id,
                  s.name, why);
        return (void)m_ctx.send(s, DeckUploadStatus{m.requestId, m.sessionId, 0, false, why});
    }
    const std::string key = uploadKey(personOf(s));
    auto held = m_uploads->begin(key, uploadKey(m.sessionId), m.totalBytes(), m.hash);
    if (!held)
        return (void)m_ctx.send(s,
                                DeckUploadStatus{m.requestId, m.sessionId, 0, false,
                                                 bounded(held.error().message, kMaxReasonLength)});
    DeckSource source{m.fileName, m.kind, m.partSizes, {}};
    m_links[s.id] = Link{m.requestId, m.sessionId, key, std::move(source), m.totalBytes(), 0};
    log::info("server: deck upload for '{}' by '{}': {} ({} bytes), resuming at {}", m.sessionId,
              s.name, m.fileName, m.totalBytes(), *held);
    m_ctx.send(s, DeckUploadStatus{m.requestId, m.sessionId, *held, true, {}});
}

void DeckUploadModule::chunk(Session& s, const DeckUploadChunk& m) {
    auto link = m_links.find(s.id);
    if (link == m_links.end() || link->second.sessionId != m.sessionId)
        // Not a fault: chunks in flight when an upload ended with an error land here.
        return (void)m_ctx.send(s, DeckUploadStatus{0, m.sessionId, 0, false,
                                                    "no deck upload of this session was begun"});
    Link& up = link->second;
    auto held = m_uploads->chunk(up.key, uploadKey(m.sessionId), m.offset, m.bytes);
    if (!held) {
        m_ctx.send(s, DeckUploadStatus{up.requestId, m.sessionId, 0, false,
                                       bounded(held.error().message, kMaxReasonLength)});
        m_links.erase(link);
        return;
    }
    if (++up.chunksSinceStatus >= kChunksPerStatus || *held >= up.totalBytes) {
        up.chunksSinceStatus = 0;
        m_ctx.send(s, DeckUploadStatus{up.requestId, m.sessionId, *held, true, {}});
    }
}

void DeckUploadModule::finish(Session& s, const DeckUploadFinish& m) {
    auto link = m_links.find(s.id);
    if (link == m_links.end() || link->second.sessionId != m.sessionId)
        return (void)m_ctx.send(s, DeckUploadResult{m.requestId, m.sessionId, false, 0,
                                                    "no deck upload of this session was begun"});
    Link up = std::move(link->second);
    m_links.erase(link);
    auto bytes = m_uploads->finish(up.key, uploadKey(m.sessionId));
    if (!bytes)
        return (void)m_ctx.send(
            s, DeckUploadResult{m.requestId, m.sessionId, false, 0,
                                bounded(up.source.fileName + ": " + bytes.error().message,
                                        kMaxDeckErrorLength)});
    up.source.bytes = std::move(*bytes);
    m_worker->push(Job{s.id, up.key, m.requestId, m.sessionId, s.name, std::move(up.source)});
}

void DeckUploadModule::onTick(std::uint32_t, double) {
    if (m_appliedTo != &m_ctx.exhibition() || m_appliedRevision != m_ctx.revision()) applyAll();
    if (!m_worker) return;
    for (Done& done : m_worker->takeDone())
        answer(done);
}

void DeckUploadModule::answer(Done& done) {
    const Job& job = done.job;
    DeckUploadResult out{job.requestId, job.sessionId, false, 0, {}};
    Status installed = done.pages ? install(job.sessionId, job.source.fileName, *done.pages, job.by)
                                  : Status(done.pages.error());
    if (installed) {
        out.ok = true;
        out.pageCount = std::uint32_t(done.pages->size());
    } else {
        log::info("server: deck for '{}' from '{}' refused: {}", job.sessionId, job.by,
                  installed.error().message);
        out.error = bounded(installed.error().message, kMaxDeckErrorLength);
    }
    // The connection may be gone (or its slot reused): answer only the same person.
    Session* s = m_ctx.session(job.wireId);
    if (s && s->joined && uploadKey(personOf(*s)) == job.uploader) m_ctx.send(*s, std::move(out));
}

Result<std::size_t> DeckUploadModule::replaceDeck(const std::string& sessionId,
                                                  const DeckSource& source, const std::string& by) {
    if (!findSession(sessionId)) return makeError(fmt::format("no session '{}'", sessionId));
    auto pages = cookDeck(source, m_ctx.publisher().store(), m_dir / "scratch", m_limits);
    if (!pages) return pages.error();
    const std::size_t count = pages->size();
    if (Status st = install(sessionId, source.fileName, std::move(*pages), by); !st)
        return st.error();
    return count;
}

Status DeckUploadModule::install(const std::string& sessionId, const std::string& fileName,
                                 std::vector<std::string> pages, const std::string& by) {
    expo::Session* session = findSession(sessionId);
    if (!session)
        return makeError(fmt::format("no session '{}' (gone since the upload)", sessionId));
    store::DeckRecord deck{sessionId, fileName, std::move(pages), by, unixNow()};
    auto message = changedMessage(deck);
    if (!message) return message.error();
    if (Status st = m_records->save(deck); !st) return st;
    session->deck = deck.pages;
    log::info("server: '{}' has a new deck, {} ({} pages), from '{}'", sessionId, fileName,
              deck.pages.size(), by);
    m_decks[sessionId] = std::move(deck);
    ++m_uploaded;
    if (Status st = broadcast(m_ctx.bus(), topic::kEveryone, std::move(*message)); !st)
        log::error("server: {}", st.error().message);
    // Every attendee sees the new deck from its first page (an ended session keeps its page).
    (void)m_programme.setPage(sessionId, 0);
    return {};
}

void DeckUploadModule::applyAll() {
    for (const auto& [id, deck] : m_decks)
        if (expo::Session* session = findSession(id)) session->deck = deck.pages;
    m_appliedTo = &m_ctx.exhibition();
    m_appliedRevision = m_ctx.revision();
}

void DeckUploadModule::onJoin(Session& s) {
    for (const auto& [id, deck] : m_decks)
        if (findSession(id))
            if (auto message = changedMessage(deck)) m_ctx.send(s, std::move(*message));
}

void DeckUploadModule::onLeave(Session& s, LeaveReason) {
    m_links.erase(s.id); // the partial file stays: the presenter resumes from it
}

} // namespace fg::server
