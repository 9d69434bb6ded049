// The hall map (minimap) feature: its window, menu entry and the map action. Opens booths
// through BoothFeature when the build has one; holds only whether it is shown and its size.
#pragma once

#include "game/client/ClientFeature.h"
#include "game/client/ClientState.h"

struct ImDrawList;
struct ImVec2;

namespace fg::client {

class ClientFeatures;

class MapFeature : public ClientFeature {
public:
    MapFeature(Session& s, ClientFeatures& host) : m_s(s), m_host(host) {}
    void drawMenu() override;
    void drawPanels(const UiFrame&) override;
    std::optional<Status> runAction(const std::string& name,
                                    const std::vector<std::string>& args) override;
    bool shown() const { return m_open; }

private:
    void body(ImDrawList* dl, ImVec2 at, ImVec2 size);

    Session& m_s;
    ClientFeatures& m_host;
    bool m_open = false, m_large = false;
};

} // namespace fg::client
