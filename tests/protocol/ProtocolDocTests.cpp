// Checks docs/PROTOCOL.md's message tables against the message structs: every message's number,
// name, direction and channel, both ways. Reads the doc only; never edits it.
#include "game/expo/protocol/MessageCodec.h"

#include <doctest/doctest.h>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

using namespace fg::expo::proto;

namespace {

struct DocRow {
    std::string name, direction;
    int channel = -1;
};

// Rows of the form "| 12 | `OpenItem` | C→S | 0 | fields |", by message number.
std::map<std::size_t, DocRow> documentedMessages() {
    std::ifstream in(std::string(FG_SOURCE_DIR) + "/docs/PROTOCOL.md");
    REQUIRE_MESSAGE(in, "docs/PROTOCOL.md not found");
    std::map<std::size_t, DocRow> rows;
    const std::regex row(R"(^\| (\d+) \| `(\w+)` \| ([^|]+) \| (\d+) \|)");
    std::string line;
    while (std::getline(in, line)) {
        std::smatch m;
        if (!std::regex_search(line, m, row)) continue;
        std::size_t number = std::stoul(m[1]);
        CHECK_MESSAGE(!rows.count(number), "message ", number, " documented twice");
        std::string dir = m[3];
        while (!dir.empty() && dir.back() == ' ')
            dir.pop_back();
        rows[number] = DocRow{m[2], dir, std::stoi(m[4])};
    }
    return rows;
}

} // namespace

TEST_CASE("protocol doc: the message tables match the message structs") {
    auto rows = documentedMessages();
    CHECK(rows.size() == kMessageCount);
    for (std::size_t type = 0; type < kMessageCount; ++type) {
        CAPTURE(type);
        CAPTURE(messageName(type));
        auto it = rows.find(type);
        if (it == rows.end()) {
            FAIL_CHECK("message missing from docs/PROTOCOL.md");
            continue;
        }
        CHECK(it->second.name == messageName(type));
        CHECK(it->second.direction == toString(messageDirection(type)));
        CHECK(it->second.channel == int(messageChannel(type)));
    }
    for (const auto& [number, row] : rows)
        CHECK_MESSAGE(number < kMessageCount, "docs list message ", number, " `", row.name,
                      "` that the code does not have");
}

TEST_CASE("protocol: message traits come from the structs") {
    CHECK(std::string(Hello::kName) == "Hello");
    CHECK(messageIndex<Hello>() == 0);
    CHECK(messageIndex<BoothFetchReply>() == 35);
    CHECK(channelOf(Message{Input{}}) == fg::net::kChannelPresence);
    CHECK(channelOf(Message{UploadChunk{}}) == fg::net::kChannelBulk);
    CHECK(int(messageDirection(messageIndex<StaffPresence>())) == int(Direction::Both));
    CHECK(std::string(messageName(kMessageCount)) == "Unknown");
}
