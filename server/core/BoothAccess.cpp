// The own-booth rule, shared by the router's Permit::ownBooth and the bundle-access policy.
// Texts are what exhibitors read in the editor; tests look for them.
#include "server/core/BoothAccess.h"

#include <fmt/format.h>

namespace fg::server {

std::string boothAccessRefusal(const presence::Session& s, const expo::Exhibition& exhibition,
                               const std::string& boothId) {
    using expo::proto::Role;
    if (s.role == Role::Visitor)
        return "only the booth's exhibitor or an organiser can open a booth for editing; sign in "
               "with an exhibitor token";
    const expo::Booth* booth = expo::findBooth(exhibition, boothId);
    if (!booth) return fmt::format("booth '{}' does not exist in this event", boothId);
    if (s.role == Role::Exhibitor && (s.exhibitorId.empty() || booth->exhibitor != s.exhibitorId))
        return fmt::format("booth '{}' belongs to another exhibitor (your token is for '{}')",
                           boothId, s.exhibitorId);
    return {};
}

} // namespace fg::server
