// The agenda slice on the server: registration for sessions (RegistrationRequest: a place or
// the waiting list, promoted in order on a cancel), each person's registrations on join, the
// entry guard that keeps unregistered people out of a "required" session's venue, and console
// `session registrations`. Reads the programme only through ProgrammeAccess; never touches
// presence state beyond the guard it adds.
#pragma once

#include "server/console/ConsoleCommands.h"
#include "server/core/ServerContext.h"
#include "server/core/ServerModule.h"
#include "server/programme/ProgrammeAccess.h"
#include "server/store/RegistrationBook.h"

#include <map>
#include <memory>
#include <optional>

namespace fg::server {

class RegistrationModule final : public ServerModule {
public:
    RegistrationModule(ServerContext& ctx, ProgrammeAccess& programme)
        : m_ctx(ctx), m_programme(programme) {}

    Status start() override; // opens the slice's table, adds the entry guard
    void registerHandlers(ServerRouter& router) override;
    void registerCommands(console::ConsoleCommands& commands) override;
    void onJoin(presence::Session& s) override;
    void onLeave(presence::Session& s, proto::LeaveReason) override;
    void addStatus(std::vector<console::StatusFigure>& figures) const override;

    // Whose registrations a session counts under: the verified person, else the guest's key.
    static std::string registrantKey(const presence::Session& s);

private:
    void request(presence::Session& s, const proto::RegistrationRequest& m);
    Result<std::string> signUp(presence::Session& s, const expo::Session& e);
    Result<std::string> cancel(presence::Session& s, const expo::Session& e);
    // RegistrationStatus with R's (or, with no record, a "none") entry to every connected
    // session of PERSONKEY.
    void tell(const std::string& personKey, const std::string& sessionId,
              const std::optional<store::RegistrationRecord>& r, bool promoted);
    proto::RegistrationInfo info(const std::string& sessionId,
                                 const std::optional<store::RegistrationRecord>& r);
    std::string entryRefusal(const presence::Session& s, const AvatarMove& move);
    bool mayEnter(const presence::Session& s, const expo::Session& e);
    console::ConsoleResult registrations(const console::CommandArgs& a);

    ServerContext& m_ctx;
    ProgrammeAccess& m_programme;
    std::unique_ptr<store::RegistrationBook> m_book;
    std::map<std::uint16_t, double> m_lastRefusalNotice; // wire id -> when last told
    std::uint64_t m_registered = 0, m_cancelled = 0, m_promoted = 0, m_entriesRefused = 0;
};

} // namespace fg::server
