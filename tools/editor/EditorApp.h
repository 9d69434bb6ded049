// The booth editor application: window, renderer, viewport interaction, panels, script, shots.
// Holds the editing session; the edits themselves are fg_booth's, publishing is EditorPublisher's.
#pragma once

#include "engine/platform/Window.h"
#include "engine/render/Renderer.h"
#include "game/booth/BoothAssets.h"
#include "game/booth/BoothEdits.h"
#include "game/booth/BoothProblems.h"
#include "tools/editor/EditorCamera.h"
#include "tools/editor/EditorOpener.h"
#include "tools/editor/EditorOptions.h"
#include "tools/editor/EditorPublisher.h"
#include "tools/editor/EditorScene.h"
#include "tools/editor/EditorScript.h"
#include "tools/editor/EditorUi.h"

#include <memory>
#include <optional>
#include <string>

namespace fg::editor {

// A handle drag in progress: which axis, and the transform when it started.
struct HandleDrag {
    int axis = 0;
    booth::Transform start;
    glm::vec3 origin{0.0f};    // where the handles stood, for the screen projection
    glm::vec2 travelled{0.0f}; // pixels since the drag began
};

class EditorApp {
public:
    explicit EditorApp(EditorOptions options);
    ~EditorApp();
    // Runs until the window closes or --exit-after; returns the process exit code.
    int run();

    // --- operations shared by the panels, the keyboard and the script ---
    Status openBundle(const std::filesystem::path& file);
    Status openFromExhibition(const std::filesystem::path& file, const std::string& boothId);
    Status newFromTemplate(const std::string& templateName, const std::string& size,
                           const std::string& boothId, const std::string& exhibitorId);
    Status saveBundle(const std::filesystem::path& file);
    Status importModel(const std::filesystem::path& file);
    SandboxLimits importLimits() const;
    Status readInto(const std::filesystem::path& file, Bytes& out) const;
    void select(std::optional<booth::ItemRef> item) { m_selected = item; }
    // Viewport picking at a window pixel: a handle starts a drag, anything else is selected.
    void clickAt(glm::vec2 pixel);
    bool beginHandleDrag(glm::vec2 pixel);
    void dragHandle(glm::vec2 deltaPixels);
    void endHandleDrag();
    void undo();
    void redo();
    void duplicateSelected();
    void deleteSelected();
    // Starts opening BOOTHID (empty: the token's own booths) from SETTINGS.server; the booth
    // replaces the one being edited when it has arrived (EditorApp::pumpOpen).
    Status openFromServer(const PublishSettings& settings, const std::string& boothId,
                          bool preferPending, bool ask);
    // Publishes the booth as it is now; refused while the problems panel lists errors.
    Status publish(const PublishSettings& settings);
    void setStatus(std::string text, bool error = false);
    void report(const Status& st, const std::string& done);

    booth::BoothEditor& editor() { return m_editor; }
    const std::vector<booth::BoothProblem>& problems() const { return m_problems; }
    const booth::StatsMap& stats() const { return m_stats; }

private:
    friend class EditorUi;
    Status init();
    void frame();
    void refresh();
    void handleInput();
    void handleShortcuts();
    void runScript();
    Status runAction(const ScriptAction& action);
    Status runContentAction(const ScriptAction& action, bool& handled);
    void takeScreenshots();
    void pumpPublish();
    void pumpOpen(); // EditorAppOpen.cpp
    void adoptOpened();
    void reportOpenFromCli();
    bool waitingForOpen() const;
    Status runOpenAction(const ScriptAction& action, bool& handled);
    void updateTitle();
    glm::vec2 viewSize() const;

    EditorOptions m_options;
    std::unique_ptr<platform::Window> m_window;
    std::unique_ptr<render::Renderer> m_renderer;
    std::unique_ptr<EditorScene> m_scene;
    std::unique_ptr<booth::AssetMeter> m_meter;
    booth::BoothEditor m_editor;
    booth::StatsMap m_stats;
    std::vector<booth::BoothProblem> m_problems;
    std::uint64_t m_measuredRevision = 0;
    OrbitCamera m_camera;
    std::optional<booth::ItemRef> m_selected;
    GizmoMode m_mode = GizmoMode::Move;
    bool m_snap = true;
    std::optional<HandleDrag> m_drag;
    glm::vec2 m_lastMouse{0.0f};
    bool m_orbiting = false;
    std::filesystem::path m_file;
    std::string m_status;
    bool m_statusError = false;
    std::vector<ScriptAction> m_script;
    std::size_t m_nextAction = 0;
    std::uint64_t m_frame = 0;
    int m_exitCode = 0;
    EditorUiState m_ui;
    EditorPublisher m_publisher;
    PublishSettings m_publishSettings;
    bool m_publishStarted = false; // --publish has started
    EditorOpener m_opener;
    std::string m_source;              // where the booth came from: a file, "server HOST:PORT"
    bool m_openingFromCli = false;     // --open-from in progress: the script and frames wait
    bool m_scriptWaitsForOpen = false; // a script's open-server/pick: it waits for the download
    bool m_quit = false;
};

} // namespace fg::editor
