// fairground-bench-store: figures for the server's store and interaction rules (durable lead
// writes, token checks, batched analytics, visit tracking at event scale). Prints; asserts nothing.
#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "server/interactions/Interactions.h"
#include "server/store/Store.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

using namespace fg;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// A hall of ROWS x COLS size-M booths (6 x 3 m) on a 10 x 8 m grid, every other row rotated.
expo::Exhibition syntheticExhibition(int rows, int cols) {
    expo::Exhibition ex;
    expo::Hall hall;
    hall.id = "main";
    hall.size = {float(cols * 10 + 10), float(rows * 8 + 10)};
    ex.halls.push_back(hall);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            expo::Booth b;
            b.id = "b" + std::to_string(r * cols + c);
            b.exhibitor = "e" + std::to_string(r * cols + c);
            b.hall = "main";
            b.size = expo::BoothSize::M;
            b.position = {float(c * 10 + 10), float(r * 8 + 8)};
            b.rotation = r % 2 ? 180 : 0;
            ex.booths.push_back(b);
        }
    return ex;
}

void benchLeads(store::Store& db, int count) {
    std::vector<double> ms;
    for (int i = 0; i < count; ++i) {
        double t0 = monotonicSeconds();
        (void)db.addLead(
            {0, "b1", "e1", "Name " + std::to_string(i), "Org", "a@b.cd", "hi", true, 0});
        ms.push_back((monotonicSeconds() - t0) * 1000);
    }
    std::printf("addLead (own commit, synchronous=FULL): %d writes, median %.3f ms, max %.3f ms\n",
                count, median(ms), *std::max_element(ms.begin(), ms.end()));
}

void benchTokens(store::Store& db, int count) {
    auto issued = db.issueCredential(store::Role::Exhibitor, "e1", "bench");
    double t0 = monotonicSeconds();
    int ok = 0;
    for (int i = 0; i < count; ++i)
        ok += db.verifyToken(issued->token).ok() ? 1 : 0;
    double s = monotonicSeconds() - t0;
    std::printf("verifyToken: %d checks (%d ok) in %.3f s = %.0f per second\n", count, ok, s,
                count / s);
}

void benchAnalytics(store::Store& db, int count) {
    double t0 = monotonicSeconds();
    for (int i = 0; i < count; ++i)
        db.recordVisit("b" + std::to_string(i % 500), "v" + std::to_string(i));
    auto flushed = db.flush();
    double s = monotonicSeconds() - t0;
    std::printf("recordVisit + flush (batches of 256): %d events in %.3f s = %.0f per second\n",
                count, s, count / s);
    (void)flushed;
}

void benchVisits(store::Store& db, int visitors, int ticks) {
    expo::Exhibition ex = syntheticExhibition(20, 25); // 500 booths
    interact::Interactions in(db, ex);
    std::vector<interact::Actor> actors;
    for (int i = 0; i < visitors; ++i)
        actors.push_back({std::uint32_t(i + 1), "v" + std::to_string(i), store::Role::Visitor, "",
                          "k" + std::to_string(i), ""});
    const glm::vec2 size = ex.halls[0].size;
    double t0 = monotonicSeconds();
    std::size_t events = 0;
    for (int t = 0; t < ticks; ++t)
        for (int i = 0; i < visitors; ++i) {
            // Each visitor walks a diagonal line through the hall at 1.4 m/s, 20 Hz.
            float d = 0.07f * float(t) + float(i) * 3.1f;
            glm::vec2 p{std::fmod(d, size.x), std::fmod(d * 0.6f + float(i), size.y)};
            events += in.updatePosition(actors[size_t(i)], "main", p, t * 0.05).size();
        }
    (void)db.flush();
    double s = monotonicSeconds() - t0;
    double updates = double(visitors) * ticks;
    std::printf(
        "visit tracking, 500 booths: %d visitors x %d ticks = %.0f updates in %.3f s = "
        "%.2f M updates/s (%.1f us per 20 Hz tick of all visitors), %zu enter/leave events\n",
        visitors, ticks, updates, s, updates / s / 1e6, s / ticks * 1e6, events);
}

} // namespace

int main(int argc, char** argv) {
    log::setLevel(log::Level::Warn);
    std::filesystem::path dir = argc > 1 ? std::filesystem::path(argv[1])
                                         : std::filesystem::temp_directory_path() /
                                               ("fg-bench-store-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    auto db = store::Store::open(dir);
    if (!db) {
        std::fprintf(stderr, "fairground-bench-store: %s\n", db.error().message.c_str());
        return 1;
    }
    std::printf("database: %s\n", (dir / "fairground.db").c_str());
    benchLeads(**db, 200);
    benchTokens(**db, 20000);
    benchAnalytics(**db, 100000);
    benchVisits(**db, 4000, 200);
    db->reset();
    std::filesystem::remove_all(dir);
    return 0;
}
