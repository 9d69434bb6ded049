// The one stb_image_write adapter: PNG and JPEG encoding of RGBA8 images (screenshots, tests).
// stb is compiled here as static functions so no stbi_write_* symbol leaves this file.
#include "engine/asset/ImageLoader.h"

#include <fmt/format.h>

#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#include <stb/stb_image_write.h>

namespace fg {
namespace {

void appendBytes(void* context, void* data, int size) {
    auto* out = static_cast<Bytes*>(context);
    const auto* p = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), p, p + size);
}

Status checkImage(const ImageData& image, const std::string& what) {
    if (image.width == 0 || image.height == 0 || image.width > 65535 || image.height > 65535)
        return makeError(
            fmt::format("{}: cannot encode a {}x{} image", what, image.width, image.height));
    if (image.rgba.size() != std::size_t(image.width) * image.height * 4)
        return makeError(fmt::format("{}: pixel buffer holds {} bytes, expected {}", what,
                                     image.rgba.size(),
                                     std::size_t(image.width) * image.height * 4));
    return {};
}

} // namespace

Result<Bytes> encodePng(const ImageData& image) {
    if (Status st = checkImage(image, image.name); !st) return st.error();
    Bytes out;
    int w = static_cast<int>(image.width), h = static_cast<int>(image.height);
    if (!stbi_write_png_to_func(appendBytes, &out, w, h, 4, image.rgba.data(), w * 4))
        return makeError(fmt::format("{}: PNG encoding failed", image.name));
    return out;
}

Status writePng(const std::filesystem::path& file, const ImageData& image) {
    auto bytes = encodePng(image);
    if (!bytes) return makeError(fmt::format("{}: {}", file.string(), bytes.error().message));
    return writeFileAtomic(file, *bytes);
}

Status writeJpeg(const std::filesystem::path& file, const ImageData& image, int quality) {
    if (Status st = checkImage(image, file.string()); !st) return st;
    Bytes out;
    int w = static_cast<int>(image.width), h = static_cast<int>(image.height);
    if (!stbi_write_jpg_to_func(appendBytes, &out, w, h, 4, image.rgba.data(), quality))
        return makeError(fmt::format("{}: JPEG encoding failed", file.string()));
    return writeFileAtomic(file, out);
}

} // namespace fg
