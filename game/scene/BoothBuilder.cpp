// Booth shells by size template and style (platform, walls, fascia), posters on the walls,
// models at their placements, and fascia/back-wall signs. Booth-local: front +z, back wall -z.
#include "engine/core/Hash.h"
#include "game/scene/ExhibitionScene.h"
#include "game/scene/SceneBuild.h"

#include <algorithm>
#include <glm/gtc/matrix_transform.hpp>

namespace fg::scene {
namespace {

constexpr float kWallHeight = 2.8f, kWall = 0.12f, kFasciaHeight = 0.6f;

struct BoothFrame {
    glm::mat4 m;
    float width, depth; // template size before rotation
    std::uint32_t index;
    expo::BoothStyle style = expo::BoothStyle::Wall;
    // The back wall, or an island's display wall: its centre z and width. Posters, the fascia
    // and taglines hang on it.
    float backZ = 0, backWidth = 0;
};

// An island's display wall stands across the back half, narrower than the plot, so visitors
// see it from every side; a wall or corner booth's back wall closes the plot at -z.
void placeBackWall(BoothFrame& b) {
    if (b.style == expo::BoothStyle::Island) {
        b.backZ = -b.depth * 0.2f;
        b.backWidth = std::max(1.5f, b.width * 0.5f);
    } else {
        b.backZ = -b.depth * 0.5f + kWall * 0.5f;
        b.backWidth = b.width;
    }
}

glm::vec3 accentFor(const BuildContext& ctx, const expo::Booth& booth) {
    return boothAccentColour(ctx.exhibition, booth);
}

void addShell(BuildContext& ctx, const BoothFrame& b, glm::vec3 accent) {
    const render::MaterialId white = ctx.assets.colour(glm::vec3(0.72f, 0.72f, 0.70f), 0.85f);
    const render::MaterialId floor = ctx.assets.colour(glm::vec3(0.55f, 0.56f, 0.58f), 0.6f);
    const std::uint32_t item = pickItem(std::uint32_t(PickKind::Booth), 0);
    auto box = [&](render::MaterialId mat, glm::vec3 centre, glm::vec3 size) {
        ctx.scene.add(ctx.assets.cube(), mat, boxTransform(b.m, centre, size), b.index, item);
    };
    const float w = b.width, d = b.depth, back = b.backZ;
    box(floor, {0, 0.05f, 0}, {w, 0.1f, d});
    box(white, {0, kWallHeight * 0.5f, back}, {b.backWidth, kWallHeight, kWall});
    const float sideX = w * 0.5f - kWall * 0.5f;
    if (b.style == expo::BoothStyle::Wall)
        for (float side : {-1.0f, 1.0f})
            box(white, {side * sideX, kWallHeight * 0.5f, -d * 0.25f},
                {kWall, kWallHeight, d * 0.5f});
    if (b.style == expo::BoothStyle::Corner) // one full side wall: the plot's neighbour side
        box(white, {-sideX, kWallHeight * 0.5f, 0}, {kWall, kWallHeight, d});
    box(ctx.assets.colour(accent, 0.5f), {0, kWallHeight + kFasciaHeight * 0.5f, back},
        {b.backWidth, kFasciaHeight, kWall + 0.04f});
}

void addSigns(BuildContext& ctx, const BoothFrame& b, const expo::Booth& booth) {
    std::vector<std::string> signs = booth.content.signs;
    if (signs.empty())
        if (const expo::Exhibitor* e = expo::findExhibitor(ctx.exhibition, booth.exhibitor))
            signs.push_back(e->name);
    if (signs.empty()) return;
    const float back = b.backZ;
    const float y = kWallHeight + kFasciaHeight * 0.5f, out = kWall * 0.5f + 0.03f;
    // Fascia front and back, so the name reads from the aisle on either side.
    addText(ctx, glm::translate(b.m, {0, y, back + out}), signs[0], 0.42f, b.backWidth * 0.92f,
            glm::vec3(1.0f));
    addText(ctx,
            glm::rotate(glm::translate(b.m, {0, y, back - out}), glm::radians(180.0f), {0, 1, 0}),
            signs[0], 0.42f, b.backWidth * 0.92f, glm::vec3(1.0f));
    // Further signs are taglines under the fascia, above the posters.
    for (std::size_t i = 1; i < signs.size(); ++i)
        addText(ctx,
                glm::translate(b.m, {0, kWallHeight - 0.2f - 0.26f * float(i - 1),
                                     back + kWall * 0.5f + 0.01f}),
                signs[i], 0.2f, b.backWidth * 0.85f, glm::vec3(0.08f, 0.08f, 0.1f));
}

// Where poster SLOT hangs: along the back wall first, then on the inner faces of the side walls
// (a corner booth: its one side wall; an island: the display wall's rear face).
glm::mat4 posterFrame(const BoothFrame& b, std::uint32_t slot, std::uint32_t slots,
                      float& maxWidth) {
    const float bw = b.backWidth;
    const std::uint32_t onBack = std::min<std::uint32_t>(slots, std::max(1, int(bw / 1.5f)));
    const float y = 1.45f;
    const float face = kWall * 0.5f + 0.01f;
    auto alongBack = [&](std::uint32_t i) {
        maxWidth = bw / float(onBack) - 0.3f;
        return -bw * 0.5f + bw * (float(i) + 0.5f) / float(onBack);
    };
    if (slot < onBack) return glm::translate(b.m, {alongBack(slot), y, b.backZ + face});
    if (b.style == expo::BoothStyle::Island) { // the rear face, mirrored: slot onBack at its left
        const float x = -alongBack((slot - onBack) % onBack);
        const glm::mat4 at = glm::translate(b.m, {x, y, b.backZ - face});
        return glm::rotate(at, glm::radians(180.0f), {0, 1, 0});
    }
    if (b.style == expo::BoothStyle::Corner) {
        const std::uint32_t onSide = std::max(1u, slots - onBack);
        maxWidth = b.depth / float(onSide) - 0.3f;
        const float z = -b.depth * 0.5f + b.depth * (float(slot - onBack) + 0.5f) / float(onSide);
        const glm::mat4 at = glm::translate(b.m, {-(b.width * 0.5f - kWall - 0.01f), y, z});
        return glm::rotate(at, glm::radians(90.0f), {0, 1, 0});
    }
    const bool left = (slot - onBack) % 2 == 0;
    maxWidth = b.depth * 0.5f - 0.3f;
    const float x = (left ? -1.0f : 1.0f) * (b.width * 0.5f - kWall - 0.01f);
    const glm::mat4 at = glm::translate(b.m, {x, y, -b.depth * 0.25f});
    return glm::rotate(at, glm::radians(left ? 90.0f : -90.0f), {0, 1, 0});
}

void addPosters(BuildContext& ctx, const BoothFrame& b, const expo::Booth& booth) {
    const std::uint32_t slots = expo::sizeTemplate(booth.size).maxPosters;
    for (const expo::Poster& poster : booth.content.posters) {
        float maxWidth = 1.0f;
        const glm::mat4 at = posterFrame(b, std::min(poster.slot, slots - 1), slots, maxWidth);
        const ImageTexture image = ctx.assets.image(ctx.baseDir / poster.image);
        float h = 1.6f, w = h * image.aspect;
        if (w > maxWidth) {
            w = maxWidth;
            h = w / image.aspect;
        }
        ctx.scene.add(ctx.assets.quad(), image.material, glm::scale(at, {w, h, 1.0f}), b.index,
                      pickItem(std::uint32_t(PickKind::Poster), poster.slot));
    }
}

glm::mat4 placementMatrix(const expo::ModelPlacement& p) {
    glm::mat4 m = glm::translate(glm::mat4(1.0f), p.position);
    m = glm::rotate(m, glm::radians(p.rotation.z), {0, 0, 1});
    m = glm::rotate(m, glm::radians(p.rotation.y), {0, 1, 0});
    m = glm::rotate(m, glm::radians(p.rotation.x), {1, 0, 0});
    return glm::scale(m, p.scale);
}

void addModels(BuildContext& ctx, const BoothFrame& b, const expo::Booth& booth) {
    for (std::size_t i = 0; i < booth.content.models.size(); ++i) {
        const expo::ModelPlacement& placement = booth.content.models[i];
        const ModelParts& model = ctx.assets.model(ctx.baseDir / placement.file);
        // Models stand on the booth platform.
        const glm::mat4 m = glm::translate(b.m, {0, 0.1f, 0}) * placementMatrix(placement);
        for (const ModelParts::Part& part : model.parts)
            ctx.scene.add(part.mesh, part.material, m * part.transform, b.index,
                          pickItem(std::uint32_t(PickKind::Model), std::uint32_t(i)));
    }
}

std::optional<BoothFrame> boothFrame(const expo::Exhibition& exhibition, const expo::Booth& booth,
                                     std::uint32_t boothIndex) {
    const expo::Hall* hall = expo::findHall(exhibition, booth.hall);
    if (!hall) return std::nullopt;
    const expo::SizeTemplate& t = expo::sizeTemplate(booth.size);
    glm::mat4 m = glm::translate(hallFrame(*hall), {booth.position.x, 0.0f, booth.position.y});
    m = glm::rotate(m, glm::radians(float(booth.rotation)), {0, 1, 0});
    BoothFrame frame{m, t.width, t.depth, boothIndex, booth.style};
    placeBackWall(frame);
    return frame;
}

} // namespace

glm::vec3 boothAccentColour(const expo::Exhibition& exhibition, const expo::Booth& booth) {
    if (const expo::Pavilion* p = expo::findPavilion(exhibition, booth.pavilion))
        return srgbToLinear(p->colors.accent.r, p->colors.accent.g, p->colors.accent.b);
    // Independent booths get a stable colour from their exhibitor id, from a small palette so
    // their fascias still share a few materials (and draw calls).
    static const glm::vec3 kPalette[8] = {
        {0.05f, 0.25f, 0.55f}, {0.55f, 0.08f, 0.10f}, {0.06f, 0.40f, 0.20f}, {0.60f, 0.30f, 0.02f},
        {0.30f, 0.10f, 0.45f}, {0.02f, 0.38f, 0.42f}, {0.15f, 0.15f, 0.18f}, {0.50f, 0.05f, 0.30f}};
    return kPalette[hash64(booth.exhibitor) % 8];
}

std::optional<glm::mat4> posterFrame(const expo::Exhibition& exhibition, const expo::Booth& booth,
                                     std::uint32_t slot) {
    const auto frame = boothFrame(exhibition, booth, 0);
    if (!frame) return std::nullopt;
    const std::uint32_t slots = std::max(1u, expo::sizeTemplate(booth.size).maxPosters);
    float maxWidth = 1.0f;
    return posterFrame(*frame, std::min(slot, slots - 1), slots, maxWidth);
}

void addBooth(BuildContext& ctx, const expo::Booth& booth, std::uint32_t boothIndex) {
    const auto found = boothFrame(ctx.exhibition, booth, boothIndex);
    if (!found) return;
    const BoothFrame& frame = *found;
    addShell(ctx, frame, accentFor(ctx, booth));
    addSigns(ctx, frame, booth);
    addPosters(ctx, frame, booth);
    addModels(ctx, frame, booth);
}

} // namespace fg::scene
