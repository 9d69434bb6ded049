// Settings and first run: the settings window (display name, MSAA, shadows, resolution scale,
// mouse sensitivity, stats line, sign in with an invitation code / sign out) and the first-run
// profile form shown instead of the world. Edits the core's profile; ClientApp applies, saves
// and rejoins (takeProfileChanged, takeSignInChanged). No saving or connecting here.
#pragma once

#include "game/client/ClientFeature.h"
#include "game/client/ClientState.h"

#include <functional>

namespace fg::client {

class ClientFeatures;

class SettingsFeature : public ClientFeature {
public:
    SettingsFeature(Session& s, ClientFeatures&) : m_s(s) {}
    void drawMenu() override;
    void drawPanels(const UiFrame&) override;
    bool drawBlocking() override;
    std::optional<Status> runAction(const std::string& name,
                                    const std::vector<std::string>& args) override;

    // The profile is incomplete: the first-run form is shown and nothing connects yet.
    bool firstRun() const { return m_firstRun; }
    void setFirstRun(bool on) { m_firstRun = on; }
    // True once after the profile or settings were edited (save, apply, re-send the name).
    bool takeProfileChanged();
    // True once after the invitation code was set or removed, or "Continue as a visitor" was
    // chosen: the app saves the profile and joins again.
    bool takeSignInChanged();
    // sign-in CODE, sign-out, continue-as-visitor (the latter two also from the refusal overlay).
    Status signIn(const std::string& code);
    void signOut();
    void continueAsVisitor();
    // A feature's section at the end of the Settings window (voice: devices and microphone).
    void addSection(std::function<void()> section) { m_sections.push_back(std::move(section)); }

private:
    bool uiLookSection(ClientSettings& c);
    Status lookAction(const std::string& name, const std::vector<std::string>& args);
    void signInSection();

    Session& m_s;
    std::string m_code; // the invitation code being typed in Settings
    bool m_signInChanged = false;
    bool m_open = false, m_firstRun = false, m_changed = false;
    std::vector<std::function<void()>> m_sections;
};

} // namespace fg::client
