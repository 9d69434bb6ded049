// Venues in 3D: the floor, the stage platform, the screen's frame with the venue's name, speaker
// spots and seats, from the venue's layout (or its default). The picture on the screen changes
// with the programme and is added per frame (StageScreens.cpp), never here.
#include "game/expo/VenueLayout.h"
#include "game/scene/ExhibitionScene.h"
#include "game/scene/SceneBuild.h"

#include <cmath>
#include <glm/gtc/matrix_transform.hpp>

namespace fg::scene {
namespace {

float stageHeight(const expo::Venue& venue) {
    return venue.kind == expo::VenueKind::Stage ? 0.6f : 0.3f;
}

bool onStage(const expo::VenueLayout& l, glm::vec2 p) {
    const expo::Rect& s = l.stage;
    return p.x >= s.x && p.x <= s.x + s.width && p.y >= s.z && p.y <= s.z + s.depth;
}

// A chair at P in hall coordinates facing the point TOWARD: seat, then backrest behind it.
void addSeat(BuildContext& ctx, const glm::mat4& frame, glm::vec2 p, glm::vec2 toward,
             render::MaterialId material) {
    const glm::vec2 d = toward - p;
    const float yaw = std::atan2(d.x, d.y);
    const glm::mat4 at = glm::rotate(glm::translate(frame, {p.x, 0, p.y}), yaw, {0, 1, 0});
    ctx.scene.add(ctx.assets.cube(), material,
                  boxTransform(at, {0, 0.22f, 0}, {0.5f, 0.44f, 0.48f}));
    ctx.scene.add(ctx.assets.cube(), material,
                  boxTransform(at, {0, 0.62f, -0.21f}, {0.5f, 0.5f, 0.08f}));
}

void addScreenFrame(BuildContext& ctx, const expo::Hall& hall, const expo::Venue& venue,
                    const expo::VenueLayout& l) {
    const glm::mat4 screen = screenFrame(hall, venue, l);
    const float w = l.screen.width, h = l.screen.height;
    ctx.scene.add(ctx.assets.cube(), ctx.assets.colour(glm::vec3(0.02f), 0.4f),
                  boxTransform(screen, {0, 0, -0.1f}, {w + 0.3f, h + 0.3f, 0.15f}));
    // Legs to the floor, so a raised screen does not float.
    const float bottom = glm::vec3(screen[3]).y - h * 0.5f;
    for (float side : {-1.0f, 1.0f})
        ctx.scene.add(ctx.assets.cube(), ctx.assets.colour(glm::vec3(0.05f), 0.5f),
                      boxTransform(screen,
                                   {side * (w * 0.5f - 0.2f), -h * 0.5f - bottom * 0.5f, -0.15f},
                                   {0.12f, bottom, 0.12f}));
    addText(ctx, glm::translate(screen, {0, h * 0.5f + 0.45f, -0.02f}), venue.name, 0.5f, w * 0.9f,
            glm::vec3(0.95f, 0.95f, 0.92f));
}

} // namespace

glm::mat4 screenFrame(const expo::Hall& hall, const expo::Venue& venue,
                      const expo::VenueLayout& layout) {
    const expo::Screen& s = layout.screen;
    const float bottom = (onStage(layout, s.position) ? stageHeight(venue) : 0.0f) + 1.0f;
    const glm::mat4 at =
        glm::translate(hallFrame(hall), {s.position.x, bottom + s.height * 0.5f, s.position.y});
    return glm::rotate(at, glm::radians(s.facing), {0, 1, 0});
}

void addVenue(BuildContext& ctx, const expo::Hall& hall, const expo::Venue& venue) {
    const glm::mat4 frame = hallFrame(hall);
    const expo::Rect& r = venue.rect;
    const expo::VenueLayout l = expo::venueLayout(hall, venue);
    ctx.scene.add(ctx.assets.cube(), ctx.assets.colour(glm::vec3(0.16f, 0.18f, 0.24f), 0.9f),
                  boxTransform(frame, {r.x + r.width * 0.5f, 0.01f, r.z + r.depth * 0.5f},
                               {r.width, 0.02f, r.depth}));
    const float top = stageHeight(venue);
    const expo::Rect& s = l.stage;
    ctx.scene.add(ctx.assets.cube(), ctx.assets.colour(glm::vec3(0.08f, 0.09f, 0.12f), 0.6f),
                  boxTransform(frame, {s.x + s.width * 0.5f, top * 0.5f, s.z + s.depth * 0.5f},
                               {s.width, top, s.depth}));
    addScreenFrame(ctx, hall, venue, l);
    const render::MaterialId spot = ctx.assets.colour(glm::vec3(0.95f, 0.75f, 0.25f), 0.4f);
    for (glm::vec2 p : l.speakerSpots) {
        const float y = onStage(l, p) ? top : 0.0f;
        ctx.scene.add(ctx.assets.cube(), spot,
                      boxTransform(frame, {p.x, y + 0.01f, p.y}, {0.7f, 0.02f, 0.7f}));
    }
    const render::MaterialId seat = ctx.assets.colour(glm::vec3(0.45f, 0.07f, 0.09f), 0.7f);
    for (glm::vec2 p : expo::seatPositions(l))
        addSeat(ctx, frame, p, l.screen.position, seat);
}

} // namespace fg::scene
