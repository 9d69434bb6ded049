// Font discovery by fixed Debian paths (no fontconfig: three known files are all we need) and
// the code point to script split. Reads no font data.
#include "engine/text/FontFiles.h"

#include <fmt/format.h>

namespace fg::text {
namespace {

struct Wanted {
    const char* relative;
    int index;
    const char* package;
};

// NotoSansCJK-Regular.ttc holds JP, KR, SC, TC, HK in that order: 2 is Simplified Chinese.
constexpr Wanted kLatin{"truetype/dejavu/DejaVuSans.ttf", 0, "fonts-dejavu-core"};
constexpr Wanted kArabic{"truetype/noto/NotoSansArabic-Regular.ttf", 0, "fonts-noto-core"};
constexpr Wanted kCjk{"opentype/noto/NotoSansCJK-Regular.ttc", 2, "fonts-noto-cjk"};

Result<FontFace> find(const std::filesystem::path& root, const Wanted& w) {
    FontFace face{root / w.relative, w.index};
    std::error_code ec;
    if (!std::filesystem::is_regular_file(face.file, ec))
        return makeError(fmt::format("font {} not found: install the Debian package '{}'",
                                     face.file.string(), w.package));
    return face;
}

} // namespace

const FontFace& FontSet::face(FontRole role) const {
    return role == FontRole::Arabic ? arabic : role == FontRole::Cjk ? cjk : latin;
}

Result<FontSet> findFonts(const std::filesystem::path& root) {
    auto latin = find(root, kLatin);
    if (!latin) return latin.error();
    auto arabic = find(root, kArabic);
    if (!arabic) return arabic.error();
    auto cjk = find(root, kCjk);
    if (!cjk) return cjk.error();
    return FontSet{*latin, *arabic, *cjk};
}

FontRole fontRoleOf(std::uint32_t cp) {
    const bool arabic = (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
                        (cp >= 0x08A0 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
                        (cp >= 0xFE70 && cp <= 0xFEFF);
    if (arabic) return FontRole::Arabic;
    const bool cjk = (cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0x3000 && cp <= 0x9FFF) ||
                     (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                     (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
                     (cp >= 0x20000 && cp <= 0x2FFFF);
    return cjk ? FontRole::Cjk : FontRole::Latin;
}

} // namespace fg::text
