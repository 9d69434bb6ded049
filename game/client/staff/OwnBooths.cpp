// Own booths from the Welcome's exhibitor id and the exhibition; no state, no sending.
#include "game/client/staff/OwnBooths.h"

namespace fg::client {

std::vector<std::string> ownBooths(const Session& s) {
    std::vector<std::string> out;
    const netclient::NetClient* c = joinedClient(s);
    if (!c || !s.ex || c->welcome().role != proto::Role::Exhibitor) return out;
    for (const expo::Booth& b : s.ex->booths)
        if (b.exhibitor == c->welcome().exhibitorId) out.push_back(b.id);
    return out;
}

bool mayStaff(const Session& s, const std::string& boothId) {
    const netclient::NetClient* c = joinedClient(s);
    if (!c || !s.ex) return false;
    const expo::Booth* b = expo::findBooth(*s.ex, boothId);
    if (!b) return false;
    if (c->welcome().role == proto::Role::Organiser) return true;
    return c->welcome().role == proto::Role::Exhibitor && c->welcome().exhibitorId == b->exhibitor;
}

std::string staffBoothFor(const Session& s, const std::vector<std::string>& args, std::size_t at) {
    if (args.size() > at) return args[at];
    if (const expo::Booth* b = selectedBooth(s); b && mayStaff(s, b->id)) return b->id;
    const std::vector<std::string> own = ownBooths(s);
    return own.empty() ? std::string() : own.front();
}

} // namespace fg::client
