// Editor session: start-up, the frame loop, viewport picking and handle dragging, open/save.
// Must not draw panels (EditorUi.cpp) or interpret script lines (EditorActions.cpp).
#include "tools/editor/EditorApp.h"

#include "engine/asset/ImageLoader.h"
#include "engine/core/Log.h"
#include "engine/render/UiRaster.h"
#include "game/booth/BoothTemplates.h"
#include "game/expo/ExhibitionJson.h"
#include "tools/editor/EditorUi.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <imgui.h>

namespace fg::editor {

namespace fs = std::filesystem;

namespace {

fs::path defaultScratch() {
    const char* cache = std::getenv("XDG_CACHE_HOME");
    const char* home = std::getenv("HOME");
    fs::path base = cache && *cache ? fs::path(cache) : fs::path(home ? home : "/tmp") / ".cache";
    return base / "fairground" / "editor";
}

} // namespace

EditorApp::EditorApp(EditorOptions options) : m_options(std::move(options)) {}
EditorApp::~EditorApp() = default;

glm::vec2 EditorApp::viewSize() const {
    glm::ivec2 fb = m_window->framebufferSize();
    return {float(std::max(fb.x, 1)), float(std::max(fb.y, 1))};
}

Status EditorApp::init() {
    if (m_options.scratchDir.empty()) m_options.scratchDir = defaultScratch();
    std::error_code ec;
    fs::create_directories(m_options.scratchDir, ec);
    m_meter = std::make_unique<booth::AssetMeter>(m_options.scratchDir / "meter",
                                                  m_options.scratchDir / "cooked", importLimits());
    platform::WindowOptions wo;
    wo.title = "Fairground booth editor";
    wo.width = m_options.width;
    wo.height = m_options.height;
    auto window = platform::Window::create(wo);
    if (!window) return window.error();
    m_window = std::move(*window);
    render::RendererOptions ro;
    ro.validation = m_options.validation;
    auto renderer = render::Renderer::createForWindow(ro, *m_window);
    if (!renderer) return renderer.error();
    m_renderer = std::move(*renderer);
    auto scene = EditorScene::create(*m_renderer, m_options.scratchDir / "view",
                                     m_options.scratchDir / "cooked", importLimits());
    if (!scene) return scene.error();
    m_scene = std::move(*scene);
    m_renderer->setUi([this] { EditorUi::draw(*this); });
    if (m_options.settingsFile.empty()) m_options.settingsFile = defaultPublishSettingsFile();
    if (auto settings = loadPublishSettings(m_options.settingsFile))
        m_publishSettings = *settings;
    else
        log::warn("editor: {}", settings.error().message);
    if (!m_options.publishServer.empty()) m_publishSettings.server = m_options.publishServer;
    if (!m_options.publishToken.empty()) m_publishSettings.token = m_options.publishToken;
    if (!m_options.script.empty()) {
        auto text = readFileText(m_options.script, 1 << 20);
        if (!text) return text.error();
        auto script = parseEditorScript(*text, m_options.script.filename().string());
        if (!script) return script.error();
        m_script = std::move(*script);
    }
    if (!m_options.openFrom.empty()) {
        m_publishSettings.server = m_options.openFrom;
        if (Status st = newFromTemplate("3d-island", "S", "my-booth", m_options.exhibitorId); !st)
            return st;
        m_openingFromCli = true;
        // A refusal at once (bad address, no token) is reported like any failed open: exit 3.
        (void)openFromServer(m_publishSettings, m_options.boothId, m_options.openPending, false);
        return {};
    }
    if (!m_options.bundle.empty() && fs::exists(m_options.bundle))
        return openBundle(m_options.bundle);
    if (!m_options.exhibition.empty())
        return openFromExhibition(m_options.exhibition, m_options.boothId);
    m_file = m_options.bundle;
    return newFromTemplate(
        m_options.templateName.empty() ? "3d-island" : m_options.templateName, m_options.size,
        m_options.boothId.empty() ? "my-booth" : m_options.boothId, m_options.exhibitorId);
}

int EditorApp::run() {
    if (Status st = init(); !st) {
        log::error("editor: {}", st.error().message);
        return 1;
    }
    while (!m_window->shouldClose() && !m_quit) {
        m_window->pollEvents();
        frame();
        if (m_options.exitAfter != 0 && m_frame >= m_options.exitAfter) break;
    }
    return m_exitCode;
}

void EditorApp::frame() {
    pumpOpen();
    const bool waiting = waitingForOpen();
    if (!waiting) { // --script and --screenshot-at frames count from the open booth
        ++m_frame;
        runScript();
    }
    refresh();
    pumpPublish();
    if (Status st = m_renderer->renderToWindow(m_scene->scene(), m_camera.camera()); !st) {
        log::error("editor: frame {}: {}", m_frame, st.error().message);
        m_exitCode = 1;
        m_quit = true;
        return;
    }
    handleInput(); // after the frame: ImGui now knows whether the mouse is over a panel
    if (!waiting) takeScreenshots();
}

// Re-measures files and re-checks problems when the bundle changed, then updates the view.
void EditorApp::refresh() {
    const auto& bundle = m_editor.bundle();
    if (m_measuredRevision != m_editor.revision()) {
        m_stats = m_meter->measure(bundle);
        m_problems = booth::checkBundle(bundle, m_stats);
        m_measuredRevision = m_editor.revision();
    }
    if (m_selected && m_selected->index >= booth::itemCount(bundle, m_selected->kind))
        m_selected.reset();
    bool outside = false;
    for (const auto& p : m_problems)
        outside = outside || p.kind == booth::ProblemKind::OutsideFootprint;
    m_scene->update(bundle, m_selected, m_mode, outside);
}

void EditorApp::setStatus(std::string text, bool error) {
    (error ? log::warn("editor: {}", text) : log::info("editor: {}", text));
    m_status = std::move(text);
    m_statusError = error;
}

void EditorApp::report(const Status& st, const std::string& done) {
    if (st)
        setStatus(done);
    else
        setStatus(st.error().message, true);
}

// --- viewport ---

void EditorApp::clickAt(glm::vec2 pixel) {
    if (beginHandleDrag(pixel)) return;
    auto hit = m_scene->pick(render::rayThroughPixel(m_camera.camera(), pixel, viewSize()));
    m_selected = hit ? std::optional<booth::ItemRef>(hit->item) : std::nullopt;
}

bool EditorApp::beginHandleDrag(glm::vec2 pixel) {
    if (!m_selected || m_selected->kind != booth::ItemKind::Model) return false;
    auto axis = m_scene->pickHandle(render::rayThroughPixel(m_camera.camera(), pixel, viewSize()));
    if (!axis) return false;
    const auto& m = m_editor.bundle().booth.content.models.at(m_selected->index);
    m_drag = HandleDrag{
        *axis, {m.position, m.rotation, m.scale}, m_scene->handleOrigin(), glm::vec2(0.0f)};
    return true;
}

void EditorApp::dragHandle(glm::vec2 delta) {
    if (!m_drag || !m_selected) return;
    m_drag->travelled += delta;
    glm::vec3 axisVec(0.0f);
    axisVec[m_drag->axis] = 1.0f;
    float amount = dragAlongAxis(m_camera.camera(), m_drag->start.position, axisVec,
                                 m_drag->travelled, viewSize());
    booth::Transform t = m_drag->start;
    int a = m_drag->axis;
    if (m_mode == GizmoMode::Move)
        t.position[a] = m_snap ? snapTo(t.position[a] + amount, 0.1f) : t.position[a] + amount;
    if (m_mode == GizmoMode::Rotate) {
        float deg = t.rotation[a] + amount * 90.0f;
        t.rotation[a] = m_snap ? snapTo(deg, 15.0f) : deg;
    }
    if (m_mode == GizmoMode::Scale) {
        float s = std::clamp(t.scale[a] * (1.0f + amount), 0.01f, 100.0f);
        t.scale[a] = m_snap ? std::max(0.1f, snapTo(s, 0.1f)) : s;
    }
    (void)booth::setModelTransform(m_editor, m_selected->index, t,
                                   fmt::format("drag-{}", m_selected->index));
}

void EditorApp::endHandleDrag() {
    m_drag.reset();
    m_editor.endGesture();
}

void EditorApp::handleInput() {
    ImGuiIO& io = ImGui::GetIO();
    glm::vec2 mouse{io.MousePos.x, io.MousePos.y};
    glm::vec2 delta = mouse - m_lastMouse;
    m_lastMouse = mouse;
    handleShortcuts();
    if (!m_script.empty() && m_nextAction < m_script.size()) return; // a script drives this session
    if (io.MouseReleased[0]) {
        if (m_drag) endHandleDrag();
        m_orbiting = false;
    }
    if (io.WantCaptureMouse && !m_drag && !m_orbiting) return;
    if (io.MouseClicked[0]) {
        clickAt(mouse);
        m_orbiting = !m_drag;
    } else if (io.MouseDown[0] && m_drag) {
        dragHandle(delta);
    } else if (io.MouseDown[0] && m_orbiting && (delta.x != 0 || delta.y != 0)) {
        io.KeyShift ? m_camera.pan(delta, viewSize()) : m_camera.orbit(delta);
    }
    if (io.MouseDown[2] || io.MouseDown[1]) m_camera.pan(delta, viewSize());
    if (io.MouseWheel != 0) m_camera.zoom(io.MouseWheel);
}

void EditorApp::handleShortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    // With Dear ImGui 1.86's GLFW backend, io.KeysDown is indexed by GLFW key codes, which are
    // the ASCII upper-case letters; named keys go through GetKeyIndex.
    auto pressed = [](int key) { return ImGui::IsKeyPressed(key, false); };
    if (io.KeyCtrl && pressed(ImGui::GetKeyIndex(ImGuiKey_Z))) io.KeyShift ? redo() : undo();
    if (io.KeyCtrl && pressed(ImGui::GetKeyIndex(ImGuiKey_Y))) redo();
    if (io.KeyCtrl && pressed('D')) duplicateSelected();
    if (io.KeyCtrl && pressed('S')) report(saveBundle(m_file), "saved " + m_file.string());
    if (pressed(ImGui::GetKeyIndex(ImGuiKey_Delete))) deleteSelected();
    if (!io.KeyCtrl && pressed('W')) m_mode = GizmoMode::Move;
    if (!io.KeyCtrl && pressed('E')) m_mode = GizmoMode::Rotate;
    if (!io.KeyCtrl && pressed('R')) m_mode = GizmoMode::Scale;
}

void EditorApp::undo() {
    std::string label = m_editor.undoLabel();
    if (m_editor.undo()) setStatus("undo: " + label);
}

void EditorApp::redo() {
    std::string label = m_editor.redoLabel();
    if (m_editor.redo()) setStatus("redo: " + label);
}

void EditorApp::duplicateSelected() {
    if (m_selected) report(booth::duplicateItem(m_editor, *m_selected), "duplicated");
}

void EditorApp::deleteSelected() {
    if (!m_selected) return;
    report(booth::deleteItem(m_editor, *m_selected), "deleted");
    m_selected.reset();
}

// --- files ---

Status EditorApp::openBundle(const fs::path& file) {
    auto bundle = booth::loadBundle(file);
    if (!bundle) return bundle.error();
    m_editor.reset(std::move(*bundle));
    m_file = file;
    m_source = file.string();
    m_selected.reset();
    updateTitle();
    setStatus("opened " + file.string());
    return {};
}

Status EditorApp::openFromExhibition(const fs::path& file, const std::string& boothId) {
    expo::LoadReport report = expo::loadExhibition(file);
    if (!report.exhibition) return makeError(fmt::format("{}: cannot be read", file.string()));
    auto bundle = booth::bundleFromExhibition(*report.exhibition, boothId, file.parent_path());
    if (!bundle) return bundle.error();
    m_editor.reset(std::move(*bundle));
    if (m_file.empty()) m_file = boothId + ".booth";
    m_source = file.string();
    updateTitle();
    setStatus(fmt::format("opened booth {} from {}", boothId, file.string()));
    return {};
}

Status EditorApp::newFromTemplate(const std::string& name, const std::string& size,
                                  const std::string& boothId, const std::string& exhibitorId) {
    booth::BoothTemplate t;
    if (!booth::parseTemplate(name, t)) return makeError("unknown template \"" + name + "\"");
    expo::BoothSize s = size == "L"   ? expo::BoothSize::L
                        : size == "M" ? expo::BoothSize::M
                                      : expo::BoothSize::S;
    m_editor.reset(booth::makeFromTemplate(t, s, boothId, exhibitorId));
    if (m_file.empty()) m_file = boothId + ".booth";
    m_selected.reset();
    m_source = "template " + name;
    updateTitle();
    setStatus(fmt::format("new {} booth, size {}", name, size));
    return {};
}

Status EditorApp::saveBundle(const fs::path& file) {
    if (file.empty()) return makeError("no file name to save to");
    if (Status st = booth::saveBundle(m_editor.bundle(), file); !st) return st;
    m_file = file;
    m_editor.markSaved();
    return {};
}

Status EditorApp::readInto(const fs::path& file, Bytes& out) const {
    auto bytes = readFileBytes(file, 64ull << 20);
    if (!bytes) return bytes.error();
    out = std::move(*bytes);
    return {};
}

// Untrusted model files are imported in a child process (as the server does with uploads).
SandboxLimits EditorApp::importLimits() const {
    SandboxLimits limits;
    limits.wallSeconds = m_options.importSeconds;
    limits.cpuSeconds = std::uint32_t(std::ceil(m_options.importSeconds));
    limits.memoryBytes = m_options.importMemoryMb << 20;
    return limits;
}

Status EditorApp::importModel(const fs::path& file) {
    auto files = booth::readModelFiles(file);
    if (!files) return files.error();
    // Refused before it enters the booth: a file that crashes, hangs or exhausts memory.
    if (Status st = m_meter->checkModel(file); !st)
        return makeError(fmt::format("model not imported: {}", st.error().message));
    if (Status st = booth::addModel(m_editor, file.filename().string(), *files); !st) return st;
    m_selected =
        booth::ItemRef{booth::ItemKind::Model, m_editor.bundle().booth.content.models.size() - 1};
    return {};
}

void EditorApp::takeScreenshots() {
    for (const Screenshot& shot : m_options.shots) {
        if (shot.frame != m_frame) continue;
        glm::vec2 size = viewSize();
        auto image = m_renderer->renderToImage(m_scene->scene(), m_camera.camera(),
                                               std::uint32_t(size.x), std::uint32_t(size.y));
        if (!image) {
            log::error("editor: screenshot {}: {}", shot.file.string(), image.error().message);
            m_exitCode = 1;
            continue;
        }
        if (!m_options.noUiInShots) render::compositeImGui(*image);
        if (Status st = writePng(shot.file, *image); !st) {
            log::error("editor: screenshot: {}", st.error().message);
            m_exitCode = 1;
            continue;
        }
        log::info("editor: screenshot at frame {} -> {}", m_frame, shot.file.string());
    }
}

// --- publishing ---

Status EditorApp::publish(const PublishSettings& settings) {
    std::size_t errors = 0;
    std::string first;
    for (const auto& p : m_problems) {
        if (p.severity != booth::Severity::Error) continue;
        if (++errors <= 3) first += "\n  " + p.toString();
    }
    if (errors > 0)
        return makeError(fmt::format(
            "fix the {} error(s) in the problems panel before publishing:{}", errors, first));
    m_publishSettings = settings;
    if (Status st = savePublishSettings(m_options.settingsFile, settings); !st)
        log::warn("editor: cannot remember the publish settings: {}", st.error().message);
    const auto& bundle = m_editor.bundle();
    PublishSettings linked = settings;
    linked.pinsFile = m_options.settingsFile.parent_path() / "known_servers.json";
    return m_publisher.start(linked, bundle.booth.id, booth::saveBundleBytes(bundle));
}

// Services the upload every frame (the window stays responsive), and runs --publish.
void EditorApp::pumpPublish() {
    const bool wasBusy = m_publisher.busy();
    const bool wasAwaiting = m_publisher.awaitingVerdict();
    m_publisher.pump();
    if ((wasBusy && !m_publisher.busy()) || (wasAwaiting && !m_publisher.awaitingVerdict()))
        setStatus(m_publisher.statusText(),
                  m_publisher.state() == PublishState::Failed ||
                      (m_publisher.result() &&
                       m_publisher.result()->outcome == expo::proto::PublishOutcome::Refused));
    if (m_options.publishServer.empty() || m_nextAction < m_script.size() || m_openingFromCli)
        return;
    if (!m_publishStarted) {
        m_publishStarted = true;
        refresh(); // the script's last edits are checked before the problems gate
        if (Status st = publish(m_publishSettings); !st) setStatus(st.error().message, true);
    }
    if (m_publisher.busy() || m_options.exitAfter != 0) return;
    const auto* r = m_publisher.result();
    std::printf("fairground-editor: %s\n", m_publisher.state() == PublishState::Idle
                                               ? m_status.c_str()
                                               : m_publisher.statusText().c_str());
    m_exitCode = r && r->outcome != expo::proto::PublishOutcome::Refused ? 0 : 3;
    m_quit = true;
}

} // namespace fg::editor
