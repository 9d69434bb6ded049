// fairground-bench-qna [VOTES] [PER_TICK] [DIR]: VOTES upvotes (default 200,000) from distinct
// people on 50 questions, PER_TICK (default 500) per server tick: QnaBoard::vote for each, one
// flush (a synchronous=FULL commit) and one encoded QnaQuestionUpdate per changed question per
// tick, as QnaModule does. Prints upvotes per second of CPU and of wall time. Benchmark only.
#include "engine/core/Time.h"
#include "game/expo/protocol/MessageCodec.h"
#include "server/qna/QnaBoard.h"
#include "server/store/Store.h"

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fmt/format.h>
#include <set>
#include <string>

using namespace fg;

namespace {

double cpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

int fail(const std::string& what) {
    std::fprintf(stderr, "fairground-bench-qna: %s\n", what.c_str());
    return 1;
}

} // namespace

int main(int argc, char** argv) {
    const long votes = argc > 1 ? std::stol(argv[1]) : 200000;
    const long perTick = argc > 2 ? std::stol(argv[2]) : 500;
    const std::filesystem::path dir =
        argc > 3 ? std::filesystem::path(argv[3])
                 : std::filesystem::temp_directory_path() / "fg-bench-qna";
    std::filesystem::remove_all(dir);
    auto store = store::Store::open(dir);
    if (!store) return fail(store.error().message);
    auto board = server::QnaBoard::open(**store);
    if (!board) return fail(board.error().message);
    const std::string session = "forum-5g";
    std::vector<std::uint64_t> ids;
    for (int i = 0; i < 50; ++i) {
        auto q = (*board)->ask(session, "cred:q" + std::to_string(i), "Asker",
                               fmt::format("Question number {} about spectrum?", i), false);
        if (!q) return fail(q.error().message);
        ids.push_back(std::uint64_t((*q)->rec.id));
    }
    std::size_t bytes = 0;
    std::set<std::uint64_t> dirty;
    const double cpu0 = cpuSeconds(), wall0 = monotonicSeconds();
    for (long v = 0; v < votes; ++v) {
        const std::uint64_t id = ids[std::size_t(v) % ids.size()];
        auto counted = (*board)->vote(session, id, "cred:" + std::to_string(v));
        if (!counted) return fail(counted.error().message);
        dirty.insert(id);
        if ((v + 1) % perTick != 0 && v + 1 != votes) continue;
        if (Status s = (*board)->flush(); !s) return fail(s.error().message);
        for (std::uint64_t d : dirty) {
            auto packet = expo::proto::encode(expo::proto::QnaQuestionUpdate{
                session, server::QnaBoard::info(*(*board)->question(d), false)});
            if (!packet) return fail(packet.error().message);
            bytes += packet->size();
        }
        dirty.clear();
    }
    const double cpu = cpuSeconds() - cpu0, wall = monotonicSeconds() - wall0;
    std::printf("upvotes: %ld, %ld per tick (%ld commits), %zu update bytes encoded\n", votes,
                perTick, (votes + perTick - 1) / perTick, bytes);
    std::printf("cpu  %.3f s: %.0f upvotes/s, %.1f ms per 1,000 upvotes\n", cpu,
                double(votes) / cpu, cpu * 1000.0 / double(votes) * 1000.0);
    std::printf("wall %.3f s: %.0f upvotes/s (fsync included)\n", wall, double(votes) / wall);
    board->reset();
    store->reset();
    std::filesystem::remove_all(dir);
    return 0;
}
