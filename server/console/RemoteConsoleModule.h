// The remote organiser console as a server module: ConsoleCommand from an organiser's connection
// runs through the one console registry (or a test's runner) and is answered by ConsoleResponse.
// Never parses commands itself; never runs one for anyone but an organiser.
#pragma once

#include "server/core/ServerContext.h"
#include "server/core/ServerModule.h"

#include <functional>

namespace fg::server {

class RemoteConsoleModule final : public ServerModule {
public:
    using Runner = std::function<Result<std::string>(std::string_view line)>;
    RemoteConsoleModule(ServerContext& ctx, Runner run) : m_ctx(ctx), m_run(std::move(run)) {}

    void registerHandlers(ServerRouter& router) override;

private:
    ServerContext& m_ctx;
    Runner m_run;
};

} // namespace fg::server
