// Which font file draws which script, found at run time under the system's font folder (Debian:
// fonts-dejavu-core, fonts-noto-core, fonts-noto-cjk). Paths only; nothing here rasterises.
#pragma once

#include "engine/core/Result.h"

#include <cstdint>
#include <filesystem>

namespace fg::text {

enum class FontRole : std::uint8_t {
    Latin,  // Latin (Vietnamese included), Greek, Cyrillic, symbols: DejaVu Sans
    Arabic, // Arabic and its presentation forms: Noto Sans Arabic
    Cjk,    // Chinese (Simplified), kana, Hangul, full-width forms: Noto Sans CJK SC
};

struct FontFace {
    std::filesystem::path file;
    int index = 0; // face inside a collection (.ttc)
};

struct FontSet {
    FontFace latin, arabic, cjk;
    const FontFace& face(FontRole role) const;
};

// The faces under ROOT (default /usr/share/fonts). A missing file is an error naming its path
// and the Debian package that provides it.
Result<FontSet> findFonts(const std::filesystem::path& root = "/usr/share/fonts");
// The face that draws CP.
FontRole fontRoleOf(std::uint32_t cp);

} // namespace fg::text
