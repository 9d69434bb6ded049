// Tests for upload reassembly (order, resume after a drop or restart, limits, hash) and the store.
// No network: the assembler is fed chunks directly.
#include "tests/publish/PublishTestSupport.h"

#include <doctest/doctest.h>

using namespace fg;
using namespace fg::publish;

namespace {

Bytes sample(std::size_t n) {
    Bytes b(n);
    for (std::size_t i = 0; i < n; ++i)
        b[i] = static_cast<std::uint8_t>(i * 31 + i / 7);
    return b;
}

std::span<const std::uint8_t> part(const Bytes& b, std::size_t off, std::size_t n) {
    return std::span<const std::uint8_t>(b).subspan(off, std::min(n, b.size() - off));
}

} // namespace

TEST_CASE("upload: chunks in order reassemble the bundle") {
    auto dir = test::scratch("upload-order");
    UploadAssembler up(dir);
    Bytes data = sample(200'000);
    auto start = up.begin("acme", "acme-booth", data.size(), hash128(data));
    REQUIRE(start.ok());
    CHECK(*start == 0);
    for (std::size_t off = 0; off < data.size(); off += 60'000)
        REQUIRE(up.chunk("acme", "acme-booth", off, part(data, off, 60'000)).ok());
    auto out = up.finish("acme", "acme-booth");
    REQUIRE(out.ok());
    CHECK(*out == data);
    CHECK_FALSE(up.finish("acme", "acme-booth").ok()); // consumed
}

TEST_CASE("upload: resumes after a dropped connection and after a server restart") {
    auto dir = test::scratch("upload-resume");
    Bytes data = sample(150'000);
    {
        UploadAssembler up(dir);
        REQUIRE(up.begin("acme", "acme-booth", data.size(), hash128(data)).ok());
        REQUIRE(up.chunk("acme", "acme-booth", 0, part(data, 0, 50'000)).ok());
        REQUIRE(up.chunk("acme", "acme-booth", 50'000, part(data, 50'000, 50'000)).ok());
    }
    UploadAssembler again(dir); // a new process sees the same partial upload
    auto resume = again.begin("acme", "acme-booth", data.size(), hash128(data));
    REQUIRE(resume.ok());
    CHECK(*resume == 100'000);
    REQUIRE(again.chunk("acme", "acme-booth", 100'000, part(data, 100'000, 50'000)).ok());
    auto out = again.finish("acme", "acme-booth");
    REQUIRE(out.ok());
    CHECK(*out == data);

    // A different bundle for the same booth restarts from zero.
    UploadAssembler third(dir);
    REQUIRE(third.begin("acme", "acme-booth", data.size(), hash128(data)).ok());
    REQUIRE(third.chunk("acme", "acme-booth", 0, part(data, 0, 10)).ok());
    Bytes other = sample(1000);
    auto restart = third.begin("acme", "acme-booth", other.size(), hash128(other));
    REQUIRE(restart.ok());
    CHECK(*restart == 0);
}

TEST_CASE(
    "upload: gaps / overruns / big chunks / big totals / bad ids and wrong hashes are refused") {
    auto dir = test::scratch("upload-bad");
    UploadAssembler up(dir, {1000, 100});
    Bytes data = sample(300);
    CHECK_FALSE(up.begin("acme", "acme-booth", 1001, hash128(data)).ok());
    CHECK_FALSE(up.begin("acme", "acme-booth", 0, hash128(data)).ok());
    CHECK_FALSE(up.begin("../x", "acme-booth", 300, hash128(data)).ok());
    CHECK_FALSE(up.chunk("acme", "acme-booth", 0, part(data, 0, 10)).ok()); // not begun
    REQUIRE(up.begin("acme", "acme-booth", 300, hash128(data)).ok());
    CHECK_FALSE(up.chunk("acme", "acme-booth", 10, part(data, 10, 10)).ok()); // gap
    CHECK_FALSE(up.chunk("acme", "acme-booth", 0, part(data, 0, 101)).ok());  // chunk too big
    REQUIRE(up.chunk("acme", "acme-booth", 0, part(data, 0, 100)).ok());
    REQUIRE(up.chunk("acme", "acme-booth", 100, part(data, 100, 100)).ok());
    CHECK_FALSE(up.finish("acme", "acme-booth").ok()); // incomplete
    Bytes wrong = data;
    wrong[250] ^= 1;
    REQUIRE(up.chunk("acme", "acme-booth", 200, part(wrong, 200, 100)).ok());
    CHECK_FALSE(up.chunk("acme", "acme-booth", 300, part(data, 0, 1)).ok()); // past the end
    auto out = up.finish("acme", "acme-booth");
    REQUIRE_FALSE(out.ok());
    CHECK(out.error().message.find("hash") != std::string::npos);
}

TEST_CASE("content store: blobs are named by hash / stored once and verified on read") {
    ContentStore store(test::scratch("store"));
    Bytes data = sample(5000);
    auto h = store.put(data);
    REQUIRE(h.ok());
    CHECK(*h == hash128(data));
    CHECK(store.has(*h));
    auto again = store.put(data);
    REQUIRE(again.ok());
    CHECK(*again == *h);
    auto back = store.get(*h);
    REQUIRE(back.ok());
    CHECK(*back == data);
    REQUIRE(writeFileAtomic(store.pathOf(*h), std::string_view("tampered")).ok());
    CHECK_FALSE(store.get(*h).ok());
    CHECK_FALSE(store.get(Hash128{1, 2}).ok());
}

TEST_CASE("upload: finish with an unsafe id reads nothing outside the uploads folder") {
    auto root = test::scratch("upload-escape");
    UploadAssembler outside(root); // a complete upload of "x" for booth "b", one folder up
    Bytes data = sample(50);
    REQUIRE(outside.begin("x", "b", data.size(), hash128(data)).ok());
    REQUIRE(outside.chunk("x", "b", 0, data).ok());
    UploadAssembler up(root / "uploads");
    // "../x" names root/x__b.part: finish used to read it (and only abandon checked ids).
    auto escaped = up.finish("../x", "b");
    REQUIRE_FALSE(escaped.ok());
    CHECK(escaped.error().message.find("bad exhibitor or booth id") != std::string::npos);
    CHECK(outside.finish("x", "b").ok()); // left alone
}
