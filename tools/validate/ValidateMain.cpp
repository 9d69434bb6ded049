// fairground-validate: loads an exhibition, prints a summary (exit 0) or every problem (exit 1).
// Reads only; never writes or fixes the exhibition. Exit 2 is reserved for bad arguments.
#include "game/expo/ExhibitionJson.h"

#include <CLI/CLI.hpp>
#include <array>
#include <cstdio>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace {

using fg::expo::Exhibition;
using fg::expo::LoadReport;

std::size_t count3d(const Exhibition& ex) {
    std::size_t n = 0;
    for (const auto& b : ex.booths)
        n += b.kind == fg::expo::BoothKind::ThreeD;
    return n;
}

std::string sessionSummary(const Exhibition& ex) {
    std::array<std::size_t, 4> byKind{};
    for (const auto& s : ex.sessions)
        ++byKind[static_cast<std::size_t>(s.kind)];
    std::string out;
    for (std::size_t k = 0; k < byKind.size(); ++k) {
        if (byKind[k] == 0) continue;
        out += fmt::format("{}{} {}", out.empty() ? "" : ", ", byKind[k],
                           fg::expo::toString(static_cast<fg::expo::SessionKind>(k)));
    }
    return out.empty() ? "none" : out;
}

void printSummary(const std::string& file, const Exhibition& ex) {
    std::size_t threeD = count3d(ex);
    std::size_t venues = 0;
    for (const auto& h : ex.halls)
        venues += h.venues.size();
    fmt::print("{}: ok\n", file);
    fmt::print("  event:      {} ({} to {})\n", ex.event.name, fg::formatDate(ex.event.opens),
               fg::formatDate(ex.event.closes));
    fmt::print("  halls:      {} ({} venues)\n", ex.halls.size(), venues);
    fmt::print("  pavilions:  {}\n", ex.pavilions.size());
    fmt::print("  exhibitors: {}\n", ex.exhibitors.size());
    fmt::print("  booths:     {} ({} 2D, {} 3D)\n", ex.booths.size(), ex.booths.size() - threeD,
               threeD);
    fmt::print("  sessions:   {} ({})\n", ex.sessions.size(), sessionSummary(ex));
    fmt::print("  awards:     {} categories\n", ex.awards.size());
}

void printJson(const LoadReport& report) {
    static const Exhibition kEmpty;
    const Exhibition& ex = report.exhibition ? *report.exhibition : kEmpty;
    nlohmann::ordered_json errors = nlohmann::ordered_json::array();
    for (const auto& p : report.problems)
        errors.push_back({{"file", p.file}, {"path", p.path}, {"message", p.message}});
    nlohmann::ordered_json out = {{"ok", report.ok()},
                                  {"halls", ex.halls.size()},
                                  {"pavilions", ex.pavilions.size()},
                                  {"exhibitors", ex.exhibitors.size()},
                                  {"booths", ex.booths.size()},
                                  {"booths_3d", count3d(ex)},
                                  {"sessions", ex.sessions.size()},
                                  {"errors", errors}};
    fmt::print("{}\n", out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Checks an exhibition file (docs/EXHIBITION_FORMAT.md) and reports every problem.",
                 "fairground-validate"};
    std::string path;
    bool json = false;
    app.add_flag("--json", json, "print one JSON object instead of text");
    app.add_option("PATH", path, "the exhibition.json to check (or its folder)")->required();
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        std::fputs(app.help().c_str(), stderr);
        return 2;
    }
    // A folder means the exhibition.json inside it (exhibitions are folders).
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        path = (std::filesystem::path(path) / "exhibition.json").string();
    LoadReport report = fg::expo::loadExhibition(path);
    if (json) {
        printJson(report);
    } else if (report.ok()) {
        printSummary(path, *report.exhibition);
    } else {
        for (const auto& p : report.problems)
            fmt::print("{}\n", p.toString());
        fmt::print(stderr, "{}: {} problem{}\n", path, report.problems.size(),
                   report.problems.size() == 1 ? "" : "s");
    }
    return report.ok() ? 0 : 1;
}
