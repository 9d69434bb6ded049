// The one adapter over FriBidi: the Unicode bidi algorithm and Arabic joining for the UI.
// Works on one line at a time; never touches fonts or ImGui.
#include "engine/text/Bidi.h"

#include "engine/text/Utf8.h"

#include <algorithm>
#include <fribidi.h>
#include <vector>

namespace fg::text {

bool hasRightToLeft(std::string_view utf8) {
    for (std::uint32_t cp : decodeUtf8(utf8))
        if (FRIBIDI_IS_RTL(fribidi_get_bidi_type(FriBidiChar(cp)))) return true;
    return false;
}

namespace {

std::string lineVisualOrder(std::string_view utf8) {
    const std::vector<std::uint32_t> logical = decodeUtf8(utf8);
    std::vector<FriBidiChar> in(logical.begin(), logical.end());
    std::vector<FriBidiChar> visual(in.size() + 1, 0);
    FriBidiParType base = FRIBIDI_PAR_ON; // the paragraph's direction from its first strong letter
    // log2vis applies the default flags plus Arabic shaping (presentation forms, ligatures).
    if (!fribidi_log2vis(in.data(), FriBidiStrIndex(in.size()), &base, visual.data(), nullptr,
                         nullptr, nullptr))
        return std::string(utf8);
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < in.size(); ++i)
        if (visual[i] != 0xFEFF && visual[i] != 0x200D) // joiners have done their work
            out.push_back(visual[i]);
    return encodeUtf8(out);
}

} // namespace

std::string visualOrder(std::string_view utf8) {
    if (!hasRightToLeft(utf8)) return std::string(utf8);
    std::string out; // line by line: a paragraph break must stay where it is
    for (std::size_t at = 0; at <= utf8.size();) {
        const std::size_t end = std::min(utf8.find('\n', at), utf8.size());
        out += lineVisualOrder(utf8.substr(at, end - at));
        if (end < utf8.size()) out += '\n';
        at = end + 1;
    }
    return out;
}

} // namespace fg::text
