// MeetingsModule: the meetings messages through meetings::Meetings, updates to both sides,
// the list on join, console `meetings [BOOTH] [--csv FILE]` and `booth stats` figures.
// Must not decide rules (Meetings does) nor send outside ServerContext.
#include "server/meetings/MeetingsModule.h"

#include "engine/core/File.h"
#include "engine/core/Log.h"
#include "game/expo/MeetingHours.h"
#include "server/console/ConsoleCommands.h"
#include "server/console/ConsoleText.h"
#include "server/store/Store.h"

#include <fmt/format.h>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

namespace {

// Visitor-typed cells a spreadsheet would run as formulas get a leading apostrophe (as in the
// leads CSV: the OWASP advice against CSV injection).
std::string safeCell(std::string_view text) {
    if (text.empty() || std::string_view("=+-@\t\r").find(text.front()) == std::string_view::npos)
        return store::csvField(text);
    std::string guarded(1, '\'');
    guarded.append(text);
    return store::csvField(guarded);
}

// RFC 4180: a header row, CRLF line ends.
std::string meetingsCsv(const std::vector<store::MeetingRecord>& list) {
    std::string out = "id,booth,visitor,start_utc,end_utc,minutes,status,note,reason\r\n";
    for (const store::MeetingRecord& r : list)
        out += fmt::format(
            "{},{},{},{},{},{},{},{},{}\r\n", r.id, store::csvField(r.boothId),
            safeCell(r.visitorName), formatUtcTimestamp(r.start), formatUtcTimestamp(r.end()),
            r.minutes, store::meetingStatusName(r.status), safeCell(r.note), safeCell(r.reason));
    return out;
}

std::string meetingsTable(const std::vector<store::MeetingRecord>& list) {
    console::Table t({"id", "booth", "visitor", "when", "status", "note", "reason"});
    for (const store::MeetingRecord& r : list)
        t.addRow({"#" + std::to_string(r.id), r.boothId, r.visitorName,
                  meetings::slotText(r.start, r.minutes), store::meetingStatusName(r.status),
                  r.note, r.reason});
    return t.render();
}

} // namespace

Status MeetingsModule::start() {
    auto book = store::MeetingBook::open(m_ctx.store());
    if (!book) return book.error();
    m_book = std::move(*book);
    m_meetings = std::make_unique<meetings::Meetings>(
        *m_book, [this]() -> const expo::Exhibition& { return m_ctx.exhibition(); },
        [] { return unixNow(); });
    return {};
}

void MeetingsModule::registerHandlers(ServerRouter& router) {
    router.on<MeetingSlotsRequest>(
        Permit::joined(), [this](Session& s, const MeetingSlotsRequest& m) { slots(s, m); });
    router.on<MeetingRequest>(Permit::joined(),
                              [this](Session& s, const MeetingRequest& m) { request(s, m); });
    // Who may give which answer depends on the stored meeting: Meetings::answer decides.
    router.on<MeetingAnswer>(Permit::joined(),
                             [this](Session& s, const MeetingAnswer& m) { answer(s, m); });
    router.on<MeetingHoursSet>(
        Permit::roles({Role::Exhibitor, Role::Organiser})
            .because("only a booth's exhibitor sets its hours")
            .ownBooth(&MeetingHoursSet::boothId),
        [this](Session& s, const MeetingHoursSet& m) { setHours(s, m); },
        [this](Session& s, const MeetingHoursSet& m, std::string_view why) {
            m_ctx.reply(s, m.requestId, makeError("meeting hours: " + std::string(why)));
        });
}

void MeetingsModule::slots(Session& s, const MeetingSlotsRequest& m) {
    auto out = m_meetings->slots(m.boothId);
    if (!out) return m_ctx.reply(s, m.requestId, out.error());
    out->requestId = m.requestId;
    m_ctx.send(s, std::move(*out));
}

void MeetingsModule::request(Session& s, const MeetingRequest& m) {
    auto r = m_meetings->request(m_ctx.actor(s), m.boothId, m.startUnix, m.note);
    if (!r) {
        ++m_refused;
        return m_ctx.reply(s, m.requestId, r.error());
    }
    ++m_requests;
    log::info("server: meeting #{} requested by '{}' at booth '{}' for {}", r->id, s.name,
              r->boothId, meetings::slotText(r->start, r->minutes));
    m_ctx.reply(s, m.requestId, {}, std::uint32_t(r->id), "meeting requested");
    notify(*r);
}

void MeetingsModule::answer(Session& s, const MeetingAnswer& m) {
    auto r = m_meetings->answer(m_ctx.actor(s), std::int64_t(m.meetingId), m.action, m.startUnix,
                                m.reason);
    if (!r) {
        ++m_refused;
        return m_ctx.reply(s, m.requestId, r.error());
    }
    ++m_answers;
    m_ctx.reply(s, m.requestId, {}, std::uint32_t(r->id), store::meetingStatusName(r->status));
    notify(*r);
}

void MeetingsModule::setHours(Session& s, const MeetingHoursSet& m) {
    Status st = m_meetings->setHours(m_ctx.actor(s), m.boothId, expo::meetingHoursFrom(m.hours));
    m_ctx.reply(s, m.requestId, st, 0, "meeting hours saved");
    if (!st) return;
    auto out = m_meetings->slots(m.boothId); // the new slots, so the form shows what was saved
    if (out) m_ctx.send(s, std::move(*out));
}

void MeetingsModule::notify(const store::MeetingRecord& r) {
    for (const Session& other : m_ctx.sessions()) {
        if (!other.joined) continue;
        const interact::Actor a = m_ctx.actor(other);
        if (m_meetings->isVisitor(a, r))
            m_ctx.send(other, MeetingUpdate{m_meetings->info(r, false)});
        else if (a.role == Role::Exhibitor && a.exhibitorId == r.exhibitorId)
            m_ctx.send(other, MeetingUpdate{m_meetings->info(r, true)});
    }
}

void MeetingsModule::onJoin(Session& s) {
    auto list = m_meetings->meetingsOf(m_ctx.actor(s));
    if (!list) return log::error("server: meetings: {}", list.error().message);
    m_ctx.send(s, MeetingList{std::move(*list)}); // sent even when empty: the list is loaded
}

void MeetingsModule::addStatus(std::vector<console::StatusFigure>& figures) const {
    figures.push_back({"meeting_requests", "meeting requests", double(m_requests)});
    figures.push_back({"meeting_answers", "meeting answers", double(m_answers)});
    figures.push_back({"meeting_refusals", "meeting requests/answers refused", double(m_refused)});
}

void MeetingsModule::registerCommands(console::ConsoleCommands& commands) {
    commands.add({"meetings",
                  "meetings [BOOTH] [--csv FILE]",
                  "every meeting (of one booth), or write them as CSV",
                  "Shows #id, booth, visitor, slot (UTC), status (requested, proposed, accepted, "
                  "declined, cancelled), the visitor's note and the reason of a decline or "
                  "cancel. --csv FILE writes the same as RFC 4180 CSV.",
                  0,
                  1,
                  {"csv"},
                  {},
                  [this](const console::CommandArgs& a) { return command(a); }});
    commands.addBoothFigures(
        {{"meetings_requested", "meetings_confirmed", "meetings_declined"},
         [this](std::string_view booth) -> Result<std::vector<std::int64_t>> {
             auto c = m_book->counts(booth);
             if (!c) return c.error();
             return std::vector<std::int64_t>{c->requested, c->confirmed, c->declined};
         }});
}

console::ConsoleResult MeetingsModule::command(const console::CommandArgs& a) {
    const std::string booth = a.words.empty() ? "" : a.words[0];
    if (!booth.empty() && !expo::findBooth(m_ctx.exhibition(), booth))
        return {fmt::format("meetings: unknown booth \"{}\"\n", booth), false};
    auto list = m_book->forBooth(booth);
    if (!list) return {"meetings: " + list.error().message + "\n", false};
    if (a.csv) {
        if (Status st = writeFileAtomic(*a.csv, meetingsCsv(*list)); !st)
            return {"meetings: " + st.error().message + "\n", false};
        return {fmt::format("wrote {} meetings{} to {}\n", list->size(),
                            booth.empty() ? "" : " of booth " + booth, *a.csv)};
    }
    if (list->empty()) return {"no meetings\n"};
    return {meetingsTable(*list)};
}

} // namespace fg::server
