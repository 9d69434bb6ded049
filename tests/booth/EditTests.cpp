// Tests for the editing model: every edit kind applies, undoes and redoes exactly; drags merge.
// Compares whole bundles, so an edit that leaks a change past undo fails here.
#include "game/booth/BoothPaths.h"
#include "tests/booth/BoothTestSupport.h"

#include <doctest/doctest.h>
#include <functional>

using namespace fg;
using namespace fg::booth;

namespace {

// Applies EDIT, checks it changed the bundle, undo restores it exactly, redo re-applies it.
void roundTrip(BoothEditor& ed, const std::function<Status(BoothEditor&)>& edit) {
    BoothBundle before = ed.bundle();
    Status st = edit(ed);
    REQUIRE_MESSAGE(st.ok(), st.error().message);
    BoothBundle after = ed.bundle();
    CHECK_FALSE(after.sameContent(before));
    REQUIRE(ed.undo());
    CHECK(ed.bundle().sameContent(before));
    REQUIRE(ed.redo());
    CHECK(ed.bundle().sameContent(after));
}

} // namespace

TEST_CASE("edits: each edit kind undoes and redoes") {
    BoothEditor ed(test::validBundle());
    Bytes png = test::fileBytes("checker.png");
    auto files = readModelFiles(test::testModels() / "cube.gltf");
    REQUIRE(files.ok());
    Transform t{{0.5f, 0.0f, -0.25f}, {0.0f, 90.0f, 0.0f}, {0.5f, 0.5f, 0.5f}};
    ed.bundle(); // the template bundle is size S; switch to L so counts allow every addition
    roundTrip(ed, [](BoothEditor& e) {
        return setBoothShape(e, expo::BoothKind::ThreeD, expo::BoothSize::L, BoothStyle::Island);
    });
    roundTrip(ed, [&](BoothEditor& e) { return addModel(e, "cube.gltf", *files); });
    roundTrip(ed, [&](BoothEditor& e) { return setModelTransform(e, 0, t); });
    roundTrip(ed, [&](BoothEditor& e) { return setPoster(e, 3, "Poster Two.PNG", png); });
    roundTrip(ed, [&](BoothEditor& e) { return setLogo(e, "logo2.png", Bytes{1, 2, 3}); });
    roundTrip(ed, [](BoothEditor& e) { return addSign(e, "Welcome"); });
    roundTrip(ed, [](BoothEditor& e) { return setSign(e, 0, "Acme"); });
    roundTrip(ed, [](BoothEditor& e) {
        return addDocument(e, "Brochure", "b.txt", Bytes{'h', 'i'});
    });
    roundTrip(ed, [](BoothEditor& e) { return addLink(e, "Site", "https://acme.example"); });
    roundTrip(ed, [&](BoothEditor& e) {
        return addVideo(e, "Demo", "https://v.example/1", "thumb.png", png);
    });
    expo::Exhibitor p = ed.bundle().profile;
    p.name = "Acme Renamed";
    roundTrip(ed, [&](BoothEditor& e) { return setProfile(e, p); });
    for (ItemKind kind : {ItemKind::Model, ItemKind::Poster, ItemKind::Sign, ItemKind::Document,
                          ItemKind::Link, ItemKind::Video}) {
        CAPTURE(toString(kind));
        REQUIRE(itemCount(ed.bundle(), kind) > 0);
        roundTrip(ed, [&](BoothEditor& e) { return duplicateItem(e, {kind, 0}); });
        roundTrip(ed, [&](BoothEditor& e) { return deleteItem(e, {kind, 0}); });
    }
}

TEST_CASE("edits: import stores the model and its companions in one folder - delete drops them") {
    BoothEditor ed(test::validBundle());
    auto files = readModelFiles(test::testModels() / "cube.gltf");
    REQUIRE(files.ok());
    REQUIRE(addModel(ed, "cube.gltf", *files).ok());
    const auto& model = ed.bundle().booth.content.models.back();
    CHECK(model.file == "models/cube-2/cube.gltf"); // validBundle already has models/cube/
    CHECK(ed.bundle().files.count("models/cube-2/cube.bin") == 1);
    CHECK(ed.bundle().files.count("models/cube-2/checker.png") == 1);
    REQUIRE(deleteItem(ed, {ItemKind::Model, 1}).ok());
    CHECK(ed.bundle().files.count("models/cube-2/cube.bin") == 0);
    CHECK(ed.bundle().files.count("models/cube/cube.glb") == 1);
}

TEST_CASE("edits: a drag merges into one undo step until the gesture ends") {
    BoothEditor ed(test::validBundle());
    glm::vec3 start = ed.bundle().booth.content.models[0].position;
    for (int i = 1; i <= 10; ++i)
        REQUIRE(setModelTransform(ed, 0, {{0.1f * i, 0, 0}, {}, glm::vec3(1.0f)}, "drag-0").ok());
    ed.endGesture();
    REQUIRE(setModelTransform(ed, 0, {{-0.5f, 0, 0}, {}, glm::vec3(1.0f)}, "drag-0").ok());
    CHECK(ed.bundle().booth.content.models[0].position.x == doctest::Approx(-0.5f));
    REQUIRE(ed.undo());
    CHECK(ed.bundle().booth.content.models[0].position.x == doctest::Approx(1.0f));
    REQUIRE(ed.undo());
    CHECK(ed.bundle().booth.content.models[0].position == start);
}

TEST_CASE("edits: failed edits change nothing and record no step") {
    BoothEditor ed(test::validBundle());
    std::uint64_t rev = ed.revision();
    bool couldUndo = ed.canUndo();
    BoothBundle before = ed.bundle();
    CHECK_FALSE(setModelTransform(ed, 5, {}).ok());
    CHECK_FALSE(deleteItem(ed, {ItemKind::Link, 0}).ok());
    CHECK_FALSE(duplicateItem(ed, {ItemKind::Video, 3}).ok());
    CHECK_FALSE(addModel(ed, "x.glb", {}).ok());
    CHECK(ed.revision() == rev);
    CHECK(ed.canUndo() == couldUndo);
    CHECK(ed.bundle().sameContent(before));
}

TEST_CASE("edits: a new edit clears redo - saved state tracks modification") {
    BoothEditor ed(test::validBundle());
    ed.markSaved();
    CHECK_FALSE(ed.modified());
    REQUIRE(addSign(ed, "One").ok());
    CHECK(ed.modified());
    REQUIRE(ed.undo());
    CHECK(ed.canRedo());
    REQUIRE(addLink(ed, "L", "https://l.example").ok());
    CHECK_FALSE(ed.canRedo());
    CHECK(ed.undoLabel() == "Add link");
}

TEST_CASE("edits: posters fill the next free slot when duplicated") {
    BoothEditor ed(test::validBundle());
    REQUIRE(duplicateItem(ed, {ItemKind::Poster, 0}).ok());
    REQUIRE(ed.bundle().booth.content.posters.size() == 2);
    CHECK(ed.bundle().booth.content.posters[1].slot == 1);
    CHECK_FALSE(duplicateItem(ed, {ItemKind::Poster, 0}).ok()); // size S has two slots
}

TEST_CASE("entry names: user file names become safe bundle names") {
    CHECK(entryNameFor("images", "/home/me/My Logo.PNG") == "images/my_logo.png");
    CHECK(entryNameFor("docs", "..hidden") == "docs/hidden");
    CHECK(checkEntryName(entryNameFor("docs", "ä ö.pdf")).ok());
}
