// ServerApp's "open my booth from the server" for the editor: which bundles an exhibitor or
// organiser may open (approved, pending, or the exhibition's booth made into a bundle), and the
// guard that serves a stored .booth by hash only to the booth's exhibitor or an organiser.
// Must not change the exhibition or the moderation queue; bytes travel by the content path.
#include "engine/core/Log.h"
#include "server/ServerApp.h"
#include "server/publish/PublishService.h"

#include <ctime>
#include <fmt/format.h>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

namespace {

std::string bounded(std::string text, std::size_t max) {
    if (text.size() > max) text.resize(max);
    return text;
}

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

bool ServerApp::handleBoothFetchMessage(Session& s, Message& m) {
    if (auto* request = std::get_if<BoothFetchRequest>(&m)) {
        handleBoothFetch(s, *request);
        return true;
    }
    if (auto* content = std::get_if<ContentRequest>(&m)) return refuseBundleContent(s, *content);
    return false;
}

// Empty when S may open BOOTHID; otherwise the reason, for a person.
std::string ServerApp::boothAccessRefusal(const Session& s, const std::string& boothId) const {
    if (s.role == Role::Visitor)
        return "only the booth's exhibitor or an organiser can open a booth for editing; sign in "
               "with an exhibitor token";
    const expo::Booth* booth = expo::findBooth(*m_exhibition, boothId);
    if (!booth) return fmt::format("booth '{}' does not exist in this event", boothId);
    if (s.role == Role::Exhibitor && (s.exhibitorId.empty() || booth->exhibitor != s.exhibitorId))
        return fmt::format("booth '{}' belongs to another exhibitor (your token is for '{}')",
                           boothId, s.exhibitorId);
    return {};
}

// The booths S asked for and may open (BOOTHID empty: every booth of S's exhibitor); else why not.
std::string ServerApp::boothsToOffer(const Session& s, const std::string& boothId,
                                     std::vector<const expo::Booth*>& out) const {
    if (!boothId.empty()) {
        if (std::string why = boothAccessRefusal(s, boothId); !why.empty()) return why;
        out.push_back(expo::findBooth(*m_exhibition, boothId));
        return {};
    }
    if (s.role != Role::Exhibitor || s.exhibitorId.empty())
        return s.role == Role::Organiser ? "organisers open a booth by its id"
                                         : boothAccessRefusal(s, boothId);
    for (const expo::Booth& b : m_exhibition->booths)
        if (b.exhibitor == s.exhibitorId) out.push_back(&b);
    if (out.empty()) return fmt::format("exhibitor '{}' has no booth in this event", s.exhibitorId);
    return {};
}

void ServerApp::handleBoothFetch(Session& s, const BoothFetchRequest& m, bool buildNow) {
    BoothFetchReply reply{m.requestId, false, {}, {}, {}};
    auto refuse = [&](std::string why) {
        log::info("server: {} ('{}') may not open '{}': {}", s.id, s.name, m.boothId, why);
        reply.reason = bounded(std::move(why), kMaxReasonLength);
        send(s, reply);
    };
    std::vector<const expo::Booth*> booths;
    if (std::string why = boothsToOffer(s, m.boothId, booths); !why.empty()) return refuse(why);
    const std::size_t owned = booths.size();
    if (owned * 2 > kMaxBoothFetchEntries) booths.resize(kMaxBoothFetchEntries / 2);
    // Booths never published are built from the exhibition off the tick, then asked again.
    const auto baseDir = m_config.exhibitionPath.parent_path();
    std::vector<std::string> toBuild;
    for (const expo::Booth* b : booths)
        if (!m_publish->approvedSubmission(b->id) &&
            !m_publish->built().cached(*m_exhibition, b->id, baseDir))
            toBuild.push_back(b->id);
    if (!toBuild.empty() && !buildNow) {
        if (!m_buildWorker)
            m_buildWorker = std::make_unique<publish::BundleBuildWorker>(m_publish->built());
        if (m_buildWorker->queued(s.id) >= kMaxBuildsPerSession)
            return refuse("your booths are still being prepared; ask again in a moment");
        m_buildWorker->push(
            publish::BuildJob{s.id, s.exhibitorId, m.requestId, m.boothId, std::move(toBuild),
                              std::make_shared<expo::Exhibition>(*m_exhibition), baseDir});
        return;
    }
    std::string firstError;
    for (const expo::Booth* b : booths)
        if (Status st = addBoothFetchEntries(*b, reply); !st && firstError.empty())
            firstError = st.error().message;
    if (owned > booths.size())
        addNote(reply,
                fmt::format("{} more booth(s) not listed: open them by id", owned - booths.size()));
    if (reply.entries.empty()) return refuse(firstError.empty() ? "nothing to open" : firstError);
    reply.ok = true;
    log::info("server: {} ('{}') offered {} bundle(s) for '{}'", s.id, s.name, reply.entries.size(),
              m.boothId.empty() ? "their booths" : m.boothId);
    send(s, std::move(reply));
}

void ServerApp::pumpBoothFetch() {
    if (!m_buildWorker) return;
    for (publish::BuildDone& done : m_buildWorker->takeDone()) {
        const publish::BuildJob& job = done.job;
        // The connection may be gone (or its slot reused): answer only the same asker.
        Session* s = session(job.sessionId);
        if (!s || !s->joined || s->exhibitorId != job.exhibitorId) continue;
        if (!done.error.empty()) {
            send(*s, BoothFetchReply{
                         job.requestId, false, bounded(done.error, kMaxReasonLength), {}, {}});
            continue;
        }
        // The exhibition may have changed meanwhile: whatever is still missing is built now.
        handleBoothFetch(*s, BoothFetchRequest{job.requestId, job.requestedBoothId}, true);
    }
}

// The latest approved upload, else the exhibition's booth made into a bundle; and a newer
// pending upload too, since an exhibitor who just sent one expects to continue from it.
Status ServerApp::addBoothFetchEntries(const expo::Booth& booth, BoothFetchReply& reply) {
    const expo::Exhibitor* owner = expo::findExhibitor(*m_exhibition, booth.exhibitor);
    const std::string name =
        bounded(owner ? owner->name : booth.exhibitor, kMaxBoothFetchNameLength);
    const publish::ContentStore& store = m_publish->store();
    auto entry = [&](std::uint64_t revision, BoothSource source, const Hash128& hash) {
        if (auto size = store.size(hash))
            reply.entries.push_back(BoothFetchEntry{booth.id, name, revision, source, hash, *size});
        else
            log::error("server: booth {}: bundle {} is missing from the store", booth.id,
                       toHex(hash));
    };
    if (auto approved = m_publish->approvedSubmission(booth.id)) {
        entry(std::uint64_t(approved->revision), BoothSource::Published, approved->bundle);
    } else {
        auto built =
            m_publish->built().get(*m_exhibition, booth.id, m_config.exhibitionPath.parent_path());
        if (!built) return built.error();
        entry(0, BoothSource::Exhibition, built->bundle);
        if (!built->missing.empty())
            addNote(reply, fmt::format("booth {}: {} file(s) it uses are not on the server "
                                       "(first: {})",
                                       booth.id, built->missing.size(), built->missing.front()));
    }
    auto latest = m_publish->latest(booth.id);
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

// A stored .booth holds the exhibitor's own files (and, when pending, unapproved content): it
// goes only to whoever may open that booth. Other hashes take the normal content path.
bool ServerApp::refuseBundleContent(Session& s, const ContentRequest& m) {
    if (m.kind != ContentKind::Asset) return false;
    auto boothId = m_publish->bundleBooth(m.hash);
    if (!boothId) return false;
    std::string why = boothAccessRefusal(s, *boothId);
    if (why.empty()) return false;
    log::info("server: {} ('{}') refused bundle {}: {}", s.id, s.name, toHex(m.hash), why);
    send(s, ContentError{m.requestId, m.hash,
                         bounded("this booth bundle is not yours: " + why, kMaxReasonLength)});
    return true;
}

} // namespace fg::server
