// Parser of --script files and the player that releases events frame by frame.
// Never executes anything itself; a bad line is an error naming the file and line.
#include "game/client/InputScript.h"

#include "engine/core/File.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <fmt/format.h>
#include <sstream>

namespace fg::client {
namespace {

constexpr std::array<std::string_view, 25> kKeys{
    "w",   "a",     "s",   "d", "q", "e", "up", "down", "left", "right", "shift", "space",
    "esc", "enter", "tab", "n", "b", "o", "g",  "j",    "f1",   "f2",    "f3",    "f4", "v"};

std::vector<std::string> words(std::string_view line) {
    std::vector<std::string> out;
    std::istringstream in{std::string(line)};
    std::string w;
    while (in >> w)
        out.push_back(w);
    return out;
}

bool parseFloat(const std::string& text, float& out) {
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end;
}

Status parseBody(const std::vector<std::string>& w, ScriptEvent& e, const std::string& where) {
    const std::string& word = w[1];
    if (word == "key") {
        const bool press = w.size() == 3;
        if ((w.size() != 4 && !press) || !isScriptKey(w[2]) ||
            (!press && w[3] != "down" && w[3] != "up"))
            return makeError(where + ": expected 'key NAME [down|up]' with a known key name");
        e.kind = press            ? ScriptEventKind::KeyPress
                 : w[3] == "down" ? ScriptEventKind::KeyDown
                                  : ScriptEventKind::KeyUp;
        e.name = w[2];
        return {};
    }
    if (word == "mouse" || word == "click") {
        if (w.size() != 4 || !parseFloat(w[2], e.x) || !parseFloat(w[3], e.y))
            return makeError(fmt::format("{}: expected '{} X Y' with two numbers", where, word));
        e.kind = word == "mouse" ? ScriptEventKind::MouseMove : ScriptEventKind::Click;
        return {};
    }
    e.kind = ScriptEventKind::Action;
    e.name = word;
    e.args.assign(w.begin() + 2, w.end());
    return {};
}

} // namespace

bool isScriptKey(std::string_view name) {
    return std::find(kKeys.begin(), kKeys.end(), name) != kKeys.end();
}

Result<std::vector<ScriptEvent>> parseInputScript(std::string_view text, const std::string& label) {
    std::vector<ScriptEvent> events;
    std::uint64_t lastFrame = 0;
    int lineNo = 0;
    std::istringstream in{std::string(text)};
    for (std::string line; std::getline(in, line);) {
        ++lineNo;
        if (auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
        const auto w = words(line);
        if (w.empty()) continue;
        const std::string where = fmt::format("{}: line {}", label, lineNo);
        ScriptEvent e;
        e.line = lineNo;
        auto [ptr, ec] = std::from_chars(w[0].data(), w[0].data() + w[0].size(), e.frame);
        if (ec != std::errc() || ptr != w[0].data() + w[0].size())
            return makeError(
                fmt::format("{}: expected a frame number first, found '{}'", where, w[0]));
        if (w.size() < 2) return makeError(where + ": expected an event after the frame number");
        if (e.frame < lastFrame)
            return makeError(fmt::format("{}: frame {} comes before frame {} of an earlier line",
                                         where, e.frame, lastFrame));
        lastFrame = e.frame;
        if (auto s = parseBody(w, e, where); !s) return s.error();
        events.push_back(std::move(e));
    }
    return events;
}

Result<std::vector<ScriptEvent>> loadInputScript(const std::string& file) {
    auto text = readFileText(file, 4 << 20);
    if (!text) return text.error();
    return parseInputScript(*text, file);
}

std::vector<ScriptEvent> ScriptPlayer::due(std::uint64_t frame) {
    std::vector<ScriptEvent> out;
    while (m_next < m_events.size() && m_events[m_next].frame <= frame)
        out.push_back(m_events[m_next++]);
    return out;
}

} // namespace fg::client
