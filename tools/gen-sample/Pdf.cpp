// Hand-written one-page PDF 1.4: catalog, pages, page, font and content stream with an exact
// cross-reference table. No compression, no images; deterministic bytes.
#include "tools/gen-sample/Pdf.h"

#include <fmt/format.h>

namespace fg::sample {

namespace {

// PDF string literal: ASCII only, with (, ) and \ escaped.
std::string literal(const std::string& text) {
    std::string out = "(";
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            // Skip the UTF-8 continuation bytes and stand in one ASCII character.
            while (i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80)
                ++i;
            out += '-';
            continue;
        }
        if (c == '(' || c == ')' || c == '\\') out += '\\';
        out += static_cast<char>(c);
    }
    return out + ")";
}

std::string contentStream(const std::string& title, const std::vector<std::string>& lines) {
    std::string s = fmt::format("BT\n/F1 20 Tf\n56 770 Td\n{} Tj\n/F1 11 Tf\n0 -34 Td\n14 TL\n",
                                literal(title));
    for (const std::string& line : lines)
        s += literal(line) + " '\n";
    s += "ET\n";
    return s;
}

} // namespace

std::string makePdf(const std::string& title, const std::vector<std::string>& lines) {
    std::string content = contentStream(title, lines);
    std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> "
        ">> "
        "/Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        fmt::format("<< /Length {} >>\nstream\n{}endstream", content.size(), content),
    };
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += fmt::format("{} 0 obj\n{}\nendobj\n", i + 1, objects[i]);
    }
    std::size_t xref = pdf.size();
    pdf += fmt::format("xref\n0 {}\n0000000000 65535 f \n", objects.size() + 1);
    for (std::size_t off : offsets)
        pdf += fmt::format("{:010} 00000 n \n", off);
    pdf += fmt::format("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{}\n%%EOF\n",
                       objects.size() + 1, xref);
    return pdf;
}

} // namespace fg::sample
