// Booth fetch module: offers the bundles a person may open, building never-published booths
// off the tick. Must not change the exhibition or the moderation queue.
#include "server/boothfetch/BoothFetchModule.h"

#include "engine/core/Log.h"
#include "server/core/BoothAccess.h"
#include "server/publish/PublishService.h"

#include <ctime>
#include <fmt/format.h>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

namespace {

std::string isoDate(UnixSeconds t) {
    const std::time_t tt = std::time_t(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
    return buf;
}

// Build jobs one connection may have waiting (each holds a copy of the exhibition).
constexpr std::size_t kMaxBuildsPerSession = 2;

void addNote(BoothFetchReply& reply, const std::string& line) {
    if (!reply.note.empty()) reply.note += "\n";
    reply.note = bounded(reply.note + line, kMaxBoothFetchNoteLength);
}

} // namespace

BoothFetchModule::~BoothFetchModule() = default;

void BoothFetchModule::registerHandlers(ServerRouter& router) {
    router.on<BoothFetchRequest>(
        Permit::roles({Role::Exhibitor, Role::Organiser})
            .because("only the booth's exhibitor or an organiser can open a booth for editing; "
                     "sign in with an exhibitor token"),
        [this](Session& s, const BoothFetchRequest& m) { fetch(s, m); },
        [this](Session& s, const BoothFetchRequest& m, std::string_view why) {
            refuse(s, m, why);
        });
}

void BoothFetchModule::refuse(Session& s, const BoothFetchRequest& m, std::string_view why) {
    log::info("server: {} ('{}') may not open '{}': {}", s.id, s.name, m.boothId, why);
    m_ctx.send(s, BoothFetchReply{
                      m.requestId, false, bounded(std::string(why), kMaxReasonLength), {}, {}});
}

// The booths S asked for and may open (BOOTHID empty: every booth of S's exhibitor); else why not.
std::string BoothFetchModule::boothsToOffer(const Session& s, const std::string& boothId,
                                            std::vector<const expo::Booth*>& out) {
    const expo::Exhibition& ex = m_ctx.exhibition();
    if (!boothId.empty()) {
        if (std::string why = boothAccessRefusal(s, ex, boothId); !why.empty()) return why;
        out.push_back(expo::findBooth(ex, boothId));
        return {};
    }
    if (s.role != Role::Exhibitor || s.exhibitorId.empty())
        return s.role == Role::Organiser ? "organisers open a booth by its id"
                                         : boothAccessRefusal(s, ex, boothId);
    for (const expo::Booth& b : ex.booths)
        if (b.exhibitor == s.exhibitorId) out.push_back(&b);
    if (out.empty()) return fmt::format("exhibitor '{}' has no booth in this event", s.exhibitorId);
    return {};
}

// Booths never published are built from the exhibition off the tick, then asked again. True
// when a build was queued (the answer comes from onTick); REFUSAL set when none may be queued.
bool BoothFetchModule::queueBuilds(Session& s, const BoothFetchRequest& m,
                                   const std::vector<const expo::Booth*>& booths,
                                   std::string& refusal) {
    publish::PublishService& publisher = m_ctx.publisher();
    const auto baseDir = m_ctx.config().exhibitionPath.parent_path();
    std::vector<std::string> toBuild;
    for (const expo::Booth* b : booths)
        if (!publisher.approvedSubmission(b->id) &&
            !publisher.built().cached(m_ctx.exhibition(), b->id, baseDir))
            toBuild.push_back(b->id);
    if (toBuild.empty()) return false;
    if (!m_buildWorker)
        m_buildWorker = std::make_unique<publish::BundleBuildWorker>(publisher.built());
    if (m_buildWorker->queued(s.id) >= kMaxBuildsPerSession) {
        refusal = "your booths are still being prepared; ask again in a moment";
        return false;
    }
    m_buildWorker->push(
        publish::BuildJob{s.id, s.exhibitorId, m.requestId, m.boothId, std::move(toBuild),
                          std::make_shared<expo::Exhibition>(m_ctx.exhibition()), baseDir});
    return true;
}

void BoothFetchModule::fetch(Session& s, const BoothFetchRequest& m, bool buildNow) {
    BoothFetchReply reply{m.requestId, false, {}, {}, {}};
    std::vector<const expo::Booth*> booths;
    if (std::string why = boothsToOffer(s, m.boothId, booths); !why.empty())
        return refuse(s, m, why);
    const std::size_t owned = booths.size();
    if (owned * 2 > kMaxBoothFetchEntries) booths.resize(kMaxBoothFetchEntries / 2);
    if (!buildNow) {
        std::string refusal;
        if (queueBuilds(s, m, booths, refusal)) return;
        if (!refusal.empty()) return refuse(s, m, refusal);
    }
    std::string firstError;
    for (const expo::Booth* b : booths)
        if (Status st = addEntries(*b, reply); !st && firstError.empty())
            firstError = st.error().message;
    if (owned > booths.size())
        addNote(reply,
                fmt::format("{} more booth(s) not listed: open them by id", owned - booths.size()));
    if (reply.entries.empty())
        return refuse(s, m, firstError.empty() ? "nothing to open" : firstError);
    reply.ok = true;
    log::info("server: {} ('{}') offered {} bundle(s) for '{}'", s.id, s.name, reply.entries.size(),
              m.boothId.empty() ? "their booths" : m.boothId);
    m_ctx.send(s, std::move(reply));
}

// Answers requests whose bundles the build worker finished.
void BoothFetchModule::onTick(std::uint32_t, double) {
    if (!m_buildWorker) return;
    for (publish::BuildDone& done : m_buildWorker->takeDone()) {
        const publish::BuildJob& job = done.job;
        // The connection may be gone (or its slot reused): answer only the same asker.
        Session* s = m_ctx.session(job.sessionId);
        if (!s || !s->joined || s->exhibitorId != job.exhibitorId) continue;
        if (!done.error.empty()) {
            m_ctx.send(*s,
                       BoothFetchReply{
                           job.requestId, false, bounded(done.error, kMaxReasonLength), {}, {}});
            continue;
        }
        // The exhibition may have changed meanwhile: whatever is still missing is built now.
        fetch(*s, BoothFetchRequest{job.requestId, job.requestedBoothId}, true);
    }
}

// The latest approved upload, else the exhibition's booth made into a bundle; and a newer
// pending upload too, since an exhibitor who just sent one expects to continue from it.
Status BoothFetchModule::addEntries(const expo::Booth& booth, BoothFetchReply& reply) {
    const expo::Exhibition& ex = m_ctx.exhibition();
    publish::PublishService& publisher = m_ctx.publisher();
    const expo::Exhibitor* owner = expo::findExhibitor(ex, booth.exhibitor);
    const std::string name =
        bounded(owner ? owner->name : booth.exhibitor, kMaxBoothFetchNameLength);
    const publish::ContentStore& store = publisher.store();
    auto entry = [&](std::uint64_t revision, BoothSource source, const Hash128& hash) {
        if (auto size = store.size(hash))
            reply.entries.push_back(BoothFetchEntry{booth.id, name, revision, source, hash, *size});
        else
            log::error("server: booth {}: bundle {} is missing from the store", booth.id,
                       toHex(hash));
    };
    if (auto approved = publisher.approvedSubmission(booth.id)) {
        entry(std::uint64_t(approved->revision), BoothSource::Published, approved->bundle);
    } else {
        auto built =
            publisher.built().get(ex, booth.id, m_ctx.config().exhibitionPath.parent_path());
        if (!built) return built.error();
        entry(0, BoothSource::Exhibition, built->bundle);
        if (!built->missing.empty())
            addNote(reply, fmt::format("booth {}: {} file(s) it uses are not on the server "
                                       "(first: {})",
                                       booth.id, built->missing.size(), built->missing.front()));
    }
    auto latest = publisher.latest(booth.id);
    if (latest && latest->state == publish::SubmissionState::Pending) {
        entry(0, BoothSource::Pending, latest->bundle);
        addNote(reply, fmt::format("booth {}: a newer version sent {} is waiting for the "
                                   "organiser's approval",
                                   booth.id, isoDate(latest->submittedAt)));
    } else if (latest && latest->state == publish::SubmissionState::Rejected) {
        addNote(reply, fmt::format("booth {}: the version sent {} was rejected: {}", booth.id,
                                   isoDate(latest->submittedAt), latest->reason));
    }
    return {};
}

} // namespace fg::server
