// One frame of the visitor app: network, script, input, movement, picking, the frame scene
// (world + avatars + highlight), rendering with the UI, and screenshots.
// Talks to the GPU only through render::Renderer and to the server only through Connection.
#include "engine/asset/ImageLoader.h"
#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "engine/core/Translate.h"
#include "engine/render/UiRaster.h"
#include "game/client/AvatarRenderer.h"
#include "game/client/ClientApp.h"
#include "game/client/awards/AwardsFeature.h"
#include "game/client/booth/BoothFeature.h"
#include "game/client/qna/QnaFeature.h"
#include "game/client/roundtable/RoundtableFeature.h"
#include "game/client/settings/SettingsFeature.h"
#include "game/client/slides/SlidesFeature.h"
#include "game/client/voice/VoiceFeature.h"

#include <cstdlib>
#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <imgui.h>

namespace fg::client {
namespace {

constexpr std::uint32_t kHighlight = 0xffc83c;

glm::vec2 hallPoint(glm::vec3 world, const expo::Hall& hall) {
    return {world.x - hall.origin.x, world.z - hall.origin.y};
}

} // namespace

void ClientApp::frame() {
    const double now = monotonicSeconds();
    const float dt = float(now - m_lastTime);
    m_lastTime = now;
    Session& s = m_session;
    s.now = now;
    s.frame = m_frame;
    m_window->pollEvents();
    s.droppedFiles = m_window->takeDroppedPaths();
    std::unique_lock net(m_netMutex); // the pump thread services the link while we render
    if (m_settings->takeProfileChanged()) applyProfileChange();
    if (m_settings->takeSignInChanged()) applySignInChange();
    MoveInput input = readInput();
    releaseScriptPresses();
    playScript(input);
    keyShortcuts();
    updateNetwork();
    m_avatar.update(input, dt);
    sendInput();
    updateHover();
    buildFrameScene();
    m_ui.camera = viewCamera();
    const glm::ivec2 fb = m_window->framebufferSize();
    m_ui.viewSize = {std::max(fb.x, 1), std::max(fb.y, 1)};
    m_ui.net = m_link && m_link->client() ? m_link->client()->stats() : netclient::ClientStats{};
    m_renderer->setUi([this] {
        std::lock_guard ui(m_netMutex); // UI buttons send requests
        drawClientUi(m_session, *m_features, m_ui);
    });
    m_frameScene.light.shadows = s.profile.settings.shadows;
    m_stats = {};
    net.unlock();
    if (auto st = m_renderer->renderToWindow(m_frameScene, m_ui.camera, &m_stats); !st)
        log::error("client: frame {}: {}", m_frame, st.error().message);
    m_ui.visible = m_stats.visibleInstances;
    m_ui.instances = m_stats.totalInstances;
    m_ui.drawCalls = m_stats.drawCalls;
    takeScreenshots();
    if (!m_firstFrameDone) {
        m_firstFrameDone = true;
        m_bench.firstFrameSeconds = monotonicSeconds() - m_startTime;
    } else if (m_frame > 10) {
        m_bench.frameMs.push_back(double(dt) * 1000.0);
    }
    releaseScriptHold();
    if (m_link && m_link->state() == LinkState::Joined && !m_scriptHold) ++m_scriptFrame;
    ++m_fpsFrames;
    if (now - m_fpsTime >= 0.5) {
        s.fps = float(m_fpsFrames / (now - m_fpsTime));
        s.frameMs = 1000.0f / std::max(s.fps, 0.001f);
        m_fpsFrames = 0;
        m_fpsTime = now;
    }
    ++m_frame;
}

void ClientApp::updateNetwork() {
    Session& s = m_session;
    if (!m_link) return;
    const bool wasJoined = m_link->state() == LinkState::Joined;
    m_link->update(s.now);
    if (wasJoined && m_link->state() != LinkState::Joined)
        m_restore =
            std::make_pair(s.hall, m_avatar.position()); // remember the place for the rejoin
    if (m_link->takeJoined()) onJoined();
    netclient::NetClient* c = m_link->client();
    if (!c || m_link->state() != LinkState::Joined) {
        s.remotes.clear();
        return;
    }
    std::vector<proto::Message> inbox = c->takeInbox();
    m_features->dispatch(inbox); // the one place server messages are handled
    pumpContent(c);              // ClientContent.cpp
    m_features->update();
    if (c->stats().corrections != m_corrections) {
        m_corrections = c->stats().corrections;
        applyServerPosition(false);
        if (s.faceAfterTeleport) m_avatar.faceTowards(*s.faceAfterTeleport);
        s.faceAfterTeleport.reset();
    }
    s.remotes = c->interpolated(s.now);
    for (auto& r : s.remotes)
        r.info = c->person(r.id);
}

void ClientApp::onJoined() {
    netclient::NetClient* c = m_link->client();
    m_features->onJoined();
    m_corrections = c->stats().corrections;
    // A first-use pin (or a key replaced by the invitation's) is a security fact the person
    // should see and may compare with the organiser's: longer than a toast's 4 s.
    if (!c->keyNotice().empty())
        m_session.toasts.push_back(
            {trf("Server key: {}", c->keyNotice()), m_session.now + 20.0, true});
    applyServerPosition(!m_restore);
    if (!m_restore) return;
    // Back after a loss: teleport near where we were (the server only allows booth fronts),
    // then walk the last metres to the exact place.
    const auto [hall, place] = *m_restore;
    m_restore.reset();
    const expo::Booth* nearest = nullptr;
    float best = 1e9f;
    for (const auto& b : m_exhibition->booths)
        if (hallIndexOf(*m_exhibition, b.hall) == hall && glm::distance(b.position, place) < best)
            best = glm::distance(b.position, place), nearest = &b;
    if (nearest && teleportToBooth(m_session, nearest->id)) {
        m_restoreWalk = true;
        m_restore = std::make_pair(hall, place);
    } else if (hall == m_session.hall) {
        m_avatar.walkTo(place);
    }
}

void ClientApp::applyServerPosition(bool serverHeading) {
    netclient::NetClient* c = m_link->client();
    const std::uint32_t hall =
        std::min<std::uint32_t>(c->hall(), std::uint32_t(m_areas.size() - 1));
    m_session.hall = hall;
    m_avatar.setArea(&m_areas[hall]);
    const float heading =
        serverHeading ? proto::dequantizeHeading(c->welcome().heading) : m_avatar.yaw();
    m_avatar.place(c->selfPosition(), heading, m_exhibition->halls[hall].origin);
    if (m_restoreWalk && m_restore) {
        m_restoreWalk = false;
        if (m_restore->first == hall) m_avatar.walkTo(m_restore->second);
        m_restore.reset();
    }
}

void ClientApp::sendInput() {
    netclient::NetClient* c = m_link ? m_link->client() : nullptr;
    if (!c || m_link->state() != LinkState::Joined) return;
    const double interval = 1.0 / double(std::max<std::uint32_t>(c->welcome().tickRate, 1));
    if (m_session.now - m_lastInputSent < interval) return;
    m_lastInputSent = m_session.now;
    c->sendInput(m_avatar.position(), m_avatar.yaw(), m_avatar.anim());
}

MoveInput ClientApp::readInput() {
    MoveInput in;
    const ImGuiIO& io = ImGui::GetIO();
    // Scripted arrows belong to ImGui's navigation while a panel has it, as real ones do.
    auto down = [&](platform::Key k, const char* scriptName) {
        const bool arrow = k == platform::Key::Up || k == platform::Key::Down ||
                           k == platform::Key::Left || k == platform::Key::Right;
        const bool scripted = m_scriptKeys.count(scriptName) && !(arrow && io.NavActive);
        return (!io.WantCaptureKeyboard && m_window->keyDown(k)) || scripted;
    };
    in.forward = float(down(platform::Key::W, "w") || down(platform::Key::Up, "up")) -
                 float(down(platform::Key::S, "s") || down(platform::Key::Down, "down"));
    in.right = float(down(platform::Key::D, "d") || down(platform::Key::Right, "right")) -
               float(down(platform::Key::A, "a") || down(platform::Key::Left, "left"));
    in.run = down(platform::Key::LeftShift, "shift");
    if (auto* voice = m_features->find<VoiceFeature>()) // push-to-talk, never while typing
        voice->setTalkKey((!io.WantTextInput && m_window->keyDown(platform::Key::V)) ||
                          m_scriptKeys.count("v"));
    if (down(platform::Key::Escape, "esc")) {
        if (m_session.selection.zoomPoster >= 0)
            m_session.selection.zoomPoster = -1;
        else if (m_booth)
            m_booth->close();
    }
    const glm::dvec2 cursor = m_window->cursorPosition();
    const glm::dvec2 delta = cursor - m_lastCursor;
    m_lastCursor = cursor;
    if (m_window->mouseDown(platform::MouseButton::Right) && !io.WantCaptureMouse)
        in.look = glm::vec2(delta);
    const bool left = m_window->mouseDown(platform::MouseButton::Left);
    if (left && !m_leftWasDown) m_pressAt = cursor, m_dragged = io.WantCaptureMouse;
    if (left && glm::distance(cursor, m_pressAt) > 6.0) m_dragged = true;
    if (!left && m_leftWasDown && !m_dragged && !io.WantCaptureMouse)
        handleClick(glm::vec2(cursor));
    m_leftWasDown = left;
    return in;
}

// wait-walk ends when the avatar arrives or gives up; a walk still going after 400 frames (at
// least 1.1 m each: longer than any hall) is stopped with a warning rather than stalling the
// script for good. Frames, not seconds: a loaded CPU renderer makes seconds meaningless here.
void ClientApp::releaseScriptHold() {
    constexpr std::uint64_t kMaxWalkHoldFrames = 400;
    if (!m_scriptHold) return;
    if (m_holdUntil > 0) { // wait-seconds: the server's people (bots, a scripted session) move on
        if (monotonicSeconds() < m_holdUntil) return;
        m_holdUntil = 0;
        m_scriptHold = false;
        return;
    }
    if (m_avatar.walking() && m_frame - m_holdFrame < kMaxWalkHoldFrames) return;
    if (m_avatar.walking()) {
        log::warn("client: script: the walk did not end in {} frames; stopping it",
                  kMaxWalkHoldFrames);
        m_avatar.place(m_avatar.position(), m_avatar.yaw(),
                       m_exhibition->halls[m_session.hall].origin);
    }
    m_scriptHold = false;
}

void ClientApp::playScript(MoveInput& input) {
    // A script cannot go on once the server refused us for good: fail now, with the reason,
    // instead of waiting for --exit-after with the script's clock stopped.
    if (m_link && m_link->state() == LinkState::Failed && !m_script.finished()) {
        if (continueScriptAfterRefusal()) return;
        log::error("client: script stopped: {}", m_link->message());
        m_exitCode = 2;
        m_session.quit = true;
        return;
    }
    // Script frames count only while joined, so a slow connect does not shift the timeline.
    if (!m_link || m_link->state() != LinkState::Joined) return;
    for (const ScriptEvent& e : m_script.due(m_scriptFrame)) {
        switch (e.kind) {
        case ScriptEventKind::KeyDown:
        case ScriptEventKind::KeyPress:
            m_scriptKeys.insert(e.name);
            scriptKeyToUi(e.name, true);
            if (e.kind == ScriptEventKind::KeyPress) m_scriptPresses.push_back(e.name);
            break;
        case ScriptEventKind::KeyUp:
            m_scriptKeys.erase(e.name);
            scriptKeyToUi(e.name, false);
            break;
        case ScriptEventKind::MouseMove:
            input.look += glm::vec2(e.x, e.y);
            break;
        case ScriptEventKind::Click:
            handleClick({e.x, e.y});
            break;
        case ScriptEventKind::Action: {
            if (e.name == "wait-walk") { // the script's clock stops until the avatar arrives
                m_scriptHold = m_avatar.walking();
                m_holdFrame = m_frame;
                break;
            }
            if (e.name == "wait-seconds" && e.args.size() == 1) {
                char* end = nullptr;
                const double seconds = std::strtod(e.args[0].c_str(), &end);
                if (end && *end == 0 && seconds > 0 && seconds <= 600) {
                    m_scriptHold = true;
                    m_holdUntil = monotonicSeconds() + seconds;
                } else {
                    log::warn("client: script line {}: wait-seconds wants 0-600 seconds, got '{}'",
                              e.line, e.args[0]);
                }
                break;
            }
            if (e.name == "screenshot" && e.args.size() == 1) { // taken after this frame renders
                m_options.shots.push_back({m_frame, e.args[0]});
                break;
            }
            Status st = makeError("bad argument");
            try {
                st = m_features->runAction(e.name, e.args);
            } catch (const std::exception& ex) {
                st = makeError(ex.what());
            }
            if (!st)
                log::warn("client: script line {}: {}", e.line, st.error().message);
            else
                log::info("client: script frame {}: {}", m_scriptFrame, e.name);
            break;
        }
        }
    }
}

// A refused invitation code offers "Continue as a visitor"; a script takes the offer when its
// next line is that action (whatever its frame: the script clock stands still until joined).
bool ClientApp::continueScriptAfterRefusal() {
    const ScriptEvent* next = m_script.peek();
    if (!m_link->credentialRefused() || m_link->credential().empty() || !next ||
        next->name != "continue-as-visitor")
        return false;
    log::warn("client: sign-in refused: {}; continuing as a visitor", m_link->message());
    m_script.skip();
    m_settings->continueAsVisitor();
    return true;
}

void ClientApp::handleClick(glm::vec2 pixel) {
    const render::Ray ray = render::rayThroughPixel(m_ui.camera, pixel, m_ui.viewSize);
    Session& s = m_session;
    if (const auto floor = m_world->pickFloor(ray)) {
        if (floor->hallIndex != s.hall || floor->hallIndex >= m_exhibition->halls.size()) return;
        m_avatar.walkTo(hallPoint(floor->point, m_exhibition->halls[floor->hallIndex]));
        return;
    }
    const auto hit = m_world->pick(ray);
    if (!hit || hit->boothIndex >= m_exhibition->booths.size()) return;
    const expo::Booth& b = m_exhibition->booths[hit->boothIndex];
    if (m_booth) m_booth->open(b.id);
    goToBooth(s, b.id);
    if (hit->kind == scene::PickKind::Poster) {
        s.selection.zoomPoster = int(hit->index);
        s.selection.zoom = 1.0f;
    }
}

void ClientApp::updateHover() {
    const ImGuiIO& io = ImGui::GetIO();
    m_session.hoveredBooth = -1;
    if (io.WantCaptureMouse) return;
    const render::Ray ray =
        render::rayThroughPixel(m_ui.camera, glm::vec2(m_lastCursor), m_ui.viewSize);
    const auto hit = m_world->pick(ray);
    if (hit && hit->boothIndex < m_exhibition->booths.size())
        m_session.hoveredBooth = int(hit->boothIndex);
}

void ClientApp::buildFrameScene() {
    m_frameScene = m_world->scene();
    if (const auto* slides = m_features->find<SlidesFeature>())
        for (const ShownScreen& shown : slides->screens())
            m_world->addScreenPicture(m_frameScene, *shown.hall, *shown.venue, *shown.session,
                                      shown.page);
    if (const auto* roundtable = m_features->find<RoundtableFeature>())
        for (const ShownTable& t : roundtable->tables())
            m_world->addRoundtable(m_frameScene, *t.hall, *t.venue, t.view);
    if (const auto* qna = m_features->find<QnaFeature>())
        if (const auto board = qna->board()) {
            m_world->addStageBoard(m_frameScene, *board->hall, *board->venue, board->questions);
            if (board->poll) // over the slide, drawn above: the moderator shows the results
                m_world->addScreenBoard(m_frameScene, *board->hall, *board->venue, *board->poll);
        }
    if (const auto* awards = m_features->find<AwardsFeature>()) {
        m_world->addAwards(m_frameScene, *m_exhibition, m_exhibition->halls[m_session.hall],
                           awards->world());
        if (const auto shown = awards->revealScreen()) // over the slide, like a poll's results
            m_world->addScreenBoard(m_frameScene, *shown->hall, *shown->venue, shown->board);
    }
    const Session& s = m_session;
    const expo::Hall& hall = m_exhibition->halls[s.hall];
    for (int booth : {s.hoveredBooth, s.selection.booth}) {
        if (booth < 0) continue;
        const expo::Rect f = expo::boothFootprint(m_exhibition->booths[std::size_t(booth)]);
        const expo::Hall* h =
            expo::findHall(*m_exhibition, m_exhibition->booths[std::size_t(booth)].hall);
        auto glow = m_kit.color(kHighlight, true);
        if (!h || !glow) continue;
        const glm::vec3 o = toWorld(*h, {f.x, f.z});
        const float w = f.width, d = f.depth, t = 0.12f, y = 0.1f;
        const glm::vec3 boxes[4][2] = {{{0, 0, -t}, {w, y, 0}},
                                       {{0, 0, d}, {w, y, d + t}},
                                       {{-t, 0, -t}, {0, y, d + t}},
                                       {{w, 0, -t}, {w + t, y, d + t}}};
        for (auto& [mn, mx] : boxes)
            m_frameScene.add(
                m_kit.cube, *glow,
                glm::scale(glm::translate(glm::mat4(1.0f), o + (mn + mx) * 0.5f), mx - mn));
    }
    AvatarPose self;
    self.position = toWorld(hall, m_avatar.position());
    self.heading = m_avatar.yaw();
    self.color = s.profile.color;
    self.phase = m_avatar.walkPhase();
    self.swing = m_avatar.anim() == proto::Anim::Idle  ? 0.0f
                 : m_avatar.anim() == proto::Anim::Run ? 1.4f
                                                       : 1.0f;
    (void)addAvatar(m_kit, m_frameScene, self);
    for (const auto& r : s.remotes) {
        RemoteAnim& a = m_remoteAnim[r.id];
        const float moved = glm::distance(a.last, r.position);
        a.last = r.position;
        a.phase = std::fmod(a.phase + std::min(moved, 1.0f) * 2.2f, 6.2831853f);
        const float target = r.anim == proto::Anim::Idle  ? 0.0f
                             : r.anim == proto::Anim::Run ? 1.4f
                                                          : 1.0f;
        a.swing += (target - a.swing) * 0.2f;
        AvatarPose p;
        p.position = toWorld(hall, r.position);
        p.heading = r.heading;
        p.color = r.info ? r.info->look : 0x9aa0a6;
        p.phase = a.phase;
        p.swing = a.swing;
        (void)addAvatar(m_kit, m_frameScene, p);
    }
}

render::Camera ClientApp::viewCamera() const {
    if (const auto* slides = m_features->find<SlidesFeature>())
        if (auto camera = slides->viewerCamera(m_ui.viewSize.x / std::max(m_ui.viewSize.y, 1.0f)))
            return *camera;
    const Session& s = m_session;
    const BoothSelection& sel = s.selection;
    if (sel.booth < 0 || sel.zoomPoster < 0) return m_avatar.camera();
    const expo::Booth& b = m_exhibition->booths[std::size_t(sel.booth)];
    const auto poster = scene::posterFrame(*m_exhibition, b, std::uint32_t(sel.zoomPoster));
    if (!poster) return m_avatar.camera();
    const float distance = std::max(0.3f, 1.9f / std::max(sel.zoom, 1.0f));
    // In front of the poster (its +z), looking back at it.
    const glm::vec3 facing = glm::normalize(glm::vec3((*poster)[2]));
    render::Camera c;
    c.position = glm::vec3((*poster)[3]) + facing * distance;
    c.yaw = glm::degrees(std::atan2(-facing.x, -facing.z));
    c.pitch = 0;
    c.nearPlane = 0.05f;
    return c;
}

void ClientApp::takeScreenshots() {
    for (const ScreenshotRequest& shot : m_options.shots) {
        if (shot.frame != m_frame) continue;
        const glm::ivec2 fb = m_window->framebufferSize();
        auto image = m_renderer->renderToImage(m_frameScene, m_ui.camera, std::uint32_t(fb.x),
                                               std::uint32_t(fb.y));
        if (!image) {
            log::error("client: screenshot {}: {}", shot.file.string(), image.error().message);
            m_exitCode = 1;
            continue;
        }
        const std::size_t triangles = render::compositeImGui(*image);
        if (auto st = writePng(shot.file, *image); !st) {
            log::error("client: screenshot: {}", st.error().message);
            m_exitCode = 1;
            continue;
        }
        log::info("client: screenshot at frame {} -> {} ({}x{}, {} UI triangles)", m_frame,
                  shot.file.string(), image->width, image->height, triangles);
    }
}

} // namespace fg::client
