// The visitor app: window, renderer, world, local server or remote connection, avatar, the
// feature states (ClientFeatures), script playback, screenshots and the frame loop. main() only
// parses options and runs it. Must not include Vulkan, GLFW, ENet or any server/ header.
#pragma once

#include "engine/platform/Window.h"
#include "engine/render/Renderer.h"
#include "game/client/AvatarController.h"
#include "game/client/BotCrowd.h"
#include "game/client/ClientContent.h"
#include "game/client/ClientFeatures.h"
#include "game/client/ClientOptions.h"
#include "game/client/ClientState.h"
#include "game/client/ClientUi.h"
#include "game/client/Connection.h"
#include "game/client/InputScript.h"
#include "game/client/LocalServer.h"
#include "game/client/SceneKit.h"
#include "game/scene/ExhibitionScene.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>

namespace fg::client {

class BoothFeature;
class SettingsFeature;

struct BenchFigures {
    std::vector<double> frameMs;  // after warm-up
    double firstFrameSeconds = 0; // process start -> first world frame
    double loadSeconds = 0;       // exhibition + assets
    std::size_t cacheHits = 0, cacheMisses = 0;
};

class ClientApp {
public:
    // STARTSERVER runs the local server when OPTIONS has no --connect (none: --connect needed).
    static Result<std::unique_ptr<ClientApp>> create(const ClientOptions& options, double startTime,
                                                     LocalServerStarter startServer = {});
    ~ClientApp();
    // Runs frames until the window closes, Quit, or --exit-after; returns the exit code.
    int run();
    // Rebuilds the static scene (halls, pavilions, booths) and the walk areas from the current
    // exhibition, showing the progress bar; call after the exhibition changed (a booth revision).
    Status rebuildWorld();

private:
    ClientApp() = default;
    Status loadProfile();
    Status openAudio();
    Status openWindow();
    Status loadWorld();
    Status startNetwork();
    // ClientContent.cpp: the exhibition from the server (--connect), booth revisions.
    Status downloadWorld();
    netclient::ClientConfig linkConfig(const std::string& host, std::uint16_t port) const;
    void pumpContent(netclient::NetClient* client);
    void registerContentHandlers(); // BoothRevision -> ClientContent
    void applyProfileChange();
    void applyUiLook();
    void applySignInChange();
    // The script's "continue-as-visitor" answers a refused invitation code (the overlay's button).
    bool continueScriptAfterRefusal();
    void renderProgress(float fraction, std::string_view what);

    // Per frame (ClientAppFrame.cpp).
    void frame();
    void updateNetwork();
    void onJoined();
    void applyServerPosition(bool serverHeading);
    void playScript(MoveInput& input);
    void releaseScriptHold();
    MoveInput readInput();
    void handleClick(glm::vec2 pixel);
    void updateHover();
    // ClientKeys.cpp: shortcuts on the frame a key goes down; script keys for ImGui's navigation.
    void keyShortcuts();
    bool keyWentDown(platform::Key key, const char* scriptName);
    void runShortcut(const std::string& action);
    void scriptKeyToUi(const std::string& name, bool down);
    void releaseScriptPresses();
    void buildFrameScene();
    render::Camera viewCamera() const;
    void takeScreenshots();
    void sendInput();
    void printBench() const;

    ClientOptions m_options;
    double m_startTime = 0;
    std::unique_ptr<platform::Window> m_window;
    std::unique_ptr<render::Renderer> m_renderer;
    std::unique_ptr<expo::Exhibition> m_exhibition;      // the panels' copy (DisplayText.h)
    std::unique_ptr<expo::Exhibition> m_worldExhibition; // as loaded: the world shapes its text
    SceneKit m_kit;
    std::unique_ptr<scene::ExhibitionScene> m_world; // the static exhibition, as fairground-shot
    std::size_t m_worldInstances = 0;                // m_frameScene's first instances are m_world's
    render::Scene m_frameScene;
    std::vector<WalkArea> m_areas;
    AvatarController m_avatar;
    LocalServerStarter m_startServer;
    std::unique_ptr<LocalServer> m_server;
    std::unique_ptr<Connection> m_link;
    std::unique_ptr<ClientContent> m_content; // fetcher, booth revisions, where files resolve
    std::unique_ptr<BotCrowd> m_bots;
    // ENet needs servicing even while a CPU-rendered frame takes seconds, or the server drops
    // us: this thread calls NetClient::update whenever the frame loop is not using the link.
    std::mutex m_netMutex;
    std::string m_linkHost; // where startNetwork() joined: a sign-in change joins there again
    std::uint16_t m_linkPort = 0;
    std::string m_localKey; // the embedded server's key fingerprint (empty with --connect)
    std::thread m_netPump;
    std::atomic<bool> m_stopPump{false};
    Session m_session;
    std::unique_ptr<ClientFeatures> m_features;
    SettingsFeature* m_settings = nullptr; // profile edits and the first-run form
    BoothFeature* m_booth = nullptr;       // clicks and Esc open and close booths
    ScriptPlayer m_script;
    std::set<std::string> m_scriptKeys;
    std::vector<std::string> m_scriptPresses; // "key NAME": released on the next frame
    std::set<std::string> m_keysDown;         // shortcut keys down last frame (by script name)
    UiFrame m_ui;

    double m_lastTime = 0, m_lastInputSent = 0, m_fpsTime = 0;
    int m_fpsFrames = 0;
    std::uint64_t m_frame = 0;
    std::uint64_t m_scriptFrame = 0; // frames while joined (the script's clock)
    bool m_scriptHold = false;       // wait-walk: clock stopped until the avatar arrives
    std::uint64_t m_holdFrame = 0;   // frame the wait-walk hold began
    double m_holdUntil = 0;          // wait-seconds: monotonic time the hold ends (0: none)
    std::uint64_t m_corrections = 0;
    glm::dvec2 m_lastCursor{0.0};
    bool m_leftWasDown = false, m_dragged = false;
    glm::dvec2 m_pressAt{0.0};
    std::optional<std::pair<std::uint32_t, glm::vec2>> m_restore; // hall, place to walk back to
    bool m_restoreWalk = false;
    struct RemoteAnim {
        glm::vec2 last{0.0f};
        float phase = 0, swing = 0;
    };
    std::unordered_map<std::uint16_t, RemoteAnim> m_remoteAnim;
    render::FrameStats m_stats;
    BenchFigures m_bench;
    bool m_firstFrameDone = false;
    int m_exitCode = 0;
};

} // namespace fg::client
