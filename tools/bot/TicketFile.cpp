// RFC 4180 reading of the tickets CSV: quoted fields, doubled quotes, CRLF or LF rows.
// Only the "code" column is used; the others (label, issued, what a later version adds) are kept
// out of the bots.
#include "tools/bot/TicketFile.h"

#include <algorithm>
#include <fmt/format.h>

namespace fg::bot {
namespace {

// Splits one record starting at POS into fields; POS ends after the record's line end.
Result<std::vector<std::string>> readRecord(std::string_view csv, std::size_t& pos,
                                            std::size_t line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    while (pos < csv.size()) {
        char c = csv[pos++];
        if (quoted) {
            if (c != '"')
                fields.back() += c;
            else if (pos < csv.size() && csv[pos] == '"')
                fields.back() += csv[pos++];
            else
                quoted = false;
        } else if (c == '"' && fields.back().empty()) {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else if (c == '\n') {
            return fields;
        } else if (c != '\r') {
            fields.back() += c;
        }
    }
    if (quoted) return makeError(fmt::format("tickets CSV line {}: unterminated quote", line));
    return fields;
}

} // namespace

Result<std::vector<std::string>> readTicketCodes(std::string_view csv) {
    std::size_t pos = 0, line = 1;
    auto header = readRecord(csv, pos, line);
    if (!header) return header.error();
    auto column = std::find(header->begin(), header->end(), "code");
    if (column == header->end())
        return makeError("tickets CSV line 1: no \"code\" column (expected the file 'tickets "
                         "issue' writes: code,label,issued)");
    const std::size_t index = std::size_t(column - header->begin());
    std::vector<std::string> codes;
    while (pos < csv.size()) {
        ++line;
        auto record = readRecord(csv, pos, line);
        if (!record) return record.error();
        if (record->size() == 1 && record->front().empty()) continue; // a blank line
        if (record->size() <= index || (*record)[index].empty())
            return makeError(fmt::format("tickets CSV line {}: no code", line));
        codes.push_back(std::move((*record)[index]));
    }
    if (codes.empty()) return makeError("tickets CSV: no tickets in the file");
    return codes;
}

} // namespace fg::bot
