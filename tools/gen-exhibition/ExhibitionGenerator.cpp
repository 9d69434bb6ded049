// Builds synthetic exhibitions that satisfy every rule of docs/EXHIBITION_FORMAT.md by layout:
// a grid of 8 m cells holds any booth at any rotation without overlap. No validation here.
#include "tools/gen-exhibition/ExhibitionGenerator.h"

#include "engine/core/File.h"
#include "game/expo/ExhibitionJson.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <random>

namespace fg::expo {
namespace {

constexpr float kCell = 8.0f;                 // a cell fits a 6 x 6 m booth with a 2 m aisle
constexpr float kMargin = 4.0f;               // between the walls and the booth grid
constexpr float kFrontDepth = 24.0f;          // strip along the south wall for the stage and room
constexpr float kHallGap = 20.0f;             // between halls in the world
constexpr int kMaxCols = 124, kMaxRows = 121; // keeps a hall within 1000 m

constexpr const char* kCountries[] = {"KR", "JP", "DE", "FR", "US", "GB", "IN", "SG", "TH", "ID",
                                      "MY", "PH", "AU", "CA", "BR", "ZA", "NG", "KE", "EG", "AE"};
constexpr const char* kSectors[] = {"Telecoms", "Cloud",   "Security",    "AI",
                                    "IoT",      "Fintech", "Health tech", "Smart cities"};

// Deterministic on every platform (std distributions are not), which benchmarks rely on.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_engine(seed) {}
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(m_engine() % n); }

private:
    std::mt19937_64 m_engine;
};

struct HallPlan {
    int firstBooth = 0, boothCount = 0;
    int cols = 0, rows = 0;
    std::vector<int> pavilions; // indices into Exhibition::pavilions
    int rowsPerPavilion = 1;
};

Hall makeHall(int index, const HallPlan& plan, float originX) {
    Hall h;
    h.id = fmt::format("hall-{}", index + 1);
    h.name = fmt::format("Hall {}", index + 1);
    float width = std::max(48.0f, plan.cols * kCell + 2 * kMargin);
    h.size = {width, kFrontDepth + plan.rows * kCell + kMargin};
    h.origin = {originX, 0.0f};
    h.wallHeight = 8.0f;
    h.entrances.push_back({Wall::South, width * 0.5f, 6.0f});
    h.spawn = {{width * 0.5f, kFrontDepth - 3.0f}, 0.0f};
    h.venues.push_back({fmt::format("stage-{}", index + 1),
                        fmt::format("Main stage {}", index + 1),
                        {},
                        VenueKind::Stage,
                        Rect{4, 4, 20, 14},
                        500});
    h.venues.push_back({fmt::format("room-{}", index + 1),
                        fmt::format("Room {}", index + 1),
                        {},
                        VenueKind::Room,
                        Rect{28, 4, 12, 14},
                        80});
    return h;
}

Result<std::vector<HallPlan>> planHalls(const GenOptions& o) {
    std::vector<HallPlan> plans(static_cast<std::size_t>(o.halls));
    for (int p = 0; p < o.pavilions; ++p)
        plans[static_cast<std::size_t>(p % o.halls)].pavilions.push_back(p);
    for (int h = 0; h < o.halls; ++h) {
        HallPlan& plan = plans[static_cast<std::size_t>(h)];
        plan.firstBooth = static_cast<int>(static_cast<std::int64_t>(o.booths) * h / o.halls);
        plan.boothCount =
            static_cast<int>(static_cast<std::int64_t>(o.booths) * (h + 1) / o.halls) -
            plan.firstBooth;
        plan.cols =
            std::clamp(static_cast<int>(std::ceil(std::sqrt(plan.boothCount))), 4, kMaxCols);
        int pavCount = static_cast<int>(plan.pavilions.size());
        plan.rows = std::max((plan.boothCount + plan.cols - 1) / plan.cols, std::max(pavCount, 1));
        if (plan.rows > kMaxRows)
            return makeError(fmt::format("hall {} would need {} rows of booths (at most {}): use "
                                         "more --halls or fewer --pavilions",
                                         h + 1, plan.rows, kMaxRows));
        if (pavCount > 0) plan.rowsPerPavilion = std::max(1, plan.rows / 2 / pavCount);
    }
    return plans;
}

Pavilion makePavilion(int index, const Hall& hall, const HallPlan& plan, int slot) {
    Pavilion p;
    bool host = index == 0;
    p.country = host ? "VN" : kCountries[(index - 1) % std::size(kCountries)];
    p.id = fmt::format("pav-{}", index + 1);
    p.name = host ? "Viet Nam pavilion" : fmt::format("{} pavilion {}", p.country, index + 1);
    p.hall = hall.id;
    p.rect = Rect{kMargin, kFrontDepth + slot * plan.rowsPerPavilion * kCell, plan.cols * kCell,
                  plan.rowsPerPavilion * kCell};
    auto shade = static_cast<std::uint8_t>(40 + (index * 37) % 200);
    p.colors = {Color{shade, 200, 220}, Color{200, shade, 40}};
    p.flag = kGenFlag;
    p.host = host;
    return p;
}

Exhibitor makeExhibitor(int n, const std::string& country, Rng& rng) {
    Exhibitor e;
    e.id = fmt::format("ex-{:05}", n);
    e.name = fmt::format("Company {:05}", n);
    e.country = country;
    e.sector = kSectors[rng.below(std::size(kSectors))];
    e.description = fmt::format("{} builds {} products for the digital economy.", e.name, e.sector);
    e.website = fmt::format("https://company{:05}.example.com", n);
    e.email = fmt::format("info@company{:05}.example.com", n);
    e.logo = kGenLogo;
    e.sme = rng.below(2) == 0;
    return e;
}

BoothContent makeContent(const Booth& b, const std::string& company, Rng& rng) {
    const SizeTemplate& t = sizeTemplate(b.size);
    BoothContent c;
    std::uint32_t posters = 1 + rng.below(t.maxPosters);
    for (std::uint32_t s = 0; s < posters; ++s)
        c.posters.push_back({s, kGenPoster});
    if (b.kind == BoothKind::ThreeD) {
        std::uint32_t models = 1 + rng.below(t.maxModels);
        for (std::uint32_t m = 0; m < models; ++m)
            c.models.push_back({kGenModel,
                                {0.5f * static_cast<float>(m) - 0.5f, 0.0f, 0.25f},
                                {0.0f, 90.0f * static_cast<float>(m), 0.0f},
                                {1.0f, 1.5f, 1.0f}});
    }
    c.signs.push_back(company.substr(0, 48));
    c.documents.push_back({"Product brochure", kGenBrochure});
    c.links.push_back({"Website", fmt::format("https://{}.example.com/products", b.id)});
    if (rng.below(2) == 0)
        c.videos.push_back(
            {"Company film", fmt::format("https://video.example.com/{}", b.id), kGenPoster});
    return c;
}

void addBooths(Exhibition& ex, const Hall& hall, const HallPlan& plan, Rng& rng) {
    for (int j = 0; j < plan.boothCount; ++j) {
        int n = plan.firstBooth + j + 1;
        int row = j / plan.cols, col = j % plan.cols;
        Booth b;
        b.id = fmt::format("booth-{:05}", n);
        b.hall = hall.id;
        int pavSlot = row / plan.rowsPerPavilion;
        std::string country = kCountries[rng.below(std::size(kCountries))];
        if (!plan.pavilions.empty() && pavSlot < static_cast<int>(plan.pavilions.size())) {
            const Pavilion& pav = ex.pavilions[static_cast<std::size_t>(
                plan.pavilions[static_cast<std::size_t>(pavSlot)])];
            b.pavilion = pav.id;
            country = pav.country;
        }
        ex.exhibitors.push_back(makeExhibitor(n, country, rng));
        b.exhibitor = ex.exhibitors.back().id;
        b.kind = rng.below(5) < 2 ? BoothKind::ThreeD : BoothKind::TwoD;
        b.size = static_cast<BoothSize>(rng.below(3));
        b.rotation = 90 * static_cast<int>(rng.below(4));
        b.position = {kMargin + col * kCell + kCell * 0.5f,
                      kFrontDepth + row * kCell + kCell * 0.5f};
        b.content = makeContent(b, ex.exhibitors.back().name, rng);
        ex.booths.push_back(std::move(b));
    }
}

void addProgramme(Exhibition& ex) {
    int n = 0;
    for (UnixSeconds day = ex.event.opens; day <= ex.event.closes; day += 86400) {
        for (const Hall& h : ex.halls) {
            for (int slot = 0; slot < 4; ++slot) {
                UnixSeconds start = day + (2 + 2 * slot) * 3600; // 02:00Z = 09:00 in Ha Noi
                bool stage = slot % 2 == 0;
                Session s;
                s.id = fmt::format("session-{}", ++n);
                bool lastDay = day + 86400 > ex.event.closes;
                s.kind = !stage      ? SessionKind::Masterclass
                         : slot == 0 ? SessionKind::Forum
                         : lastDay   ? SessionKind::Awards
                                     : SessionKind::Roundtable;
                s.title = fmt::format("{} session {}", toString(s.kind), n);
                s.start = start;
                s.end = start + 90 * 60;
                s.venue = h.venues[stage ? 0 : 1].id;
                s.speakers = {{fmt::format("Speaker {}", n), {}, {}, {}, {}}};
                s.moderator = expo::Speaker{fmt::format("Moderator {}", n), {}, {}, {}, {}};
                s.description = "Generated programme item.";
                ex.sessions.push_back(std::move(s));
            }
        }
    }
}

void addAwards(Exhibition& ex) {
    const char* kNames[] = {"Best SME innovation", "Best 5G solution", "Best smart city project"};
    std::size_t step = std::max<std::size_t>(1, ex.booths.size() / 15);
    for (std::size_t a = 0; a < std::size(kNames) && a < ex.booths.size(); ++a) {
        AwardCategory cat{fmt::format("award-{}", a + 1), kNames[a], {}};
        for (std::size_t i = a; i < ex.booths.size() && cat.finalists.size() < 5; i += step * 3)
            cat.finalists.push_back(ex.booths[i].id);
        ex.awards.push_back(std::move(cat));
    }
}

} // namespace

Result<Exhibition> generateExhibition(const GenOptions& o) {
    if (o.halls < 1 || o.booths < 0 || o.pavilions < 0)
        return makeError("generator: need --halls >= 1, --booths >= 0, --pavilions >= 0");
    auto plans = planHalls(o);
    if (!plans) return plans.error();
    Exhibition ex;
    ex.event = {"Generated World Expo", "Fairground generator",   "VN",
                "Asia/Ho_Chi_Minh",     *parseDate("2021-10-12"), *parseDate("2021-10-14")};
    Rng rng(o.seed);
    float originX = 0;
    for (int h = 0; h < o.halls; ++h) {
        ex.halls.push_back(makeHall(h, (*plans)[static_cast<std::size_t>(h)], originX));
        originX += ex.halls.back().size.x + kHallGap;
    }
    ex.pavilions.resize(static_cast<std::size_t>(o.pavilions));
    for (int h = 0; h < o.halls; ++h) {
        const HallPlan& plan = (*plans)[static_cast<std::size_t>(h)];
        for (std::size_t slot = 0; slot < plan.pavilions.size(); ++slot) {
            int p = plan.pavilions[slot];
            ex.pavilions[static_cast<std::size_t>(p)] = makePavilion(
                p, ex.halls[static_cast<std::size_t>(h)], plan, static_cast<int>(slot));
        }
    }
    for (int h = 0; h < o.halls; ++h)
        addBooths(ex, ex.halls[static_cast<std::size_t>(h)], (*plans)[static_cast<std::size_t>(h)],
                  rng);
    addProgramme(ex);
    addAwards(ex);
    return ex;
}

Status writeGeneratedMedia(const std::filesystem::path& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir / "media", ec);
    if (ec)
        return makeError(
            fmt::format("{}: cannot create folder: {}", (dir / "media").string(), ec.message()));
    auto png = [](Color c) { return makeSolidPng(4, 4, c); };
    const std::pair<const char*, std::vector<std::uint8_t>> images[] = {
        {kGenPoster, png({230, 120, 30})},
        {kGenLogo, png({20, 60, 160})},
        {kGenFlag, png({218, 37, 29})}};
    for (const auto& [path, bytes] : images)
        if (auto st = writeFileAtomic(dir / path, bytes); !st) return st;
    if (auto st = writeFileAtomic(dir / kGenModel, std::string_view(makeCubeObj())); !st) return st;
    return writeFileAtomic(dir / kGenBrochure,
                           std::string_view("Generated brochure for fairground benchmarks.\n"));
}

Status writeGeneratedExhibition(const GenOptions& options, const std::filesystem::path& dir) {
    auto ex = generateExhibition(options);
    if (!ex) return ex.error();
    if (auto st = writeGeneratedMedia(dir); !st) return st;
    return saveExhibition(*ex, dir / "exhibition.json");
}

} // namespace fg::expo
