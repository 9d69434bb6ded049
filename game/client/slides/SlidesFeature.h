// Slides: which session each venue's screen shows (and at which page), and the full-screen slide
// viewer any attendee opens (menu, script action `slides`), overflow viewers included: it needs
// only a session and its page. Draws the 3D picture through fg_scene; never pages a deck itself.
#pragma once

#include "engine/render/RenderTypes.h"
#include "game/client/ClientFeature.h"
#include "game/client/ClientState.h"

#include <optional>
#include <string>
#include <vector>

namespace fg::client {

class ClientFeatures;
class StageFeature;

// One screen to draw this frame: VENUE (in HALL) shows PAGE of SESSION.
struct ShownScreen {
    const expo::Hall* hall = nullptr;
    const expo::Venue* venue = nullptr;
    const expo::Session* session = nullptr;
    std::uint32_t page = 0;
};

// The session a venue's screen shows at NOW: the one on (doors open to end), else the next one,
// else the last one; nullptr when the venue has no session.
const expo::Session* screenSession(const expo::Exhibition& ex, const std::string& venueId,
                                   UnixSeconds now);

class SlidesFeature : public ClientFeature {
public:
    SlidesFeature(Session& s, ClientFeatures& features);
    void drawMenu() override;
    void drawPanels(const UiFrame&) override;
    std::optional<Status> runAction(const std::string& name,
                                    const std::vector<std::string>& args) override;

    // The screens of the visitor's hall, and the viewer's screen wherever it is.
    std::vector<ShownScreen> screens() const;
    // While the viewer is open: the camera that fills a view of ASPECT with its screen.
    std::optional<render::Camera> viewerCamera(float aspect) const;
    // Opens the viewer on SESSION (an id; empty: the session attended); false when unknown.
    bool open(const std::string& sessionId);
    void close() { m_viewing.clear(); }
    const std::string& viewing() const { return m_viewing; }

private:
    std::uint32_t pageOf(const expo::Session& session) const;
    const expo::Session* onNow(const std::string& venueId) const;
    ShownScreen shownFor(const expo::Session& session) const;

    Session& m_s;
    ClientFeatures& m_features;
    std::string m_viewing; // session id shown full screen; empty: closed
};

} // namespace fg::client
