// Which booths the joined person staffs, as the server's Welcome says (an exhibitor token's
// exhibitor); and the booth a staff action means when none is named. Read-only helpers.
#pragma once

#include "game/client/ClientState.h"

#include <string>
#include <vector>

namespace fg::client {

// Ids of the booths of the exhibitor this client joined as; empty for visitors and organisers.
std::vector<std::string> ownBooths(const Session& s);
// True when the server lets this client see BOOTHID's staff records: its exhibitor, organisers.
bool mayStaff(const Session& s, const std::string& boothId);
// ARG when given, else the open booth when it may be staffed, else the first own booth; "" none.
std::string staffBoothFor(const Session& s, const std::vector<std::string>& args, std::size_t at);

} // namespace fg::client
