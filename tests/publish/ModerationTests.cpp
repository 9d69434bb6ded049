// Tests for the moderation flow: pending, approve with revisions, reject with reason, persistence
// in the store, a legacy queue.json imported once, automatic approval and manifests by hash.
#include "server/publish/PublishConsole.h"
#include "tests/publish/PublishTestSupport.h"

#include <doctest/doctest.h>

using namespace fg;
using namespace fg::publish;

TEST_CASE("moderation: submit / approve / announce - the manifest names stored assets") {
    PublishService svc(test::config("moderation-approve"));
    REQUIRE(svc.open().ok());
    std::vector<PublishedRevision> announced;
    svc.setOnPublished([&](const PublishedRevision& r) { announced.push_back(r); });
    booth::BoothBundle island = test::bundleFor("acme");
    island.booth.style = expo::BoothStyle::Island; // the exhibitor's walls travel with the booth
    auto sub = svc.submit("acme", booth::saveBundleBytes(island), test::exhibition());
    REQUIRE_MESSAGE(sub.ok(), sub.error().message);
    CHECK_FALSE(sub->approved);
    REQUIRE(svc.pending().size() == 1);
    CHECK(svc.pending()[0].boothId == "acme-booth");
    CHECK_FALSE(svc.published("acme-booth").has_value());

    auto rev = svc.approve("acme-booth");
    REQUIRE_MESSAGE(rev.ok(), rev.error().message);
    CHECK(rev->revision == 1);
    REQUIRE(announced.size() == 1);
    CHECK(svc.pending().empty());
    const auto& m = rev->manifest.booth.content.models.at(0).file;
    CHECK(m.size() == 36);
    CHECK(m.substr(32) == ".fgm");
    CHECK(rev->assets.size() == 3); // model, poster+logo (same image), nothing else
    for (const Hash128& h : rev->assets)
        CHECK(svc.store().has(h));
    CHECK_FALSE(svc.approve("acme-booth").ok()); // nothing pending any more

    expo::Exhibition ex = test::exhibition();
    REQUIRE((ex.booths[0].style == expo::BoothStyle::Wall));
    applyRevision(ex, *rev);
    CHECK(ex.booths[0].content.models.at(0).file == m);
    CHECK((ex.booths[0].style == expo::BoothStyle::Island));
    CHECK(ex.exhibitors[0].name == "Company acme");
}

TEST_CASE("moderation: reject keeps the reason - a new submission gets the next revision") {
    PublishService svc(test::config("moderation-reject"));
    REQUIRE(svc.open().ok());
    Bytes bytes = booth::saveBundleBytes(test::bundleFor("acme"));
    REQUIRE(svc.submit("acme", bytes, test::exhibition()).ok());
    REQUIRE(svc.reject("acme-booth", "poster shows a competitor's logo").ok());
    auto latest = svc.latest("acme-booth");
    REQUIRE(latest.has_value());
    CHECK((latest->state == SubmissionState::Rejected));
    CHECK(latest->reason == "poster shows a competitor's logo");
    CHECK_FALSE(svc.reject("acme-booth", "again").ok());
    REQUIRE(svc.submit("acme", bytes, test::exhibition()).ok());
    REQUIRE(svc.approve("acme-booth").ok());
    REQUIRE(svc.submit("acme", bytes, test::exhibition()).ok());
    auto second = svc.approve("acme-booth");
    REQUIRE(second.ok());
    CHECK(second->revision == 2);
}

TEST_CASE("moderation: the queue survives a restart") {
    PublishConfig cfg = test::config("moderation-restart");
    {
        PublishService svc(cfg);
        REQUIRE(svc.open().ok());
        REQUIRE(
            svc.submit("acme", booth::saveBundleBytes(test::bundleFor("acme")), test::exhibition())
                .ok());
        REQUIRE(svc.submit("globex", booth::saveBundleBytes(test::bundleFor("globex")),
                           test::exhibition())
                    .ok());
        REQUIRE(svc.approve("globex-booth").ok());
    }
    CHECK_FALSE(std::filesystem::exists(cfg.dir / "queue.json")); // the store is the record
    PublishService again(cfg);
    REQUIRE(again.open().ok());
    REQUIRE(again.pending().size() == 1);
    CHECK(again.pending()[0].boothId == "acme-booth");
    auto pub = again.published("globex-booth");
    REQUIRE(pub.has_value());
    CHECK(pub->revision == 1);
    CHECK(pub->manifest.profile.name == "Company globex");
}

TEST_CASE("moderation: automatic approval publishes straight away") {
    PublishService svc(test::config("moderation-auto", true));
    REQUIRE(svc.open().ok());
    int announced = 0;
    svc.setOnPublished([&](const PublishedRevision&) { ++announced; });
    auto sub =
        svc.submit("acme", booth::saveBundleBytes(test::bundleFor("acme")), test::exhibition());
    REQUIRE(sub.ok());
    CHECK(sub->approved);
    CHECK(sub->revision == 1);
    CHECK(announced == 1);
    CHECK(svc.pending().empty());
}

TEST_CASE("console: booth pending / approve / reject through the command text") {
    PublishService svc(test::config("moderation-console"));
    REQUIRE(svc.open().ok());
    CHECK(isBoothCommand("booth pending"));
    CHECK_FALSE(isBoothCommand("kick 3"));
    auto empty = runBoothCommand(svc, "booth pending");
    REQUIRE(empty.ok());
    CHECK(empty->find("no booths waiting") != std::string::npos);
    REQUIRE(svc.submit("acme", booth::saveBundleBytes(test::bundleFor("acme")), test::exhibition())
                .ok());
    REQUIRE(
        svc.submit("globex", booth::saveBundleBytes(test::bundleFor("globex")), test::exhibition())
            .ok());
    auto list = runBoothCommand(svc, "booth pending");
    REQUIRE(list.ok());
    CHECK(list->find("acme-booth") != std::string::npos);
    CHECK(list->find("globex-booth") != std::string::npos);
    auto approved = runBoothCommand(svc, "booth approve acme-booth");
    REQUIRE(approved.ok());
    CHECK(approved->find("revision 1") != std::string::npos);
    CHECK_FALSE(runBoothCommand(svc, "booth reject globex-booth").ok()); // a reason is required
    auto rejected = runBoothCommand(svc, "booth reject globex-booth logo is blurry");
    REQUIRE(rejected.ok());
    CHECK(svc.latest("globex-booth")->reason == "logo is blurry");
    auto none = runBoothCommand(svc, "booth approve acme-booth");
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().message.find("nothing pending") != std::string::npos);
    CHECK_FALSE(runBoothCommand(svc, "booth frobnicate").ok());
    CHECK(runBoothCommand(svc, "booth pending")->find("no booths waiting") != std::string::npos);
}

namespace {

constexpr const char* kLegacyQueue = R"([
 {"booth": "acme-booth", "exhibitor": "acme", "state": "approved", "reason": "",
  "submitted_at": 1700000000, "bundle": "f70d86ba015ed308827a1e998385ce53",
  "manifest": "526886ae8fd84129eedd9778fd30e3a0", "revision": 1, "warnings": 2},
 {"booth": "globex-booth", "exhibitor": "globex", "state": "pending", "reason": "",
  "submitted_at": 1700000100, "bundle": "79c1a844780d67193fa840c023002cd7",
  "manifest": "a1ca9414f493e2c10ace1a14c58ecbbe", "revision": 0, "warnings": 0}
])";

} // namespace

TEST_CASE("moderation: a legacy queue.json is imported into the store once and renamed") {
    PublishConfig cfg = test::config("moderation-legacy");
    REQUIRE(writeFileAtomic(cfg.dir / "queue.json", std::string(kLegacyQueue)).ok());
    for (int start = 0; start < 2; ++start) {
        PublishService svc(cfg);
        REQUIRE(svc.open().ok());
        REQUIRE(svc.pending().size() == 1);
        CHECK(svc.pending()[0].boothId == "globex-booth");
        CHECK(svc.pending()[0].submittedAt == 1700000100);
        auto approved = svc.approvedSubmission("acme-booth");
        REQUIRE(approved.has_value());
        CHECK(approved->revision == 1);
        CHECK(approved->warnings == 2);
        CHECK(toHex(approved->manifest) == "526886ae8fd84129eedd9778fd30e3a0");
        CHECK_FALSE(std::filesystem::exists(cfg.dir / "queue.json"));
        CHECK(std::filesystem::exists(cfg.dir / "queue.json.imported"));
    }
    PublishService svc(cfg); // decisions after the import are the store's
    REQUIRE(svc.open().ok());
    REQUIRE(svc.reject("globex-booth", "blurry").ok());
    PublishService again(cfg);
    REQUIRE(again.open().ok());
    CHECK(again.pending().empty());
    CHECK(again.latest("globex-booth")->reason == "blurry");
    CHECK_FALSE(std::filesystem::exists(cfg.dir / "queue.json"));
}

TEST_CASE("moderation: a damaged queue.json is refused naming the file and entry, and kept") {
    PublishConfig cfg = test::config("moderation-legacy-damaged");
    std::string text = kLegacyQueue;
    text.replace(text.find("\"pending\""), 9, "\"lost\"");
    REQUIRE(writeFileAtomic(cfg.dir / "queue.json", text).ok());
    PublishService svc(cfg);
    auto st = svc.open();
    REQUIRE_FALSE(st.ok());
    CHECK_MESSAGE(st.error().message.find("queue.json: [1]: damaged submission: unknown state "
                                          "'lost'") != std::string::npos,
                  st.error().message);
    CHECK(std::filesystem::exists(cfg.dir / "queue.json"));

    REQUIRE(writeFileAtomic(cfg.dir / "queue.json", std::string("{\"not\": \"a list\"}")).ok());
    PublishService other(cfg);
    auto bad = other.open();
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.find("not a JSON array") != std::string::npos);
}
