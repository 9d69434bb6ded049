// The real fairground-server process: ticket holders cast ballots, the server is killed with
// SIGKILL while ballots are still arriving, and after a restart on the same data dir every
// ballot it had acknowledged is on disk. POSIX process control; test only.
#include "server/store/AwardsBook.h"
#include "server/store/Store.h"
#include "tests/awards/AwardsWorld.h"

#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <fmt/format.h>
#include <map>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace fg;
using namespace fg::test;
namespace proto = fg::expo::proto;

namespace {

constexpr int kVoters = 60;

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
        const std::string portText = std::to_string(port);
        ::execl(binary.c_str(), binary.c_str(), "--exhibition", exhibition.c_str(), "--data",
                data.c_str(), "--port", portText.c_str(), "--bind", "127.0.0.1", "--log-level",
                "warn", "--net-threads", "0", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    return pid;
}

// A ticket holder joined through the real server, retrying while the process starts up.
std::unique_ptr<netclient::NetClient> join(std::uint16_t port, const std::string& name,
                                           const std::string& ticket) {
    for (int attempt = 0; attempt < 40; ++attempt) {
        netclient::ClientConfig cfg = visitor(port, name);
        cfg.hello.credential = ticket;
        auto c = netclient::NetClient::connect(cfg);
        REQUIRE(c.ok());
        const double deadline = monotonicSeconds() + 0.5;
        while ((*c)->state() == netclient::ClientState::Connecting && monotonicSeconds() < deadline)
            (*c)->update(5);
        if ((*c)->state() == netclient::ClientState::Joined) return std::move(*c);
    }
    return nullptr;
}

struct Voter {
    std::unique_ptr<netclient::NetClient> net;
    std::string person, booth;
    std::uint32_t request = 0;
    bool acknowledged = false;
};

// Pumps every voter once and marks the acknowledged ballots; returns how many are.
int pump(std::vector<Voter>& voters) {
    int acked = 0;
    for (Voter& v : voters) {
        v.net->update(0);
        for (auto& m : v.net->takeInbox())
            if (auto* r = std::get_if<proto::ActionResult>(&m); r && r->requestId == v.request) {
                REQUIRE_MESSAGE(r->ok, r->text);
                v.acknowledged = true;
            }
        acked += v.acknowledged ? 1 : 0;
    }
    return acked;
}

} // namespace

TEST_CASE("awards: every acknowledged ballot survives kill -9 of the server and a restart") {
    const auto dir = makeTempDir("awards-kill9");
    const auto exhibition = writeTestExhibition(dir); // its files, then the awards' JSON
    REQUIRE(writeFileAtomic(exhibition, awardsExhibitionJson()).ok());
    const auto data = dir / "data";
    std::vector<store::IssuedTicket> tickets;
    {
        auto st = store::Store::open(data);
        REQUIRE(st.ok());
        auto issued = (*st)->issueTickets(kVoters, "kill9");
        REQUIRE(issued.ok());
        tickets = std::move(*issued);
    }
    const std::uint16_t port = freeUdpPort();
    pid_t pid = startServer(exhibition, data, port);
    REQUIRE(pid > 0);
    const char* const booths[] = {"acme-booth", "globex-booth", "initech-booth"};
    std::vector<Voter> voters;
    for (int i = 0; i < kVoters; ++i) {
        auto net = join(port, "Voter " + std::to_string(i), tickets[std::size_t(i)].code);
        REQUIRE(net);
        voters.push_back({std::move(net),
                          fmt::format("ticket:{}", tickets[std::size_t(i)].ticket.id),
                          booths[i % 3]});
    }
    // Ballots go out one voter at a time while the server commits them once per tick; it is
    // killed as soon as a third are acknowledged, with the others in flight or never sent.
    int acked = 0;
    std::size_t next = 0;
    const double deadline = monotonicSeconds() + 20.0;
    while (acked < kVoters / 3 && monotonicSeconds() < deadline) {
        if (next < voters.size()) {
            Voter& v = voters[next++];
            v.request = v.net->request(proto::BallotCast{0, "best-sme", v.booth});
        }
        acked = pump(voters);
        std::this_thread::sleep_for(std::chrono::milliseconds(5)); // spread over several ticks
    }
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    acked = pump(voters); // answers already in the socket when it died count too
    REQUIRE(acked >= kVoters / 3);
    MESSAGE(acked << " of " << kVoters << " ballots acknowledged before SIGKILL");
    std::map<std::string, std::string> told; // person -> booth, for the acknowledged ballots
    for (const Voter& v : voters)
        if (v.acknowledged) told[v.person] = v.booth;
    voters.clear();

    pid = startServer(exhibition, data, port); // the restart reads what is on disk
    CHECK(join(port, "After Restart", ""));
    ::kill(pid, SIGTERM);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status));

    auto st = store::Store::open(data);
    REQUIRE(st.ok());
    auto book = store::AwardsBook::open(**st);
    REQUIRE(book.ok());
    auto stored = (*book)->ballots();
    REQUIRE(stored.ok());
    std::map<std::string, std::string> onDisk; // person -> booth
    for (const store::StoredBallot& b : *stored)
        if (b.category == "best-sme") onDisk[b.person] = b.booth;
    for (const auto& [person, booth] : told) {
        INFO("acknowledged ballot of " << person);
        REQUIRE(onDisk.count(person) == 1);
        CHECK(onDisk[person] == booth);
    }
    CHECK(onDisk.size() <= std::size_t(kVoters)); // one per person, whatever was in flight
    book->reset();
    st->reset();
    std::filesystem::remove_all(dir);
}
