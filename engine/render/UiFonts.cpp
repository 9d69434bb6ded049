// The UI font atlas through ImGui's ImFontAtlas (stb_truetype inside ImGui 1.86) and the UI's
// colours. Touches ImGui's font atlas and style only; the texture upload is WindowTarget's.
#include "engine/render/UiFonts.h"

#include "engine/core/File.h"
#include "engine/core/Log.h"
#include "engine/text/Utf8.h"

#include <algorithm>
#include <cmath>
#include <imgui.h>

namespace fg::render {
namespace {

static_assert(sizeof(ImWchar) == sizeof(std::uint16_t),
              "libimgui-dev is built with 16-bit ImWchar");

// Always in the atlas: Latin with Vietnamese, combining marks, Greek, Cyrillic, punctuation,
// currency, arrows and shapes, the replacement character.
constexpr std::uint16_t kBaseRanges[] = {0x0020, 0x024F, 0x0300, 0x036F, 0x0370, 0x03FF, 0x0400,
                                         0x04FF, 0x1E00, 0x1EFF, 0x2000, 0x206F, 0x20A0, 0x20CF,
                                         0x2190, 0x21FF, 0x25A0, 0x25FF, 0xFFFD, 0xFFFD};

bool inBase(std::uint32_t cp) {
    for (std::size_t i = 0; i + 1 < std::size(kBaseRanges); i += 2)
        if (cp >= kBaseRanges[i] && cp <= kBaseRanges[i + 1]) return true;
    return false;
}

void appendRange(std::vector<std::uint16_t>& ranges, std::uint32_t from, std::uint32_t to) {
    ranges.push_back(std::uint16_t(from));
    ranges.push_back(std::uint16_t(to));
}

ImVec4 rgb(float r, float g, float b, float a = 1.0f) {
    return ImVec4(r, g, b, a);
}

void highContrastColours(ImGuiStyle& style) {
    ImVec4* c = style.Colors;
    const ImVec4 black = rgb(0, 0, 0), white = rgb(1, 1, 1), yellow = rgb(1, 0.85f, 0);
    c[ImGuiCol_Text] = white;
    c[ImGuiCol_TextDisabled] = rgb(0.75f, 0.75f, 0.75f);
    for (ImGuiCol bg : {ImGuiCol_WindowBg, ImGuiCol_ChildBg, ImGuiCol_PopupBg, ImGuiCol_MenuBarBg,
                        ImGuiCol_TitleBg, ImGuiCol_TitleBgCollapsed})
        c[bg] = black;
    c[ImGuiCol_TitleBgActive] = rgb(0, 0, 0.55f);
    c[ImGuiCol_Border] = white;
    for (ImGuiCol frame : {ImGuiCol_FrameBg, ImGuiCol_Button, ImGuiCol_Header, ImGuiCol_Tab})
        c[frame] = rgb(0.12f, 0.12f, 0.12f);
    for (ImGuiCol hover : {ImGuiCol_FrameBgHovered, ImGuiCol_ButtonHovered, ImGuiCol_HeaderHovered,
                           ImGuiCol_TabHovered})
        c[hover] = rgb(0, 0.25f, 0.75f);
    for (ImGuiCol active :
         {ImGuiCol_FrameBgActive, ImGuiCol_ButtonActive, ImGuiCol_HeaderActive, ImGuiCol_TabActive})
        c[active] = rgb(0, 0.35f, 1.0f);
    c[ImGuiCol_CheckMark] = yellow;
    c[ImGuiCol_SliderGrab] = yellow;
    c[ImGuiCol_SliderGrabActive] = yellow;
    c[ImGuiCol_TextSelectedBg] = rgb(0, 0.35f, 1.0f);
    c[ImGuiCol_NavHighlight] = yellow;
    style.FrameBorderSize = 1.0f;
    style.WindowBorderSize = 2.0f;
}

} // namespace

Result<std::unique_ptr<UiFonts>> UiFonts::create(const text::FontSet& fonts) {
    std::unique_ptr<UiFonts> out(new UiFonts());
    out->m_faces = {fonts.latin, fonts.arabic, fonts.cjk};
    for (std::size_t i = 0; i < 3; ++i) {
        auto bytes = readFileBytes(out->m_faces[i].file, 64ull << 20);
        if (!bytes) return bytes.error();
        out->m_data[i] = std::move(*bytes);
    }
    return out;
}

bool UiFonts::addText(std::string_view utf8) {
    bool added = false;
    for (std::uint32_t cp : text::decodeUtf8(utf8)) {
        // 16-bit ImWchar: no glyphs past the Basic Multilingual Plane; controls draw nothing.
        if (cp < 0x20 || cp > 0xFFFF || inBase(cp) || m_used.count(cp)) continue;
        if (m_used.size() >= kMaxExtraGlyphs) {
            if (!m_warnedFull)
                log::warn("ui: font atlas full ({} glyphs); more draw as '?'", kMaxExtraGlyphs);
            m_warnedFull = true;
            continue;
        }
        m_used.insert(cp);
        added = true;
    }
    return added;
}

Status UiFonts::build(const UiLook& look) {
    for (auto& r : m_ranges)
        r.clear();
    m_ranges[0].assign(std::begin(kBaseRanges), std::end(kBaseRanges));
    for (std::uint32_t cp : m_used)
        appendRange(m_ranges[std::size_t(text::fontRoleOf(cp))], cp, cp);
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    atlas.Clear();
    const float pixels = std::round(kBasePixels * std::clamp(look.scale, 0.5f, 4.0f));
    for (std::size_t i = 0; i < 3; ++i) {
        if (m_ranges[i].empty()) continue;
        m_ranges[i].push_back(0);
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false; // the bytes live in m_data, reused by every rebuild
        cfg.FontNo = m_faces[i].index;
        cfg.MergeMode = i > 0;
        cfg.OversampleH = i == 2 ? 1 : 2; // CJK glyphs are dense: no horizontal oversampling
        cfg.OversampleV = 1;
        // Noto's Arabic and CJK faces spend more of their line on ascent and descent than
        // DejaVu: a larger size gives their letters the Latin letters' visual height.
        const float size = i == 0 ? pixels : std::round(pixels * (i == 1 ? 1.3f : 1.2f));
        if (!atlas.AddFontFromMemoryTTF(m_data[i].data(), int(m_data[i].size()), size, &cfg,
                                        reinterpret_cast<const ImWchar*>(m_ranges[i].data())))
            return makeError("ui font " + m_faces[i].file.string() + ": not a usable font");
    }
    if (!atlas.Build()) return makeError("ui fonts: the atlas could not be built");
    applyUiStyle(look);
    return {};
}

void applyUiStyle(const UiLook& look) {
    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    // Keyboard focus must be seen from across the room: a bright, thicker frame.
    style.Colors[ImGuiCol_NavHighlight] = rgb(1.0f, 0.75f, 0.1f);
    if (look.highContrast) highContrastColours(style);
    style.ScaleAllSizes(std::clamp(look.scale, 0.5f, 4.0f));
    ImGui::GetStyle() = style;
}

} // namespace fg::render
