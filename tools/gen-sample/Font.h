// TrueType text for the sample's images: measuring, wrapping and drawing UTF-8 strings.
// Wraps stb_truetype for this generator only; it must not be used by engine or game code.
#pragma once

#include "engine/core/Result.h"
#include "tools/gen-sample/Canvas.h"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fg::sample {

enum class Align { Left, Centre, Right };

class Font {
public:
    static Result<Font> load(const std::filesystem::path& path);

    float measure(std::string_view utf8, float px) const;
    float ascent(float px) const;
    // Draws one line with its baseline at y; x is the left, centre or right edge.
    void draw(Canvas& canvas, float x, float baseline, std::string_view utf8, float px, Rgba c,
              Align align = Align::Left) const;
    // Greedy word wrap to lines no wider than maxWidth.
    std::vector<std::string> wrap(std::string_view utf8, float px, float maxWidth) const;
    // Largest size <= px at which the text fits in maxWidth on one line.
    float fit(std::string_view utf8, float px, float maxWidth) const;

private:
    struct Impl;
    std::shared_ptr<const Impl> m_impl;
};

} // namespace fg::sample
