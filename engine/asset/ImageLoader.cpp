// The one image-decoding adapter: PNG through libpng, JPEG through libjpeg-turbo, to RGBA8, with
// limits checked from the header before any pixel is decoded. No png_* or tj* type leaves here.
#include "engine/asset/ImageLoader.h"

#include <algorithm>
#include <fmt/format.h>
#include <png.h>
#include <turbojpeg.h>

// Why not stb_image: uploads are untrusted bytes, and fuzzing found one out-of-bounds read after
// another in Debian 12's stb JPEG and PNG decoders (an over-long Huffman table, an IDAT length
// allocated before it was read, an index out of a 256-entry table in stbi__jpeg_huff_decode).
// libpng and libjpeg-turbo are the reference decoders, fuzzed continuously upstream.
namespace fg {
namespace {

bool isPng(std::span<const std::uint8_t> b) {
    static constexpr std::uint8_t kSig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    return b.size() >= 8 && std::equal(kSig, kSig + 8, b.begin());
}

bool isJpeg(std::span<const std::uint8_t> b) {
    return b.size() >= 3 && b[0] == 0xff && b[1] == 0xd8 && b[2] == 0xff;
}

// PNG's IHDR is always the first chunk; reading its size directly gives a clear "over the limit"
// message even when the rest of the file is broken.
bool pngSize(std::span<const std::uint8_t> b, std::uint32_t& w, std::uint32_t& h) {
    if (b.size() < 24 || !std::equal(b.begin() + 12, b.begin() + 16, "IHDR")) return false;
    auto be32 = [&](std::size_t at) {
        return std::uint32_t(b[at]) << 24 | std::uint32_t(b[at + 1]) << 16 |
               std::uint32_t(b[at + 2]) << 8 | std::uint32_t(b[at + 3]);
    };
    w = be32(16);
    h = be32(20);
    return true;
}

Status checkSize(std::uint64_t w, std::uint64_t h, const std::string& name,
                 const ImageLimits& limits) {
    if (w == 0 || h == 0 || w > limits.maxWidth || h > limits.maxHeight)
        return makeError(fmt::format("{}: image is {}x{}, over the limit of {}x{}", name, w, h,
                                     limits.maxWidth, limits.maxHeight));
    return {};
}

Status checkFile(std::span<const std::uint8_t> bytes, const std::string& name,
                 const ImageLimits& limits) {
    if (bytes.empty()) return makeError(fmt::format("{}: image file is empty", name));
    if (bytes.size() > limits.maxFileBytes)
        return makeError(fmt::format("{}: image is {} bytes, over the limit of {} bytes", name,
                                     bytes.size(), limits.maxFileBytes));
    if (!isPng(bytes) && !isJpeg(bytes))
        return makeError(fmt::format("{}: unsupported image format (only PNG and JPEG)", name));
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX))
        return makeError(fmt::format("{}: image is too large to decode", name));
    std::uint32_t w = 0, h = 0;
    if (isPng(bytes) && pngSize(bytes, w, h)) return checkSize(w, h, name, limits);
    return {};
}

ImageData emptyImage(const std::string& name, std::uint32_t w, std::uint32_t h) {
    ImageData image;
    image.name = name;
    image.width = w;
    image.height = h;
    image.rgba.resize(std::size_t(w) * std::size_t(h) * 4);
    return image;
}

// libpng's simplified API reads from memory, reports errors as text (never longjmps into our
// code) and converts any PNG colour type and bit depth to 8-bit RGBA.
Result<ImageData> decodePng(std::span<const std::uint8_t> bytes, const std::string& name,
                            const ImageLimits& limits) {
    png_image png{};
    png.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&png, bytes.data(), bytes.size()))
        return makeError(fmt::format("{}: cannot decode PNG: {}", name, png.message));
    if (Status st = checkSize(png.width, png.height, name, limits); !st) {
        png_image_free(&png);
        return st.error();
    }
    png.format = PNG_FORMAT_RGBA;
    ImageData image = emptyImage(name, png.width, png.height);
    if (!png_image_finish_read(&png, nullptr, image.rgba.data(), 0, nullptr))
        return makeError(fmt::format("{}: cannot decode PNG: {}", name, png.message));
    return image;
}

struct TurboJpeg {
    tjhandle handle = tjInitDecompress();
    TurboJpeg() = default;
    TurboJpeg(const TurboJpeg&) = delete;
    TurboJpeg& operator=(const TurboJpeg&) = delete;
    ~TurboJpeg() {
        if (handle) tjDestroy(handle);
    }
};

// A JPEG with corrupt entropy data still decodes, with a warning, as browsers show it; only
// errors fail. LIMITSCANS refuses progressive files with hundreds of scans (a decode-time bomb).
Result<ImageData> decodeJpeg(std::span<const std::uint8_t> bytes, const std::string& name,
                             const ImageLimits& limits) {
    TurboJpeg tj;
    if (!tj.handle) return makeError(fmt::format("{}: JPEG decoder unavailable", name));
    int w = 0, h = 0, subsampling = 0, colorspace = 0;
    const auto size = static_cast<unsigned long>(bytes.size());
    if (tjDecompressHeader3(tj.handle, bytes.data(), size, &w, &h, &subsampling, &colorspace) != 0)
        return makeError(
            fmt::format("{}: malformed JPEG header: {}", name, tjGetErrorStr2(tj.handle)));
    if (Status st =
            checkSize(std::uint64_t(std::max(w, 0)), std::uint64_t(std::max(h, 0)), name, limits);
        !st)
        return st.error();
    ImageData image = emptyImage(name, std::uint32_t(w), std::uint32_t(h));
    const int flags = TJFLAG_ACCURATEDCT | TJFLAG_LIMITSCANS;
    if (tjDecompress2(tj.handle, bytes.data(), size, image.rgba.data(), w, 0, h, TJPF_RGBA,
                      flags) != 0 &&
        tjGetErrorCode(tj.handle) != TJERR_WARNING)
        return makeError(
            fmt::format("{}: cannot decode JPEG: {}", name, tjGetErrorStr2(tj.handle)));
    return image;
}

} // namespace

Result<ImageData> loadImageFromMemory(std::span<const std::uint8_t> bytes, const std::string& name,
                                      const ImageLimits& limits) {
    if (Status st = checkFile(bytes, name, limits); !st) return st.error();
    return isPng(bytes) ? decodePng(bytes, name, limits) : decodeJpeg(bytes, name, limits);
}

Result<ImageData> loadImage(const std::filesystem::path& file, const ImageLimits& limits) {
    auto bytes = readFileBytes(file, limits.maxFileBytes);
    if (!bytes) return bytes.error();
    return loadImageFromMemory(*bytes, file.string(), limits);
}

ImageData makePlaceholderImage() {
    constexpr std::uint32_t kSize = 64, kCell = 8;
    ImageData image = emptyImage("placeholder", kSize, kSize);
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
