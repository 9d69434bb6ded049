// Test fixture for the meetings slice: TestWorld's exhibition moved to the coming days, with
// meeting hours on acme's booth (09:00-12:00, 30 min, 1 table, tomorrow and the day after) and
// globex's (09:00-11:00, 15 min, 2 tables, every day). Test helper only.
#pragma once

#include "server/store/Store.h"
#include "tests/server_net/TestWorld.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace fg::test {

// 00:00Z of the day OFFSET days from today.
inline UnixSeconds meetingDay(int offset) {
    return (unixNow() / 86400 + offset) * 86400;
}

// The slot of DAY (offset from today) at HH:MM UTC.
inline UnixSeconds slotAt(int day, int hour, int minute) {
    return meetingDay(day) + hour * 3600 + minute * 60;
}

inline std::string meetingExhibitionJson() {
    auto j = nlohmann::json::parse(testExhibitionJson());
    j["event"]["opens"] = formatDate(meetingDay(1));
    j["event"]["closes"] = formatDate(meetingDay(3));
    j["booths"][0]["meetings"] = {{"days", {formatDate(meetingDay(1)), formatDate(meetingDay(2))}},
                                  {"from", "09:00"},
                                  {"to", "12:00"},
                                  {"slot_minutes", 30}};
    j["booths"][1]["meetings"] = {
        {"from", "09:00"}, {"to", "11:00"}, {"slot_minutes", 15}, {"tables", 2}};
    return j.dump(2);
}

// Writes the exhibition into DIR (TestWorld's, then the meeting version over it).
inline std::filesystem::path writeMeetingExhibition(const std::filesystem::path& dir) {
    auto path = writeTestExhibition(dir);
    REQUIRE(writeFileAtomic(path, meetingExhibitionJson()).ok());
    return path;
}

struct MeetingServer {
    std::filesystem::path dir;
    std::unique_ptr<server::ServerApp> app;

    MeetingServer() {
        dir = makeTempDir("meetings");
        app = startServer(writeMeetingExhibition(dir), dir / "data");
    }
    ~MeetingServer() {
        app.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    void restart() {
        app.reset();
        app = startServer(dir / "exhibition.json", dir / "data");
    }
    // A connected exhibitor of EXHIBITOR named NAME (token from the store).
    std::unique_ptr<TestClient> staff(const std::string& exhibitor, const std::string& name,
                                      const Clients& others = {}) {
        auto token = app->store().issueCredential(store::Role::Exhibitor, exhibitor, name);
        REQUIRE(token.ok());
        auto cfg = visitor(app->port(), name);
        cfg.hello.role = proto::Role::Exhibitor;
        cfg.hello.credential = token->token;
        auto c = connectClient(*app, cfg, others);
        REQUIRE((c->net->state() == netclient::ClientState::Joined));
        return c;
    }
};

} // namespace fg::test
