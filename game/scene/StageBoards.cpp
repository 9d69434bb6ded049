// The second screen beside a venue's main screen, added to a frame's scene: the Q&A's pinned and
// top questions with their votes, or a shown poll's options with percentages and bars. Labels
// load on first use into the world's group; never changes the static scene or the main screen.
#include "game/expo/VenueLayout.h"
#include "game/scene/ExhibitionScene.h"
#include "game/scene/SceneAssets.h"
#include "game/scene/SceneBuild.h"

#include <algorithm>
#include <cmath>
#include <glm/gtc/matrix_transform.hpp>

namespace fg::scene {
namespace {

const glm::vec3 kBoardBack{0.015f, 0.025f, 0.07f};
const glm::vec3 kTitle{0.95f, 0.8f, 0.35f};
const glm::vec3 kText{0.92f, 0.93f, 0.96f};
const glm::vec3 kLitBack{1.0f, 0.72f, 0.18f};
const glm::vec3 kLitText{0.05f, 0.05f, 0.08f};
const glm::vec3 kTrack{0.06f, 0.09f, 0.18f};
const glm::vec3 kBar{0.16f, 0.42f, 0.85f};
constexpr float kGap = 0.4f; // metres between the main screen's edge and the board
constexpr std::size_t kRowsShown = 6;

bool inside(const expo::Rect& r, glm::vec2 p) {
    return p.x >= r.x && p.x <= r.x + r.width && p.y >= r.z && p.y <= r.z + r.depth;
}

} // namespace

// The board stands beside the main screen, its bottom level with the screen's, on the side that
// keeps both its edges inside the venue (right first); none: not drawn.
void ExhibitionScene::addStageBoard(render::Scene& scene, const expo::Hall& hall,
                                    const expo::Venue& venue, const BoardView& view) {
    const expo::VenueLayout layout = expo::venueLayout(hall, venue);
    const float w = layout.screen.width, h = layout.screen.height;
    if (w <= 0 || h <= 0) return;
    const float bw = std::max(w * 0.55f, 1.5f), bh = h * 0.8f;
    const float r = glm::radians(layout.screen.facing);
    const glm::vec2 localX{std::cos(r), -std::sin(r)}; // the screen frame's +x on the floor plan
    float side = 0;
    for (float s : {1.0f, -1.0f}) {
        const glm::vec2 centre =
            layout.screen.position + localX * s * (w * 0.5f + kGap + bw * 0.5f);
        if (inside(venue.rect, centre - localX * bw * 0.5f) &&
            inside(venue.rect, centre + localX * bw * 0.5f)) {
            side = s;
            break;
        }
    }
    if (side == 0) return;
    const glm::mat4 frame =
        glm::translate(screenFrame(hall, venue, layout),
                       {side * (w * 0.5f + kGap + bw * 0.5f), (bh - h) * 0.5f, 0.0f});
    addBoard(scene, frame, bw, bh, view);
}

// In front of the main screen, covering its picture while the view is shown.
void ExhibitionScene::addScreenBoard(render::Scene& scene, const expo::Hall& hall,
                                     const expo::Venue& venue, const BoardView& view) {
    const expo::VenueLayout layout = expo::venueLayout(hall, venue);
    if (layout.screen.width <= 0 || layout.screen.height <= 0) return;
    addBoard(scene, glm::translate(screenFrame(hall, venue, layout), {0, 0, 0.03f}),
             layout.screen.width, layout.screen.height, view);
}

// VIEW on a BW x BH board centred at FRAME (facing its +z): the title, then a line per row.
void ExhibitionScene::addBoard(render::Scene& scene, const glm::mat4& frame, float bw, float bh,
                               const BoardView& view) {
    scene.add(m_assets->quad(), m_assets->unlitColour(kBoardBack), glm::scale(frame, {bw, bh, 1}),
              render::kPickThrough);
    const float line = bh / float(kRowsShown + 2), margin = bw * 0.04f;
    addBoardText(scene, glm::translate(frame, {0, bh * 0.5f - line * 0.75f, 0.01f}), view.title,
                 line * 0.5f, bw - 2 * margin, kTitle, false);
    for (std::size_t i = 0; i < view.rows.size() && i < kRowsShown; ++i) {
        const BoardView::Row& row = view.rows[i];
        const glm::mat4 at =
            glm::translate(frame, {0, bh * 0.5f - line * (float(i) + 2.0f), 0.01f});
        const float rowW = bw - 2 * margin, rowH = line * 0.86f;
        if (row.highlighted)
            scene.add(m_assets->quad(), m_assets->unlitColour(kLitBack),
                      glm::scale(at, {rowW, rowH, 1}), render::kPickThrough);
        if (row.bar >= 0) {
            scene.add(m_assets->quad(), m_assets->unlitColour(kTrack),
                      glm::scale(at, {rowW, rowH, 1}), render::kPickThrough);
            const float f = std::clamp(row.bar, 0.0f, 1.0f);
            if (f > 0)
                scene.add(m_assets->quad(), m_assets->unlitColour(kBar),
                          glm::scale(glm::translate(at, {-rowW * 0.5f * (1 - f), 0, 0.003f}),
                                     {rowW * f, rowH, 1}),
                          render::kPickThrough);
        }
        addBoardRow(scene, glm::translate(at, {0, 0, 0.006f}), row, line * 0.42f, rowW);
    }
}

// ROW's text at the left of a WIDTH-wide line centred at AT, its value at the right; the text is
// shrunk to fit beside the value.
void ExhibitionScene::addBoardRow(render::Scene& scene, const glm::mat4& at,
                                  const BoardView::Row& row, float lineHeight, float width) {
    const glm::vec3 colour = row.highlighted ? kLitText : kText;
    float valueWidth = 0;
    if (const Label* value = label(row.value, lineHeight, colour)) {
        valueWidth = value->width + lineHeight * 0.5f;
        scene.add(
            value->mesh, value->material,
            glm::translate(at, {width * 0.5f - lineHeight * 0.25f - value->width * 0.5f, 0, 0}),
            render::kPickThrough);
    }
    addBoardText(scene, glm::translate(at, {-valueWidth * 0.5f, 0, 0}), row.text, lineHeight,
                 width - valueWidth - lineHeight * 0.5f, colour, true);
}

// TEXT in a WIDTH-wide box centred at AT, shrunk to fit: from the box's left edge (LEFT) or
// centred.
void ExhibitionScene::addBoardText(render::Scene& scene, const glm::mat4& at,
                                   const std::string& text, float lineHeight, float width,
                                   glm::vec3 colour, bool left) {
    const Label* l = label(text, lineHeight, colour);
    if (!l || l->width <= 0 || width <= 0) return;
    const float scale = std::min(1.0f, width / l->width);
    const float x = left ? -width * 0.5f + l->width * scale * 0.5f : 0.0f;
    scene.add(l->mesh, l->material, glm::scale(glm::translate(at, {x, 0, 0}), glm::vec3(scale)),
              render::kPickThrough);
}

} // namespace fg::scene
