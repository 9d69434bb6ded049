// Remote console module: the organiser permit and the ConsoleResponse; commands are the registry's.
// Must not run a command for a connection without the organiser role.
#include "server/console/RemoteConsoleModule.h"

#include "engine/core/Log.h"

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

void RemoteConsoleModule::registerHandlers(ServerRouter& router) {
    router.on<ConsoleCommand>(
        Permit::roles({Role::Organiser}).because("console commands need the organiser role"),
        [this](Session& s, const ConsoleCommand& command) {
            log::info("server: remote console '{}': {}", s.name, command.line);
            auto out = m_run(command.line);
            std::string text = out ? *out : out.error().message;
            if (text.size() > kMaxConsoleOutputLength) text.resize(kMaxConsoleOutputLength);
            m_ctx.send(s, ConsoleResponse{command.requestId, out.ok(), std::move(text)});
        },
        [this](Session& s, const ConsoleCommand& command, std::string_view why) {
            log::warn("server: {} ('{}') tried a console command without the organiser role", s.id,
                      s.name);
            m_ctx.send(s, ConsoleResponse{command.requestId, false, std::string(why)});
        });
}

} // namespace fg::server
