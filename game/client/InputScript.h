// Timed input for testing the client like a person: keys, mouse moves, clicks and named UI
// actions, each at a frame number. Parsing only; the app decides what each event does.
#pragma once

#include "engine/core/Result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fg::client {

enum class ScriptEventKind : std::uint8_t {
    KeyDown,   // key NAME down
    KeyUp,     // key NAME up
    KeyPress,  // key NAME   (down this frame, up the next: one press)
    MouseMove, // mouse DX DY   (relative, like moving the mouse while looking)
    Click,     // click X Y     (left click at a window pixel)
    Action,    // any other word: a named UI action with its arguments (open-booth b-001)
};

struct ScriptEvent {
    std::uint64_t frame = 0;
    ScriptEventKind kind = ScriptEventKind::Action;
    std::string name;              // key name or action name
    std::vector<std::string> args; // action arguments
    float x = 0, y = 0;            // mouse delta or click position
    int line = 0;                  // for messages
};

// Script frames count the frames rendered while connected (see ClientApp).
// Script text: one event per line, "FRAME WORD ARGS...", '#' starts a comment, blank lines
// ignored, frames must not decrease. Keys: w a s d q e up down left right shift space esc enter
// tab n b o g j f1 f2 f3 f4 ("key NAME" alone is a press: down now, up on the next frame).
// Errors name LABEL and the line.
Result<std::vector<ScriptEvent>> parseInputScript(std::string_view text, const std::string& label);
Result<std::vector<ScriptEvent>> loadInputScript(const std::string& file);
bool isScriptKey(std::string_view name);

// Hands out events as frames pass.
class ScriptPlayer {
public:
    explicit ScriptPlayer(std::vector<ScriptEvent> events = {}) : m_events(std::move(events)) {}
    // Events whose frame is <= FRAME and not yet returned.
    std::vector<ScriptEvent> due(std::uint64_t frame);
    bool finished() const { return m_next >= m_events.size(); }
    // The next event not yet returned (nullptr when finished), whatever its frame; skip() drops it.
    const ScriptEvent* peek() const { return finished() ? nullptr : &m_events[m_next]; }
    void skip() { m_next += finished() ? 0 : 1; }
    std::size_t size() const { return m_events.size(); }

private:
    std::vector<ScriptEvent> m_events;
    std::size_t m_next = 0;
};

} // namespace fg::client
