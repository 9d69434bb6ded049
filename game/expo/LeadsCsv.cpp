// The leads CSV writer shared by the console and the client. Visitor-typed cells are guarded
// against spreadsheet formulas; nothing here reads or writes files.
#include "game/expo/LeadsCsv.h"

#include <fmt/format.h>

namespace fg::expo {

std::string csvField(std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

namespace {
// Visitor-typed text that a spreadsheet would run as a formula gets a leading apostrophe
// (the OWASP advice against CSV injection); exhibitors open these files in Excel.
std::string safeCell(std::string_view text) {
    if (text.empty() || std::string_view("=+-@\t\r").find(text.front()) == std::string_view::npos)
        return csvField(text);
    // Built by append: GCC 12 at -O3 reports a false -Werror=restrict for "'" + std::string.
    std::string guarded(1, '\'');
    guarded.append(text);
    return csvField(guarded);
}
} // namespace

std::string leadsCsv(std::span<const LeadRecord> leads) {
    std::string out = "id,booth,exhibitor,name,organisation,email,message,consent,time\r\n";
    for (const LeadRecord& l : leads)
        out += fmt::format("{},{},{},{},{},{},{},{},{}\r\n", l.id, csvField(l.boothId),
                           csvField(l.exhibitorId), safeCell(l.visitorName),
                           safeCell(l.organisation), safeCell(l.email), safeCell(l.message),
                           l.consent ? "yes" : "no", formatUtcTimestamp(l.createdAt));
    return out;
}

} // namespace fg::expo
