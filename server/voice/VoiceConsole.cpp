// VoiceModule's console: `voice status [--json]` (talkers, frames per second, mutes),
// `voice mute NAME|#ID|--audience SESSION [SECONDS] [--reason TEXT...]` and `voice unmute ...`,
// as an organiser. Must not bypass the module's mute rules.
#include "server/console/ConsoleCommands.h"
#include "server/voice/VoiceModule.h"

#include <charconv>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace fg::server {

using presence::Session;

namespace {

constexpr const char* kUsage = "usage: voice status [--json]\n"
                               "       voice mute NAME|#ID [SECONDS] [--reason TEXT...]\n"
                               "       voice mute --audience SESSION [SECONDS] [--reason TEXT...]\n"
                               "       voice unmute NAME|#ID | --audience SESSION\n";

console::ConsoleResult usage(std::string why = {}) {
    return {why.empty() ? kUsage : why + "\n" + kUsage, false};
}

bool parseSeconds(const std::string& word, std::uint32_t& out) {
    auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), out);
    return ec == std::errc() && end == word.data() + word.size();
}

} // namespace

void VoiceModule::registerCommands(console::ConsoleCommands& commands) {
    commands.add({"voice",
                  "voice status|mute|unmute ...",
                  "Voice: talkers, frames, mutes",
                  "voice status [--json] shows who talks now, frames in, out and dropped per "
                  "second and every mute. voice mute NAME|#ID [SECONDS] [--reason TEXT] mutes a "
                  "person (0 or no SECONDS: until lifted), --audience SESSION a session's whole "
                  "audience; voice unmute lifts it. A muted voice reaches nobody and is told so.",
                  1,
                  console::ConsoleCommands::kAnyWords,
                  {"json"},
                  {"status", "mute", "unmute"},
                  [](const console::CommandArgs& a) {
                      return usage(fmt::format("voice: unknown verb \"{}\"", a.words[0]));
                  }});
    commands.addSubcommand("voice", "status", [this](const console::CommandArgs& a) {
        bool json = false;
        for (std::size_t i = 1; i < a.words.size(); ++i) {
            if (a.words[i] != "--json") return usage("voice status: unknown word " + a.words[i]);
            json = true;
        }
        return statusCommand(json);
    });
    for (bool mute : {true, false})
        commands.addSubcommand(
            "voice", mute ? "mute" : "unmute",
            [this, mute](const console::CommandArgs& a) { return muteCommand(a.words, mute); });
}

Session* VoiceModule::personNamed(const std::string& word) {
    std::uint32_t id = 0;
    if (word.starts_with("#") && parseSeconds(word.substr(1), id)) {
        Session* s = m_ctx.session(id);
        return s && s->joined ? s : nullptr;
    }
    for (Session& s : m_ctx.sessions())
        if (s.joined && s.name == word) return &s;
    return nullptr;
}

console::ConsoleResult VoiceModule::muteCommand(const std::vector<std::string>& words, bool mute) {
    const std::string verb = mute ? "voice mute" : "voice unmute";
    std::string who, session, reason;
    std::uint32_t seconds = 0;
    bool haveSeconds = false;
    for (std::size_t i = 1; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (w == "--audience" && i + 1 < words.size()) {
            session = words[++i];
        } else if (w == "--reason" && mute) {
            for (++i; i < words.size(); ++i)
                reason += (reason.empty() ? "" : " ") + words[i];
        } else if (who.empty() && session.empty() && !w.starts_with("--")) {
            who = w;
        } else if (mute && !haveSeconds && parseSeconds(w, seconds)) {
            haveSeconds = true;
        } else {
            return usage(fmt::format("{}: unexpected \"{}\"", verb, w));
        }
    }
    if (who.empty() == session.empty()) return usage(verb + ": name one person or --audience");
    if (reason.empty()) reason = "Muted by the organiser";
    Status done;
    std::string whom;
    if (!session.empty()) {
        const auto& sessions = m_ctx.exhibition().sessions;
        if (std::none_of(sessions.begin(), sessions.end(),
                         [&](const expo::Session& s) { return s.id == session; }))
            return {fmt::format("{}: no session \"{}\"\n", verb, session), false};
        done = muteAudience(session, mute, seconds, reason, "console");
        whom = "the audience of " + session;
    } else {
        Session* s = personNamed(who);
        if (!s) return {fmt::format("{}: nobody called \"{}\" is here\n", verb, who), false};
        done = mute ? mutePerson(*s, seconds, reason, "console") : unmutePerson(*s);
        whom = fmt::format("{} (#{})", s->name, s->id);
    }
    if (!done) return {done.error().message + "\n", false};
    return {fmt::format("{} {}{}\n", mute ? "muted" : "unmuted", whom,
                        mute && seconds ? fmt::format(" for {} s", seconds) : "")};
}

console::ConsoleResult VoiceModule::statusCommand(bool json) const {
    const Counters& r = m_rates.last;
    const UnixSeconds now = m_clock();
    auto left = [&](const Mute& m) -> std::int64_t { return m.until == 0 ? 0 : m.until - now; };
    if (json) {
        auto mutes = nlohmann::json::array();
        for (const auto& [key, m] : m_mutes)
            mutes.push_back({{"key", key},
                             {"name", m.name},
                             {"seconds_left", left(m)},
                             {"until_lifted", m.until == 0},
                             {"by", m.by},
                             {"session", m.session},
                             {"reason", m.reason}});
        nlohmann::json out{{"talkers", m_talkers.size()},
                           {"per_second",
                            {{"frames_in", r.framesIn},
                             {"frames_out", r.framesOut},
                             {"dropped", r.dropped},
                             {"muted_frames", r.mutedFrames},
                             {"refused", r.refused}}},
                           {"total",
                            {{"frames_in", m_counters.framesIn},
                             {"frames_out", m_counters.framesOut},
                             {"dropped", m_counters.dropped},
                             {"muted_frames", m_counters.mutedFrames},
                             {"refused", m_counters.refused}}},
                           {"mutes", mutes}};
        return {out.dump(2) + "\n"};
    }
    std::string text = fmt::format(
        "talkers: {}\nframes per second: {} in, {} out, {} dropped, {} muted, {} refused\n"
        "since start: {} in, {} out, {} dropped\n",
        m_talkers.size(), r.framesIn, r.framesOut, r.dropped, r.mutedFrames, r.refused,
        m_counters.framesIn, m_counters.framesOut, m_counters.dropped);
    if (m_mutes.empty()) return {text + "mutes: none\n"};
    text += "mutes:\n";
    for (const auto& [key, m] : m_mutes)
        text += fmt::format("  {} ({}), {}, by {}: {}\n", m.name, key,
                            m.until == 0 ? std::string("until lifted")
                                         : fmt::format("{} s left", left(m)),
                            m.by, m.reason);
    return {text};
}

} // namespace fg::server
