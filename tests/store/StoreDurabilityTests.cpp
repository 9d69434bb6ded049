// kill -9 durability: a child process writes and SIGKILLs itself right after the call returns;
// the parent reopens the database and must find what the child was told was saved.
#include "server/store/Store.h"
#include "tests/store/TempDir.h"

#include <csignal>
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace fg::store;

TEST_CASE("store: a lead and a ban and a token survive kill -9 right after the call returns") {
    fg::test::TempDir dir("store-kill");
    int pipeFds[2];
    REQUIRE(::pipe(pipeFds) == 0);
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::close(pipeFds[0]);
        auto store = Store::open(dir.path());
        if (!store) ::_exit(2);
        auto issued = (*store)->issueCredential(Role::Exhibitor, "acme", "");
        if (!issued) ::_exit(3);
        if (!(*store)->addBan(BanKind::Name, "troll", std::nullopt, "")) ::_exit(4);
        if (::write(pipeFds[1], issued->token.data(), issued->token.size()) !=
            static_cast<ssize_t>(issued->token.size()))
            ::_exit(5);
        if (!(*store)->addLead(Lead{0, "b1", "acme", "Last", "Org", "l@o.rg", "", true, 7}))
            ::_exit(6);
        ::raise(SIGKILL);
        ::_exit(7);
    }
    ::close(pipeFds[1]);
    char buffer[64] = {};
    ssize_t got = ::read(pipeFds[0], buffer, sizeof buffer);
    ::close(pipeFds[0]);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE_MESSAGE(WIFSIGNALED(status), "child exit code " << WEXITSTATUS(status));
    CHECK(WTERMSIG(status) == SIGKILL);
    REQUIRE(got == 44);

    auto store = Store::open(dir.path());
    REQUIRE(store);
    auto leads = (*store)->leadsForBooth("b1");
    REQUIRE(leads);
    REQUIRE(leads->size() == 1);
    CHECK((*leads)[0].visitorName == "Last");
    CHECK((*store)->verifyToken(std::string(buffer, static_cast<std::size_t>(got))));
    auto ban = (*store)->findActiveBan("Troll", "", "", 0);
    REQUIRE(ban);
    CHECK(ban->has_value());
}
