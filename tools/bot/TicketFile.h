// Reads the visitor tickets CSV that the server console's `tickets issue` writes (RFC 4180,
// header "code,label,issued"), so each bot signs in with its own ticket, run after run.
// Parsing only: never opens a connection; errors name the line.
#pragma once

#include "engine/core/Result.h"

#include <string>
#include <string_view>
#include <vector>

namespace fg::bot {

// The "code" column of every data row, in file order; an error names the line of a bad row.
Result<std::vector<std::string>> readTicketCodes(std::string_view csv);

} // namespace fg::bot
