// The editor's upload bookkeeping (BoothUpload) against the server's UploadAssembler in one
// process: a connection that drops mid-upload resumes from what the server holds.
#include "game/booth/BoothUpload.h"
#include "tests/publish/PublishTestSupport.h"

#include <doctest/doctest.h>

using namespace fg;
using namespace fg::publish;

TEST_CASE(
    "resume: an upload dropped twice completes with the same bytes and the bundle publishes") {
    PublishService svc(test::config("resume"));
    REQUIRE(svc.open().ok());
    Bytes bundle = booth::saveBundleBytes(test::bundleFor("acme"));
    booth::BoothUpload up("acme-booth", bundle, 200);
    REQUIRE(up.totalBytes() > 2048);
    int drops = 0;
    std::uint64_t lost = 0;
    while (!up.complete()) {
        auto start = svc.uploads().begin("acme", up.boothId(), up.totalBytes(), up.hash());
        REQUIRE(start.ok());
        up.resumeAt(*start);
        int sentThisConnection = 0;
        while (auto chunk = up.nextChunk()) {
            // The connection drops after a few chunks: the last two sent never arrive.
            if (drops < 2 && ++sentThisConnection == 3 + drops) {
                lost += chunk->data.size();
                (void)up.nextChunk();
                ++drops;
                break;
            }
            auto held = svc.uploads().chunk("acme", up.boothId(), chunk->offset, chunk->data);
            REQUIRE_MESSAGE(held.ok(), held.error().message);
            up.acknowledged(*held);
        }
        CHECK(up.progress() <= 1.0f);
    }
    CHECK(drops == 2);
    CHECK(lost > 0);
    CHECK(up.progress() == doctest::Approx(1.0f));
    auto bytes = svc.uploads().finish("acme", up.boothId());
    REQUIRE(bytes.ok());
    CHECK(*bytes == bundle);
    auto sub = svc.submit("acme", *bytes, test::exhibition());
    REQUIRE_MESSAGE(sub.ok(), sub.error().message);
    CHECK(svc.pending().size() == 1);
}

TEST_CASE("resume: chunking covers the bundle exactly and a resume past the end sends nothing") {
    Bytes data(1000, 7);
    booth::BoothUpload up("b", data, 300);
    std::uint64_t total = 0, expected = 0;
    while (auto c = up.nextChunk()) {
        CHECK(c->offset == expected);
        expected += c->data.size();
        total += c->data.size();
    }
    CHECK(total == 1000);
    CHECK(up.progress() == doctest::Approx(0.0f)); // nothing acknowledged yet
    up.acknowledged(5000);                         // never more than was sent
    CHECK(up.ackedBytes() == 1000);
    booth::BoothUpload again("b", data, 300);
    again.resumeAt(99999);
    CHECK_FALSE(again.nextChunk().has_value());
    CHECK(again.complete());
}
