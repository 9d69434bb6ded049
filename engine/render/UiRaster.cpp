// CPU rasteriser for ImDrawData: textured, vertex-coloured triangles with clip rectangles and
// alpha blending, sampling the font atlas. Only the font atlas texture is known; other
// textures are drawn as white (the client's UI uses none).
#include "engine/render/UiRaster.h"

#include <algorithm>
#include <cmath>
#include <imgui.h>

namespace fg::render {
namespace {

struct Atlas {
    const unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    ImTextureID id = nullptr;
};

struct Target {
    ImageData& image;
    glm::vec2 scale;
    glm::vec2 origin;
};

glm::vec4 unpack(ImU32 c) {
    return {float(c & 255), float((c >> 8) & 255), float((c >> 16) & 255), float((c >> 24) & 255)};
}

float edge(glm::vec2 a, glm::vec2 b, glm::vec2 p) {
    return (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
}

glm::vec4 sample(const Atlas& atlas, bool font, glm::vec2 uv) {
    if (!font || !atlas.pixels) return glm::vec4(255.0f);
    const int x = std::clamp(int(uv.x * float(atlas.width)), 0, atlas.width - 1);
    const int y = std::clamp(int(uv.y * float(atlas.height)), 0, atlas.height - 1);
    const unsigned char* t =
        atlas.pixels + (std::size_t(y) * std::size_t(atlas.width) + std::size_t(x)) * 4;
    return {float(t[0]), float(t[1]), float(t[2]), float(t[3])};
}

void blend(std::uint8_t* dst, glm::vec4 src) {
    const float a = src.a / 255.0f;
    for (int c = 0; c < 3; ++c)
        dst[c] = std::uint8_t(std::clamp(src[c] * a + float(dst[c]) * (1.0f - a), 0.0f, 255.0f));
}

void triangle(Target& t, const Atlas& atlas, bool font, const ImDrawVert* v[3], glm::vec4 clip) {
    glm::vec2 p[3];
    for (int i = 0; i < 3; ++i)
        p[i] = (glm::vec2(v[i]->pos.x, v[i]->pos.y) - t.origin) * t.scale;
    float area = edge(p[0], p[1], p[2]);
    if (std::abs(area) < 1e-8f) return;
    const int x0 =
        std::max(int(std::floor(std::min({p[0].x, p[1].x, p[2].x, clip.z}))), int(clip.x));
    const int x1 = std::min(int(std::ceil(std::max({p[0].x, p[1].x, p[2].x}))), int(clip.z));
    const int y0 = std::max(int(std::floor(std::min({p[0].y, p[1].y, p[2].y}))), int(clip.y));
    const int y1 = std::min(int(std::ceil(std::max({p[0].y, p[1].y, p[2].y}))), int(clip.w));
    const glm::vec4 c[3] = {unpack(v[0]->col), unpack(v[1]->col), unpack(v[2]->col)};
    const bool flat = v[0]->col == v[1]->col && v[1]->col == v[2]->col;
    for (int y = std::max(y0, 0); y < std::min(y1, int(t.image.height)); ++y)
        for (int x = std::max(x0, 0); x < std::min(x1, int(t.image.width)); ++x) {
            // The small offset keeps sample points off shared edges, so no pixel is blended twice.
            const glm::vec2 s{float(x) + 0.50013f, float(y) + 0.50007f};
            float w0 = edge(p[1], p[2], s) / area, w1 = edge(p[2], p[0], s) / area;
            float w2 = 1.0f - w0 - w1;
            if (w0 < 0 || w1 < 0 || w2 < 0) continue;
            const glm::vec2 uv = w0 * glm::vec2(v[0]->uv.x, v[0]->uv.y) +
                                 w1 * glm::vec2(v[1]->uv.x, v[1]->uv.y) +
                                 w2 * glm::vec2(v[2]->uv.x, v[2]->uv.y);
            const glm::vec4 col = flat ? c[0] : w0 * c[0] + w1 * c[1] + w2 * c[2];
            const glm::vec4 tex = sample(atlas, font, uv);
            blend(&t.image.rgba[(std::size_t(y) * t.image.width + std::size_t(x)) * 4],
                  col * tex / 255.0f);
        }
}

} // namespace

std::size_t compositeImGui(ImageData& image) {
    const ImDrawData* data = ImGui::GetCurrentContext() ? ImGui::GetDrawData() : nullptr;
    if (!data || !data->Valid || data->DisplaySize.x <= 0 || image.rgba.empty()) return 0;
    Atlas atlas;
    unsigned char* pixels = nullptr;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &atlas.width, &atlas.height);
    atlas.pixels = pixels;
    atlas.id = ImGui::GetIO().Fonts->TexID;
    Target t{image,
             {float(image.width) / data->DisplaySize.x, float(image.height) / data->DisplaySize.y},
             {data->DisplayPos.x, data->DisplayPos.y}};
    std::size_t drawn = 0;
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) continue;
            const glm::vec4 clip{(cmd.ClipRect.x - t.origin.x) * t.scale.x,
                                 (cmd.ClipRect.y - t.origin.y) * t.scale.y,
                                 (cmd.ClipRect.z - t.origin.x) * t.scale.x,
                                 (cmd.ClipRect.w - t.origin.y) * t.scale.y};
            const bool font = cmd.TextureId == atlas.id;
            for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                const ImDrawVert* v[3];
                for (int k = 0; k < 3; ++k)
                    v[k] = &list->VtxBuffer[int(cmd.VtxOffset +
                                                list->IdxBuffer[int(cmd.IdxOffset + i) + k])];
                triangle(t, atlas, font, v, clip);
                ++drawn;
            }
        }
    }
    return drawn;
}

} // namespace fg::render
