// VoiceFeature's script actions (docs/CLIENT.md): push-to-talk, mode, self mute, microphone
// test, per-person volume and silence, and the moderator's mutes. Parsing only; the state and
// the requests are VoiceFeature.cpp's.
#include "game/client/voice/VoiceFeature.h"

#include <charconv>
#include <fmt/format.h>

namespace fg::client {

namespace {

// "on" / "off" as the action's last argument; an error names the action otherwise.
Result<bool> onOff(const std::string& action, const std::string& arg) {
    if (arg == "on") return true;
    if (arg == "off") return false;
    return makeError(fmt::format("{}: expected on or off, got '{}'", action, arg));
}

Result<std::uint32_t> number(const std::string& action, const std::string& arg, std::uint32_t max) {
    std::uint32_t v = 0;
    const auto [end, ec] = std::from_chars(arg.data(), arg.data() + arg.size(), v);
    if (ec != std::errc() || end != arg.data() + arg.size() || v > max)
        return makeError(fmt::format("{}: expected a number 0-{}, got '{}'", action, max, arg));
    return v;
}

// The arguments before the last joined by spaces (a display name may have spaces).
std::string nameOf(const std::vector<std::string>& args) {
    std::string name;
    for (std::size_t i = 0; i + 1 < args.size(); ++i)
        name += (i ? " " : "") + args[i];
    return name;
}

} // namespace

Result<std::uint16_t> VoiceFeature::personNamed(const std::string& name) const {
    for (const auto& r : m_s.remotes)
        if (r.info && r.info->name == name) return r.id;
    return makeError(fmt::format("voice: nobody called \"{}\" in view", name));
}

// voice-volume NAME PERCENT, voice-silence NAME on|off, voice-mute-person NAME MINUTES|off.
Status VoiceFeature::personAction(const std::string& name, const std::vector<std::string>& args) {
    if (args.size() < 2) return makeError(name + ": expected NAME and a value");
    auto id = personNamed(nameOf(args));
    if (!id) return id.error();
    const std::string& last = args.back();
    if (name == "voice-volume") {
        auto percent = number(name, last, 200);
        if (!percent) return percent.error();
        person(*id).volume = float(*percent) / 100.0f;
        return {};
    }
    if (name == "voice-silence") {
        auto on = onOff(name, last);
        if (!on) return on.error();
        person(*id).muted = *on;
        return {};
    }
    if (last == "off") return actionRan(mutePerson(*id, false, 0), name, args);
    auto minutes = number(name, last, proto::kMaxVoiceMuteSeconds / 60);
    if (!minutes) return minutes.error();
    return actionRan(mutePerson(*id, true, *minutes * 60), name, args);
}

std::optional<Status> VoiceFeature::runAction(const std::string& name,
                                              const std::vector<std::string>& args) {
    if (name == "voice-volume" || name == "voice-silence" || name == "voice-mute-person")
        return personAction(name, args);
    if (name == "voice-mode") {
        if (Status st = needArgs(name, args, 1); !st) return st;
        if (args[0] != "ptt" && args[0] != "open")
            return makeError(fmt::format("voice-mode: expected ptt or open, got '{}'", args[0]));
        setMode(args[0] == "ptt" ? MicMode::PushToTalk : MicMode::Open);
        return Status{};
    }
    if (name == "voice-mute-audience") {
        if (Status st = needArgs(name, args, 1); !st) return st;
        if (args[0] == "off") return actionRan(muteAudience(false, 0), name, args);
        auto minutes = number(name, args[0], proto::kMaxVoiceMuteSeconds / 60);
        if (!minutes) return minutes.error();
        return actionRan(muteAudience(true, *minutes * 60), name, args);
    }
    bool* flag = name == "voice-ptt"    ? &m_scriptHeld
                 : name == "voice-mute" ? &m_selfMuted
                 : name == "voice-test" ? &m_testMic
                                        : nullptr;
    if (!flag) return std::nullopt;
    if (Status st = needArgs(name, args, 1); !st) return st;
    auto on = onOff(name, args[0]);
    if (!on) return on.error();
    *flag = *on;
    if (flag == &m_testMic && !*on) m_device->remove(kSelfTestVoice);
    return Status{};
}

} // namespace fg::client
