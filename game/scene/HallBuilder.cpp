// Halls (floor, walls with entrance openings, name on the far wall; venues in VenueBuilder) and
// pavilions (coloured floor, name boards with flags). Booths are built in BoothBuilder.cpp.
#include "game/scene/ExhibitionScene.h"
#include "game/scene/SceneBuild.h"

#include <algorithm>
#include <cmath>
#include <glm/gtc/matrix_transform.hpp>

namespace fg::scene {
namespace {

constexpr float kWallThickness = 0.4f;

glm::vec3 linear(const expo::Color& c) {
    return srgbToLinear(c.r, c.g, c.b);
}

// Wall pieces along one side, from 0 to LENGTH, leaving gaps for that wall's entrances.
std::vector<std::pair<float, float>> wallSegments(const expo::Hall& hall, expo::Wall wall,
                                                  float length) {
    std::vector<std::pair<float, float>> gaps;
    for (const expo::Entrance& e : hall.entrances)
        if (e.wall == wall) gaps.push_back({e.offset - e.width * 0.5f, e.offset + e.width * 0.5f});
    std::sort(gaps.begin(), gaps.end());
    std::vector<std::pair<float, float>> out;
    float start = 0.0f;
    for (const auto& [a, b] : gaps) {
        if (a > start) out.push_back({start, a});
        start = std::max(start, b);
    }
    if (start < length) out.push_back({start, length});
    return out;
}

void addWalls(BuildContext& ctx, const expo::Hall& hall, const glm::mat4& frame) {
    const render::MaterialId wallMat = ctx.assets.colour(glm::vec3(0.62f, 0.63f, 0.66f), 0.9f);
    const float h = hall.wallHeight, w = hall.size.x, d = hall.size.y, t = kWallThickness;
    for (expo::Wall wall :
         {expo::Wall::South, expo::Wall::North, expo::Wall::West, expo::Wall::East}) {
        const bool alongX = wall == expo::Wall::South || wall == expo::Wall::North;
        const float length = alongX ? w : d;
        for (const auto& [a, b] : wallSegments(hall, wall, length)) {
            const float mid = (a + b) * 0.5f, len = b - a;
            glm::vec3 centre, size;
            if (alongX) {
                centre = {mid, h * 0.5f, wall == expo::Wall::South ? -t * 0.5f : d + t * 0.5f};
                size = {len, h, t};
            } else {
                centre = {wall == expo::Wall::West ? -t * 0.5f : w + t * 0.5f, h * 0.5f, mid};
                size = {t, h, len};
            }
            ctx.scene.add(ctx.assets.cube(), wallMat, boxTransform(frame, centre, size));
        }
    }
}

} // namespace

glm::mat4 hallFrame(const expo::Hall& hall) {
    return glm::translate(glm::mat4(1.0f), {hall.origin.x, 0.0f, hall.origin.y});
}

glm::mat4 boxTransform(const glm::mat4& m, glm::vec3 centre, glm::vec3 size) {
    return glm::scale(glm::translate(m, centre), size);
}

void addText(BuildContext& ctx, const glm::mat4& m, const std::string& text, float lineHeight,
             float maxWidth, glm::vec3 colour) {
    if (text.empty()) return;
    const float width = ctx.assets.textWidth(text, lineHeight);
    const float scale = width > maxWidth && width > 0 ? maxWidth / width : 1.0f;
    ctx.text.add(ctx.assets.textMesh(text, lineHeight * scale), m, colour);
}

void TextBatcher::add(const MeshData& text, const glm::mat4& m, glm::vec3 colour) {
    if (text.vertices.empty()) return;
    const glm::vec3 at = glm::vec3(m[3]);
    const auto key =
        std::make_tuple(int(std::floor(at.x / 32.0f)), int(std::floor(at.z / 32.0f)),
                        int(colour.r * 255.0f), int(colour.g * 255.0f), int(colour.b * 255.0f));
    Bucket& bucket = m_buckets[key];
    bucket.colour = colour;
    const auto base = static_cast<std::uint32_t>(bucket.mesh.vertices.size());
    const glm::mat3 rotation = glm::mat3(m);
    for (Vertex v : text.vertices) {
        v.position = glm::vec3(m * glm::vec4(v.position, 1.0f));
        v.normal = glm::normalize(rotation * v.normal);
        v.tangent = glm::vec4(glm::normalize(rotation * glm::vec3(v.tangent)), v.tangent.w);
        bucket.mesh.vertices.push_back(v);
    }
    for (std::uint32_t index : text.indices)
        bucket.mesh.indices.push_back(base + index);
}

void TextBatcher::flush(SceneAssets& assets, render::Scene& scene) {
    for (auto& [key, bucket] : m_buckets) {
        bucket.mesh.name = "sign text";
        auto mesh = assets.renderer().addMesh(bucket.mesh);
        if (!mesh) continue; // addMesh only fails on empty input, which add() never stores
        scene.add(*mesh, assets.textMaterial(bucket.colour), glm::mat4(1.0f), render::kPickThrough);
    }
    m_buckets.clear();
}

void addHall(BuildContext& ctx, const expo::Hall& hall) {
    const glm::mat4 frame = hallFrame(hall);
    const float w = hall.size.x, d = hall.size.y;
    const auto hallIndex = static_cast<std::uint32_t>(&hall - ctx.exhibition.halls.data());
    ctx.scene.add(ctx.assets.floor(), ctx.assets.colour(glm::vec3(0.36f, 0.37f, 0.40f), 0.7f),
                  glm::scale(glm::translate(frame, {w * 0.5f, 0.0f, d * 0.5f}), {w, 1.0f, d}),
                  kFloorPickBase + hallIndex);
    addWalls(ctx, hall, frame);
    // The hall's name high on the north wall, facing in, readable from the south entrances.
    const glm::mat4 north =
        glm::rotate(glm::translate(frame, {w * 0.5f, hall.wallHeight - 2.5f, d - 0.05f}),
                    glm::radians(180.0f), {0, 1, 0});
    addText(ctx, north, hall.name, 2.6f, w * 0.8f, glm::vec3(0.95f, 0.95f, 0.92f));
    for (const expo::Venue& venue : hall.venues)
        addVenue(ctx, hall, venue);
}

void addPavilion(BuildContext& ctx, const expo::Pavilion& pavilion) {
    const expo::Hall* hall = expo::findHall(ctx.exhibition, pavilion.hall);
    if (!hall) return; // the loader reports unknown halls; nothing to place
    const glm::mat4 frame = hallFrame(*hall);
    const expo::Rect& r = pavilion.rect;
    // The pavilion's floor picks as its hall's floor, so a click there walks.
    const auto hallIndex = static_cast<std::uint32_t>(hall - ctx.exhibition.halls.data());
    ctx.scene.add(ctx.assets.cube(), ctx.assets.colour(linear(pavilion.colors.floor), 0.7f),
                  boxTransform(frame, {r.x + r.width * 0.5f, 0.02f, r.z + r.depth * 0.5f},
                               {r.width, 0.04f, r.depth}),
                  kFloorPickBase + hallIndex);
    // Name board on two posts at the pavilion's south edge, readable from both sides.
    const glm::vec3 accent = linear(pavilion.colors.accent);
    const float boardWidth = std::min(r.width - 1.0f, 12.0f), boardY = 5.2f;
    const glm::vec3 centre{r.x + r.width * 0.5f, boardY, r.z + 0.3f};
    const render::MaterialId accentMat = ctx.assets.colour(accent, 0.5f);
    ctx.scene.add(ctx.assets.cube(), accentMat,
                  boxTransform(frame, centre, {boardWidth, 1.5f, 0.16f}));
    for (float side : {-0.45f, 0.45f})
        ctx.scene.add(ctx.assets.cube(), accentMat,
                      boxTransform(frame, {centre.x + side * boardWidth, boardY * 0.5f, centre.z},
                                   {0.15f, boardY, 0.15f}));
    const bool flag = !pavilion.flag.empty();
    const float flagWidth = flag ? 1.6f : 0.0f;
    // South face (towards the entrances) and north face; local +x is the reader's right.
    for (const auto& [offset, angle] : {std::pair{-0.09f, 180.0f}, std::pair{0.09f, 0.0f}}) {
        const glm::mat4 face = glm::rotate(glm::translate(frame, centre + glm::vec3(0, 0, offset)),
                                           glm::radians(angle), {0, 1, 0});
        const float textWidth = boardWidth - flagWidth - 0.6f;
        addText(ctx, glm::translate(face, {flagWidth * 0.5f, 0, 0}), pavilion.name, 0.75f,
                textWidth, glm::vec3(1.0f));
        if (!flag) continue;
        const ImageTexture image = ctx.assets.image(ctx.baseDir / pavilion.flag);
        const float fw = std::min(1.4f, 1.05f * image.aspect), fh = fw / image.aspect;
        const glm::mat4 flagAt =
            glm::translate(face, {-boardWidth * 0.5f + 0.3f + fw * 0.5f, 0, 0.002f});
        ctx.scene.add(ctx.assets.quad(), image.material, glm::scale(flagAt, {fw, fh, 1.0f}));
    }
}

} // namespace fg::scene
