// The one stb_image adapter: PNG and JPEG decoding to RGBA8 with limits checked from the header.
// stb is compiled here as static functions (STB_IMAGE_STATIC) so no stbi_* symbol leaves this file.
#include "engine/asset/ImageLoader.h"

#include <algorithm>
#include <cstring>
#include <fmt/format.h>

#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_NO_STDIO
#define STBI_NO_HDR
#define STBI_NO_LINEAR
#define STBI_MAX_DIMENSIONS 65536 // a backstop: ImageLimits are checked before stb decodes
// stb_image asserts on some malformed JPEG Huffman streams (stbi__jpeg_huff_decode; found by
// fg_fuzz_image). Its asserts are internal consistency checks that Release builds compile out;
// input must never abort the program, so they are out in every build. The fuzz build's ASan
// still checks that every read stays in bounds when they would have fired.
#define STBI_ASSERT(x) ((void)0)
#include <stb/stb_image.h>

namespace fg {
namespace {

bool isPng(std::span<const std::uint8_t> b) {
    static constexpr std::uint8_t kSig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    return b.size() >= 8 && std::equal(kSig, kSig + 8, b.begin());
}

bool isJpeg(std::span<const std::uint8_t> b) {
    return b.size() >= 3 && b[0] == 0xff && b[1] == 0xd8 && b[2] == 0xff;
}

// PNG's IHDR is always the first chunk; reading it directly gives a clear "too big" message even
// for sizes stb refuses outright.
bool pngSize(std::span<const std::uint8_t> b, std::uint32_t& w, std::uint32_t& h) {
    if (b.size() < 24 || std::memcmp(b.data() + 12, "IHDR", 4) != 0) return false;
    auto be32 = [&](std::size_t at) {
        return std::uint32_t(b[at]) << 24 | std::uint32_t(b[at + 1]) << 16 |
               std::uint32_t(b[at + 2]) << 8 | std::uint32_t(b[at + 3]);
    };
    w = be32(16);
    h = be32(20);
    return true;
}

// Walks a PNG's chunks before stb sees them. stb allocates whatever an IDAT chunk's length
// claims before checking that the data is there (a 100-byte file can make it ask for 2 GiB), and
// memcpy()s into a null buffer for an empty IDAT (undefined behaviour); both found by fuzzing.
// So a chunk longer than the rest of the file is an error, and empty IDATs (which carry nothing)
// are dropped from a copy in CLEANED (left empty when nothing is dropped, the usual case).
Status checkPngChunks(std::span<const std::uint8_t> png, const std::string& name, Bytes& cleaned) {
    auto be32 = [&](std::size_t at) {
        return std::uint32_t(png[at]) << 24 | std::uint32_t(png[at + 1]) << 16 |
               std::uint32_t(png[at + 2]) << 8 | std::uint32_t(png[at + 3]);
    };
    std::vector<std::pair<std::size_t, std::size_t>> drop; // [begin, end) of each empty IDAT
    // stb needs only a chunk's 8-byte header to act on its length, so check from there.
    for (std::size_t at = 8; at + 8 <= png.size();) {
        std::uint64_t end = at + 12 + std::uint64_t(be32(at));
        if (end > png.size())
            return makeError(fmt::format("{}: PNG chunk at offset {} claims {} bytes, only {} left",
                                         name, at, be32(at), png.size() - at - 8));
        if (be32(at) == 0 && std::memcmp(png.data() + at + 4, "IDAT", 4) == 0)
            drop.emplace_back(at, std::size_t(end));
        at = std::size_t(end);
    }
    std::size_t from = 0;
    for (auto [begin, end] : drop) {
        cleaned.insert(cleaned.end(), png.begin() + std::ptrdiff_t(from),
                       png.begin() + std::ptrdiff_t(begin));
        from = end;
    }
    if (!drop.empty()) cleaned.insert(cleaned.end(), png.begin() + std::ptrdiff_t(from), png.end());
    return {};
}

// Debian 12's stb builds a JPEG Huffman table from a DHT segment's 16 code counts before checking
// that they sum to at most 256, the size of the table's list: a crafted JPEG writes past it (found
// by fuzzing, UBSan; later stb checks). So every DHT table is checked first, reading counts past
// the end of the file as 0 as stb does.
Status checkJpegHuffman(std::span<const std::uint8_t> jpg, const std::string& name) {
    auto byte = [&](std::size_t at) { return at < jpg.size() ? jpg[at] : std::uint8_t(0); };
    for (std::size_t at = 2; at + 1 < jpg.size();) {
        const std::uint8_t marker = jpg[at + 1];
        if (jpg[at] != 0xff || marker == 0xff) { // entropy-coded data, or a fill byte
            ++at;
            continue;
        }
        if (marker == 0x00 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
            at += 2; // no length: stuffed byte, TEM, RSTn, SOI
            continue;
        }
        if (marker == 0xd9) break; // EOI
        const std::size_t end = at + 2 + (std::size_t(byte(at + 2)) << 8 | byte(at + 3));
        for (std::size_t table = at + 4; marker == 0xc4 && table < std::min(end, jpg.size());) {
            std::uint32_t codes = 0;
            for (std::size_t i = 1; i <= 16; ++i)
                codes += byte(table + i);
            if (codes > 256)
                return makeError(
                    fmt::format("{}: JPEG Huffman table at offset {} has {} codes, at most 256",
                                name, table, codes));
            table += 17 + codes;
        }
        at = std::max(end, at + 4);
    }
    return {};
}

Status checkSize(std::uint64_t w, std::uint64_t h, const std::string& name,
                 const ImageLimits& limits) {
    if (w == 0 || h == 0 || w > limits.maxWidth || h > limits.maxHeight)
        return makeError(fmt::format("{}: image is {}x{}, over the limit of {}x{}", name, w, h,
                                     limits.maxWidth, limits.maxHeight));
    return {};
}

Status checkHeader(std::span<const std::uint8_t> bytes, const std::string& name,
                   const ImageLimits& limits) {
    if (bytes.empty()) return makeError(fmt::format("{}: image file is empty", name));
    if (bytes.size() > limits.maxFileBytes)
        return makeError(fmt::format("{}: image is {} bytes, over the limit of {} bytes", name,
                                     bytes.size(), limits.maxFileBytes));
    if (!isPng(bytes) && !isJpeg(bytes))
        return makeError(fmt::format("{}: unsupported image format (only PNG and JPEG)", name));
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX))
        return makeError(fmt::format("{}: image is too large to decode", name));
    std::uint32_t pw = 0, ph = 0;
    if (isPng(bytes) && pngSize(bytes, pw, ph))
        if (Status st = checkSize(pw, ph, name, limits); !st) return st;
    // stb_info reads the tables before the frame header too.
    if (isJpeg(bytes))
        if (Status st = checkJpegHuffman(bytes, name); !st) return st;
    int w = 0, h = 0, channels = 0;
    if (!stbi_info_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &channels))
        return makeError(
            fmt::format("{}: malformed image header: {}", name, stbi_failure_reason()));
    return checkSize(std::uint64_t(w), std::uint64_t(h), name, limits);
}

} // namespace

Result<ImageData> loadImageFromMemory(std::span<const std::uint8_t> bytes, const std::string& name,
                                      const ImageLimits& limits) {
    if (Status st = checkHeader(bytes, name, limits); !st) return st.error();
    Bytes cleaned;
    if (isPng(bytes))
        if (Status st = checkPngChunks(bytes, name, cleaned); !st) return st.error();

    if (!cleaned.empty()) bytes = cleaned;
    int w = 0, h = 0, channels = 0;
    stbi_uc* pixels =
        stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &channels, 4);
    if (!pixels)
        return makeError(fmt::format("{}: cannot decode image: {}", name, stbi_failure_reason()));
    ImageData image;
    image.name = name;
    image.width = static_cast<std::uint32_t>(w);
    image.height = static_cast<std::uint32_t>(h);
    image.rgba.assign(pixels, pixels + std::size_t(w) * std::size_t(h) * 4);
    stbi_image_free(pixels);
    return image;
}

Result<ImageData> loadImage(const std::filesystem::path& file, const ImageLimits& limits) {
    auto bytes = readFileBytes(file, limits.maxFileBytes);
    if (!bytes) return bytes.error();
    return loadImageFromMemory(*bytes, file.string(), limits);
}

ImageData makePlaceholderImage() {
    constexpr std::uint32_t kSize = 64, kCell = 8;
    ImageData image;
    image.name = "placeholder";
    image.width = image.height = kSize;
    image.rgba.resize(kSize * kSize * 4);
    for (std::uint32_t y = 0; y < kSize; ++y) {
        for (std::uint32_t x = 0; x < kSize; ++x) {
            bool magenta = ((x / kCell) + (y / kCell)) % 2 == 0;
            std::uint8_t* p = &image.rgba[(y * kSize + x) * 4];
            p[0] = magenta ? 255 : 0;
            p[1] = 0;
            p[2] = magenta ? 255 : 0;
            p[3] = 255;
        }
    }
    return image;
}

} // namespace fg
