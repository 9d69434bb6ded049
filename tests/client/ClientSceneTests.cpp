// The client's use of fg_scene: floor clicks walk, booth and poster clicks open the booth, and
// the poster zoom camera faces the poster it zooms. Headless renderer on lavapipe, sample data.
#include "engine/render/Renderer.h"
#include "game/expo/ExhibitionJson.h"
#include "game/scene/ExhibitionScene.h"

#include <doctest/doctest.h>
#include <glm/geometric.hpp>

namespace {

const std::filesystem::path kSample =
    std::filesystem::path(FG_ASSETS_DIR) / "exhibitions/digital-world-2021/exhibition.json";

struct Built {
    std::unique_ptr<fg::expo::Exhibition> ex;
    std::unique_ptr<fg::render::Renderer> renderer;
    std::unique_ptr<fg::scene::ExhibitionScene> scene;
};

Built build() {
    Built b;
    auto report = fg::expo::loadExhibition(kSample);
    REQUIRE(report.ok());
    b.ex = std::make_unique<fg::expo::Exhibition>(std::move(*report.exhibition));
    fg::render::RendererOptions ro;
    ro.msaaSamples = 1;
    auto r = fg::render::Renderer::create(ro);
    REQUIRE_MESSAGE(r, (r ? "" : r.error().message));
    b.renderer = std::move(*r);
    float last = -1.0f;
    int calls = 0;
    fg::scene::ExhibitionSceneOptions so;
    so.progress = [&](float f, std::string_view) {
        CHECK(f >= last); // the bar only moves forward
        last = f;
        ++calls;
    };
    auto s = fg::scene::ExhibitionScene::build(*b.renderer, *b.ex, kSample.parent_path(), so);
    REQUIRE_MESSAGE(s, (s ? "" : s.error().message));
    b.scene = std::move(*s);
    CHECK(calls > 2);
    CHECK(last == doctest::Approx(1.0f));
    return b;
}

fg::render::Ray down(glm::vec3 at) {
    return {at + glm::vec3(0, 20, 0), {0, -1, 0}};
}

} // namespace

TEST_CASE("client scene: floor, booth and poster picks as the client reads them") {
    Built b = build();
    const fg::expo::Hall& hall = b.ex->halls.front();
    const glm::vec3 spawn{hall.origin.x + hall.spawn.position.x, 0,
                          hall.origin.y + hall.spawn.position.y};
    const auto floor = b.scene->pickFloor(down(spawn));
    REQUIRE(floor.has_value());
    CHECK(floor->hallIndex == 0);
    CHECK(glm::distance(floor->point, spawn) < 0.01f);
    CHECK_FALSE(b.scene->pick(down(spawn)).has_value());

    // A booth seen from above: its platform picks the booth, never the floor under it.
    const std::size_t i = b.ex->booths.size() / 2;
    const fg::expo::Booth& booth = b.ex->booths[i];
    const fg::expo::Hall* bh = fg::expo::findHall(*b.ex, booth.hall);
    REQUIRE(bh);
    const glm::vec3 centre{bh->origin.x + booth.position.x, 0, bh->origin.y + booth.position.y};
    const auto hit = b.scene->pick(down(centre));
    REQUIRE(hit.has_value());
    CHECK(hit->boothIndex == i);
    CHECK(hit->boothId == booth.id);
    CHECK_FALSE(b.scene->pickFloor(down(centre)).has_value());

    // Every poster: a ray along the zoom camera's view (poster frame -z) hits that poster.
    int posters = 0;
    for (std::size_t k = 0; k < b.ex->booths.size() && posters < 12; ++k) {
        for (const fg::expo::Poster& p : b.ex->booths[k].content.posters) {
            const auto frame = fg::scene::posterFrame(*b.ex, b.ex->booths[k], p.slot);
            REQUIRE(frame.has_value());
            const glm::vec3 facing = glm::normalize(glm::vec3((*frame)[2]));
            const glm::vec3 at = glm::vec3((*frame)[3]);
            const auto seen = b.scene->pick({at + facing * 1.0f, -facing});
            REQUIRE(seen.has_value());
            CHECK(seen->boothIndex == k);
            CHECK(seen->kind == fg::scene::PickKind::Poster);
            CHECK(seen->index == p.slot);
            ++posters;
        }
    }
    CHECK(posters > 0);
}

TEST_CASE("client scene: rebuilding the world (a booth revision) frees the old one's GPU memory") {
    Built b = build();
    REQUIRE(b.renderer->flushUploads().ok());
    const fg::render::MemoryStats first = b.renderer->memoryStats();
    for (int i = 0; i < 2; ++i) { // as ClientApp::rebuildWorld: build the new, drop the old
        auto again = fg::scene::ExhibitionScene::build(*b.renderer, *b.ex, kSample.parent_path());
        REQUIRE_MESSAGE(again, (again ? "" : again.error().message));
        b.scene = std::move(*again);
    }
    const fg::render::MemoryStats third = b.renderer->memoryStats();
    INFO("used " << first.usedBytes << " -> " << third.usedBytes << " bytes, allocations "
                 << first.allocations << " -> " << third.allocations);
    CHECK(third.allocations == first.allocations);
    CHECK(third.usedBytes == first.usedBytes);
    fg::render::Camera camera = *b.scene->view("entrance");
    auto image = b.renderer->renderToImage(b.scene->scene(), camera, 64, 36);
    CHECK_MESSAGE(image.ok(), (image ? "" : image.error().message));
    CHECK(b.renderer->validationMessages() == 0);
}

TEST_CASE("client scene: wall, corner and island booths get their own walls") {
    using fg::expo::BoothStyle;
    fg::expo::Exhibition ex;
    fg::expo::Hall hall;
    hall.id = "h";
    hall.size = {60, 20};
    hall.wallHeight = 6;
    ex.halls.push_back(hall);
    const BoothStyle styles[3] = {BoothStyle::Wall, BoothStyle::Corner, BoothStyle::Island};
    for (int i = 0; i < 3; ++i) {
        fg::expo::Booth b;
        b.id = "b" + std::to_string(i);
        b.hall = "h";
        b.size = fg::expo::BoothSize::M;
        b.style = styles[i];
        b.position = {10.0f + 20.0f * float(i), 10};
        ex.booths.push_back(b);
    }
    fg::render::RendererOptions ro;
    ro.msaaSamples = 1;
    auto renderer = fg::render::Renderer::create(ro);
    REQUIRE(renderer);
    auto scene = fg::scene::ExhibitionScene::build(**renderer, ex, ".");
    REQUIRE_MESSAGE(scene, (scene ? "" : scene.error().message));
    const fg::expo::SizeTemplate& t = fg::expo::sizeTemplate(fg::expo::BoothSize::M);
    // A horizontal ray at eye height from outside the booth's +x side, at booth-local Z.
    auto fromSide = [&](int booth, float z) {
        const glm::vec3 at{10.0f + 20.0f * float(booth) + t.width, 1.5f, 10.0f + z};
        const auto hit = (*scene)->pick({at, {-1, 0, 0}});
        return hit && hit->boothIndex == std::size_t(booth);
    };
    auto fromFront = [&](int booth) {
        const glm::vec3 at{10.0f + 20.0f * float(booth), 1.5f, 10.0f + t.depth};
        const auto hit = (*scene)->pick({at, {0, 0, -1}});
        return hit && hit->boothIndex == std::size_t(booth);
    };
    const float back = -t.depth * 0.35f, front = t.depth * 0.35f;
    CHECK(fromSide(0, back)); // wall: half-depth side walls at the back
    CHECK_FALSE(fromSide(0, front));
    CHECK(fromSide(1, back)); // corner: one full-depth side wall
    CHECK(fromSide(1, front));
    CHECK_FALSE(fromSide(2, back)); // island: no side walls...
    CHECK_FALSE(fromSide(2, front));
    CHECK(fromFront(2)); // ...but a display wall facing the aisle
    CHECK((*renderer)->validationMessages() == 0);
}
