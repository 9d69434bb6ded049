// Movement integration and camera smoothing for the local avatar.
// Must not talk to the network or renderer; the app reads position/camera after update().
#include "game/client/AvatarController.h"

#include "game/client/WalkPath.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

namespace fg::client {
namespace {

constexpr float kCameraDistance = 4.2f;
constexpr float kCameraHeight = 1.6f; // pivot above the floor (eye level)
constexpr float kArrive = 0.3f;

glm::vec2 forwardOf(float yaw) {
    const float r = glm::radians(yaw);
    return {std::sin(r), std::cos(r)};
}

} // namespace

void AvatarController::place(glm::vec2 position, float yaw, glm::vec2 hallOrigin) {
    m_position = position;
    m_yaw = yaw;
    m_origin = hallOrigin;
    m_target.reset();
    updateCamera(0, true);
}

void AvatarController::walkTo(glm::vec2 target, std::optional<glm::vec2> face) {
    m_target = m_area ? m_area->nearestWalkable(target) : target;
    m_face = face;
    m_stuckTime = 0;
    m_path.clear();
    m_nextWaypoint = 0;
    if (m_area) m_path = findWalkPath(*m_area, m_position, *m_target);
    // Closed off: walk straight as far as it goes; the stuck check ends the walk.
    if (m_path.empty()) m_path.push_back(*m_target);
}

std::optional<glm::vec2> AvatarController::heading() {
    if (!m_target) return std::nullopt;
    // Intermediate waypoints are passed, not reached exactly: no stop-and-turn at each.
    while (m_nextWaypoint + 1 < m_path.size() &&
           glm::distance(m_path[m_nextWaypoint], m_position) < kArrive)
        ++m_nextWaypoint;
    return m_path[m_nextWaypoint];
}

void AvatarController::arrive() {
    m_target.reset();
    m_path.clear();
    if (m_face) faceTowards(*m_face);
    m_face.reset();
}

void AvatarController::faceTowards(glm::vec2 point) {
    const glm::vec2 d = point - m_position;
    if (glm::length(d) > 1e-3f) m_yaw = glm::degrees(std::atan2(d.x, d.y));
}

void AvatarController::update(const MoveInput& in, float dt) {
    // Large steps stay safe: WalkArea::move sub-steps every 10 cm, and slow CPU-rendered frames
    // must still cover ground at the right speed.
    dt = std::clamp(dt, 0.0f, 0.5f);
    // Mouse right turns right: with y up and yaw 0 along +z, turning right lowers yaw.
    m_yaw -= in.look.x * m_sensitivity;
    m_pitch = std::clamp(m_pitch - in.look.y * m_sensitivity, -60.0f, 30.0f);
    const glm::vec2 fwd = forwardOf(m_yaw);
    const glm::vec2 right{-fwd.y, fwd.x};
    glm::vec2 wish = fwd * in.forward - right * in.right;
    if (glm::length(wish) > 1e-3f) {
        m_target.reset(); // keys take over from click-to-walk
        m_path.clear();
    } else if (const auto waypoint = heading()) {
        const glm::vec2 to = *waypoint - m_position;
        if (glm::length(to) < kArrive)
            arrive();
        else
            wish = to;
    }
    const float speed = in.run ? kRunSpeed : kWalkSpeed;
    glm::vec2 moved{0.0f};
    if (glm::length(wish) > 1e-3f) {
        // Click-to-walk never overshoots its target on a long frame.
        const float limit = m_target ? glm::length(wish) : 1e9f;
        wish = glm::normalize(wish);
        const glm::vec2 delta = wish * std::min(speed * dt, limit);
        const glm::vec2 next = m_area ? m_area->move(m_position, delta) : m_position + delta;
        moved = next - m_position;
        m_position = next;
        if (m_target) {
            faceTowards(m_position + wish);
            m_stuckTime = glm::length(moved) < 0.2f * glm::length(delta) ? m_stuckTime + dt : 0;
            if (m_stuckTime > 0.5f) arrive(); // blocked short of the target: stop, still turn
        }
    }
    const bool moving = glm::length(moved) > 1e-4f;
    m_anim = !moving  ? expo::proto::Anim::Idle
             : in.run ? expo::proto::Anim::Run
                      : expo::proto::Anim::Walk;
    if (moving) m_phase = std::fmod(m_phase + glm::length(moved) * 2.2f, 6.2831853f);
    updateCamera(dt, false);
}

void AvatarController::updateCamera(float dt, bool snap) {
    const glm::vec3 pivot{m_origin.x + m_position.x, kCameraHeight, m_origin.y + m_position.y};
    render::Camera c;
    c.yaw = m_yaw;
    c.pitch = m_pitch;
    c.fovY = 60.0f;
    const glm::vec3 eye = pivot - c.forward() * kCameraDistance + glm::vec3(0, 0.5f, 0);
    // Exponential smoothing: frame-rate independent, settles in about a quarter second.
    const float k = snap ? 1.0f : 1.0f - std::exp(-dt * 12.0f);
    m_eye = snap ? eye : m_eye + (eye - m_eye) * k;
    c.position = m_eye;
    c.position.y = std::max(c.position.y, 0.4f);
    m_camera = c;
}

} // namespace fg::client
