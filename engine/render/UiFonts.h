// Internal: the Dear ImGui UI's fonts and look. DejaVu Sans with Noto Sans Arabic and Noto Sans
// CJK merged in, rasterised at the UI scale; glyphs beyond the base scripts join as text needs
// them.
#pragma once

#include "engine/core/Result.h"
#include "engine/render/Renderer.h"
#include "engine/text/FontFiles.h"

#include <array>
#include <cstdint>
#include <memory>
#include <set>
#include <string_view>
#include <vector>

namespace fg::render {

class UiFonts {
public:
    // Pixels per line of the UI's text at scale 1.
    static constexpr float kBasePixels = 15.0f;
    // Code points beyond the base ranges kept in the atlas; past it new ones draw as '?'.
    static constexpr std::size_t kMaxExtraGlyphs = 6000;

    // Reads the three font files of FONTS; an error names a file that cannot be read.
    static Result<std::unique_ptr<UiFonts>> create(const text::FontSet& fonts);
    // Remembers the code points of TEXT; true when one is new and drawable (rebuild needed).
    bool addText(std::string_view utf8);
    // Rebuilds ImGui's font atlas at kBasePixels * SCALE and sets the style for LOOK; the caller
    // re-uploads the font texture.
    Status build(const UiLook& look);
    std::size_t extraGlyphs() const { return m_used.size(); }

private:
    UiFonts() = default;
    std::array<text::FontFace, 3> m_faces;
    std::array<std::vector<unsigned char>, 3> m_data;
    std::array<std::vector<std::uint16_t>, 3> m_ranges; // ImWchar pairs, 0-terminated
    std::set<std::uint32_t> m_used;
    bool m_warnedFull = false;
};

// ImGui's style for LOOK: dark or high-contrast colours, sizes scaled, keyboard focus visible.
void applyUiStyle(const UiLook& look);

} // namespace fg::render
