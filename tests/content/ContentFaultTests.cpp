// Content transfer against misbehaving servers and clients: a hand-written ENet server sends
// corrupt or broken chunks (detected, retried once, then an error naming the asset), and an
// unjoined peer's request is never served. Tests only.
#include "engine/net/NetHost.h"
#include "tests/content/ContentTestWorld.h"

#include <doctest/doctest.h>
#include <map>

namespace fg::test {

namespace fs = std::filesystem;
using namespace fg::expo::proto;

namespace {

enum class Fault { Corrupt, Gap };

// Answers Hello with Welcome and every ContentRequest for its one blob: the first BADANSWERS
// answers are broken as FAULT says, later ones are correct.
struct FakeServer {
    std::unique_ptr<net::NetHost> host;
    Bytes blob;
    Fault fault = Fault::Corrupt;
    int badAnswers = 0;
    std::atomic<int> answered{0};
    std::atomic<bool> stop{false};
    std::thread thread;

    FakeServer(Bytes bytes, Fault f, int bad) : blob(std::move(bytes)), fault(f), badAnswers(bad) {
        net::HostConfig config;
        auto h = net::NetHost::listen(config);
        REQUIRE(h.ok());
        host = std::move(*h);
        thread = std::thread([this] { run(); });
    }
    ~FakeServer() {
        stop = true;
        thread.join();
    }
    void send(net::PeerId peer, const Message& m) {
        auto packet = encode(m); // this thread must not assert: a failed encode sends nothing
        if (packet) host->send(peer, channelOf(m), *packet);
    }
    void answer(net::PeerId peer, const ContentRequest& r) {
        const bool bad = answered++ < badAnswers;
        const Hash128 hash = hash128(blob);
        const std::size_t half = blob.size() / 2;
        Bytes first(blob.begin(), blob.begin() + std::ptrdiff_t(half));
        Bytes second(blob.begin() + std::ptrdiff_t(half), blob.end());
        if (bad && fault == Fault::Corrupt) second[0] ^= 0x01;
        send(peer, ContentChunk{r.requestId, hash, blob.size(), 0, first});
        const std::uint64_t offset = bad && fault == Fault::Gap ? half + 1 : half;
        send(peer, ContentChunk{r.requestId, hash, blob.size(), offset, second});
    }
    void run() {
        while (!stop) {
            net::NetEvent e;
            if (!host->service(e, 5) || e.type != net::NetEventType::Receive) continue;
            auto m = decode(e.payload);
            if (!m) continue;
            if (std::holds_alternative<Hello>(*m)) send(e.peer, Welcome{.clientId = 1});
            if (auto* r = std::get_if<ContentRequest>(&*m)) answer(e.peer, *r);
        }
    }
};

Bytes sampleBlob() {
    std::string text = catalogueText(60000);
    return Bytes(text.begin(), text.end());
}

struct Fetch {
    Status status;
    netclient::FetchProgress progress;
    bool cached = false;
};

Fetch fetchFrom(FakeServer& server, const std::string& name, const fs::path& cache) {
    auto client = joinVisitor(server.host->port(), "Ana");
    netclient::ContentFetcher fetcher(cache);
    fetcher.attach(*client);
    REQUIRE(fetcher.want(name));
    Fetch out;
    out.status = netclient::waitForFetches(*client, fetcher, {}, 30.0);
    out.progress = fetcher.progress();
    out.cached = fs::exists(fetcher.pathOf(name));
    return out;
}

} // namespace

TEST_CASE("content faults: a corrupted chunk is detected and the retry succeeds") {
    Bytes blob = sampleBlob();
    const std::string name = toHex(hash128(blob)) + ".txt";
    FakeServer server(blob, Fault::Corrupt, 1);
    const fs::path cache = makeTempDir("content-cache");
    Fetch got = fetchFrom(server, name, cache);
    CHECK(got.status.ok());
    CHECK(got.progress.retries == 1);
    CHECK(got.progress.requests == 2);
    REQUIRE(got.cached);
    CHECK((*readFileBytes(cache / name) == blob));
    fs::remove_all(cache);
}

TEST_CASE("content faults: corrupt twice is an error naming the asset and nothing is cached") {
    Bytes blob = sampleBlob();
    const std::string name = toHex(hash128(blob)) + ".txt";
    FakeServer server(blob, Fault::Corrupt, 2);
    const fs::path cache = makeTempDir("content-cache");
    Fetch got = fetchFrom(server, name, cache);
    REQUIRE_FALSE(got.status.ok());
    CHECK(got.status.error().message.find("asset " + name) != std::string::npos);
    CHECK(got.status.error().message.find("does not match its hash") != std::string::npos);
    CHECK(got.progress.requests == 2);
    CHECK_FALSE(got.cached);
    fs::remove_all(cache);
}

TEST_CASE("content faults: a chunk that skips bytes is refused") {
    Bytes blob = sampleBlob();
    const std::string name = toHex(hash128(blob)) + ".txt";
    FakeServer server(blob, Fault::Gap, 2);
    const fs::path cache = makeTempDir("content-cache");
    Fetch got = fetchFrom(server, name, cache);
    REQUIRE_FALSE(got.status.ok());
    CHECK(got.status.error().message.find("does not continue") != std::string::npos);
    CHECK_FALSE(got.cached);
    fs::remove_all(cache);
}

TEST_CASE("content faults: a peer that has not joined is never served") {
    ContentServerFixture server;
    net::HostConfig config;
    config.peerLimit = 1;
    auto host = net::NetHost::client(config);
    REQUIRE(host.ok());
    auto peer = (*host)->connect("127.0.0.1", server.port());
    REQUIRE(peer.ok());
    net::NetEvent e;
    bool connected = false;
    for (int i = 0; i < 200 && !connected; ++i)
        connected = (*host)->service(e, 10) && e.type == net::NetEventType::Connect;
    REQUIRE(connected);
    auto packet = encode(ContentRequest{1, ContentKind::Exhibition, {}});
    REQUIRE((*host)->send(*peer, net::kChannelBulk, *packet));
    int chunks = 0;
    const double deadline = monotonicSeconds() + 1.5;
    while (monotonicSeconds() < deadline)
        if ((*host)->service(e, 10) && e.type == net::NetEventType::Receive) {
            auto m = decode(e.payload);
            chunks += m && std::holds_alternative<ContentChunk>(*m);
        }
    CHECK(chunks == 0);
}

} // namespace fg::test
