// Table layout and duration/byte formatting for the organiser console.
// Widths count bytes of ASCII and code points of UTF-8 text, so names with accents still align.
#include "server/console/ConsoleText.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace fg::console {
namespace {

std::size_t displayWidth(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++n; // count lead bytes only
    return n;
}

void pad(std::string& out, std::string_view cell, std::size_t width, bool right) {
    std::size_t fill = width - std::min(width, displayWidth(cell));
    if (right) out.append(fill, ' ');
    out += cell;
    if (!right) out.append(fill, ' ');
}

} // namespace

Table::Table(std::vector<std::string> headers)
    : m_headers(std::move(headers)), m_right(m_headers.size(), false) {}

Table& Table::alignRight(std::size_t index) {
    if (index < m_right.size()) m_right[index] = true;
    return *this;
}

void Table::addRow(std::vector<std::string> cells) {
    cells.resize(m_headers.size());
    m_rows.push_back(std::move(cells));
}

std::string Table::render() const {
    std::vector<std::size_t> widths(m_headers.size());
    for (std::size_t c = 0; c < m_headers.size(); ++c) {
        widths[c] = displayWidth(m_headers[c]);
        for (const auto& row : m_rows)
            widths[c] = std::max(widths[c], displayWidth(row[c]));
    }
    std::string out;
    auto line = [&](const std::vector<std::string>& cells) {
        std::string text;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (c > 0) text += "  ";
            pad(text, cells[c], widths[c], m_right[c]);
        }
        while (!text.empty() && text.back() == ' ')
            text.pop_back();
        out += text;
        out += '\n';
    };
    line(m_headers);
    for (const auto& row : m_rows)
        line(row);
    return out;
}

Result<std::int64_t> parseDuration(std::string_view text) {
    auto bad = [&] {
        return makeError(fmt::format("bad duration \"{}\" (use e.g. 30m, 2h, 7d or 1h30m)", text));
    };
    if (text.empty()) return bad();
    std::int64_t total = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        std::int64_t number = 0;
        std::size_t digits = 0;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
            if (++digits > 7) return bad();
            number = number * 10 + (text[i++] - '0');
        }
        if (digits == 0 || i >= text.size()) return bad();
        switch (text[i++]) {
        case 's':
            total += number;
            break;
        case 'm':
            total += number * 60;
            break;
        case 'h':
            total += number * 3600;
            break;
        case 'd':
            total += number * 86400;
            break;
        default:
            return bad();
        }
    }
    if (total <= 0 || total > 3650ll * 86400) return bad();
    return total;
}

std::string formatDuration(double seconds) {
    auto s = static_cast<std::int64_t>(seconds < 0 ? 0 : seconds + 0.5);
    std::int64_t d = s / 86400, h = s % 86400 / 3600, m = s % 3600 / 60, sec = s % 60;
    if (d > 0) return fmt::format("{}d {:02}h {:02}m", d, h, m);
    if (h > 0) return fmt::format("{}h {:02}m {:02}s", h, m, sec);
    if (m > 0) return fmt::format("{}m {:02}s", m, sec);
    return fmt::format("{}s", sec);
}

std::string formatBytes(double bytes) {
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    while (bytes >= 1024 && u < 4) {
        bytes /= 1024;
        ++u;
    }
    return u == 0 ? fmt::format("{:.0f} B", bytes) : fmt::format("{:.1f} {}", bytes, units[u]);
}

} // namespace fg::console
