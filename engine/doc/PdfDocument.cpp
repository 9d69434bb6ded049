// The Poppler adapter: the only file that includes poppler-cpp. Sizes are checked before a page
// is rendered; Poppler's own error printing is silenced (errors come back as our Results).
#include "engine/doc/PdfDocument.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fmt/format.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

namespace fg {

struct PdfDocument::Impl {
    std::string name;
    PdfLimits limits;
    std::vector<char> bytes; // Poppler reads from it for the document's whole life
    std::unique_ptr<poppler::document> document;
};

namespace {

void quiet(const std::string&, void*) {}

bool looksLikePdf(std::span<const std::uint8_t> bytes) {
    // The header may follow up to 1024 bytes of junk (PDF 1.7, 7.5.2 note); Poppler accepts that.
    const std::size_t window = std::min<std::size_t>(bytes.size(), 1024 + 5);
    static constexpr char kMagic[] = "%PDF-";
    return std::search(bytes.begin(), bytes.begin() + window, kMagic, kMagic + 5) !=
           bytes.begin() + window;
}

// Converts Poppler's ARGB32 (native-endian 0xAARRGGBB words) rows to RGBA8, made opaque.
void copyArgb(const poppler::image& image, ImageData& out) {
    const auto* data = image.const_data();
    for (std::uint32_t y = 0; y < out.height; ++y) {
        const char* row = data + std::size_t(y) * std::size_t(image.bytes_per_row());
        for (std::uint32_t x = 0; x < out.width; ++x) {
            std::uint32_t argb;
            std::memcpy(&argb, row + std::size_t(x) * 4, 4);
            std::uint8_t* p = &out.rgba[(std::size_t(y) * out.width + x) * 4];
            p[0] = std::uint8_t(argb >> 16);
            p[1] = std::uint8_t(argb >> 8);
            p[2] = std::uint8_t(argb);
            p[3] = 255;
        }
    }
}

} // namespace

PdfDocument::PdfDocument(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
PdfDocument::PdfDocument(PdfDocument&&) noexcept = default;
PdfDocument& PdfDocument::operator=(PdfDocument&&) noexcept = default;
PdfDocument::~PdfDocument() = default;

Result<PdfDocument> PdfDocument::open(std::span<const std::uint8_t> bytes, const std::string& name,
                                      const PdfLimits& limits) {
    if (bytes.size() > limits.maxFileBytes)
        return makeError(fmt::format("{}: {} bytes is over the PDF limit of {} MiB", name,
                                     bytes.size(), limits.maxFileBytes >> 20));
    if (!looksLikePdf(bytes)) return makeError(fmt::format("{}: not a PDF file", name));
    poppler::set_debug_error_function(quiet, nullptr);
    auto impl = std::make_unique<Impl>();
    impl->name = name;
    impl->limits = limits;
    impl->bytes.assign(bytes.begin(), bytes.end());
    impl->document.reset(
        poppler::document::load_from_raw_data(impl->bytes.data(), int(impl->bytes.size())));
    if (!impl->document) return makeError(fmt::format("{}: not a readable PDF file", name));
    if (impl->document->is_locked())
        return makeError(fmt::format("{}: the PDF is locked by a password", name));
    const int pages = impl->document->pages();
    if (pages <= 0) return makeError(fmt::format("{}: the PDF has no page", name));
    if (std::uint32_t(pages) > limits.maxPages)
        return makeError(
            fmt::format("{}: {} pages is over the limit of {}", name, pages, limits.maxPages));
    return PdfDocument(std::move(impl));
}

Result<PdfDocument> PdfDocument::open(const std::filesystem::path& file, const PdfLimits& limits) {
    std::error_code ec;
    auto size = std::filesystem::file_size(file, ec);
    if (!ec && size > limits.maxFileBytes)
        return makeError(fmt::format("{}: {} bytes is over the PDF limit of {} MiB", file.string(),
                                     size, limits.maxFileBytes >> 20));
    auto bytes = readFileBytes(file);
    if (!bytes) return bytes.error();
    return open(*bytes, file.string(), limits);
}

std::uint32_t PdfDocument::pageCount() const {
    return std::uint32_t(m_impl->document->pages());
}

Result<ImageData> PdfDocument::renderPage(std::uint32_t index, std::uint32_t width) const {
    const std::string& name = m_impl->name;
    const PdfLimits& limits = m_impl->limits;
    if (index >= pageCount())
        return makeError(fmt::format("{}: no page {} (it has {})", name, index + 1, pageCount()));
    std::unique_ptr<poppler::page> page(m_impl->document->create_page(int(index)));
    if (!page) return makeError(fmt::format("{}: page {} cannot be read", name, index + 1));
    const poppler::rectf box = page->page_rect(poppler::media_box);
    const double points = box.width(), pointsHigh = box.height();
    if (!(points >= 1 && pointsHigh >= 1 && points < 1e6 && pointsHigh < 1e6))
        return makeError(fmt::format("{}: page {} has no usable size", name, index + 1));
    const double height = std::ceil(double(width) * pointsHigh / points);
    if (width == 0 || width > limits.maxWidth || height > limits.maxHeight ||
        double(width) * height > double(limits.maxPixels))
        return makeError(fmt::format("{}: page {} at {} x {:.0f} pixels is over the limit of {} x "
                                     "{} ({} pixels)",
                                     name, index + 1, width, height, limits.maxWidth,
                                     limits.maxHeight, limits.maxPixels));
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(poppler::image::format_argb32);
    const double dpi = 72.0 * double(width) / points;
    poppler::image image =
        renderer.render_page(page.get(), dpi, dpi, 0, 0, int(width), int(height));
    if (!image.is_valid() || image.format() != poppler::image::format_argb32 ||
        image.width() != int(width) || image.height() != int(height))
        return makeError(fmt::format("{}: page {} could not be rendered", name, index + 1));
    ImageData out;
    out.name = fmt::format("{}#{}", name, index + 1);
    out.width = width;
    out.height = std::uint32_t(height);
    out.rgba.resize(std::size_t(out.width) * out.height * 4);
    copyArgb(image, out);
    return out;
}

} // namespace fg
