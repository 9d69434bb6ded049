// People nearby: the remote avatars in view by distance, with "Message" for a direct chat;
// the people action. Reads the core's remotes; never stores people of its own.
#pragma once

#include "game/client/ClientFeature.h"
#include "game/client/ClientState.h"

#include <functional>

namespace fg::client {

class ClientFeatures;

class PeopleFeature : public ClientFeature {
public:
    PeopleFeature(Session& s, ClientFeatures& host) : m_s(s), m_host(host) {}
    void drawMenu() override;
    void drawPanels(const UiFrame&) override;
    std::optional<Status> runAction(const std::string& name,
                                    const std::vector<std::string>& args) override;
    // A feature's widgets on each person's row (voice: speaking, volume, mute).
    using PersonSection = std::function<void(const netclient::RemoteAvatar&)>;
    void addPersonSection(PersonSection section) { m_sections.push_back(std::move(section)); }

private:
    Session& m_s;
    ClientFeatures& m_host;
    bool m_open = false;
    std::vector<PersonSection> m_sections;
};

} // namespace fg::client
