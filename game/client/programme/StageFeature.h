// The programme session this visitor attends: the live (or doors-open) session of the venue the
// avatar stands in. Other programme panels (Q&A, polls, slides) ask it; it draws nothing yet.
#pragma once

#include "engine/core/Time.h"
#include "game/client/ClientFeature.h"
#include "game/client/ClientState.h"

namespace fg::client {

class ClientFeatures;

class StageFeature : public ClientFeature {
public:
    StageFeature(Session& s, ClientFeatures&) : m_s(s) {}
    void update() override;
    // The session attended now, or null (not in a venue, or nothing on in it).
    const expo::Session* attending() const;
    // The deck page shown on the attended session's screen (0: the first, or the title card).
    std::uint32_t slide() const { return m_slide; }

private:
    Session& m_s;
    std::string m_attending; // session id
    std::uint32_t m_slide = 0;
};

} // namespace fg::client
