// A minimal PDF 1.4 writer: catalog, page tree, one content stream per page, the standard
// Helvetica font, and a byte-exact xref table. Pure code; reads and writes no file.
#include "engine/doc/PdfWriter.h"

#include <fmt/format.h>

namespace fg {
namespace {

std::string escapeText(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        if (c == '(' || c == ')' || c == '\\') out += '\\';
        out += (c >= 32 && c < 127) ? char(c) : '?';
    }
    return out;
}

std::string colour(std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    return fmt::format("{:.3f} {:.3f} {:.3f} rg\n", r / 255.0, g / 255.0, b / 255.0);
}

std::string contentOf(const PdfPage& page) {
    std::string s;
    for (const PdfRect& r : page.rects)
        s += colour(r.r, r.g, r.b) +
             fmt::format("{:.2f} {:.2f} {:.2f} {:.2f} re f\n", r.x, r.y, r.width, r.height);
    for (const PdfText& t : page.texts)
        s += colour(t.r, t.g, t.b) + fmt::format("BT /F1 {:.1f} Tf {:.2f} {:.2f} Td ({}) Tj ET\n",
                                                 t.size, t.x, t.y, escapeText(t.text));
    return s;
}

class Objects {
public:
    // Appends object number (offsets.size() + 1) with BODY.
    void add(const std::string& body) {
        m_offsets.push_back(m_out.size());
        m_out += fmt::format("{} 0 obj\n{}\nendobj\n", m_offsets.size(), body);
    }
    Bytes finish() {
        const std::size_t xref = m_out.size();
        m_out += fmt::format("xref\n0 {}\n0000000000 65535 f \n", m_offsets.size() + 1);
        for (std::size_t offset : m_offsets)
            m_out += fmt::format("{:010} 00000 n \n", offset);
        m_out += fmt::format("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{}\n%%EOF\n",
                             m_offsets.size() + 1, xref);
        return Bytes(m_out.begin(), m_out.end());
    }

private:
    std::string m_out = "%PDF-1.4\n";
    std::vector<std::size_t> m_offsets;
};

} // namespace

Bytes writeSimplePdf(const std::vector<PdfPage>& pages) {
    // Objects: 1 catalog, 2 page tree, 3 font, then per page its page and content objects.
    Objects pdf;
    pdf.add("<< /Type /Catalog /Pages 2 0 R >>");
    std::string kids;
    for (std::size_t i = 0; i < pages.size(); ++i)
        kids += fmt::format("{} 0 R ", 4 + 2 * i);
    pdf.add(fmt::format("<< /Type /Pages /Kids [{}] /Count {} >>", kids, pages.size()));
    pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const PdfPage& page = pages[i];
        pdf.add(fmt::format("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {:.2f} {:.2f}] "
                            "/Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                            page.width, page.height, 5 + 2 * i));
        std::string content = contentOf(page);
        pdf.add(fmt::format("<< /Length {} >>\nstream\n{}\nendstream", content.size(), content));
    }
    return pdf.finish();
}

} // namespace fg
