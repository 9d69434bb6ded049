// fairground-bot --run-session: a programme session run by a scripted speaker, moderator and
// audience (netclient::ScriptedSession) for --duration seconds, with a JSON report of what it did.
// Drives only the public client library.
#pragma once

#include "game/expo/Exhibition.h"
#include "game/netclient/ScriptedSession.h"

#include <string>

namespace fg::bot {

// Runs CONFIG's script against EX's session for SECONDS; prints the JSON report (also to REPORT
// when not empty). Returns the exit code: 0, 1 when it could not start, 3 when nothing went live.
int runScriptedSession(const expo::Exhibition& ex, netclient::SessionScriptConfig config,
                       double seconds, const std::string& report);

} // namespace fg::bot
