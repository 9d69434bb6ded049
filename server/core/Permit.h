// Who may send a message: before or after the handshake, which roles, whether the sender must
// own the booth the message names, and how often. Stated once per registration on the router.
// Must not look at anything but the session and the message (the booth rule is the router's).
#pragma once

#include "game/expo/protocol/Messages.h"
#include "server/core/RequestBudget.h"
#include "server/presence/Session.h"

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>

namespace fg::server {

class Permit {
public:
    using Role = expo::proto::Role;
    using BoothOf = std::function<const std::string&(const expo::proto::Message&)>;

    // Only before the handshake (Hello).
    static Permit beforeJoin();
    // Any joined person.
    static Permit joined();
    // Joined people with one of ROLES.
    static Permit roles(std::initializer_list<Role> roles);

    // Also: the sender owns the booth named by M's FIELD (the booth's exhibitor, or an organiser).
    template <class M>
    Permit ownBooth(std::string M::*field) && {
        m_boothMessage = expo::proto::messageIndex<M>();
        m_boothOf = [field](const expo::proto::Message& m) -> const std::string& {
            return std::get<M>(m).*field;
        };
        return std::move(*this);
    }
    // Also: the sender signed in with a credential or ticket (Session::verified), never a guest.
    // For what counts once per person and a guest could repeat under fresh client keys: votes,
    // upvotes, poll answers, ballots. E.g. Permit::joined().verifiedOnly().
    Permit verifiedOnly() && {
        m_verifiedOnly = true;
        return std::move(*this);
    }
    bool requiresVerified() const { return m_verifiedOnly; }
    // The refusal a person reads when the stage or role is wrong (instead of a generic one).
    Permit because(std::string text) &&;
    // At most BURST at once and PERSECOND sustained per session (else the router's default).
    Permit budget(float burst, float perSecond) && {
        m_budget = Budget{burst, perSecond};
        return std::move(*this);
    }
    const Budget& budget() const { return m_budget; }

    // The message type ownBooth was stated for (kMessageCount: no booth rule).
    std::size_t boothMessage() const { return m_boothMessage; }
    const BoothOf& boothOf() const { return m_boothOf; }
    // Why S may not send a message of type NAME (stage, role, guest); empty when it may.
    std::string stageOrRoleRefusal(const presence::Session& s, const char* name) const;

private:
    bool m_beforeJoin = false;
    bool m_verifiedOnly = false;
    std::uint8_t m_roles = 0xff; // bit per Role
    std::string m_because;
    Budget m_budget;
    std::size_t m_boothMessage = expo::proto::kMessageCount;
    BoothOf m_boothOf;
};

} // namespace fg::server
