// The visitor's own avatar: keyboard/mouse movement, run, click-to-walk, and a smooth
// third-person camera. Pure logic driven by an input struct, so tests can move it frame by frame.
#pragma once

#include "engine/render/RenderTypes.h"
#include "game/client/WalkArea.h"
#include "game/expo/protocol/ProtocolTypes.h"

#include <glm/vec2.hpp>
#include <optional>
#include <vector>

namespace fg::client {

struct MoveInput {
    float forward = 0;    // -1..1 (W/S, up/down)
    float right = 0;      // -1..1 (D/A, right/left)
    bool run = false;     // Shift
    glm::vec2 look{0.0f}; // mouse movement in pixels while looking
};

inline constexpr float kWalkSpeed = 2.2f; // m/s
inline constexpr float kRunSpeed = 5.0f;  // m/s, under the server's 6 m/s limit

class AvatarController {
public:
    void setArea(const WalkArea* area) { m_area = area; }
    // Places the avatar (a spawn, teleport or server correction); the camera follows at once.
    void place(glm::vec2 position, float yaw, glm::vec2 hallOrigin);
    void setSensitivity(float degreesPerPixel) { m_sensitivity = degreesPerPixel; }

    // Walks to TARGET around booths (a found path, straight where clear) until near it or
    // stuck. FACE: a point to turn towards on arrival (e.g. the booth walked to).
    void walkTo(glm::vec2 target, std::optional<glm::vec2> face = std::nullopt);
    void faceTowards(glm::vec2 point);
    bool walking() const { return m_target.has_value(); }
    void update(const MoveInput& input, float dt);

    glm::vec2 position() const { return m_position; }
    float yaw() const { return m_yaw; }
    float pitch() const { return m_pitch; }
    expo::proto::Anim anim() const { return m_anim; }
    float walkPhase() const { return m_phase; }
    // The camera: behind and above the avatar, following it smoothly.
    const render::Camera& camera() const { return m_camera; }

private:
    void updateCamera(float dt, bool snap);
    // Where click-to-walk heads now: the next waypoint, or nothing when there is no walk.
    std::optional<glm::vec2> heading();
    void arrive();

    const WalkArea* m_area = nullptr;
    glm::vec2 m_position{0.0f};
    glm::vec2 m_origin{0.0f};
    float m_yaw = 0, m_pitch = -12.0f;
    float m_sensitivity = 0.15f;
    std::optional<glm::vec2> m_target, m_face; // target: the walk's end
    std::vector<glm::vec2> m_path;             // waypoints to the target, the target last
    std::size_t m_nextWaypoint = 0;
    float m_stuckTime = 0;
    expo::proto::Anim m_anim = expo::proto::Anim::Idle;
    float m_phase = 0;
    render::Camera m_camera;
    glm::vec3 m_eye{0.0f};
};

} // namespace fg::client
