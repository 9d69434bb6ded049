// Helpers for the moderation loopback tests: an organiser signed in with a token, waiting for
// an answer, the chat lines a client saw. Test helper only: never used by programs.
#pragma once

#include "server/console/ConsoleCommands.h"
#include "server/store/Store.h"
#include "tests/server_net/TestWorld.h"

#include <fmt/format.h>

namespace fg::test {

inline netclient::ClientConfig signedIn(server::ServerApp& app, const std::string& name,
                                        store::Role role, const std::string& exhibitor = "") {
    auto issued = app.store().issueCredential(role, exhibitor, "test");
    REQUIRE(issued.ok());
    auto cfg = visitor(app.port(), name);
    cfg.hello.role = role;
    cfg.hello.credential = issued->token;
    return cfg;
}

// Sends M (its requestId set here) and waits for its ActionResult.
template <class M>
proto::ActionResult ask(server::ServerApp& app, TestClient& c, const Clients& all, M m,
                        std::uint32_t requestId) {
    m.requestId = requestId;
    REQUIRE(c->sendRaw(m));
    REQUIRE(pumpUntil(app, all, [&] { return c.result(requestId) != nullptr; }));
    return *c.result(requestId);
}

// The ChatReceived with TEXT that C saw, or null.
inline const proto::ChatReceived* lineSaid(const TestClient& c, const std::string& text) {
    return c.find<proto::ChatReceived>(
        [&](const proto::ChatReceived& m) { return m.text == text; });
}

inline void say(server::ServerApp& app, TestClient& from, const Clients& all,
                const std::string& text, proto::ChatScope scope = proto::ChatScope::Hall,
                std::uint16_t to = 0) {
    std::uint32_t id = from->chat(scope, "", to, text);
    REQUIRE(pumpUntil(app, all, [&] { return from.result(id) != nullptr; }));
    REQUIRE_MESSAGE(from.result(id)->ok, from.result(id)->text);
}

} // namespace fg::test
