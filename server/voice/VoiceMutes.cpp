// VoiceModule's mutes: VoiceMute from organisers (anyone) and a session's moderators (that
// session's attendees, one or the whole audience), their expiry, VoiceStatus to whoever they
// touch, and the store so they survive a restart. Must not forward or look at frames.
#include "engine/core/Log.h"
#include "server/store/VoiceMuteRecords.h"
#include "server/voice/VoiceModule.h"

#include <fmt/format.h>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

namespace {

const std::string kPersonPrefix = "person:";
const std::string kAudiencePrefix = "audience:";

std::string audienceKey(std::string_view session) {
    return kAudiencePrefix + std::string(session);
}

} // namespace

std::string voiceMuteKey(const Session& s) {
    if (s.verified()) return kPersonPrefix + s.personKey;
    if (!s.clientKey.empty()) return kPersonPrefix + "key:" + s.clientKey;
    return fmt::format("{}id:{}", kPersonPrefix, s.id);
}

Status VoiceModule::start() {
    auto records = store::VoiceMuteRecords::open(m_ctx.store());
    if (!records) return records.error();
    m_records = std::move(*records);
    auto stored = m_records->load();
    if (!stored) return stored.error();
    for (const store::StoredVoiceMute& m : *stored)
        m_mutes[m.key] = Mute{m.name, m.reason, m.by, m.session, m.until};
    if (!m_mutes.empty())
        log::info("server: voice: {} mute(s) kept from the store", m_mutes.size());
    return {};
}

void VoiceModule::onJoin(Session& s) {
    if (muteOf(s)) tellStatus(s);
}

const VoiceModule::Mute* VoiceModule::muteOf(const Session& s) const {
    if (m_mutes.empty()) return nullptr;
    const UnixSeconds now = m_clock();
    auto active = [&](auto it) {
        return it != m_mutes.end() && (it->second.until == 0 || it->second.until > now);
    };
    if (auto it = m_mutes.find(voiceMuteKey(s)); active(it)) return &it->second;
    const std::uint32_t attended = attendedSession(s);
    const auto& sessions = m_ctx.exhibition().sessions;
    if (attended == 0 || attended > sessions.size()) return nullptr;
    const std::string& sessionId = sessions[attended - 1].id;
    if (auto it = m_mutes.find(audienceKey(sessionId));
        active(it) && !m_programme.presents(s, sessionId))
        return &it->second;
    return nullptr;
}

void VoiceModule::tellStatus(Session& s) {
    const Mute* m = muteOf(s);
    VoiceStatus status;
    if (m) {
        status.muted = true;
        const UnixSeconds now = m_clock();
        status.secondsLeft =
            m->until == 0
                ? 0
                : std::uint32_t(std::clamp<UnixSeconds>(m->until - now, 1, kMaxVoiceMuteSeconds));
        status.reason = bounded(m->reason, kMaxReasonLength);
    }
    m_ctx.send(s, status);
}

void VoiceModule::saveMute(const std::string& key, const Mute& m) {
    Status saved =
        m_records->save(store::StoredVoiceMute{key, m.name, m.until, m.reason, m.by, m.session});
    if (!saved)
        log::error("server: voice: storing the mute of {}: {}", m.name, saved.error().message);
}

Status VoiceModule::mutePerson(Session& who, std::uint32_t seconds, std::string reason,
                               std::string by, std::string session) {
    if (seconds > kMaxVoiceMuteSeconds)
        return makeError(fmt::format("voice: {} s is longer than a week", seconds));
    const std::string key = voiceMuteKey(who);
    Mute m{who.name, std::move(reason), std::move(by), std::move(session),
           seconds == 0 ? 0 : m_clock() + UnixSeconds(seconds)};
    saveMute(key, m);
    log::info("server: voice: {} ('{}') muted by {} for {}", who.id, who.name, m.by,
              seconds == 0 ? std::string("good") : fmt::format("{} s", seconds));
    m_mutes[key] = std::move(m);
    tellStatus(who);
    return {};
}

Status VoiceModule::unmutePerson(Session& who) {
    const std::string key = voiceMuteKey(who);
    if (m_mutes.erase(key) == 0) return makeError(fmt::format("voice: {} is not muted", who.name));
    if (Status s = m_records->remove(key); !s) return s;
    log::info("server: voice: {} ('{}') unmuted", who.id, who.name);
    tellStatus(who);
    return {};
}

Status VoiceModule::muteAudience(const std::string& session, bool mute, std::uint32_t seconds,
                                 std::string reason, std::string by) {
    if (seconds > kMaxVoiceMuteSeconds)
        return makeError(fmt::format("voice: {} s is longer than a week", seconds));
    const std::string key = audienceKey(session);
    if (mute) {
        Mute m{"audience of " + session, std::move(reason), std::move(by), session,
               seconds == 0 ? 0 : m_clock() + UnixSeconds(seconds)};
        saveMute(key, m);
        m_mutes[key] = std::move(m);
    } else {
        if (m_mutes.erase(key) == 0)
            return makeError(fmt::format("voice: the audience of {} is not muted", session));
        if (Status s = m_records->remove(key); !s) return s;
    }
    log::info("server: voice: the audience of {} {}", session, mute ? "muted" : "unmuted");
    for (std::uint16_t id : m_programme.attendees(session))
        if (Session* s = m_ctx.session(id); s && !m_programme.presents(*s, session)) tellStatus(*s);
    return {};
}

// Mutes past their end are lifted: removed from the store, and whoever they silenced is told.
void VoiceModule::expireMutes() {
    const UnixSeconds now = m_clock();
    for (auto it = m_mutes.begin(); it != m_mutes.end();) {
        if (it->second.until == 0 || it->second.until > now) {
            ++it;
            continue;
        }
        const std::string key = it->first;
        const std::string session = it->second.session;
        it = m_mutes.erase(it);
        if (Status s = m_records->remove(key); !s)
            log::error("server: voice: lifting the mute {}: {}", key, s.error().message);
        log::info("server: voice: the mute {} ended", key);
        for (Session& s : m_ctx.sessions())
            if (s.joined && (voiceMuteKey(s) == key ||
                             (key == audienceKey(session) && m_programme.attends(s, session))))
                tellStatus(s);
    }
}

void VoiceModule::refuseMute(Session& s, std::uint32_t requestId, std::string why, bool lying) {
    ++m_counters.refused;
    m_ctx.reply(s, requestId, makeError(std::move(why)));
    if (lying) m_ctx.fault(s, "voice: a mute from someone who may not mute");
}

void VoiceModule::handleMute(Session& s, const VoiceMute& m) {
    const bool organiser = s.role == Role::Organiser;
    const std::string& sid = m.sessionId;
    if (sid.empty() ? !organiser : !m_programme.moderates(s, sid))
        return refuseMute(s, m.requestId,
                          sid.empty() ? "voice: only an organiser mutes outside a session"
                                      : fmt::format("voice: only a moderator of {} mutes its "
                                                    "audience",
                                                    sid),
                          true);
    const std::string reason =
        sid.empty() ? "Muted by the organiser" : fmt::format("Muted by the moderator of {}", sid);
    Status done;
    if (m.scope == VoiceMuteScope::Audience) {
        if (sid.empty())
            return refuseMute(s, m.requestId, "voice: an audience mute names its session", false);
        done = muteAudience(sid, m.mute, m.seconds, reason, s.name);
    } else {
        Session* target = m_ctx.session(m.target);
        if (!target || !target->joined)
            return refuseMute(s, m.requestId,
                              fmt::format("voice: nobody with client id #{} here", m.target),
                              false);
        if (!sid.empty() && !m_programme.attends(*target, sid))
            return refuseMute(s, m.requestId,
                              fmt::format("voice: {} does not attend {}", target->name, sid),
                              false);
        if (!m.mute && !organiser) {
            auto it = m_mutes.find(voiceMuteKey(*target));
            if (it != m_mutes.end() && it->second.session != sid)
                return refuseMute(s, m.requestId,
                                  fmt::format("voice: {} was not muted in {}", target->name, sid),
                                  false);
        }
        done = m.mute ? mutePerson(*target, m.seconds, reason, s.name, sid) : unmutePerson(*target);
    }
    m_ctx.reply(s, m.requestId, done);
}

} // namespace fg::server
