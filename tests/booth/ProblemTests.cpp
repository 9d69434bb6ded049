// Tests for budgets and every problem rule: each rule fires on a broken bundle, not on a good one.
// Uses real models and images from assets/test-models measured by AssetMeter.
#include "game/booth/BoothProblems.h"
#include "tests/booth/BoothTestSupport.h"

#include <doctest/doctest.h>

using namespace fg;
using namespace fg::booth;

namespace {

struct Checked {
    std::vector<BoothProblem> problems;
    bool has(ProblemKind kind, const std::string& pathPart) const {
        for (const auto& p : problems)
            if (p.kind == kind && p.path.find(pathPart) != std::string::npos) return true;
        return false;
    }
    std::string dump() const {
        std::string s;
        for (const auto& p : problems)
            s += p.toString() + "\n";
        return s;
    }
};

Checked check(const BoothBundle& b) {
    AssetMeter meter(test::scratchDir("meter"));
    return {checkBundle(b, meter.measure(b))};
}

} // namespace

TEST_CASE("problems: the valid bundle has none and may be published") {
    Checked c = check(test::validBundle());
    CHECK_MESSAGE(c.problems.empty(), c.dump());
    CHECK_FALSE(blocksPublishing(c.problems));
}

TEST_CASE("problems: a model outside the footprint / by position and by its extent") {
    BoothBundle b = test::validBundle();
    b.booth.content.models[0].position = {2.0f, 0.0f, 0.0f}; // S is 3 x 3: x within +-1.5
    Checked c = check(b);
    CHECK(c.has(ProblemKind::OutsideFootprint, "models[0].position"));
    CHECK(blocksPublishing(c.problems));

    b.booth.content.models[0].position = {1.2f, 0.0f, 0.0f}; // centre inside, the 2 m cube is not
    Checked d = check(b);
    CHECK_MESSAGE(d.has(ProblemKind::OutsideFootprint, "models[0]"), d.dump());
    b.booth.content.models[0].position = {0.0f, 11.0f, 0.0f};
    CHECK(check(b).has(ProblemKind::OutsideFootprint, "models[0].position"));
}

TEST_CASE("problems: missing files are reported per reference") {
    BoothBundle b = test::validBundle();
    std::string poster = b.booth.content.posters[0].image;
    b.booth.content.documents.push_back({"Brochure", "docs/brochure.pdf"});
    b.booth.content.videos.push_back({"Demo", "https://video.example/1", "images/none.png"});
    Checked c = check(b);
    CHECK(c.has(ProblemKind::MissingFile, "documents[0].file"));
    CHECK(c.has(ProblemKind::MissingFile, "videos[0].thumbnail"));
    CHECK_FALSE(c.has(ProblemKind::MissingFile, "posters[0]"));
}

TEST_CASE("problems: over budget for triangles / texture memory and total size") {
    BoothBundle b = test::validBundle();
    StatsMap stats = AssetMeter(test::scratchDir("budget")).measure(b);
    const std::string model = b.booth.content.models[0].file;
    REQUIRE(stats.at(model).ok);
    CHECK(stats.at(model).triangles == 12);
    stats[model].triangles = budgetFor(expo::BoothSize::S).maxTriangles + 1;
    Checked c{checkBundle(b, stats)};
    CHECK(c.has(ProblemKind::OverBudget, "triangles"));
    CHECK_FALSE(c.has(ProblemKind::OverBudget, "texture"));

    stats = AssetMeter(test::scratchDir("budget2")).measure(b);
    stats[b.booth.content.posters[0].image].textureBytes =
        budgetFor(expo::BoothSize::S).maxTextureBytes + 1;
    CHECK(Checked{checkBundle(b, stats)}.has(ProblemKind::OverBudget, "texture memory"));

    BoothBundle big = b;
    // Many distinct 7 MiB documents: each within the 16 MiB file limit, together over 16 MiB.
    for (int i = 0; i < 3; ++i) {
        std::string name = "docs/d" + std::to_string(i) + ".txt";
        big.files[name] =
            std::make_shared<const Bytes>(Bytes(7u << 20, static_cast<std::uint8_t>('a' + i)));
        big.booth.content.documents.push_back({"Doc", name});
    }
    Checked t = check(big);
    CHECK_MESSAGE(t.has(ProblemKind::OverBudget, "total size"), t.dump());
    BudgetUse use = measureUse(big, AssetMeter(test::scratchDir("budget3")).measure(big));
    CHECK(use.totalBytes > (21u << 20));
}

TEST_CASE("problems: a file that fails to import or decode is a bad file") {
    BoothBundle b = test::validBundle();
    std::string poster = b.booth.content.posters[0].image;
    b.files[poster] = std::make_shared<const Bytes>(Bytes{'n', 'o', 't', ' ', 'p', 'n', 'g'});
    std::string model = b.booth.content.models[0].file;
    b.files[model] = std::make_shared<const Bytes>(Bytes(100, 0xee));
    Checked c = check(b);
    CHECK_MESSAGE(c.has(ProblemKind::BadFile, "posters[0].image"), c.dump());
    CHECK(c.has(ProblemKind::BadFile, "models[0].file"));
    CHECK(blocksPublishing(c.problems));
}

TEST_CASE("problems: wrong kinds and oversized files are bad files") {
    BoothBundle b = test::validBundle();
    b.booth.content.posters.push_back({1, b.booth.content.models[0].file}); // a model as a poster
    b.files["docs/huge.pdf"] = std::make_shared<const Bytes>(Bytes((16u << 20) + 1, 1));
    b.booth.content.documents.push_back({"Huge", "docs/huge.pdf"});
    b.files["notes.exe"] = std::make_shared<const Bytes>(Bytes(4, 1));
    Checked c = check(b);
    CHECK(c.has(ProblemKind::BadFile, "posters[1].image"));
    CHECK(c.has(ProblemKind::BadFile, "docs/huge.pdf"));
    CHECK(c.has(ProblemKind::BadFile, "notes.exe"));
}

TEST_CASE("problems: text / count / slot / kind and profile rules") {
    BoothBundle b = test::validBundle();
    auto& c = b.booth.content;
    c.signs = {"", std::string(49, 'x')};
    c.links = {{"Site", "ftp://nope"}, {"", "https://ok.example"}};
    c.posters.push_back({0, c.posters[0].image}); // size S has two slots: a clash, not a count
    c.models[0].scale = {0.0f, 1.0f, 1.0f};
    b.profile.email = "not-an-email";
    b.profile.country = "vn";
    b.booth.exhibitor = "someone-else";
    Checked k = check(b);
    for (const char* path : {"signs[0]", "signs[1]", "links[0].url", "links[1].title",
                             "posters[1].slot", "models[0].scale", "profile.email",
                             "profile.country", "booth.exhibitor", "content.signs"})
        CHECK_MESSAGE(k.has(ProblemKind::Invalid, path), path, "\n", k.dump());

    BoothBundle slot = test::validBundle();
    slot.booth.content.posters[0].slot = 7;
    CHECK(check(slot).has(ProblemKind::Invalid, "posters[0].slot"));
    // Three posters cannot have distinct slots in a size S booth: the count is the one problem,
    // worded as fairground-validate words it (both use expo::checkContentBudget).
    BoothBundle many = test::validBundle();
    for (std::uint32_t s : {1u, 7u})
        many.booth.content.posters.push_back({s, many.booth.content.posters[0].image});
    Checked m = check(many);
    REQUIRE_MESSAGE(m.problems.size() == 1, m.dump());
    CHECK(m.problems[0].toString() ==
          "error: invalid: booth.content.posters: expected at most 2 posters for size S, found 3");

    BoothBundle twoD = test::validBundle();
    twoD.booth.kind = expo::BoothKind::TwoD;
    CHECK(check(twoD).has(ProblemKind::Invalid, "content.models"));
    BoothBundle empty3d = makeFromTemplate(BoothTemplate::Island3D, expo::BoothSize::M, "x", "y");
    CHECK(check(empty3d).has(ProblemKind::Invalid, "content.models"));
}

// The editor uses fg_expo's syntax predicates, so it cannot accept what fairground-validate
// refuses (or the reverse): characters, not bytes; assigned country codes only.
TEST_CASE("problems: text and profile rules agree with the exhibition validator") {
    BoothBundle b = test::validBundle();
    std::string sign;
    for (int i = 0; i < 48; ++i)
        sign += "\xc3\xa9"; // 48 characters, 96 bytes
    b.booth.content.signs = {sign};
    Checked ok = check(b);
    CHECK_MESSAGE(ok.problems.empty(), ok.dump());

    b.booth.content.signs = {sign + "x"};
    b.profile.country = "XX"; // two capitals, but no assigned ISO 3166-1 code
    b.profile.website = "https://exa mple.com";
    Checked k = check(b);
    CHECK_MESSAGE(k.problems.size() == 3, k.dump());
    for (const char* path : {"content.signs[0]", "profile.country", "profile.website"})
        CHECK_MESSAGE(k.has(ProblemKind::Invalid, path), path, "\n", k.dump());
}

TEST_CASE("problems: unused files are a warning that does not block publishing") {
    BoothBundle b = test::validBundle();
    b.files["images/spare.png"] = std::make_shared<const Bytes>(test::fileBytes("checker.png"));
    Checked c = check(b);
    REQUIRE(c.problems.size() == 1);
    CHECK((c.problems[0].severity == Severity::Warning));
    CHECK_FALSE(blocksPublishing(c.problems));
}
