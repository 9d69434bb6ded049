// The meetings slice on the server: answers MeetingSlotsRequest, MeetingRequest, MeetingAnswer
// and MeetingHoursSet through the rules in Meetings, sends both sides a MeetingUpdate on each
// change and each person their meetings on join; console `meetings` and the meeting figures
// of `booth stats`. Never touches leads, chat or staff duty.
#pragma once

#include "server/console/ConsoleCommands.h"
#include "server/core/ServerContext.h"
#include "server/core/ServerModule.h"
#include "server/meetings/Meetings.h"
#include "server/store/MeetingBook.h"

#include <memory>

namespace fg::server {

class MeetingsModule final : public ServerModule {
public:
    explicit MeetingsModule(ServerContext& ctx) : m_ctx(ctx) {}

    Status start() override; // opens the slice's tables
    void registerHandlers(ServerRouter& router) override;
    void registerCommands(console::ConsoleCommands& commands) override;
    void onJoin(presence::Session& s) override;
    void addStatus(std::vector<console::StatusFigure>& figures) const override;

private:
    void slots(presence::Session& s, const proto::MeetingSlotsRequest& m);
    void request(presence::Session& s, const proto::MeetingRequest& m);
    void answer(presence::Session& s, const proto::MeetingAnswer& m);
    void setHours(presence::Session& s, const proto::MeetingHoursSet& m);
    // MeetingUpdate to the visitor and the booth's staff who are connected.
    void notify(const store::MeetingRecord& r);
    console::ConsoleResult command(const console::CommandArgs& a);

    ServerContext& m_ctx;
    std::unique_ptr<store::MeetingBook> m_book;
    std::unique_ptr<meetings::Meetings> m_meetings;
    std::uint64_t m_requests = 0, m_answers = 0, m_refused = 0;
};

} // namespace fg::server
