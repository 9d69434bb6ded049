// Runs the real fairground-server binary: a business card dropped at a booth survives kill -9
// of the server and a restart. POSIX process control; the only test that spawns processes.
#include "server/store/Store.h"
#include "tests/server_net/TestWorld.h"

#include <arpa/inet.h>
#include <csignal>
#include <cstdio>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace fg;
using namespace fg::test;

namespace {

std::uint16_t freeUdpPort() {
    int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

pid_t startServer(const std::filesystem::path& exhibition, const std::filesystem::path& data,
                  std::uint16_t port) {
    const std::string binary = std::string(FG_BINARY_DIR) + "/server/fairground-server";
    pid_t pid = ::fork();
    if (pid == 0) {
        std::string portText = std::to_string(port);
        ::execl(binary.c_str(), binary.c_str(), "--exhibition", exhibition.c_str(), "--data",
                data.c_str(), "--port", portText.c_str(), "--bind", "127.0.0.1", "--log-level",
                "warn", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    return pid;
}

// Connects a visitor through the real server, retrying while the process starts up.
std::unique_ptr<netclient::NetClient> join(std::uint16_t port, const std::string& name) {
    for (int attempt = 0; attempt < 40; ++attempt) {
        auto c = netclient::NetClient::connect(visitor(port, name));
        REQUIRE(c.ok());
        const double deadline = monotonicSeconds() + 0.5;
        while ((*c)->state() == netclient::ClientState::Connecting && monotonicSeconds() < deadline)
            (*c)->update(10);
        if ((*c)->state() == netclient::ClientState::Joined) return std::move(*c);
    }
    return nullptr;
}

} // namespace

TEST_CASE("a dropped card survives kill -9 of the server and a restart") {
    auto dir = makeTempDir("kill9");
    auto exhibition = writeTestExhibition(dir);
    auto data = dir / "data";
    const std::uint16_t port = freeUdpPort();
    pid_t pid = startServer(exhibition, data, port);
    REQUIRE(pid > 0);
    auto client = join(port, "Card Dropper");
    REQUIRE(client);
    expo::proto::DropCard card;
    card.boothId = "acme-booth";
    card.name = "Card Dropper";
    card.company = "Lima Ltd";
    card.email = "card@lima.example";
    card.note = "call me";
    card.consent = true;
    std::uint32_t request = client->dropCard(card);
    const expo::proto::ActionResult* result = nullptr;
    std::vector<expo::proto::Message> inbox;
    const double deadline = monotonicSeconds() + 5.0;
    while (!result && monotonicSeconds() < deadline) {
        client->update(10);
        for (auto& m : client->takeInbox())
            inbox.push_back(std::move(m));
        for (auto& m : inbox)
            if (auto* r = std::get_if<expo::proto::ActionResult>(&m); r && r->requestId == request)
                result = r;
    }
    REQUIRE(result);
    REQUIRE_MESSAGE(result->ok, result->text);
    // The visitor was told the card is saved: now the process dies without any cleanup.
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    client.reset();

    pid = startServer(exhibition, data, port);
    auto again = join(port, "Second Visitor");
    CHECK(again);
    again.reset();
    ::kill(pid, SIGTERM);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status));

    auto store = store::Store::open(data);
    REQUIRE(store.ok());
    auto leads = (*store)->leadsForBooth("acme-booth");
    REQUIRE(leads.ok());
    REQUIRE(leads->size() == 1);
    CHECK(leads->front().email == "card@lima.example");
    CHECK(leads->front().exhibitorId == "acme");
    store->reset();
    std::filesystem::remove_all(dir);
}

TEST_CASE("the server refuses an invalid exhibition and prints every problem") {
    auto dir = makeTempDir("invalid");
    writeTestExhibition(dir);
    std::string json = testExhibitionJson();
    auto at = json.find("\"size\": \"S\"");
    REQUIRE(at != std::string::npos);
    json.replace(at, 11, "\"size\": \"XL\"");
    at = json.find("\"rotation\": 0");
    json.replace(at, 13, "\"rotation\": 45");
    REQUIRE(writeFileAtomic(dir / "exhibition.json", json).ok());
    const std::string command = std::string(FG_BINARY_DIR) +
                                "/server/fairground-server --exhibition " +
                                (dir / "exhibition.json").string() + " --data " +
                                (dir / "data").string() + " --port 1 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::string output;
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe))
        output += buffer;
    int status = ::pclose(pipe);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 1);
    CHECK(output.find("booths[0].size") != std::string::npos);
    CHECK(output.find("booths[0].rotation") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "data"));
    std::filesystem::remove_all(dir);
}
