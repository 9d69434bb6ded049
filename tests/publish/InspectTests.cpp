// Tests for server-side bundle checks: ownership, size, each malformed kind, sandboxed imports.
// Every rejection must carry a reason, and the service must keep working afterwards.
#include "tests/publish/PublishTestSupport.h"

#include <doctest/doctest.h>

using namespace fg;
using namespace fg::publish;

namespace {

booth::ArchiveEntries entriesOf(const booth::BoothBundle& b) {
    auto e = booth::readArchive(booth::saveBundleBytes(b), "x");
    REQUIRE(e.ok());
    return *e;
}

std::string submitError(PublishService& svc, const std::string& exhibitor, const Bytes& bytes) {
    auto r = svc.submit(exhibitor, bytes, test::exhibition());
    return r.ok() ? std::string() : r.error().message;
}

} // namespace

TEST_CASE("inspect: a good bundle is imported in the sandbox and its assets stored by hash") {
    auto cfg = test::config("inspect-good");
    ContentStore store(cfg.dir / "assets");
    InspectOptions options;
    options.scratchDir = cfg.dir / "scratch";
    auto r = inspectBundle(booth::saveBundleBytes(test::bundleFor("acme")), "acme",
                           test::exhibition(), store, options);
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    CHECK_MESSAGE(!booth::blocksPublishing(r->problems), problemSummary(r->problems));
    const std::string model = r->bundle.booth.content.models[0].file;
    REQUIRE(r->stats.count(model));
    CHECK(r->stats.at(model).triangles == 12);
    REQUIRE(r->assets.count(model));
    CHECK(r->assets.at(model).kind == "model");
    CHECK(store.has(r->assets.at(model).hash));
    CHECK(r->bundle.booth.position == glm::vec2(10.0f, 10.0f)); // the organiser's placement
}

TEST_CASE("inspect: another exhibitor's booth and a wrong size are refused") {
    PublishService svc(test::config("inspect-owner"));
    REQUIRE(svc.open().ok());
    Bytes globex = booth::saveBundleBytes(test::bundleFor("globex"));
    CHECK(submitError(svc, "acme", globex).find("belongs to another exhibitor") !=
          std::string::npos);
    booth::BoothBundle b = test::bundleFor("acme");
    b.booth.id = "globex-booth"; // acme claims globex's booth
    CHECK(submitError(svc, "acme", booth::saveBundleBytes(b)).find("another exhibitor") !=
          std::string::npos);
    booth::BoothBundle big = test::bundleFor("acme");
    big.booth.size = expo::BoothSize::L;
    CHECK(submitError(svc, "acme", booth::saveBundleBytes(big)).find("is size S") !=
          std::string::npos);
    b.booth.id = "nope-booth";
    CHECK(submitError(svc, "acme", booth::saveBundleBytes(b)).find("does not exist") !=
          std::string::npos);
}

TEST_CASE(
    "inspect: each malformed bundle is rejected with its reason and the service keeps serving") {
    PublishService svc(test::config("inspect-malformed"));
    REQUIRE(svc.open().ok());
    booth::BoothBundle good = test::bundleFor("acme");

    auto withEntry = [&](const std::string& name, Bytes data) {
        auto e = entriesOf(good);
        e[name] = std::move(data);
        return booth::writeArchive(e);
    };
    CHECK(submitError(svc, "acme", withEntry("../escape.png", {1})).find("escapes the bundle") !=
          std::string::npos);
    CHECK(submitError(svc, "acme", withEntry("/abs/x.png", {1})).find("escapes the bundle") !=
          std::string::npos);
    CHECK(submitError(svc, "acme", withEntry("images/zeros.png", Bytes(16u << 20, 0)))
              .find("compression bomb") != std::string::npos);
    CHECK(submitError(svc, "acme", withEntry("docs/big.pdf", Bytes(40u << 20, 0)))
              .find("per-file limit") != std::string::npos);
    Bytes zipHeader(40, 0); // a zip file is not a .booth
    zipHeader[0] = 'P', zipHeader[1] = 'K', zipHeader[2] = 3, zipHeader[3] = 4;
    Bytes truncated = booth::saveBundleBytes(good);
    truncated.resize(truncated.size() / 2);
    CHECK_FALSE(submitError(svc, "acme", truncated).empty());
    CHECK(submitError(svc, "acme", zipHeader).find("not a .booth") != std::string::npos);

    booth::BoothBundle broken = good;
    const std::string model = broken.booth.content.models[0].file;
    broken.files[model] = std::make_shared<const Bytes>(Bytes{'{', '"', 'a', 's'}); // broken glTF
    std::string reason = submitError(svc, "acme", booth::saveBundleBytes(broken));
    CHECK_MESSAGE(reason.find("bad file") != std::string::npos, reason);
    CHECK(reason.find(model) != std::string::npos);

    booth::BoothBundle outside = good;
    outside.booth.content.models[0].position.x = 1.4f; // the 2 m cube sticks out of the 3 m booth
    CHECK(submitError(svc, "acme", booth::saveBundleBytes(outside)).find("outside footprint") !=
          std::string::npos);

    CHECK(svc.pending().empty());
    auto ok = svc.submit("acme", booth::saveBundleBytes(good), test::exhibition());
    REQUIRE_MESSAGE(ok.ok(), ok.error().message);
    CHECK(svc.pending().size() == 1);
}

TEST_CASE("inspect: a model that hangs or exhausts the importer only costs the child") {
    // A glTF whose buffer claims 2^31 bytes from a tiny .bin: Assimp fails or the limits stop it.
    booth::BoothBundle b = test::bundleFor("acme");
    const std::string model = b.booth.content.models[0].file;
    std::string text =
        R"({"asset":{"version":"2.0"},"buffers":[{"byteLength":2147483647,"uri":"cube.bin"}],
        "bufferViews":[{"buffer":0,"byteLength":2147483647}],
        "accessors":[{"bufferView":0,"componentType":5126,"count":178956970,"type":"VEC3"}],
        "meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],"nodes":[{"mesh":0}],"scenes":[{"nodes":[0]}]})";
    b.files[model] = std::make_shared<const Bytes>(Bytes(text.begin(), text.end()));
    PublishConfig cfg = test::config("inspect-hostile");
    cfg.inspect.sandbox = {256ull << 20, 5, 10.0};
    PublishService svc(cfg);
    REQUIRE(svc.open().ok());
    std::string reason = submitError(svc, "acme", booth::saveBundleBytes(b));
    CHECK_MESSAGE(reason.find("bad file") != std::string::npos, reason);
    CHECK(svc.submit("acme", booth::saveBundleBytes(test::bundleFor("acme")), test::exhibition())
              .ok());
}
