// Start-up of the visitor app (profile, window, renderer, loading with a progress bar, the
// embedded server or the remote connection) and the run loop. Per-frame work is in
// ClientAppFrame.cpp. Never includes third-party APIs other than ImGui widgets.
#include "game/client/ClientApp.h"

#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "engine/core/Translate.h"
#include "game/client/ClientTry.h"
#include "game/client/DisplayText.h"
#include "game/client/booth/BoothFeature.h"
#include "game/client/settings/SettingsFeature.h"
#include "game/client/voice/VoiceFeature.h"
#include "game/expo/ExhibitionJson.h"
#include "game/netclient/ServerPins.h"

#include <algorithm>
#include <cassert>
#include <chrono>
#include <cstdio>
#include <fmt/format.h>
#include <numeric>
#include <unistd.h>

namespace fg::client {

Result<std::unique_ptr<ClientApp>> ClientApp::create(const ClientOptions& options, double startTime,
                                                     LocalServerStarter startServer) {
    std::unique_ptr<ClientApp> app(new ClientApp());
    app->m_options = options;
    app->m_startTime = startTime;
    app->m_startServer = std::move(startServer);
    app->m_features = std::make_unique<ClientFeatures>(app->m_session);
    app->m_settings = app->m_features->find<SettingsFeature>();
    app->m_booth = app->m_features->find<BoothFeature>();
    assert(app->m_settings && "ClientFeatures must host a SettingsFeature");
    app->registerContentHandlers();
    if (!options.script.empty()) {
        auto events = loadInputScript(options.script.string());
        if (!events) return events.error();
        app->m_script = ScriptPlayer(std::move(*events));
    }
    FG_CLIENT_TRY(app->loadProfile());
    FG_CLIENT_TRY(app->openAudio());
    FG_CLIENT_TRY(app->openWindow());
    FG_CLIENT_TRY(app->loadWorld());
    if (!app->m_settings->firstRun()) FG_CLIENT_TRY(app->startNetwork());
    return app;
}

ClientApp::~ClientApp() {
    m_stopPump = true;
    if (m_netPump.joinable()) m_netPump.join();
    m_bots.reset();
    if (m_link) m_link->disconnect();
    m_server.reset();
}

Status ClientApp::loadProfile() {
    Session& s = m_session;
    s.profileFile = m_options.configFile;
    auto loaded = client::loadProfile(m_options.configFile);
    if (!loaded)
        log::warn("client: {} (starting with a fresh profile)", loaded.error().message);
    else
        s.profile = std::move(*loaded);
    const ClientOptions& o = m_options;
    if (!o.name.empty()) s.profile.name = o.name;
    if (!o.organisation.empty()) s.profile.organisation = o.organisation;
    if (!o.email.empty()) s.profile.email = o.email;
    if (!o.country.empty()) s.profile.country = o.country;
    if (!o.color.empty()) {
        auto rgb = parseColor(o.color);
        if (!rgb) return makeError("--color: " + rgb.error().message);
        s.profile.color = *rgb;
    }
    if (o.resolutionScale > 0) s.profile.settings.resolutionScale = o.resolutionScale;
    if (o.uiScale > 0) s.profile.settings.uiScale = o.uiScale;
    if (o.highContrast) s.profile.settings.highContrast = true;
    // Before any thread starts (gettext reads LANGUAGE): --lang, else Settings, else the locale.
    initTranslations({}, o.language.empty() ? s.profile.settings.language : o.language);
    log::info("client: UI language {} (catalogs in {})", uiLanguage(), localeDir());
    if (!o.token.empty()) {
        if (auto code = netclient::parseInvitation(o.token); !code)
            return makeError("--token: " + code.error().message);
        s.profile.token = o.token;
    }
    if (s.profile.clientKey.empty()) s.profile.clientKey = makeClientKey();
    m_settings->setFirstRun(!s.profile.complete());
    if (!m_settings->firstRun()) {
        if (auto saved = saveProfile(s.profile, s.profileFile); !saved)
            log::warn("client: could not save the profile: {}", saved.error().message);
    }
    return {};
}

// The profile's UI scale, or the monitor's content scale (GLFW) when it says "follow".
void ClientApp::applyUiLook() {
    const ClientSettings& settings = m_session.profile.settings;
    render::UiLook look;
    look.scale = float(effectiveUiScale(settings.uiScale, m_window->contentScale())) / 100.0f;
    look.highContrast = settings.highContrast;
    m_renderer->setUiLook(look);
}

// --audio: a system device without a sound card becomes the null device (logged), so only a WAV
// device whose input cannot be read stops the client.
Status ClientApp::openAudio() {
    auto* voice = m_features->find<VoiceFeature>();
    if (!voice) return {};
    auto device = audio::openAudioDevice(m_options.audio);
    if (!device) return makeError("--audio: " + device.error().message);
    voice->useDevice(std::move(*device), m_options.audio);
    return {};
}

Status ClientApp::openWindow() {
    platform::WindowOptions wo;
    wo.title = "Fairground";
    wo.width = m_options.width;
    wo.height = m_options.height;
    auto window = platform::Window::create(wo);
    if (!window) return window.error();
    m_window = std::move(*window);
    render::RendererOptions ro;
    ro.validation = m_options.validation;
    ro.vsync = m_options.vsync;
    ro.msaaSamples = m_session.profile.settings.msaa;
    ro.resolutionScale = m_session.profile.settings.resolutionScale;
    auto renderer = render::Renderer::createForWindow(ro, *m_window);
    if (!renderer) return renderer.error();
    m_renderer = std::move(*renderer);
    m_renderer->setVsync(m_options.vsync);
    m_session.fontText = [this](std::string_view text) { m_renderer->addUiText(text); };
    applyUiLook();
    auto kit = SceneKit::create(*m_renderer);
    if (!kit) return kit.error();
    m_kit = std::move(*kit);
    return {};
}

void ClientApp::applyProfileChange() {
    Session& s = m_session;
    m_avatar.setSensitivity(s.profile.settings.mouseSensitivity);
    applyUiLook();
    if (auto scaled = m_renderer->setResolutionScale(s.profile.settings.resolutionScale); !scaled)
        toast(s, scaled.error().message, true);
    if (auto saved = saveProfile(s.profile, s.profileFile); !saved)
        toast(s, saved.error().message, true);
    if (!m_link) {
        if (auto started = startNetwork(); !started) toast(s, started.error().message, true);
    }
}

// A new invitation code, Sign out or "Continue as a visitor": save, then join again with the
// credential that now applies (the server answers with the role).
void ClientApp::applySignInChange() {
    Session& s = m_session;
    if (s.profile.complete())
        if (auto saved = saveProfile(s.profile, s.profileFile); !saved)
            toast(s, saved.error().message, true);
    if (!m_link) return; // the first join is still to come and will use it
    log::info("client: joining again {}",
              linkConfig(m_linkHost, m_linkPort).hello.credential.empty()
                  ? "as a visitor"
                  : "with the invitation code");
    m_link->disconnect(); // frame() holds m_netMutex here: the pump thread is not using it
    m_link = std::make_unique<Connection>(linkConfig(m_linkHost, m_linkPort));
    s.link = m_link.get();
}

void ClientApp::renderProgress(float fraction, std::string_view what) {
    static double last = -1;
    const double now = monotonicSeconds();
    if (now - last < 0.05 && fraction < 1.0f) return; // a progress frame costs a whole render
    last = now;
    m_window->pollEvents();
    const std::string text(what);
    m_renderer->setUi([&] { drawLoadingScreen(fraction, text, tr("Loading the exhibition")); });
    render::Scene empty;
    (void)m_renderer->renderToWindow(empty, render::Camera{});
}

Status ClientApp::loadWorld() {
    const double t0 = monotonicSeconds();
    m_content = std::make_unique<ClientContent>(m_options.cacheDir / "content",
                                                m_options.exhibition.parent_path());
    if (!m_options.connectHost.empty() && !m_options.localExhibition) {
        FG_CLIENT_TRY(downloadWorld()); // sets m_exhibition and m_content's base folder
    } else {
        renderProgress(0.0f, trf("reading {}", m_options.exhibition.string()));
        expo::LoadReport report = expo::loadExhibition(m_options.exhibition);
        if (!report.ok()) {
            std::string text =
                fmt::format("{}: the exhibition cannot be shown:", m_options.exhibition.string());
            for (const auto& p : report.problems)
                text += "\n  " + p.toString();
            return makeError(text);
        }
        m_exhibition = std::make_unique<expo::Exhibition>(std::move(*report.exhibition));
    }
    m_worldExhibition = std::move(m_exhibition);
    m_exhibition =
        std::make_unique<expo::Exhibition>(displayCopy(*m_worldExhibition, m_session.fontText));
    FG_CLIENT_TRY(rebuildWorld());
    m_bench.loadSeconds = monotonicSeconds() - t0;
    Session& s = m_session;
    const expo::Hall& hall = m_exhibition->halls.front();
    m_avatar.setArea(&m_areas.front());
    m_avatar.setSensitivity(s.profile.settings.mouseSensitivity);
    m_avatar.place(hall.spawn.position, hall.spawn.yaw, hall.origin);
    return {};
}

Status ClientApp::rebuildWorld() {
    const double t0 = monotonicSeconds();
    scene::ExhibitionSceneOptions so;
    so.cacheDir = m_options.cacheDir / "assets";
    so.progress = [this](float f, std::string_view what) { renderProgress(f, what); };
    auto world =
        scene::ExhibitionScene::build(*m_renderer, *m_worldExhibition, m_content->baseDir(), so);
    if (!world) return world.error();
    m_world = std::move(*world);
    m_frameScene = m_world->scene();
    m_worldInstances = m_frameScene.instances().size();
    m_areas.clear();
    for (std::size_t i = 0; i < m_exhibition->halls.size(); ++i)
        m_areas.emplace_back(*m_exhibition, i);
    Session& s = m_session;
    s.ex = m_exhibition.get();
    s.baseDir = m_content->baseDir();
    s.avatar = &m_avatar;
    s.areas = &m_areas;
    // The areas were rebuilt: point the avatar at its hall's new one.
    m_avatar.setArea(&m_areas[std::min<std::size_t>(s.hall, m_areas.size() - 1)]);
    const scene::SceneCounts& st = m_world->counts();
    m_bench.cacheHits = st.cacheHits;
    m_bench.cacheMisses = st.cacheMisses;
    log::info("client: world of {} booths, {} posters, {} models, {} signs, {} instances in "
              "{:.2f} s ({} placeholders; cache {} hits, {} misses)",
              st.booths, st.posters, st.models, st.signs, m_worldInstances, monotonicSeconds() - t0,
              m_world->placeholders(), st.cacheHits, st.cacheMisses);
    return {};
}

Status ClientApp::startNetwork() {
    std::string host = m_options.connectHost;
    std::uint16_t port = m_options.connectPort;
    if (host.empty()) {
        if (!m_startServer)
            return makeError("this build has no embedded server: give --connect HOST:PORT");
        auto server = m_startServer(m_options.exhibition, m_options.dataDir);
        if (!server) return server.error();
        m_server = std::move(*server);
        host = "127.0.0.1";
        port = m_server->port();
        m_localKey = m_server->keyFingerprint();
    }
    m_linkHost = host;
    m_linkPort = port;
    // With --connect the download already joined (unless it joined as a first-run guest).
    if (!m_link) m_link = std::make_unique<Connection>(linkConfig(host, port));
    m_session.link = m_link.get();
    m_netPump = std::thread([this] {
        while (!m_stopPump) {
            {
                std::lock_guard lock(m_netMutex);
                if (netclient::NetClient* c = m_link->client()) c->update(0);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    if (m_options.bots > 0) {
        const expo::Hall& hall = m_exhibition->halls.front();
        m_bots = std::make_unique<BotCrowd>(*m_exhibition, host, port, m_options.bots,
                                            hall.spawn.position, 14.0f);
    }
    return {};
}

int ClientApp::run() {
    m_lastTime = monotonicSeconds();
    m_fpsTime = m_lastTime;
    while (!m_window->shouldClose() && !m_session.quit) {
        frame();
        if (m_options.exitAfter && m_frame >= m_options.exitAfter) break;
    }
    if (m_options.bench) printBench();
    if (m_session.profile.complete()) (void)saveProfile(m_session.profile, m_session.profileFile);
    return m_exitCode;
}

void ClientApp::printBench() const {
    std::printf("bench: load %.2f s, first frame %.2f s after start, cache %zu hits %zu misses\n",
                m_bench.loadSeconds, m_bench.firstFrameSeconds, m_bench.cacheHits,
                m_bench.cacheMisses);
    std::vector<double> t = m_bench.frameMs;
    if (t.empty()) {
        std::printf("bench: no frames measured (the first 10 are warm-up)\n");
        return;
    }
    std::sort(t.begin(), t.end());
    const double mean = std::accumulate(t.begin(), t.end(), 0.0) / double(t.size());
    long pages = 0, resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    const scene::SceneCounts& w = m_world->counts();
    std::printf("bench: %zu frames  mean %.2f ms (%.1f FPS)  median %.2f ms  p95 %.2f ms\n",
                t.size(), mean, 1000.0 / mean, t[t.size() / 2],
                t[std::min(t.size() - 1, t.size() * 95 / 100)]);
    std::printf(
        "bench: scene %zu instances (%u visible, %u draw calls), %zu booths, %zu people in view\n",
        m_frameScene.instances().size(), m_stats.visibleInstances, m_stats.drawCalls, w.booths,
        m_session.remotes.size());
    std::printf("bench: resident memory %.1f MiB\n",
                double(resident) * double(::sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0));
    std::fflush(stdout);
}

} // namespace fg::client
