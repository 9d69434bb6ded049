// A scripted ConsoleHost for console tests: fixed visitors and halls, and a log of every call
// the console made, so tests check what the live server would have been asked to do.
#pragma once

#include "game/expo/Exhibition.h"
#include "server/console/ConsoleHost.h"

#include <algorithm>
#include <string>
#include <vector>

namespace fg::test {

class FakeHost : public console::ConsoleHost {
public:
    explicit FakeHost(expo::Exhibition ex) : m_exhibition(std::move(ex)) {
        for (const auto& h : m_exhibition.halls)
            hallList.push_back({h.id, h.name, true, 0});
    }

    console::ServerStats stats() const override { return serverStats; }
    std::vector<console::HallStatus> halls() const override { return hallList; }
    std::vector<console::VisitorInfo> visitors() const override { return people; }
    const expo::Exhibition& exhibition() const override { return m_exhibition; }

    Status kick(std::uint32_t id, std::string_view reason) override {
        return drop(id, "kick", reason);
    }
    Status disconnectBanned(std::uint32_t id, std::string_view reason) override {
        return drop(id, "ban", reason);
    }
    Status setMuted(std::uint32_t id, bool muted) override {
        for (auto& v : people)
            if (v.id == id) {
                v.muted = muted;
                calls.push_back((muted ? "mute " : "unmute ") + std::to_string(id));
                return {};
            }
        return makeError("mute: no visitor");
    }
    Status announce(std::string_view hall, std::string_view text) override {
        calls.push_back("announce [" + std::string(hall) + "] " + std::string(text));
        return {};
    }
    Status setHallOpen(std::string_view hall, bool open) override {
        for (auto& h : hallList)
            if (h.id == hall) h.open = open;
        calls.push_back(std::string(open ? "open " : "close ") + std::string(hall));
        return {};
    }
    Status requestSave() override {
        calls.push_back("save");
        return {};
    }
    Result<std::string> reloadExhibition() override {
        calls.push_back("reload");
        if (!reloadError.empty()) return makeError(reloadError);
        return std::string("reloaded: revision 2");
    }
    Status shutdown(std::uint32_t seconds) override {
        calls.push_back("shutdown " + std::to_string(seconds));
        return {};
    }

    console::ServerStats serverStats;
    std::vector<console::HallStatus> hallList;
    std::vector<console::VisitorInfo> people;
    std::vector<std::string> calls;
    std::string reloadError;

private:
    Status drop(std::uint32_t id, const char* what, std::string_view reason) {
        auto it = std::find_if(people.begin(), people.end(), [&](auto& v) { return v.id == id; });
        if (it == people.end()) return makeError(std::string(what) + ": no visitor");
        calls.push_back(std::string(what) + " " + std::to_string(id) + " " + std::string(reason));
        people.erase(it);
        return {};
    }
    expo::Exhibition m_exhibition;
};

} // namespace fg::test
