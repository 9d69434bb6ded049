// The agenda: sessions by day (live now / upcoming / ended against the event clock), "Go to
// stage" teleports, and the agenda, agenda-day and event-time actions. Reads the exhibition only.
#pragma once

#include "engine/core/Time.h"
#include "game/client/ClientFeature.h"
#include "game/client/ClientState.h"

namespace fg::client {

class ClientFeatures;

// The live-now / upcoming state of a session at time NOW.
enum class SessionTiming : std::uint8_t { Past, Live, Upcoming };
SessionTiming timingOf(const expo::Session& session, UnixSeconds now);

class AgendaFeature : public ClientFeature {
public:
    AgendaFeature(Session& s, ClientFeatures& features) : m_s(s), m_features(features) {}
    void drawMenu() override;
    void drawPanels(const UiFrame&) override;
    std::optional<Status> runAction(const std::string& name,
                                    const std::vector<std::string>& args) override;
    bool shown() const { return m_open; }
    int day() const { return m_day; }

private:
    void dayPicker(const std::vector<UnixSeconds>& days, UnixSeconds now);
    void row(const expo::Session& e, UnixSeconds now);

    Session& m_s;
    ClientFeatures& m_features; // the stage: "Watch from overflow" when a venue is full
    bool m_open = false;
    int m_day = -1; // index into the days that have sessions; -1 picks today or the next
    std::int64_t m_clockOffset = 0; // seconds added to UTC now (agenda rehearsal: event-time)
};

} // namespace fg::client
