// The visitor app's keyboard: shortcuts (window keys and script keys, on the frame they go
// down) mapped to script actions, and script keys handed to ImGui's keyboard navigation.
// Part of ClientApp; the actions themselves live in the features (KeyboardFeature and others).
#include "engine/core/Log.h"
#include "game/client/ClientApp.h"
#include "game/client/ClientFeatures.h"

#include <imgui.h>

namespace fg::client {
namespace {

struct Shortcut {
    platform::Key key;
    const char* scriptName;
    const char* action;
};

// docs/CLIENT.md, Keyboard; the help window lists the same keys.
constexpr Shortcut kShortcuts[] = {
    {platform::Key::N, "n", "next-booth"},
    {platform::Key::B, "b", "previous-booth"},
    {platform::Key::O, "o", "open-focused-booth"},
    {platform::Key::G, "g", "walk-to-selected"},
    {platform::Key::J, "j", "next-session"},
    {platform::Key::F1, "f1", "help"},
    {platform::Key::F2, "f2", "directory"},
    {platform::Key::F3, "f3", "agenda"},
    {platform::Key::F4, "f4", "map"},
};

// ImGui's own keys for its navigation (Tab, arrows, Space/Enter to activate, Esc to cancel).
int imguiKey(const std::string& name) {
    static const std::pair<const char*, ImGuiKey> kMap[] = {
        {"tab", ImGuiKey_Tab},        {"up", ImGuiKey_UpArrow},       {"down", ImGuiKey_DownArrow},
        {"left", ImGuiKey_LeftArrow}, {"right", ImGuiKey_RightArrow}, {"space", ImGuiKey_Space},
        {"enter", ImGuiKey_Enter},    {"esc", ImGuiKey_Escape}};
    for (auto [script, key] : kMap)
        if (name == script) return ImGui::GetIO().KeyMap[key];
    return -1;
}

} // namespace

void ClientApp::scriptKeyToUi(const std::string& name, bool down) {
    const int index = imguiKey(name);
    ImGuiIO& io = ImGui::GetIO();
    if (index >= 0 && index < int(IM_ARRAYSIZE(io.KeysDown))) io.KeysDown[index] = down;
}

void ClientApp::releaseScriptPresses() {
    for (const std::string& name : m_scriptPresses) {
        m_scriptKeys.erase(name);
        scriptKeyToUi(name, false);
    }
    m_scriptPresses.clear();
}

bool ClientApp::keyWentDown(platform::Key key, const char* scriptName) {
    const bool down = m_window->keyDown(key) || m_scriptKeys.count(scriptName);
    const bool was = m_keysDown.count(scriptName) > 0;
    if (down)
        m_keysDown.insert(scriptName);
    else
        m_keysDown.erase(scriptName);
    return down && !was;
}

void ClientApp::runShortcut(const std::string& action) {
    if (action == "help") {
        m_session.help = !m_session.help;
        return;
    }
    if (Status st = m_features->runAction(action, {}); !st)
        log::info("client: shortcut {}: {}", action, st.error().message);
    else
        log::info("client: shortcut {}", action);
}

void ClientApp::keyShortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    const bool typing = io.WantTextInput; // letters go to the text field, not to shortcuts
    for (const Shortcut& s : kShortcuts)
        if (keyWentDown(s.key, s.scriptName) && !typing) runShortcut(s.action);
    // Enter in the world opens the focused booth; in a panel it belongs to ImGui.
    if (keyWentDown(platform::Key::Enter, "enter") && !io.WantCaptureKeyboard)
        runShortcut("open-focused-booth");
    // Esc in a panel hands the keyboard back to the world (WASD walks again).
    if (keyWentDown(platform::Key::Escape, "esc") && io.WantCaptureKeyboard && !typing)
        runShortcut("focus-world");
}

} // namespace fg::client
