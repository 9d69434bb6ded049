// ChatLog's stable line ids (find, the lines around one, remove) and ReportLog: a report keeps
// its copy of the line and context after the chat log drops them; decisions close it once.
#include "server/store/ChatLog.h"
#include "server/store/ReportLog.h"
#include "server/store/Store.h"
#include "tests/store/TempDir.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace fg::store;

namespace {
ChatRecord said(const std::string& room, int n) {
    return ChatRecord{
        0, room, fmt::format("V{}", n), "visitor", 1000 + n, fmt::format("line {}", n), 500 + n};
}
} // namespace

TEST_CASE("chat log: lines by stable id, the lines around one, removal") {
    fg::test::TempDir dir("linelog");
    auto store = Store::open(dir.path());
    REQUIRE(store);
    auto log = ChatLog::open(**store, 50);
    REQUIRE(log);
    for (int n = 1; n <= 9; ++n)
        REQUIRE((*log)->append(said(n % 3 == 0 ? "booth:b" : "hall:h", n)));
    auto five = (*log)->find(505);
    REQUIRE(five);
    REQUIRE(five->has_value());
    CHECK((*five)->text == "line 5");
    CHECK((*five)->room == "hall:h");
    auto around = (*log)->around(**five, 2, 2);
    REQUIRE(around);
    std::vector<std::string> texts;
    for (const auto& r : *around)
        texts.push_back(r.text);
    CHECK(texts == std::vector<std::string>{"line 2", "line 4", "line 5", "line 7", "line 8"});
    CHECK(*(*log)->remove(505) == 1);
    CHECK(*(*log)->remove(505) == 0);
    CHECK_FALSE((*log)->find(505)->has_value());
    CHECK_FALSE((*log)->find(0)->has_value()); // lines stored before ids have none
    CHECK((*log)->recent("hall:h", 50)->size() == 5);
}

TEST_CASE("report log: a report keeps its line and context, deciding closes it once") {
    fg::test::TempDir dir("reportlog");
    std::int64_t id = 0;
    {
        auto store = Store::open(dir.path());
        REQUIRE(store);
        auto reports = ReportLog::open(**store);
        REQUIRE(reports);
        ReportRecord r;
        r.line = said("hall:h", 2);
        r.reporterName = "Minh";
        r.reason = "insults";
        r.reportedMs = 99;
        r.context = {said("hall:h", 1), said("hall:h", 2), said("hall:h", 3)};
        auto added = (*reports)->add(r);
        REQUIRE(added);
        id = *added;
    }
    auto store = Store::open(dir.path());
    REQUIRE(store);
    auto reports = ReportLog::open(**store);
    REQUIRE(reports);
    auto open = (*reports)->pending();
    REQUIRE(open);
    REQUIRE(open->size() == 1);
    const ReportRecord& r = open->front();
    CHECK(r.id == id);
    CHECK(r.line.lineId == 502);
    CHECK(r.line.room == "hall:h");
    CHECK(r.line.senderName == "V2");
    CHECK(r.reporterName == "Minh");
    REQUIRE(r.context.size() == 3);
    CHECK(r.context[2].text == "line 3");
    CHECK(r.context[2].lineId == 503);
    REQUIRE((*reports)->decide(id, ReportState::Dismissed, "Boss"));
    auto again = (*reports)->decide(id, ReportState::Resolved, "Boss");
    REQUIRE_FALSE(again);
    CHECK(again.error().message == fmt::format("report #{} is not open", id));
    CHECK((*reports)->pending()->empty());
    CHECK(((*(*reports)->find(id))->state == ReportState::Dismissed));
}
