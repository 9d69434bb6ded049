// The embedded default's live session: picks a forum session with a deck, starts it through the
// programme's own console command, invites its scripted speaker, moderator and audience (tokens
// kept in the data dir, so a restart reuses them) and runs them. The embedded server only.
#include "engine/core/File.h"
#include "engine/core/Log.h"
#include "game/client/EmbeddedServer.h"
#include "game/netclient/ScriptedSession.h"
#include "server/ServerApp.h"
#include "server/console/ConsoleCommands.h"

#include <fmt/format.h>
#include <sstream>

namespace fg::client {
namespace {

constexpr int kAudience = 6;

// "auto": the first forum session whose deck is several pages (something to page through).
const expo::Session* pickSession(const expo::Exhibition& ex, const std::string& wanted) {
    if (wanted != "auto") return expo::findSession(ex, wanted);
    for (const expo::Session& s : ex.sessions)
        if (s.kind == expo::SessionKind::Forum && s.deck.size() > 1) return &s;
    for (const expo::Session& s : ex.sessions)
        if (s.kind == expo::SessionKind::Forum) return &s;
    return nullptr;
}

Result<std::string> run(server::ServerApp& app, const std::string& line) {
    console::ConsoleResult r = app.console().execute(line);
    if (!r.ok) return makeError(fmt::format("'{}': {}", line, r.text));
    return r.text;
}

// The token of an `invite` answer ("token (shown once, keep it safe): TOKEN").
Result<std::string> invite(server::ServerApp& app, const std::string& line) {
    auto text = run(app, line);
    if (!text) return text.error();
    constexpr std::string_view kToken = "token (shown once, keep it safe): ";
    const auto at = text->find(kToken);
    if (at == std::string::npos)
        return makeError(fmt::format("'{}': no token in its answer", line));
    const auto from = at + kToken.size();
    return text->substr(from, text->find('\n', from) - from);
}

// SESSION's tokens from FILE ("SESSION speaker|moderator|audience TOKEN" lines), or fresh ones.
Result<netclient::SessionScriptConfig> tokens(server::ServerApp& app, const std::string& session,
                                              const std::filesystem::path& file) {
    netclient::SessionScriptConfig c;
    if (auto saved = readFileText(file)) {
        std::istringstream in(*saved);
        std::string id, role, token;
        while (in >> id && id == session && in >> role >> token) {
            if (role == "speaker") c.speakerToken = token;
            if (role == "moderator") c.moderatorToken = token;
            if (role == "audience") c.audienceTokens.push_back(token);
        }
        if (!c.speakerToken.empty() && !c.moderatorToken.empty()) return c;
        c = {};
    }
    auto speaker = invite(app, "invite speaker " + session + " scripted speaker");
    auto moderator = invite(app, "invite speaker " + session + " --moderator scripted moderator");
    if (!speaker) return speaker.error();
    if (!moderator) return moderator.error();
    c.speakerToken = *speaker;
    c.moderatorToken = *moderator;
    // One "SESSION ROLE TOKEN" line each: a file for another session is not reused.
    std::string out =
        fmt::format("{0} speaker {1}\n{0} moderator {2}\n", session, *speaker, *moderator);
    for (int i = 0; i < kAudience; ++i) {
        auto ticket = invite(app, "invite visitor scripted audience");
        if (!ticket) return ticket.error();
        c.audienceTokens.push_back(*ticket);
        out += session + " audience " + *ticket + "\n";
    }
    if (Status st = writeFileAtomic(file, out); !st) log::warn("client: {}", st.error().message);
    return c;
}

// A speaker's name from the file (structured speakers first), else a role name.
std::string nameOf(const expo::Session& s, std::size_t index, const std::string& fallback) {
    if (index < s.speakers.size()) return s.speakers[index].name;
    return fallback;
}

} // namespace

Status EmbeddedServer::startLiveSession(const std::string& liveSession,
                                        const std::filesystem::path& dataDir) {
    if (liveSession.empty() || liveSession == "off") return {};
    const expo::Exhibition& ex = m_app->exhibition();
    const expo::Session* session = pickSession(ex, liveSession);
    if (!session) return makeError(fmt::format("no session \"{}\" to make live", liveSession));
    auto started = run(*m_app, "session start " + session->id);
    if (!started) return started.error();
    auto config = tokens(*m_app, session->id, dataDir / "scripted-session.txt");
    if (!config) return config.error();
    config->port = m_port;
    config->serverKey = m_key;
    config->sessionId = session->id;
    config->speakerName = nameOf(*session, 0, "Speaker");
    config->moderatorName = session->moderator ? session->moderator->name : "Moderator";
    auto script = netclient::ScriptedSession::create(ex, std::move(*config));
    if (!script) return script.error();
    m_script = std::move(*script);
    m_script->startThread();
    log::info("client: '{}' is live now, run by a scripted speaker and moderator", session->title);
    return {};
}

} // namespace fg::client
