// CLI11 parsing of fairground-editor's options (same test-hook names as the client).
// Must not open files or windows: it only fills EditorOptions.
#include "tools/editor/EditorOptions.h"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <fmt/format.h>

namespace fg::editor {

ParsedEditorOptions parseEditorOptions(int argc, const char* const* argv) {
    ParsedEditorOptions out;
    EditorOptions& o = out.options;
    CLI::App app{
        "fairground-editor: build a booth and check it against its budget and the format rules"};
    std::vector<std::string> shots;
    std::string bundle, exhibition, script, scratch;
    app.add_option("--booth", bundle, "open (and save to) this .booth bundle");
    app.add_option("--exhibition", exhibition,
                   "take the booth from this exhibition file (with --booth-id)");
    app.add_option("--booth-id", o.boothId, "booth id in --exhibition, or the id of a --new booth");
    app.add_option("--new", o.templateName, "start from a template: 2d-wall, 2d-corner, 3d-island");
    app.add_option("--size", o.size, "template size: S, M or L")
        ->check(CLI::IsMember({"S", "M", "L"}));
    app.add_option("--exhibitor", o.exhibitorId, "exhibitor id of a --new booth");
    app.add_option("--script", script, "timed editor actions (see docs/EDITOR.md)");
    app.add_option("--screenshot-at", shots, "FRAME FILE.png (repeatable)")->expected(2, 1000);
    app.add_option("--exit-after", o.exitAfter, "quit after this many frames");
    app.add_option("--width", o.width, "window width")->check(CLI::Range(320, 8192));
    app.add_option("--height", o.height, "window height")->check(CLI::Range(240, 8192));
    app.add_option("--scratch", scratch, "folder for unpacked files (default: cache folder)");
    app.add_flag("--validation", o.validation, "enable the Vulkan validation layer");
    app.add_flag("--no-ui-in-shots", o.noUiInShots, "screenshots show only the 3D view");
    std::string settings;
    app.add_option("--publish", o.publishServer,
                   "HOST:PORT: publish the booth when the script is done, then quit");
    app.add_option("--token", o.publishToken, "exhibitor token for --publish and --open-from");
    app.add_option("--open-from", o.openFrom,
                   "HOST:PORT: open my booth from this server (--booth-id picks one)");
    app.add_flag("--pending", o.openPending,
                 "with --open-from: open a version still waiting for approval when there is one");
    app.add_option("--settings", settings, "where the publish server and token are remembered");
    app.add_option("--import-seconds", o.importSeconds,
                   "a model import taking longer is stopped and the model refused")
        ->check(CLI::Range(0.1, 3600.0))
        ->capture_default_str();
    app.add_option("--import-memory-mb", o.importMemoryMb,
                   "memory a model import may use before it is stopped and the model refused")
        ->check(CLI::Range(16, 1 << 20))
        ->capture_default_str();
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        out.exitCode = e.get_exit_code();
        out.message = e.get_exit_code() == 0 ? app.help() : std::string(e.what());
        return out;
    }
    if (shots.size() % 2 != 0) {
        out.exitCode = 2;
        out.message = "--screenshot-at needs FRAME FILE pairs";
        return out;
    }
    for (std::size_t i = 0; i < shots.size(); i += 2) {
        char* end = nullptr;
        unsigned long long frame = std::strtoull(shots[i].c_str(), &end, 10);
        if (!end || *end != '\0') {
            out.exitCode = 2;
            out.message =
                fmt::format("--screenshot-at: expected a frame number, found \"{}\"", shots[i]);
            return out;
        }
        o.shots.push_back({frame, shots[i + 1]});
    }
    o.bundle = bundle;
    o.exhibition = exhibition;
    o.script = script;
    o.scratchDir = scratch;
    o.settingsFile = settings;
    if (!o.openFrom.empty() && (!o.exhibition.empty() || !o.bundle.empty())) {
        out.exitCode = 2;
        out.message = "--open-from opens the booth from the server: no --exhibition or --booth";
    } else if (!o.exhibition.empty() && o.boothId.empty()) {
        out.exitCode = 2;
        out.message = "--exhibition needs --booth-id";
    }
    return out;
}

} // namespace fg::editor
