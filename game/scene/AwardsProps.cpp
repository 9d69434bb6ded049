// The SME awards in the world, added to a frame's scene: the awards boards beside the finalists'
// booths, a ribbon across each finalist's open front and a trophy at each winner's. Labels load
// on first use into the world's group; never changes the static scene or decides who won.
#include "game/scene/ExhibitionScene.h"
#include "game/scene/SceneAssets.h"
#include "game/scene/SceneBuild.h"

#include <algorithm>
#include <cmath>
#include <glm/gtc/matrix_transform.hpp>

namespace fg::scene {
namespace {

const glm::vec3 kFinalist{0.12f, 0.3f, 0.85f};
const glm::vec3 kGold{1.0f, 0.66f, 0.12f};
const glm::vec3 kWhite{0.95f, 0.95f, 0.97f};
const glm::vec3 kInk{0.06f, 0.05f, 0.02f};
constexpr float kBoardW = 4.2f, kBoardH = 2.8f, kBoardGap = 0.6f;
constexpr float kBoardClearance = 5.0f; // metres between the finalists' booths and the boards

// The booth's frame (hall origin, position, rotation) and its plot before rotation: width,
// depth and the z of its back wall's front face (an island's display wall stands further in).
std::optional<std::pair<glm::mat4, glm::vec3>>
boothAt(const expo::Exhibition& ex, const expo::Hall& hall, const std::string& id) {
    const expo::Booth* b = expo::findBooth(ex, id);
    if (!b || b->hall != hall.id) return std::nullopt;
    const expo::SizeTemplate& t = expo::sizeTemplate(b->size);
    glm::mat4 m = glm::translate(hallFrame(hall), {b->position.x, 0.0f, b->position.y});
    m = glm::rotate(m, glm::radians(float(b->rotation)), {0, 1, 0});
    const float back =
        b->style == expo::BoothStyle::Island ? -t.depth * 0.2f + 0.1f : -t.depth * 0.5f + 0.15f;
    return std::make_pair(m, glm::vec3(t.width, t.depth, back));
}

// The mean open-front direction of the finalists' booths in HALL ((0, 1) when none).
glm::vec2 frontOf(const expo::Exhibition& ex, const expo::Hall& hall,
                  const std::vector<std::string>& booths) {
    glm::vec2 sum(0.0f);
    for (const std::string& id : booths)
        if (const expo::Booth* b = expo::findBooth(ex, id); b && b->hall == hall.id)
            sum += expo::boothFrontDirection(*b);
    return glm::length(sum) > 1e-3f ? sum : glm::vec2(0, 1);
}

} // namespace

void ExhibitionScene::addAwards(render::Scene& scene, const expo::Exhibition& exhibition,
                                const expo::Hall& hall, const AwardsView& view) {
    glm::vec2 lo(1e9f), hi(-1e9f);
    for (const std::string& id : view.finalists) {
        const expo::Booth* b = expo::findBooth(exhibition, id);
        if (!b || b->hall != hall.id) continue;
        const expo::Rect r = expo::boothFootprint(*b);
        lo = glm::min(lo, glm::vec2(r.x, r.z));
        hi = glm::max(hi, glm::vec2(r.x + r.width, r.z + r.depth));
        if (auto at = boothAt(exhibition, hall, id))
            addRibbon(scene, at->first, at->second,
                      std::count(view.winners.begin(), view.winners.end(), id) > 0);
    }
    for (const std::string& id : view.winners)
        if (auto at = boothAt(exhibition, hall, id)) addTrophy(scene, at->first, at->second);
    if (lo.x > hi.x || view.boards.empty()) return; // no finalist in this hall
    addAwardsBoards(scene, hall, lo, hi, frontOf(exhibition, hall, view.finalists), view.boards);
}

// The boards stand in a row along the side of the zone [LO, HI] that its booths' fronts face
// (FRONT), turned back towards the booths, so visitors in the front aisle read them.
void ExhibitionScene::addAwardsBoards(render::Scene& scene, const expo::Hall& hall, glm::vec2 lo,
                                      glm::vec2 hi, glm::vec2 front,
                                      const std::vector<BoardView>& boards) {
    const bool alongX = std::abs(front.y) >= std::abs(front.x); // the row runs along x
    const glm::vec2 out =
        alongX ? glm::vec2(0, front.y < 0 ? -1 : 1) : glm::vec2(front.x < 0 ? -1 : 1, 0);
    const glm::vec2 along(-out.y, out.x); // a reader's right, facing the boards from the zone
    const glm::vec2 centre = (lo + hi) * 0.5f;
    const glm::vec2 half = (hi - lo) * 0.5f;
    const glm::vec2 base = centre + out * (glm::dot(glm::abs(out), half) + kBoardClearance);
    const float span = float(boards.size()) * (kBoardW + kBoardGap) - kBoardGap;
    const float turn = std::atan2(-out.x, -out.y); // +z towards the zone
    for (std::size_t i = 0; i < boards.size(); ++i) {
        const glm::vec2 p =
            base + along * (-span * 0.5f + kBoardW * 0.5f + float(i) * (kBoardW + kBoardGap));
        const glm::mat4 foot =
            glm::rotate(glm::translate(hallFrame(hall), {p.x, 0, p.y}), turn, {0, 1, 0});
        scene.add(m_assets->cube(), m_assets->colour({0.2f, 0.2f, 0.22f}),
                  boxTransform(foot, {0, (kBoardH + 0.6f) * 0.5f, -0.1f},
                               {kBoardW + 0.2f, kBoardH + 0.6f, 0.1f}));
        addBoard(scene, glm::translate(foot, {0, 0.6f + kBoardH * 0.5f, 0}), kBoardW, kBoardH,
                 boards[i]);
    }
}

// A banner on the back wall's top right, under the fascia, where the aisle sees it over the
// booth's posters and models; its label on the front face.
void ExhibitionScene::addRibbon(render::Scene& scene, const glm::mat4& booth, glm::vec3 plot,
                                bool winner) {
    const float w = std::min(1.6f, plot.x * 0.4f), h = 0.42f;
    const glm::mat4 at = glm::translate(booth, {plot.x * 0.5f - w * 0.5f - 0.3f, 2.45f, plot.z});
    const glm::vec3 colour = winner ? kGold : kFinalist;
    scene.add(m_assets->cube(), m_assets->unlitColour(colour), glm::scale(at, {w, h, 0.02f}),
              render::kPickThrough);
    for (float side : {1.0f, -1.0f}) { // two tails under the banner's ends
        const glm::mat4 tail =
            glm::rotate(glm::translate(at, {side * (w * 0.5f - 0.12f), -h * 0.5f - 0.22f, 0}),
                        glm::radians(side * 12.0f), {0, 0, 1});
        scene.add(m_assets->cube(), m_assets->unlitColour(colour * 0.8f),
                  glm::scale(tail, {0.14f, 0.45f, 0.015f}), render::kPickThrough);
    }
    const glm::vec3 ink = winner ? kInk : kWhite;
    const std::string text = winner ? "WINNER" : "FINALIST";
    addBoardText(scene, glm::translate(at, {0, 0, 0.015f}), text, h * 0.55f, w * 0.9f, ink, false);
}

// A gold cup on a white plinth inside the open front's left corner.
void ExhibitionScene::addTrophy(render::Scene& scene, const glm::mat4& booth, glm::vec3 plot) {
    const glm::mat4 at = glm::translate(booth, {-plot.x * 0.5f + 0.7f, 0, plot.y * 0.5f - 0.7f});
    // A dielectric yellow: a metal reflects only the hemisphere ambient here and looks brown.
    const render::MaterialId gold = m_assets->colour(kGold, 0.35f, 0.0f);
    scene.add(m_assets->cube(), m_assets->colour(kWhite),
              boxTransform(at, {0, 0.55f, 0}, {0.6f, 1.1f, 0.6f}));
    scene.add(m_assets->cube(), gold, boxTransform(at, {0, 1.17f, 0}, {0.42f, 0.14f, 0.42f}));
    scene.add(m_assets->cube(), gold, boxTransform(at, {0, 1.42f, 0}, {0.1f, 0.36f, 0.1f}));
    scene.add(m_assets->cube(), gold, boxTransform(at, {0, 1.78f, 0}, {0.42f, 0.4f, 0.42f}));
    for (float side : {1.0f, -1.0f})
        scene.add(m_assets->cube(), gold,
                  boxTransform(at, {side * 0.27f, 1.8f, 0}, {0.1f, 0.26f, 0.06f}));
    addBoardText(scene, glm::translate(at, {0, 2.25f, 0.0f}), "WINNER", 0.22f, 1.2f, kGold, false);
}

} // namespace fg::scene
