// EditorApp's "Open my booth from the server": starts EditorOpener, takes the booth it brings
// into the editor like a .booth file (fresh undo history), and reports --open-from's outcome.
// Must not read the network itself (EditorOpener does) nor draw panels (EditorUi.cpp).
#include "engine/core/Log.h"
#include "tools/editor/EditorApp.h"

#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>

namespace fg::editor {

namespace {

void printLine(const std::string& text) {
    std::printf("fairground-editor: %s\n", text.c_str());
    std::fflush(stdout);
}

} // namespace

Status EditorApp::openFromServer(const PublishSettings& settings, const std::string& boothId,
                                 bool preferPending, bool ask) {
    if (m_opener.busy()) return makeError("already opening a booth from the server");
    PublishSettings linked = settings;
    linked.pinsFile = m_options.settingsFile.parent_path() / "known_servers.json";
    Status st =
        m_opener.start(linked, boothId, preferPending, ask, m_options.scratchDir / "content");
    if (!st) return st;
    m_publishSettings = settings; // publishing goes back to the same server with the same token
    m_ui.publishLoaded = false;
    if (Status saved = savePublishSettings(m_options.settingsFile, settings); !saved)
        log::warn("editor: cannot remember the server settings: {}", saved.error().message);
    setStatus("opening from " + settings.server);
    return {};
}

void EditorApp::pumpOpen() {
    const bool wasBusy = m_opener.busy();
    m_opener.pump();
    if (m_opener.state() == OpenState::Done) adoptOpened();
    if (m_opener.state() == OpenState::Failed && (wasBusy || m_openingFromCli))
        setStatus(m_opener.statusText(), true);
    if (m_opener.state() == OpenState::Choosing && wasBusy) setStatus(m_opener.statusText());
    if (m_openingFromCli) reportOpenFromCli();
    if (m_scriptWaitsForOpen && !m_opener.busy()) {
        m_scriptWaitsForOpen = false;
        if (m_opener.state() == OpenState::Failed) {
            log::error("editor: script: open from server: {}", m_opener.statusText());
            m_exitCode = 1;
        }
    }
}

// While a download the script asked for (or --open-from) runs, frames and the script wait.
bool EditorApp::waitingForOpen() const {
    return m_openingFromCli || (m_scriptWaitsForOpen && m_opener.busy());
}

// Script lines for the panel's button and pick list: "open-server [HOST:PORT TOKEN [BOOTHID]]"
// (default: the remembered server and token) and "pick N" (the Nth offered version).
Status EditorApp::runOpenAction(const ScriptAction& a, bool& handled) {
    handled = a.name == "open-server" || a.name == "pick";
    if (!handled) return {};
    if (a.name == "pick") {
        if (a.args.size() != 1) return makeError(fmt::format("line {}: pick N", a.line));
        char* end = nullptr;
        const unsigned long n = std::strtoul(a.args[0].c_str(), &end, 10);
        if (!end || *end != '\0') return makeError(fmt::format("line {}: pick N", a.line));
        if (Status st = m_opener.choose(n); !st) return st;
        m_scriptWaitsForOpen = true;
        return {};
    }
    if (a.args.size() == 1 || a.args.size() > 3)
        return makeError(fmt::format("line {}: open-server [HOST:PORT TOKEN [BOOTHID]]", a.line));
    PublishSettings s = m_publishSettings;
    if (a.args.size() >= 2) s = PublishSettings{a.args[0], a.args[1]};
    if (Status st = openFromServer(s, a.args.size() == 3 ? a.args[2] : "", false, true); !st)
        return st;
    m_scriptWaitsForOpen = true;
    return {};
}

// The booth from the server replaces the edited one exactly as opening a .booth would.
void EditorApp::adoptOpened() {
    auto bundle = m_opener.takeBundle();
    if (!bundle) return;
    const auto* entry = m_opener.chosen();
    const std::string what = entry ? netclient::describe(*entry) : bundle->booth.id;
    m_editor.reset(std::move(*bundle));
    m_selected.reset();
    m_file = m_editor.bundle().booth.id + ".booth";
    m_source = m_opener.sourceLabel();
    updateTitle();
    std::string text = fmt::format("opened {} from {}", what, m_source);
    if (!m_opener.note().empty()) text += "\n" + m_opener.note();
    setStatus(text);
    if (m_openingFromCli) printLine(text);
    m_openingFromCli = false;
}

// --open-from runs unattended: a failure, or several booths to choose from, ends the run (3).
void EditorApp::reportOpenFromCli() {
    const OpenState state = m_opener.state();
    if (state != OpenState::Failed && state != OpenState::Choosing) return;
    if (state == OpenState::Failed) {
        printLine(m_opener.statusText());
    } else {
        printLine(fmt::format("the server offers {} bundles; choose a booth with --booth-id "
                              "(and --pending for a version waiting for approval):",
                              m_opener.entries().size()));
        for (const auto& e : m_opener.entries())
            printLine("  " + netclient::describe(e));
        m_opener.cancel();
    }
    m_openingFromCli = false;
    m_exitCode = 3;
    m_quit = true;
}

void EditorApp::updateTitle() {
    if (!m_window) return;
    m_window->setTitle(
        fmt::format("Fairground booth editor - {} ({})", m_editor.bundle().booth.id, m_source));
}

} // namespace fg::editor
