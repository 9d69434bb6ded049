// The sample exhibition through fg_scene: the entrance view against a committed reference PNG,
// picking a booth on screen, and magenta placeholders for missing files.
#include "engine/asset/ImageLoader.h"
#include "game/expo/ExhibitionJson.h"
#include "game/scene/ExhibitionScene.h"
#include "tests/render/RenderTestUtil.h"

#include <cmath>
#include <filesystem>

using namespace fg;
using namespace fg::render;
using namespace fg::render::test;

namespace {

const std::filesystem::path kSample =
    std::filesystem::path(FG_ASSETS_DIR) / "exhibitions/digital-world-2021";
const std::filesystem::path kReference =
    std::filesystem::path(FG_SOURCE_DIR) / "tests/render/reference/entrance.png";
constexpr std::uint32_t kWidth = 640, kHeight = 360;

expo::Exhibition loadSample() {
    const expo::LoadReport report = expo::loadExhibition(kSample / "exhibition.json");
    for (const auto& p : report.problems)
        MESSAGE(p.toString());
    REQUIRE(report.ok());
    return *report.exhibition;
}

struct ImageDiff {
    double meanAbs = 0;     // over all channels, in 0..255
    double farFraction = 0; // pixels with any channel off by more than 32
    ImageData visual;       // per-pixel max channel difference, scaled up
};

ImageDiff compare(const ImageData& a, const ImageData& b) {
    ImageDiff d;
    d.visual.width = a.width;
    d.visual.height = a.height;
    d.visual.rgba.resize(a.rgba.size());
    std::uint64_t sum = 0, far = 0;
    for (std::size_t p = 0; p < a.rgba.size(); p += 4) {
        int worst = 0;
        for (std::size_t c = 0; c < 3; ++c) {
            const int diff = std::abs(int(a.rgba[p + c]) - int(b.rgba[p + c]));
            sum += std::uint64_t(diff);
            worst = std::max(worst, diff);
        }
        if (worst > 32) ++far;
        const auto v = std::uint8_t(std::min(255, worst * 4));
        d.visual.rgba[p] = v;
        d.visual.rgba[p + 1] = v;
        d.visual.rgba[p + 2] = v;
        d.visual.rgba[p + 3] = 255;
    }
    d.meanAbs = double(sum) / double(a.rgba.size() / 4 * 3);
    d.farFraction = double(far) / double(a.rgba.size() / 4);
    return d;
}

} // namespace

TEST_CASE("reference: the sample's entrance view matches the committed image") {
    const expo::Exhibition exhibition = loadSample();
    auto r = makeRenderer(RendererOptions{}.shadowMapSize); // as fairground-shot renders it
    auto scene = scene::ExhibitionScene::build(*r, exhibition, kSample);
    REQUIRE_MESSAGE(scene.ok(), (scene.ok() ? "" : scene.error().message));
    CHECK((*scene)->placeholders() == 0);
    auto camera = (*scene)->view("entrance");
    REQUIRE(camera.has_value());
    FrameStats stats;
    const ImageData image = renderImage(*r, (*scene)->scene(), *camera, kWidth, kHeight, &stats);
    CHECK(stats.visibleInstances < stats.totalInstances); // culling removed something
    CHECK(r->validationMessages() == 0);

    auto reference = loadImage(kReference);
    REQUIRE_MESSAGE(reference.ok(), (reference.ok() ? "" : reference.error().message));
    REQUIRE(reference->width == kWidth);
    REQUIRE(reference->height == kHeight);
    const ImageDiff diff = compare(image, *reference);
    MESSAGE("mean abs diff " << diff.meanAbs
                             << "/255, pixels off by >32: " << diff.farFraction * 100.0 << "%");
    const bool ok = diff.meanAbs < 2.0 && diff.farFraction < 0.01;
    if (!ok) {
        const std::filesystem::path out = std::filesystem::path(FG_BINARY_DIR) / "render-reference";
        std::filesystem::create_directories(out);
        (void)writePng(out / "entrance-actual.png", image);
        (void)writePng(out / "entrance-diff.png", diff.visual);
        MESSAGE("wrote " << (out / "entrance-actual.png").string() << " and entrance-diff.png");
    }
    CHECK(diff.meanAbs < 2.0);
    CHECK(diff.farFraction < 0.01);
}

TEST_CASE("reference: a ray through a booth's poster on screen picks that booth") {
    const expo::Exhibition exhibition = loadSample();
    auto r = makeRenderer();
    auto scene = scene::ExhibitionScene::build(*r, exhibition, kSample);
    REQUIRE(scene.ok());
    const Camera camera = *(*scene)->view("entrance");
    // A back-row booth facing the camera (rotation 180): aim at poster slot 0, which hangs
    // 1.45 m up on the back wall at booth-local x = -0.75 (world +0.75 when turned).
    const expo::Booth* booth = nullptr;
    for (const expo::Booth& b : exhibition.booths)
        if (b.id == "vn-03") booth = &b;
    REQUIRE(booth != nullptr);
    const float back = booth->position.y + 1.5f - 0.2f; // rotation 180: the back wall is at +z
    const glm::vec4 world{booth->position.x + 0.75f, 1.45f, back, 1.0f};
    const glm::vec4 clip = camera.projection(float(kWidth) / kHeight) * camera.view() * world;
    const glm::vec2 pixel = (glm::vec2(clip) / clip.w * 0.5f + 0.5f) * glm::vec2(kWidth, kHeight);
    auto hit = (*scene)->pick(rayThroughPixel(camera, pixel, {float(kWidth), float(kHeight)}));
    REQUIRE(hit.has_value());
    CHECK(hit->boothId == "vn-03");
    CHECK(hit->kind == scene::PickKind::Poster);
    CHECK(hit->index == 0);
}

TEST_CASE("reference: missing model and image files become magenta placeholders") {
    expo::Exhibition exhibition;
    expo::Hall hall;
    hall.id = "h";
    hall.name = "Test hall";
    hall.size = {20, 20};
    hall.wallHeight = 5;
    exhibition.halls.push_back(hall);
    expo::Booth booth;
    booth.id = "b";
    booth.hall = "h";
    booth.kind = expo::BoothKind::ThreeD;
    booth.position = {10, 10};
    booth.content.models.push_back({"models/missing.glb", {0, 0, 0}, {0, 0, 0}, {1, 1, 1}});
    booth.content.posters.push_back({0, "posters/missing.png"});
    booth.content.signs.push_back("Missing Things Ltd");
    exhibition.booths.push_back(booth);
    auto r = makeRenderer();
    const std::filesystem::path dir = std::filesystem::path(FG_BINARY_DIR) / "render-missing";
    auto scene = scene::ExhibitionScene::build(*r, exhibition, dir);
    REQUIRE(scene.ok());
    CHECK((*scene)->placeholders() == 2);
    REQUIRE((*scene)->problems().size() == 2);
    CHECK((*scene)->problems()[0].find("missing") != std::string::npos);
    // The placeholder model (a magenta box on the platform) is on screen, magenta.
    Camera camera;
    camera.position = {10, 1.2f, 13.5f};
    camera.yaw = 180;
    camera.pitch = -10;
    const ImageData image = renderImage(*r, (*scene)->scene(), camera, 64, 64);
    int magenta = 0;
    for (std::size_t p = 0; p < image.rgba.size(); p += 4)
        if (image.rgba[p] > 120 && image.rgba[p + 1] < 60 && image.rgba[p + 2] > 120) ++magenta;
    CHECK(magenta > 50);
    CHECK(r->validationMessages() == 0);
}
