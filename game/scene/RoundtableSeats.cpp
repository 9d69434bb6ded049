// A roundtable's table, added to a frame's scene: the table among the speaker spots, a two-sided
// name card in front of each spot, the current speaker's spot and card lit, and a countdown sign
// above the table. Labels load on first use into the world's group; never changes the static scene.
#include "game/expo/VenueLayout.h"
#include "game/scene/ExhibitionScene.h"
#include "game/scene/SceneBuild.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <glm/gtc/matrix_transform.hpp>

namespace fg::scene {
namespace {

constexpr float kTableTop = 0.75f;
const glm::vec3 kLit{1.0f, 0.72f, 0.18f};
const glm::vec3 kCard{0.93f, 0.93f, 0.9f};
const glm::vec3 kInk{0.08f, 0.09f, 0.12f};

// The table fills the spots' bounding box less a metre on each side (a chair's depth).
struct Table {
    glm::vec2 centre{0.0f}, size{1.0f};
};

Table tableAmong(const std::vector<glm::vec2>& spots) {
    glm::vec2 lo(1e9f), hi(-1e9f);
    for (glm::vec2 p : spots) {
        lo = glm::min(lo, p);
        hi = glm::max(hi, p);
    }
    return {(lo + hi) * 0.5f, glm::max(hi - lo - glm::vec2(2.0f), glm::vec2(1.0f))};
}

// A frame at P (hall coordinates, height Y) whose +z points along D.
glm::mat4 facing(const glm::mat4& hallFrame, glm::vec2 p, float y, glm::vec2 d) {
    return glm::rotate(glm::translate(hallFrame, {p.x, y, p.y}), std::atan2(d.x, d.y), {0, 1, 0});
}

} // namespace

const ExhibitionScene::Label* ExhibitionScene::label(const std::string& text, float lineHeight,
                                                     glm::vec3 colour) {
    if (text.empty()) return nullptr;
    const std::string key =
        fmt::format("{}|{}|{}|{}|{}", lineHeight, colour.r, colour.g, colour.b, text);
    if (auto it = m_labels.find(key); it != m_labels.end()) return &it->second;
    const render::ResourceGroup previous = m_renderer->useResourceGroup(m_group);
    MeshData mesh = m_assets->textMesh(text, lineHeight);
    auto handle = mesh.vertices.empty() ? Result<render::MeshHandle>(makeError("no glyphs"))
                                        : m_renderer->addMesh(mesh);
    Label made{handle ? *handle : render::MeshHandle{}, m_assets->textMaterial(colour),
               m_assets->textWidth(text, lineHeight)};
    m_renderer->useResourceGroup(previous);
    if (!handle) return nullptr;
    return &m_labels.emplace(key, made).first->second;
}

// A tent card AT (its +z towards the spot's person): the name on both faces, gold when lit.
void ExhibitionScene::addCard(render::Scene& scene, const glm::mat4& at, const std::string& name,
                              bool lit) {
    const float w = 1.3f, h = 0.34f;
    scene.add(m_assets->cube(), lit ? m_assets->unlitColour(kLit) : m_assets->colour(kCard, 0.6f),
              boxTransform(at, {0, h * 0.5f, 0}, {w, h, 0.04f}), render::kPickThrough);
    const Label* text = label(name, 0.15f, kInk);
    if (!text) return;
    const float scale = text->width > w * 0.9f ? w * 0.9f / text->width : 1.0f;
    for (float side : {1.0f, -1.0f}) {
        glm::mat4 face = glm::translate(at, {0, h * 0.5f, side * 0.025f});
        if (side < 0) face = glm::rotate(face, glm::radians(180.0f), {0, 1, 0});
        scene.add(text->mesh, text->material, glm::scale(face, glm::vec3(scale)),
                  render::kPickThrough);
    }
}

void ExhibitionScene::addRoundtable(render::Scene& scene, const expo::Hall& hall,
                                    const expo::Venue& venue, const TableView& view) {
    const expo::VenueLayout layout = expo::venueLayout(hall, venue);
    const auto& spots = layout.speakerSpots;
    if (spots.empty()) return;
    const glm::mat4 frame = hallFrame(hall);
    const Table t = tableAmong(spots);
    scene.add(m_assets->cube(), m_assets->colour(glm::vec3(0.32f, 0.2f, 0.12f), 0.5f),
              boxTransform(frame, {t.centre.x, kTableTop - 0.03f, t.centre.y},
                           {t.size.x, 0.06f, t.size.y}));
    scene.add(m_assets->cube(), m_assets->colour(glm::vec3(0.12f, 0.08f, 0.06f), 0.7f),
              boxTransform(frame, {t.centre.x, (kTableTop - 0.06f) * 0.5f, t.centre.y},
                           {t.size.x * 0.6f, kTableTop - 0.06f, t.size.y * 0.4f}));
    const glm::vec2 half = t.size * 0.5f - glm::vec2(0.25f);
    for (std::size_t i = 0; i < spots.size() && i < view.names.size(); ++i) {
        const bool lit = int(i) == view.lit;
        const glm::vec2 toSpot = spots[i] - t.centre;
        // On the table, near its edge on the line to the spot.
        const glm::vec2 edge = t.centre + glm::clamp(toSpot, -half, half);
        if (!view.names[i].empty())
            addCard(scene, facing(frame, edge, kTableTop, toSpot), view.names[i], lit);
        if (lit) // a lit plate under the seat and a halo over the speaker's head
            for (const auto& [y, size] : {std::pair{0.03f, 1.1f}, std::pair{2.25f, 0.8f}})
                scene.add(m_assets->cube(), m_assets->unlitColour(kLit),
                          boxTransform(frame, {spots[i].x, y, spots[i].y}, {size, 0.05f, size}),
                          render::kPickThrough);
    }
    if (!view.clock.empty())
        addClock(scene, frame, layout.screen.position - t.centre, t.centre, t.size, view);
}

// The countdown sign on a stand beside the table (not in front of the screen), facing the seats:
// the speaker's name and the time left on both faces.
void ExhibitionScene::addClock(render::Scene& scene, const glm::mat4& frame, glm::vec2 toScreen,
                               glm::vec2 tableCentre, glm::vec2 tableSize, const TableView& view) {
    const glm::vec2 along =
        glm::length(toScreen) > 1e-3f ? glm::normalize(toScreen) : glm::vec2(0, 1);
    const glm::vec2 across{along.y, -along.x};
    const float extent =
        std::abs(across.x) * tableSize.x * 0.5f + std::abs(across.y) * tableSize.y * 0.5f;
    const glm::vec2 at =
        tableCentre - across * (extent + 1.3f); // right of the table, seen from the seats
    scene.add(m_assets->cube(), m_assets->colour(glm::vec3(0.1f), 0.5f),
              boxTransform(frame, {at.x, 0.8f, at.y}, {0.08f, 1.6f, 0.08f}), render::kPickThrough);
    const glm::mat4 sign = facing(frame, at, 1.9f, -toScreen); // +z: towards the seats
    scene.add(m_assets->cube(), m_assets->unlitColour(glm::vec3(0.02f, 0.03f, 0.06f)),
              boxTransform(sign, {0, 0, 0}, {2.0f, 0.9f, 0.06f}), render::kPickThrough);
    const glm::vec3 clockColour = view.over ? glm::vec3(1.0f, 0.25f, 0.2f) : glm::vec3(1.0f);
    for (float side : {1.0f, -1.0f}) {
        glm::mat4 face = glm::translate(sign, {0, 0, side * 0.04f});
        if (side < 0) face = glm::rotate(face, glm::radians(180.0f), {0, 1, 0});
        if (const Label* name = label(view.speaker, 0.16f, kLit)) {
            const float scale = name->width > 1.9f ? 1.9f / name->width : 1.0f;
            scene.add(name->mesh, name->material,
                      glm::scale(glm::translate(face, {0, 0.26f, 0}), glm::vec3(scale)),
                      render::kPickThrough);
        }
        addCharacters(scene, glm::translate(face, {0, -0.1f, 0}), view.clock, 0.44f, clockColour);
    }
}

// TEXT centred at FRAME from one cached label per character: a clock that ticks every second
// then uploads a dozen glyph meshes per colour in all, not one mesh per second it has shown.
void ExhibitionScene::addCharacters(render::Scene& scene, const glm::mat4& frame,
                                    const std::string& text, float lineHeight, glm::vec3 colour) {
    std::vector<const Label*> glyphs;
    float width = 0;
    for (char c : text) {
        const Label* glyph = label(std::string(1, c), lineHeight, colour);
        glyphs.push_back(glyph);
        width += glyph ? glyph->width : textSpaceWidth(lineHeight);
    }
    float x = -width / 2;
    for (const Label* glyph : glyphs) {
        const float advance = glyph ? glyph->width : textSpaceWidth(lineHeight);
        if (glyph)
            scene.add(glyph->mesh, glyph->material, glm::translate(frame, {x + advance / 2, 0, 0}),
                      render::kPickThrough);
        x += advance;
    }
}

} // namespace fg::scene
