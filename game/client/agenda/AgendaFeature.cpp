// AgendaFeature's state: stars in the profile, my registrations from the server, the
// doors-open reminder, the .ics export and the agenda's script actions. Panels are in
// AgendaPanel.cpp; rules in AgendaBook.cpp.
#include "game/client/agenda/AgendaFeature.h"

#include "engine/core/File.h"
#include "engine/core/Log.h"
#include "engine/core/TimeZone.h"
#include "engine/core/Translate.h"
#include "game/client/ClientTry.h"
#include "game/client/LocalText.h"
#include "game/client/meetings/MeetingsFeature.h"
#include "game/client/programme/StageFeature.h"

#include <fmt/format.h>

namespace fg::client {

SessionTiming timingOf(const expo::Session& session, UnixSeconds now) {
    if (now >= session.end) return SessionTiming::Past;
    return now >= session.start ? SessionTiming::Live : SessionTiming::Upcoming;
}

AgendaFeature::AgendaFeature(Session& s, ClientFeatures& features)
    : m_s(s), m_features(features), m_viewerZone(tz::localZoneName()) {
    m_exportPath = downloadsPath("fairground-agenda.ics").string();
}

void AgendaFeature::registerHandlers(netclient::ClientRouter& router, PendingRequests& pending) {
    router.on<proto::RegistrationStatus>([this](proto::RegistrationStatus& st) {
        if (st.complete) m_registrations.clear();
        for (proto::RegistrationInfo& e : st.entries) {
            if (e.promoted) {
                const expo::Session* s = expo::findSession(*m_s.ex, e.sessionId);
                toast(m_s, trf("a place freed up: you are registered for \"{}\"",
                               s ? s->title : e.sessionId));
            }
            if (e.state == proto::RegistrationState::None)
                m_registrations.erase(e.sessionId);
            else
                m_registrations[e.sessionId] = std::move(e);
        }
    });
    router.on<proto::EntryRefused>(
        [this](proto::EntryRefused& r) { toast(m_s, serverText(r.reason), true); });
    pending.on<RegistrationPending>(
        [this](const RegistrationPending&, const proto::ActionResult& r) {
            if (r.ok) toast(m_s, serverText(r.text)); // refusals are the core's toast
        });
}

void AgendaFeature::onJoined() {
    m_registrations.clear(); // the server sends my registrations after each Welcome
}

bool AgendaFeature::starred(const std::string& sessionId) const {
    return isStarred(m_s.profile.starredSessions, sessionId);
}

Status AgendaFeature::star(const std::string& sessionId, bool on) {
    if (!expo::findSession(*m_s.ex, sessionId))
        return makeError(fmt::format("no session \"{}\"", sessionId));
    if (!setStarred(m_s.profile.starredSessions, sessionId, on)) return {};
    if (m_s.profileFile.empty()) return {};
    if (Status saved = saveProfile(m_s.profile, m_s.profileFile); !saved) {
        log::warn("client: could not save the starred sessions: {}", saved.error().message);
        return saved;
    }
    return {};
}

bool AgendaFeature::registerFor(const std::string& sessionId, bool cancel) {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c) return false;
    m_s.pending.add(c->request(proto::RegistrationRequest{0, sessionId, cancel}),
                    RegistrationPending{sessionId});
    return true;
}

const proto::RegistrationInfo* AgendaFeature::registration(const std::string& sessionId) const {
    auto it = m_registrations.find(sessionId);
    return it == m_registrations.end() ? nullptr : &it->second;
}

void AgendaFeature::update() {
    watchLive();
    const expo::Session* due =
        agendaReminderDue(*m_s.ex, m_s.profile.starredSessions, m_reminded, now());
    if (!due) return;
    m_reminded.push_back(due->id);
    m_reminder = due->id;
    toast(m_s, trf("doors open: \"{}\"", due->title));
}

Result<std::filesystem::path> AgendaFeature::exportIcs(bool all, std::filesystem::path file) {
    if (file.empty()) file = downloadsPath("fairground-agenda.ics");
    std::vector<std::string> ids;
    if (all)
        for (const expo::Session& e : m_s.ex->sessions)
            ids.push_back(e.id);
    else
        ids = m_s.profile.starredSessions;
    if (ids.empty()) return makeError("no starred sessions to export (star some, or export all)");
    auto text = calendar::toICalendar(agendaCalendar(*m_s.ex, ids), "-//Fairground//Agenda//EN");
    if (!text) return text.error();
    std::error_code ec; // a missing ~/Downloads is made; a failure shows in the write's error
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    if (Status st = writeFileAtomic(file, *text); !st) return st.error();
    return file;
}

// agenda-export-ics [all] [FILE]
Status AgendaFeature::exportAction(const std::vector<std::string>& args) {
    std::size_t at = 0;
    const bool all = !args.empty() && args[0] == "all";
    if (all) ++at;
    auto path = exportIcs(all, at < args.size() ? std::filesystem::path(args[at])
                                                : std::filesystem::path());
    if (!path) return path.error();
    toast(m_s, trf("agenda exported to {}", path->string()));
    return {};
}

std::optional<Status> AgendaFeature::runAction(const std::string& name,
                                               const std::vector<std::string>& args) {
    if (name == "agenda") {
        m_open = !m_open;
    } else if (name == "live-now-go" || name == "live-now-dismiss") { // the prompt's buttons
        const expo::Session* e = m_livePrompt ? expo::findSession(*m_s.ex, *m_livePrompt) : nullptr;
        if (!e) return makeError("no \"Live now\" prompt is up");
        if (name == "live-now-go") teleportToVenue(m_s, e->venue);
        m_livePrompt.reset();
    } else if (name == "agenda-day") {
        FG_CLIENT_TRY(needArgs(name, args, 1));
        m_day = std::stoi(args[0]);
    } else if (name == "event-time") {
        FG_CLIENT_TRY(needArgs(name, args, 1));
        auto t = parseUtcTimestamp(args[0]);
        if (!t) return Status(t.error());
        m_clockOffset = *t - unixNow();
        m_day = -1;
        m_open = true;
    } else if (name == "agenda-star" || name == "agenda-unstar") {
        FG_CLIENT_TRY(needArgs(name, args, 1));
        return star(args[0], name == "agenda-star");
    } else if (name == "agenda-mine") {
        m_mineOnly = args.empty() || args[0] != "off";
        m_open = true;
    } else if (name == "agenda-register" || name == "agenda-cancel") {
        FG_CLIENT_TRY(needArgs(name, args, 1));
        return actionRan(registerFor(args[0], name == "agenda-cancel"), name, args);
    } else if (name == "agenda-details") {
        FG_CLIENT_TRY(needArgs(name, args, 1));
        m_openDetails = args[0];
        m_open = true;
        // The day view turns to the session's day (My agenda lists every day already).
        const expo::Session* e = expo::findSession(*m_s.ex, args[0]);
        if (e && !m_mineOnly) showSession(*e);
    } else if (name == "agenda-export-ics") {
        return exportAction(args);
    } else {
        return std::nullopt;
    }
    return Status{};
}

} // namespace fg::client
