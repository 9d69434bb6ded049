// The picture on a venue's screen, added to a frame's scene: a deck page's texture, or the
// session's title card (title, speakers, start time) when it has no deck. Loads on first use,
// into the world's resource group, so it is freed with the world; never changes the static scene.
#include "engine/doc/DeckPages.h"
#include "game/expo/VenueLayout.h"
#include "game/scene/ExhibitionScene.h"
#include "game/scene/SceneAssets.h"

#include <algorithm>
#include <fmt/format.h>
#include <glm/gtc/matrix_transform.hpp>

namespace fg::scene {
namespace {

// "Forum, 2021-10-12 09:00 UTC"
std::string whenText(const expo::Session& s) {
    std::string kind = expo::toString(s.kind);
    if (!kind.empty()) kind[0] = char(std::toupper(static_cast<unsigned char>(kind[0])));
    const std::string stamp = formatUtcTimestamp(s.start); // 2021-10-12T09:00:00Z
    return fmt::format("{}, {} {} UTC", kind, stamp.substr(0, 10), stamp.substr(11, 5));
}

// Page PAGE of a local exhibition's PDF deck FILE (a served manifest has page textures instead):
// rendered once, in the sandboxed child as on the server, its pages cached as "FILE#N".
ImageTexture pdfPage(SceneAssets& assets, const std::filesystem::path& file, std::uint32_t page) {
    const std::string key = file.string();
    if (!assets.cached(key + "#1")) {
        auto pages = renderPdfDeckSandboxed(file);
        if (!pages) return assets.image(key + "#1", pages.error(), true);
        for (std::size_t i = 0; i < pages->size(); ++i)
            assets.image(fmt::format("{}#{}", key, i + 1), std::move((*pages)[i]), true);
    }
    for (std::uint32_t n = page + 1; n > 1; --n) // past the end: the last page
        if (auto found = assets.cached(fmt::format("{}#{}", key, n))) return *found;
    return *assets.cached(key + "#1");
}

ImageTexture deckPage(SceneAssets& assets, const std::filesystem::path& baseDir,
                      const expo::Session& s, std::uint32_t page) {
    if (s.deck.size() == 1 && isPdfFile(s.deck[0]))
        return pdfPage(assets, baseDir / s.deck[0], page);
    return assets.image(baseDir / s.deck[std::min<std::size_t>(page, s.deck.size() - 1)], true);
}

} // namespace

const ExhibitionScene::TitleCard& ExhibitionScene::titleCard(const expo::Session& s) {
    auto it = m_titleCards.find(s.id);
    if (it != m_titleCards.end()) return it->second;
    const render::ResourceGroup previous = m_renderer->useResourceGroup(m_group);
    TitleCard card;
    card.background = m_assets->unlitColour(glm::vec3(0.02f, 0.06f, 0.16f));
    // Lines in screen units (the card is 1 x 1, scaled to the screen): text, height, y, colour.
    const struct {
        std::string text;
        float height, y;
        glm::vec3 colour;
    } lines[] = {{s.title, 0.11f, 0.12f, glm::vec3(1.0f)},
                 {expo::speakerNames(s), 0.065f, -0.08f, glm::vec3(0.95f, 0.8f, 0.35f)},
                 {whenText(s), 0.05f, -0.25f, glm::vec3(0.7f, 0.75f, 0.85f)}};
    for (const auto& line : lines) {
        if (line.text.empty()) continue;
        const float width = m_assets->textWidth(line.text, line.height);
        const float scale = width > 0.9f ? 0.9f / width : 1.0f;
        MeshData mesh = m_assets->textMesh(line.text, line.height * scale);
        if (mesh.vertices.empty()) continue;
        auto handle = m_renderer->addMesh(mesh);
        if (!handle) continue;
        card.lines.push_back({*handle, m_assets->textMaterial(line.colour), line.y});
    }
    m_renderer->useResourceGroup(previous);
    return m_titleCards.emplace(s.id, std::move(card)).first->second;
}

void ExhibitionScene::addScreenPicture(render::Scene& scene, const expo::Hall& hall,
                                       const expo::Venue& venue, const expo::Session& session,
                                       std::uint32_t page) {
    const expo::VenueLayout layout = expo::venueLayout(hall, venue);
    const glm::mat4 frame = screenFrame(hall, venue, layout);
    const float w = layout.screen.width, h = layout.screen.height;
    if (!session.deck.empty()) {
        const render::ResourceGroup previous = m_renderer->useResourceGroup(m_group);
        const ImageTexture image = deckPage(*m_assets, m_baseDir, session, page);
        m_renderer->useResourceGroup(previous);
        // Letterboxed: the page keeps its aspect inside the screen.
        const float pw = std::min(w, h * image.aspect), ph = pw / image.aspect;
        scene.add(m_assets->quad(), image.material, glm::scale(frame, {pw, ph, 1.0f}));
        return;
    }
    const TitleCard& card = titleCard(session);
    scene.add(m_assets->quad(), card.background, glm::scale(frame, {w, h, 1.0f}));
    for (const auto& line : card.lines) {
        const glm::mat4 at = glm::translate(frame, {0, line.y * h, 0.01f});
        scene.add(line.mesh, line.material, glm::scale(at, glm::vec3(w)), render::kPickThrough);
    }
}

} // namespace fg::scene
