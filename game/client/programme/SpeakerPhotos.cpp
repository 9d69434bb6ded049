// SpeakerPhotos: reads a photo (engine/asset), averages it down to a grid and draws the grid as
// filled rectangles, merging runs of one colour. Dear ImGui 1.86's Vulkan backend draws only its
// font texture (no user textures), so a photo becomes geometry; the CPU screenshot path draws it
// the same way. Never touches the renderer or the network.
#include "game/client/programme/SpeakerPhotos.h"

#include "engine/asset/CookedFormat.h"
#include "engine/asset/ImageLoader.h"
#include "engine/core/File.h"
#include "engine/core/Log.h"
#include "engine/core/Translate.h"
#include "game/expo/protocol/ContentNames.h"

#include <algorithm>
#include <cctype>
#include <imgui.h>

namespace fg::client {
namespace {

constexpr int kCells = 64;

Result<ImageData> readPhoto(const std::filesystem::path& file) {
    if (expo::lowerExtension(file.string()) != ".fgt") return loadImage(file);
    auto bytes = readFileBytes(file);
    if (!bytes) return bytes.error();
    return readCookedImage(*bytes, file.filename().string());
}

// Box-averages IMAGE into CELLS x CELLS, quantised to 5 bits a channel (so runs merge).
SpeakerPhotos::Photo reduce(const ImageData& image, int cells) {
    SpeakerPhotos::Photo out;
    out.cells = cells;
    out.rgba.resize(std::size_t(cells * cells));
    for (int cy = 0; cy < cells; ++cy)
        for (int cx = 0; cx < cells; ++cx) {
            const std::uint32_t x0 = image.width * std::uint32_t(cx) / std::uint32_t(cells);
            const std::uint32_t x1 =
                std::max(x0 + 1, image.width * std::uint32_t(cx + 1) / std::uint32_t(cells));
            const std::uint32_t y0 = image.height * std::uint32_t(cy) / std::uint32_t(cells);
            const std::uint32_t y1 =
                std::max(y0 + 1, image.height * std::uint32_t(cy + 1) / std::uint32_t(cells));
            std::uint32_t sum[4] = {0, 0, 0, 0}, n = 0;
            for (std::uint32_t y = y0; y < y1 && y < image.height; ++y)
                for (std::uint32_t x = x0; x < x1 && x < image.width; ++x, ++n)
                    for (int c = 0; c < 4; ++c)
                        sum[c] +=
                            image.rgba[(std::size_t(y) * image.width + x) * 4 + std::size_t(c)];
            std::uint32_t px = 0;
            for (int c = 0; c < 4; ++c)
                px |= ((n ? sum[c] / n : 0) & 0xf8u) << (8 * c);
            out.rgba[std::size_t(cy * cells + cx)] = px | 0xff000000u;
        }
    return out;
}

std::string initialsOf(const std::string& name) {
    std::string out;
    bool start = true;
    for (char c : name) {
        if (start && std::isalpha(static_cast<unsigned char>(c)) && out.size() < 2) out += c;
        start = c == ' ';
    }
    return out;
}

} // namespace

const SpeakerPhotos::Photo& SpeakerPhotos::photo(const std::string& reference) {
    auto it = m_photos.find(reference);
    if (it != m_photos.end()) return it->second;
    auto image = readPhoto(m_s.baseDir / reference);
    Photo p;
    if (image && image->width > 0 && image->height > 0 &&
        image->rgba.size() >= std::size_t(image->width) * image->height * 4)
        p = reduce(*image, kCells), p.aspect = float(image->height) / float(image->width);
    else {
        log::warn("client: speaker photo {}: {}", reference,
                  image ? "empty image" : image.error().message);
        p.failed = true;
    }
    return m_photos.emplace(reference, std::move(p)).first->second;
}

std::size_t SpeakerPhotos::loaded() const {
    return std::size_t(std::count_if(m_photos.begin(), m_photos.end(),
                                     [](const auto& p) { return !p.second.failed; }));
}

static void drawGrid(const SpeakerPhotos::Photo& p, ImVec2 at, float width, float height) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float cw = width / float(p.cells), ch = height / float(p.cells);
    for (int y = 0; y < p.cells; ++y)
        for (int x = 0; x < p.cells;) {
            const std::uint32_t colour = p.rgba[std::size_t(y * p.cells + x)];
            int end = x + 1;
            while (end < p.cells && p.rgba[std::size_t(y * p.cells + end)] == colour)
                ++end;
            draw->AddRectFilled({at.x + float(x) * cw, at.y + float(y) * ch},
                                {at.x + float(end) * cw, at.y + float(y + 1) * ch}, colour);
            x = end;
        }
}

bool SpeakerPhotos::picture(const std::string& reference, float width) {
    const Photo& p = photo(reference);
    if (p.failed) return false;
    const float height = width * std::clamp(p.aspect, 0.25f, 4.0f);
    drawGrid(p, ImGui::GetCursorScreenPos(), width, height);
    ImGui::Dummy({width, height});
    return true;
}

void SpeakerPhotos::card(const expo::Speaker& speaker, float size, const char* role) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const Photo* p = speaker.photo.empty() ? nullptr : &photo(speaker.photo);
    if (p && !p->failed) {
        drawGrid(*p, at, size, size);
    } else { // no photo: initials on a plain square
        draw->AddRectFilled(at, {at.x + size, at.y + size}, IM_COL32(60, 80, 110, 255));
        const std::string initials = initialsOf(speaker.name);
        const ImVec2 t = ImGui::CalcTextSize(initials.c_str());
        draw->AddText({at.x + (size - t.x) / 2, at.y + (size - t.y) / 2}, IM_COL32_WHITE,
                      initials.c_str());
    }
    ImGui::Dummy({size, size});
    ImGui::SameLine();
    ImGui::BeginGroup();
    if (role) ImGui::TextDisabled("%s", role);
    ImGui::Text("%s", speaker.name.c_str());
    if (!speaker.title.empty()) ImGui::TextWrapped("%s", speaker.title.c_str());
    std::string where = speaker.organisation;
    if (!speaker.country.empty()) where += (where.empty() ? "" : ", ") + speaker.country;
    if (!where.empty()) ImGui::TextDisabled("%s", where.c_str());
    ImGui::EndGroup();
}

void SpeakerPhotos::cards(const expo::Session& e, float size) {
    ImGui::PushID(e.id.c_str());
    for (std::size_t i = 0; i < e.speakers.size(); ++i) {
        ImGui::PushID(int(i));
        card(e.speakers[i], size);
        ImGui::PopID();
    }
    if (e.moderator) card(*e.moderator, size, tr("Moderator"));
    ImGui::PopID();
}

} // namespace fg::client
