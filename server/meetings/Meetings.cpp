// Meeting rules: hours, slots, requests and answers, each refusal a sentence that names what and
// why. Identities come from the Actor (the server's session), never from the message.
#include "server/meetings/Meetings.h"

#include "game/expo/MeetingHours.h"
#include "server/interactions/Interactions.h"

#include <algorithm>
#include <fmt/format.h>

namespace fg::meetings {

namespace proto = expo::proto;
using proto::MeetingAction;
using store::MeetingStatus;

namespace {

std::string dayAndClock(UnixSeconds t) {
    return fmt::format("{} {}", formatDate(t), expo::clockText(int((t % 86400) / 60)));
}

// Note and reason text: the chat rules (UTF-8, no control characters), but empty is fine.
Result<std::string> cleanText(std::string_view text, std::size_t max, const char* what) {
    if (text.find_first_not_of(" \t") == std::string_view::npos) return std::string();
    auto clean = interact::cleanChatText(text, max);
    if (!clean) {
        const std::string& m = clean.error().message;
        const auto colon = m.find(": ");
        return makeError(
            fmt::format("{}: {}", what, colon == std::string::npos ? m : m.substr(colon + 2)));
    }
    return clean;
}

expo::MeetingHours fromStored(const store::StoredMeetingHours& s) {
    return expo::MeetingHours{s.days, s.fromMinute, s.toMinute, s.slotMinutes, s.tables};
}

} // namespace

std::string slotText(UnixSeconds start, int minutes) {
    const UnixSeconds end = start + UnixSeconds(minutes) * 60;
    return fmt::format("{}-{} UTC", dayAndClock(start), expo::clockText(int((end % 86400) / 60)));
}

Result<std::optional<expo::MeetingHours>> Meetings::hours(std::string_view boothId) {
    const expo::Booth* b = expo::findBooth(m_exhibition(), std::string(boothId));
    if (!b) return makeError(fmt::format("meetings: booth '{}' does not exist", boothId));
    auto stored = m_book.hours(boothId);
    if (!stored) return stored.error();
    if (!*stored) return b->meetings;
    if (!(*stored)->open) return std::optional<expo::MeetingHours>();
    return std::optional<expo::MeetingHours>(fromStored(**stored));
}

Status Meetings::setHours(const interact::Actor& actor, std::string_view boothId,
                          const std::optional<expo::MeetingHours>& h) {
    const expo::Booth* b = expo::findBooth(m_exhibition(), std::string(boothId));
    if (!b) return makeError(fmt::format("meeting hours: booth '{}' does not exist", boothId));
    const bool staff = actor.role == store::Role::Organiser ||
                       (actor.role == store::Role::Exhibitor && actor.exhibitorId == b->exhibitor);
    if (!staff)
        return makeError(
            fmt::format("meeting hours: only the staff of booth {} can set its hours", boothId));
    store::StoredMeetingHours s;
    if (h) {
        auto problems = expo::checkMeetingHours(*h, m_exhibition().event);
        if (!problems.empty()) return makeError("meeting hours: " + problems.front().toString());
        s = {true, h->days, h->fromMinute, h->toMinute, h->slotMinutes, h->tables};
    }
    return m_book.setHours(boothId, s);
}

Result<proto::MeetingSlots> Meetings::slots(std::string_view boothId) {
    auto h = hours(boothId);
    if (!h) return h.error();
    proto::MeetingSlots out;
    out.boothId = std::string(boothId);
    out.hours = expo::meetingHoursInfo(*h);
    if (!*h) return out;
    const UnixSeconds now = m_clock();
    std::vector<UnixSeconds> starts = expo::meetingSlotStarts(**h, m_exhibition().event);
    std::erase_if(starts, [&](UnixSeconds s) { return s <= now; });
    if (starts.size() > proto::kMaxMeetingSlots) starts.resize(proto::kMaxMeetingSlots);
    if (starts.empty()) return out;
    const UnixSeconds len = UnixSeconds((*h)->slotMinutes) * 60;
    auto held = m_book.holding(boothId, "", starts.front(), starts.back() + len);
    if (!held) return held.error();
    for (UnixSeconds s : starts) {
        const auto taken = std::count_if(held->begin(), held->end(), [&](const MeetingRecord& r) {
            return r.start < s + len && r.end() > s;
        });
        out.slots.push_back({s, std::uint32_t(std::min<long>(taken, proto::kMaxMeetingTables))});
    }
    return out;
}

Status Meetings::checkFree(const char* what, const expo::Booth& booth, const expo::MeetingHours& h,
                           const std::string& visitorKey, UnixSeconds start, std::int64_t self) {
    const UnixSeconds end = start + UnixSeconds(h.slotMinutes) * 60;
    auto atBooth = m_book.holding(booth.id, "", start, end);
    if (!atBooth) return atBooth.error();
    std::erase_if(*atBooth, [&](const MeetingRecord& r) { return r.id == self; });
    if (int(atBooth->size()) >= h.tables)
        return makeError(fmt::format("{}: the slot {} at booth {} is full ({} of {} {} taken)",
                                     what, slotText(start, h.slotMinutes), booth.id,
                                     atBooth->size(), h.tables,
                                     h.tables == 1 ? "table" : "tables"));
    auto mine = m_book.holding("", visitorKey, start, end);
    if (!mine) return mine.error();
    std::erase_if(*mine, [&](const MeetingRecord& r) { return r.id == self; });
    if (!mine->empty())
        return makeError(fmt::format("{}: the visitor already has a meeting then (#{} at booth {}, "
                                     "{})",
                                     what, mine->front().id, mine->front().boothId,
                                     slotText(mine->front().start, mine->front().minutes)));
    return {};
}

Status Meetings::checkSlot(const char* what, const expo::Booth& booth,
                           const std::string& visitorKey, UnixSeconds start, std::int64_t self) {
    auto h = hours(booth.id);
    if (!h) return h.error();
    if (!*h) return makeError(fmt::format("{}: booth {} takes no meetings", what, booth.id));
    if (!expo::isMeetingSlot(**h, m_exhibition().event, start))
        return makeError(fmt::format("{}: {} UTC is not one of booth {}'s slots", what,
                                     dayAndClock(start), booth.id));
    if (start <= m_clock())
        return makeError(fmt::format("{}: the slot {} has begun or passed", what,
                                     slotText(start, (*h)->slotMinutes)));
    return checkFree(what, booth, **h, visitorKey, start, self);
}

int Meetings::slotMinutes(std::string_view boothId) {
    auto h = hours(boothId);
    return h && *h ? (*h)->slotMinutes : 30; // checkSlot has just read them: they exist
}

Result<MeetingRecord> Meetings::request(const interact::Actor& actor, std::string_view boothId,
                                        UnixSeconds start, std::string_view note) {
    const expo::Booth* b = expo::findBooth(m_exhibition(), std::string(boothId));
    if (!b) return makeError(fmt::format("meeting request: booth '{}' does not exist", boothId));
    if (actor.role == store::Role::Exhibitor && actor.exhibitorId == b->exhibitor)
        return makeError("meeting request: you cannot request a meeting at your own booth");
    auto text = cleanText(note, proto::kMaxMeetingNote, "meeting request: note");
    if (!text) return text.error();
    MeetingRecord r;
    r.boothId = b->id;
    r.exhibitorId = b->exhibitor;
    r.visitorKey = interact::visitorKey(actor);
    r.visitorName = actor.name;
    r.start = start;
    r.note = std::move(*text);
    if (auto s = checkSlot("meeting request", *b, r.visitorKey, start, 0); !s) return s.error();
    r.minutes = slotMinutes(b->id);
    auto id = m_book.add(r);
    if (!id) return id.error();
    r.id = *id;
    return r;
}

bool Meetings::isHost(const interact::Actor& actor, const MeetingRecord& r) const {
    return actor.role == store::Role::Organiser ||
           (actor.role == store::Role::Exhibitor && actor.exhibitorId == r.exhibitorId);
}

bool Meetings::isVisitor(const interact::Actor& actor, const MeetingRecord& r) const {
    return interact::visitorKey(actor) == r.visitorKey;
}

Result<MeetingRecord> Meetings::answer(const interact::Actor& actor, std::int64_t id,
                                       MeetingAction action, UnixSeconds start,
                                       std::string_view reason) {
    auto found = m_book.find(id);
    if (!found) return found.error();
    if (!*found) return makeError(fmt::format("meeting #{}: no such meeting", id));
    auto why = cleanText(reason, proto::kMaxReasonLength - 40, "meeting answer: reason");
    if (!why) return why.error();
    switch (action) {
    case MeetingAction::Accept:
    case MeetingAction::Decline:
    case MeetingAction::Propose:
        return hostAnswer(actor, **found, action, start, *why);
    case MeetingAction::AcceptProposal:
    case MeetingAction::DeclineProposal:
        return visitorAnswer(actor, **found, action, *why);
    case MeetingAction::Cancel:
        return cancel(actor, **found, *why);
    }
    return makeError("meeting answer: unknown action");
}

Result<MeetingRecord> Meetings::hostAnswer(const interact::Actor& actor, MeetingRecord r,
                                           MeetingAction action, UnixSeconds start,
                                           const std::string& reason) {
    if (!isHost(actor, r))
        return makeError(
            fmt::format("meeting #{}: only the staff of booth {} can answer it", r.id, r.boothId));
    if (r.status != MeetingStatus::Requested)
        return makeError(fmt::format("meeting #{}: it is {}, not waiting for the booth's answer",
                                     r.id, store::meetingStatusName(r.status)));
    if (action == MeetingAction::Accept) {
        r.status = MeetingStatus::Accepted;
    } else if (action == MeetingAction::Decline) {
        r.status = MeetingStatus::Declined;
        r.reason = "declined by the booth" + (reason.empty() ? "" : ": " + reason);
    } else {
        const expo::Booth* b = expo::findBooth(m_exhibition(), r.boothId);
        if (!b) return makeError(fmt::format("meeting #{}: booth {} is gone", r.id, r.boothId));
        if (auto s = checkSlot("meeting proposal", *b, r.visitorKey, start, r.id); !s)
            return s.error();
        r.start = start;
        r.minutes = slotMinutes(r.boothId);
        r.status = MeetingStatus::Proposed;
        r.reason = reason;
    }
    return save(std::move(r));
}

Result<MeetingRecord> Meetings::visitorAnswer(const interact::Actor& actor, MeetingRecord r,
                                              MeetingAction action, const std::string& reason) {
    if (!isVisitor(actor, r))
        return makeError(fmt::format(
            "meeting #{}: only the visitor who asked for it can answer the proposal", r.id));
    if (r.status != MeetingStatus::Proposed)
        return makeError(fmt::format("meeting #{}: it is {}, no proposal to answer", r.id,
                                     store::meetingStatusName(r.status)));
    if (action == MeetingAction::AcceptProposal) {
        if (r.start <= m_clock())
            return makeError(fmt::format("meeting #{}: the proposed slot has begun", r.id));
        r.status = MeetingStatus::Accepted;
        r.reason.clear();
    } else {
        r.status = MeetingStatus::Declined;
        r.reason = "the visitor declined the proposed time" + (reason.empty() ? "" : ": " + reason);
    }
    return save(std::move(r));
}

Result<MeetingRecord> Meetings::cancel(const interact::Actor& actor, MeetingRecord r,
                                       const std::string& reason) {
    const bool visitor = isVisitor(actor, r);
    if (!visitor && !isHost(actor, r))
        return makeError(fmt::format("meeting #{}: not one of your meetings", r.id));
    if (!store::holdsSlot(r.status))
        return makeError(
            fmt::format("meeting #{}: it is already {}", r.id, store::meetingStatusName(r.status)));
    if (r.end() <= m_clock()) return makeError(fmt::format("meeting #{}: it has ended", r.id));
    r.status = MeetingStatus::Cancelled;
    r.reason = std::string(visitor ? "cancelled by the visitor" : "cancelled by the booth") +
               (reason.empty() ? "" : ": " + reason);
    return save(std::move(r));
}

Result<MeetingRecord> Meetings::save(MeetingRecord r) {
    if (auto s = m_book.update(r); !s) return s.error();
    return r;
}

proto::MeetingInfo Meetings::info(const MeetingRecord& r, bool asHost) const {
    proto::MeetingInfo m;
    m.id = std::uint64_t(r.id);
    m.boothId = r.boothId;
    m.visitorName = r.visitorName.substr(0, proto::kMaxNameLength);
    m.startUnix = r.start;
    m.minutes = std::uint32_t(std::clamp(r.minutes, 15, 60));
    m.state = proto::MeetingState(std::uint8_t(r.status));
    m.asHost = asHost;
    m.note = r.note.substr(0, proto::kMaxMeetingNote);
    m.reason = r.reason.substr(0, proto::kMaxReasonLength);
    return m;
}

Result<std::vector<proto::MeetingInfo>> Meetings::meetingsOf(const interact::Actor& actor) {
    std::vector<proto::MeetingInfo> out;
    auto mine = m_book.forVisitor(interact::visitorKey(actor));
    if (!mine) return mine.error();
    for (const MeetingRecord& r : *mine)
        out.push_back(info(r, false));
    if (actor.role == store::Role::Exhibitor && !actor.exhibitorId.empty()) {
        auto hosted = m_book.forExhibitor(actor.exhibitorId);
        if (!hosted) return hosted.error();
        for (const MeetingRecord& r : *hosted)
            out.push_back(info(r, true));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.startUnix < b.startUnix; });
    if (out.size() > proto::kMaxMeetingList)
        out.erase(out.begin(), out.end() - proto::kMaxMeetingList);
    return out;
}

} // namespace fg::meetings
