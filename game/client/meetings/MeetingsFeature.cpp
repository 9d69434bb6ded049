// MeetingsFeature's state: the server's meeting messages, the requests it sends with their
// typed pending records, slots asked for the open booth, reminders and the .ics export.
// Panels are in MeetingsPanel.cpp, script actions in MeetingsActions.cpp.
#include "game/client/meetings/MeetingsFeature.h"

#include "engine/core/File.h"
#include "engine/core/TimeZone.h"
#include "engine/core/Translate.h"
#include "game/client/ClientFeatures.h"
#include "game/client/booth/BoothFeature.h"
#include "game/expo/MeetingHours.h"

#include <cstdlib>
#include <fmt/format.h>

namespace fg::client {

std::filesystem::path downloadsPath(const std::string& name) {
    const char* home = std::getenv("HOME");
    if (!home || !*home) return name;
    return std::filesystem::path(home) / "Downloads" / name;
}

MeetingsFeature::MeetingsFeature(Session& s, ClientFeatures& host)
    : m_s(s), m_viewerZone(tz::localZoneName()) {
    if (auto* booth = host.find<BoothFeature>())
        booth->addSection([this](const expo::Booth& b) { boothSection(b); });
    m_exportPath = downloadsPath("fairground-meetings.ics").string();
}

std::string MeetingsFeature::when(UnixSeconds start, std::uint32_t minutes) const {
    return m_s.ex ? meetingWhen(start, minutes, m_s.ex->event.timeZone, m_viewerZone)
                  : meetingWhen(start, minutes);
}

void MeetingsFeature::registerHandlers(netclient::ClientRouter& router, PendingRequests& pending) {
    router.on<proto::MeetingList>([this](proto::MeetingList& m) {
        m_meetings.clear();
        for (proto::MeetingInfo& info : m.meetings)
            m_meetings[info.id] = std::move(info);
        m_listLoaded = true;
    });
    router.on<proto::MeetingUpdate>([this](proto::MeetingUpdate& u) {
        const proto::MeetingInfo& m = u.meeting;
        const bool isNew = !m_meetings.contains(m.id);
        if (m.asHost && isNew)
            toast(m_s, trf("{} asks for a meeting at booth {}, {}", m.visitorName, m.boothId,
                           when(m.startUnix, m.minutes)));
        else if (!isNew && m_meetings[m.id].state != m.state)
            toast(
                m_s,
                trf("meeting #{} at booth {}: {}", m.id, m.boothId, tr(meetingStateText(m.state))),
                m.state == proto::MeetingState::Declined ||
                    m.state == proto::MeetingState::Cancelled);
        m_meetings[m.id] = m;
        if (m_slots.contains(m.boothId)) askSlots(m.boothId); // its slots changed
    });
    router.on<proto::MeetingSlots>([this](proto::MeetingSlots& m) {
        (void)m_s.pending.take(m.requestId); // answered by the slots, not an ActionResult
        // The own booth's form follows the server when first shown and after a save (the
        // pushed slots have no requestId), not while someone edits it.
        const expo::Booth* b = expo::findBooth(*m_s.ex, m.boothId);
        if (b && ownsBooth(*b) && (m.boothId != m_formBooth || m.requestId == 0)) formFrom(m);
        m_slots[m.boothId] = std::move(m);
    });
    pending.on<MeetingPending>([this](const MeetingPending& p, const proto::ActionResult& r) {
        if (!r.ok) return; // the core's toast names the refusal
        m_note.clear();
        m_pickedSlot = 0;
        toast(m_s, trf("meeting requested at booth {} (#{})", p.boothId, r.value));
    });
    pending.on<AnswerPending>([](const AnswerPending&, const proto::ActionResult&) {
        // The MeetingUpdate that follows carries the new state; a refusal is the core's toast.
    });
    pending.on<SlotsPending>([this](const SlotsPending& p, const proto::ActionResult& r) {
        if (!r.ok) m_slots.erase(p.boothId);
    });
    pending.on<HoursPending>([this](const HoursPending& p, const proto::ActionResult& r) {
        if (r.ok) toast(m_s, trf("meeting hours of booth {} saved", p.boothId));
    });
}

void MeetingsFeature::onJoined() {
    m_listLoaded = false; // the server sends the list after each Welcome
    m_slots.clear();
    m_askedFor = -1;
}

const proto::MeetingSlots* MeetingsFeature::slots(const std::string& boothId) const {
    auto it = m_slots.find(boothId);
    return it == m_slots.end() ? nullptr : &it->second;
}

bool MeetingsFeature::askSlots(const std::string& boothId) {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c) return false;
    m_s.pending.add(c->request(proto::MeetingSlotsRequest{0, boothId}), SlotsPending{boothId});
    return true;
}

bool MeetingsFeature::request(const std::string& boothId, UnixSeconds start,
                              const std::string& note) {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c) return false;
    m_s.pending.add(c->request(proto::MeetingRequest{0, boothId, start, note}),
                    MeetingPending{boothId});
    return true;
}

bool MeetingsFeature::answer(std::uint64_t id, proto::MeetingAction action, UnixSeconds start,
                             const std::string& reason) {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c) return false;
    m_s.pending.add(c->request(proto::MeetingAnswer{0, id, action, start, reason}),
                    AnswerPending{id, action});
    return true;
}

bool MeetingsFeature::setHours(const std::string& boothId,
                               const std::optional<expo::MeetingHours>& hours) {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c) return false;
    m_formBooth = boothId;
    m_s.pending.add(c->request(proto::MeetingHoursSet{0, boothId, expo::meetingHoursInfo(hours)}),
                    HoursPending{boothId});
    return true;
}

void MeetingsFeature::formFrom(const proto::MeetingSlots& slots) {
    m_formBooth = slots.boothId;
    const auto h = expo::meetingHoursFrom(slots.hours);
    m_form = HoursForm{};
    m_form.open = h.has_value();
    if (!h) return;
    m_form.days = std::set<UnixSeconds>(h->days.begin(), h->days.end());
    m_form.from = h->fromMinute;
    m_form.to = h->toMinute;
    m_form.slot = h->slotMinutes;
    m_form.tables = h->tables;
}

Result<std::filesystem::path> MeetingsFeature::exportIcs(std::filesystem::path file) {
    if (file.empty()) file = downloadsPath("fairground-meetings.ics");
    auto text =
        calendar::toICalendar(meetingCalendar(m_meetings, *m_s.ex), "-//Fairground//Meetings//EN");
    if (!text) return text.error();
    std::error_code ec; // a missing ~/Downloads is made; a failure shows in the write's error
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    if (Status st = writeFileAtomic(file, *text); !st) return st.error();
    return file;
}

void MeetingsFeature::checkReminders(UnixSeconds now) {
    for (const auto& [id, m] : m_meetings)
        if (reminderDue(m, now) && m_reminded.insert(id).second) {
            m_reminder = id;
            toast(m_s,
                  trf("meeting at booth {} in {} min", m.boothId, (m.startUnix - now + 59) / 60));
            return;
        }
}

void MeetingsFeature::update() {
    checkReminders(unixNow());
    const expo::Booth* b = selectedBooth(m_s);
    if (m_s.selection.booth == m_askedFor || !b) {
        if (!b) m_askedFor = -1;
        return;
    }
    if (askSlots(b->id)) m_askedFor = m_s.selection.booth;
}

} // namespace fg::client
