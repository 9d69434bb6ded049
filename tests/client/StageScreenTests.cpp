// The venue screens in 3D as the client draws them: the slide viewer's camera fills the view
// with the screen, which shows the deck page asked for (or the title card without a deck).
// Headless renderer on lavapipe, the bundled sample (its generated decks and layouts).
#include "engine/render/Renderer.h"
#include "game/client/ClientFeatures.h"
#include "game/client/slides/SlidesFeature.h"
#include "game/expo/ExhibitionJson.h"
#include "game/expo/VenueLayout.h"
#include "game/scene/ExhibitionScene.h"

#include <doctest/doctest.h>

using namespace fg;

namespace {

const std::filesystem::path kSample =
    std::filesystem::path(FG_ASSETS_DIR) / "exhibitions/digital-world-2021/exhibition.json";

struct Pixel {
    int r, g, b;
};

Pixel at(const ImageData& image, std::uint32_t x, std::uint32_t y) {
    const std::uint8_t* p = &image.rgba[(std::size_t(y) * image.width + x) * 4];
    return {p[0], p[1], p[2]};
}

struct Stage {
    expo::Exhibition ex;
    std::unique_ptr<render::Renderer> renderer;
    std::unique_ptr<scene::ExhibitionScene> world;
    client::Session session;
    std::unique_ptr<client::ClientFeatures> features;

    // The frame the client draws with the viewer open on SESSIONID at PAGE.
    ImageData view(const std::string& sessionId, std::uint32_t page) {
        auto* slides = features->find<client::SlidesFeature>();
        REQUIRE(slides);
        REQUIRE(slides->open(sessionId));
        render::Scene frame = world->scene();
        for (const client::ShownScreen& shown : slides->screens())
            world->addScreenPicture(frame, *shown.hall, *shown.venue, *shown.session,
                                    shown.session->id == sessionId ? page : shown.page);
        auto camera = slides->viewerCamera(16.0f / 9.0f);
        REQUIRE(camera);
        auto image = renderer->renderToImage(frame, *camera, 320, 180);
        REQUIRE_MESSAGE(image, (image ? "" : image.error().message));
        return std::move(*image);
    }
};

std::unique_ptr<Stage> buildStage() {
    auto s = std::make_unique<Stage>();
    auto report = expo::loadExhibition(kSample);
    REQUIRE(report.ok());
    s->ex = std::move(*report.exhibition);
    render::RendererOptions ro;
    ro.msaaSamples = 1;
    auto r = render::Renderer::create(ro);
    REQUIRE_MESSAGE(r, (r ? "" : r.error().message));
    s->renderer = std::move(*r);
    auto w = scene::ExhibitionScene::build(*s->renderer, s->ex, kSample.parent_path());
    REQUIRE_MESSAGE(w, (w ? "" : w.error().message));
    s->world = std::move(*w);
    s->session.ex = &s->ex;
    s->features = std::make_unique<client::ClientFeatures>(s->session);
    return s;
}

} // namespace

TEST_CASE("stage screen: the viewer shows the page asked for, and the title card without a deck") {
    auto s = buildStage();
    const expo::Session* forum = nullptr;
    for (const auto& session : s->ex.sessions)
        if (session.id == "forum-spectrum") forum = &session;
    REQUIRE(forum);
    REQUIRE(forum->deck.size() == 4); // title, chart, speakers, questions

    // Page 1, the title slide: deep blue all over. Page 4: white with a blue heading band.
    const ImageData title = s->view("forum-spectrum", 0);
    const Pixel blue = at(title, 60, 120);
    CHECK(blue.b > blue.r + 40);
    CHECK(blue.b > 60);
    const ImageData questions = s->view("forum-spectrum", 3);
    const Pixel white = at(questions, 60, 120);
    CHECK(white.r > 150);
    CHECK(white.g > 150);
    CHECK(white.b > 150);
    bool band = false; // the heading band, somewhere above the white middle
    for (std::uint32_t y = 0; y < 90; ++y) {
        const Pixel p = at(questions, 160, y);
        band = band || (p.b > p.r + 40 && p.b > 60);
    }
    CHECK(band);

    // A masterclass has no deck: its title card is dark blue with light text.
    const ImageData card = s->view("mc-pitching", 0);
    const Pixel background = at(card, 20, 160);
    CHECK(background.b > background.r);
    CHECK(background.r < 40);
    int bright = 0;
    for (std::uint32_t x = 0; x < 320; ++x)
        bright += at(card, x, 70).r > 150 ? 1 : 0; // the title's line crosses the card
    CHECK(bright > 5);
    CHECK(s->renderer->validationMessages() == 0);
}

TEST_CASE("stage screen: a venue without a layout gets the default one, inside it") {
    auto s = buildStage();
    for (const auto& hall : s->ex.halls)
        for (const auto& venue : hall.venues) {
            INFO(venue.id);
            const expo::VenueLayout l = expo::venueLayout(hall, venue);
            const auto seats = expo::seatPositions(l);
            CHECK_FALSE(seats.empty());
            CHECK(seats.size() <= venue.capacity);
        }
}
