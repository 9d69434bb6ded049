// Loopback sign-in in roles: the credential, not the Hello, decides the role; revoked tokens and
// lying clients are refused; tool connections (editor, remote console) never become avatars.
#include "server/store/Store.h"
#include "tests/server_net/TestWorld.h"

#include <nlohmann/json.hpp>

using namespace fg;
using namespace fg::test;
using expo::proto::RejectReason;
using expo::proto::Role;

namespace {

std::string run(server::ServerApp& app, const std::string& line) {
    auto result = app.console().execute(line);
    INFO(line << ": " << result.text);
    CHECK(result.ok);
    return result.text;
}

// The token `invite` prints (its last word starting with fgx_).
std::string invite(server::ServerApp& app, const std::string& line) {
    std::string text = run(app, line);
    auto at = text.find("fgx_");
    REQUIRE(at != std::string::npos);
    return text.substr(at, 44);
}

netclient::ClientConfig withToken(std::uint16_t port, const std::string& name,
                                  const std::string& token) {
    auto cfg = visitor(port, name); // asks as a visitor: the token decides
    cfg.hello.credential = token;
    return cfg;
}

} // namespace

TEST_CASE("a visitor Hello with an exhibitor token joins as that exhibitor") {
    TestServer srv;
    const std::string token = invite(*srv.app, "invite exhibitor acme");
    auto staff = connectClient(*srv.app, withToken(srv.app->port(), "AcmeStaff", token));
    REQUIRE((staff->net->state() == netclient::ClientState::Joined));
    CHECK(((*staff)->welcome().role == Role::Exhibitor));
    CHECK((*staff)->welcome().exhibitorId == "acme");

    auto who = nlohmann::json::parse(run(*srv.app, "who --json"), nullptr, false);
    REQUIRE(who.is_array());
    REQUIRE(who.size() == 1);
    CHECK(who[0]["role"] == "exhibitor");
    CHECK(who[0]["exhibitor"] == "acme");

    const std::string boss = invite(*srv.app, "invite organiser");
    auto ops = connectClient(*srv.app, withToken(srv.app->port(), "Ops", boss), {staff.get()});
    REQUIRE((ops->net->state() == netclient::ClientState::Joined));
    CHECK(((*ops)->welcome().role == Role::Organiser));
}

TEST_CASE("a revoked or unknown token is refused with the reason") {
    TestServer srv;
    auto issued = srv.app->store().issueCredential(store::Role::Exhibitor, "acme", "gone");
    REQUIRE(issued.ok());
    REQUIRE(srv.app->store().revokeCredential(issued->token).ok());
    auto gone = connectClient(*srv.app, withToken(srv.app->port(), "Gone", issued->token));
    REQUIRE((gone->net->state() == netclient::ClientState::Rejected));
    CHECK(((*gone)->rejection().reason == RejectReason::BadCredentials));
    CHECK_MESSAGE((*gone)->rejection().text.find("revoked") != std::string::npos,
                  (*gone)->rejection().text);

    auto unknown = connectClient(
        *srv.app, withToken(srv.app->port(), "Nobody", "fgx_" + std::string(40, '0')));
    REQUIRE((unknown->net->state() == netclient::ClientState::Rejected));
    CHECK((*unknown)->rejection().text.find("unknown") != std::string::npos);
}

TEST_CASE("a client that claims exhibitor or organiser rights without a token is refused") {
    TestServer srv;
    for (Role claimed : {Role::Exhibitor, Role::Organiser}) {
        auto cfg = visitor(srv.app->port(), "Liar");
        cfg.hello.role = claimed;
        auto liar = connectClient(*srv.app, cfg);
        REQUIRE((liar->net->state() == netclient::ClientState::Rejected));
        CHECK(((*liar)->rejection().reason == RejectReason::BadCredentials));
    }
    // A visitor ticket does not grant the exhibitor role either.
    auto ticket = srv.app->store().issueCredential(store::Role::Visitor, "", "ticket");
    REQUIRE(ticket.ok());
    auto cfg = withToken(srv.app->port(), "Liar", ticket->token);
    cfg.hello.role = Role::Exhibitor;
    auto liar = connectClient(*srv.app, cfg);
    REQUIRE((liar->net->state() == netclient::ClientState::Rejected));
    CHECK((*liar)->rejection().text.find("visitor role") != std::string::npos);
    CHECK(srv.app->visitors().empty());
}

TEST_CASE("a tool connection gets no avatar: no Join to others, in no snapshot, not in who") {
    TestServer srv;
    auto vy = connectClient(*srv.app, visitor(srv.app->port(), "Vy"));
    REQUIRE((vy->net->state() == netclient::ClientState::Joined));
    auto cfg = withToken(srv.app->port(), "editor-1", invite(*srv.app, "invite exhibitor acme"));
    cfg.hello.role = Role::Exhibitor;
    cfg.hello.presence = false;
    auto tool = connectClient(*srv.app, cfg, {vy.get()});
    REQUIRE((tool->net->state() == netclient::ClientState::Joined));
    auto minh = connectClient(*srv.app, visitor(srv.app->port(), "Minh"), {vy.get(), tool.get()});
    Clients all{vy.get(), tool.get(), minh.get()};
    // Minh and Vy see each other in snapshots; nobody ever sees the tool.
    REQUIRE(pumpUntil(*srv.app, all, [&] {
        return (*vy)->latestView().size() == 1 && (*minh)->latestView().size() == 1;
    }));
    pumpFor(*srv.app, all, 0.5);
    const std::uint16_t toolId = (*tool)->id();
    for (TestClient* c : {vy.get(), minh.get()}) {
        CHECK(c->find<expo::proto::Join>(
                  [&](const expo::proto::Join& j) { return j.clientId == toolId; }) == nullptr);
        for (const auto& a : (*c)->latestView())
            CHECK(a.id != toolId);
    }
    CHECK(srv.app->visitors().size() == 2);
    CHECK(srv.app->halls().front().visitors == 2);
    CHECK(run(*srv.app, "who").find("editor-1") == std::string::npos);
    // The tool still may act in its role: its requests are answered.
    std::uint32_t req = (*tool)->setStaffOnDuty("acme-booth", false);
    REQUIRE(pumpUntil(*srv.app, all, [&] { return tool->result(req) != nullptr; }));
}
