// Command-line options of fairground-editor: what to open, window size and test hooks.
// Parsing only: nothing here opens windows, files or sockets.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace fg::editor {

struct Screenshot {
    std::uint64_t frame = 0;
    std::filesystem::path file;
};

struct EditorOptions {
    std::filesystem::path bundle;     // --booth FILE.booth (open, and default save target)
    std::filesystem::path exhibition; // --exhibition FILE with --booth-id ID
    std::string boothId;
    std::string templateName; // --new 2d-wall|2d-corner|3d-island
    std::string size = "S";   // --size S|M|L for --new
    std::string exhibitorId = "my-company";
    std::filesystem::path script;
    std::vector<Screenshot> shots;
    std::uint64_t exitAfter = 0;
    int width = 1440, height = 900;
    std::filesystem::path scratchDir; // default: $XDG_CACHE_HOME/fairground/editor
    bool validation = false;
    bool noUiInShots = false;
    // --publish HOST:PORT --token T: publish once the script has run, then quit (exit code 0
    // queued or approved, 3 refused or failed) unless --exit-after says otherwise.
    std::string publishServer;
    std::string publishToken;
    std::filesystem::path settingsFile; // --settings FILE (default: the user's config folder)
    // --open-from HOST:PORT [--token T] [--booth-id ID] [--pending]: open the booth from a
    // server first (exit code 3 when that fails); --script and --screenshot-at frames count
    // from the moment it is open.
    std::string openFrom;
    bool openPending = false;
    // Models are imported in a child process with these limits (--import-seconds,
    // --import-memory-mb); a file that would hang or exhaust memory is refused with the reason.
    double importSeconds = 60.0;         // wall time; the CPU limit is the same, rounded up
    std::uint64_t importMemoryMb = 2048; // address space of the import process
};

struct ParsedEditorOptions {
    EditorOptions options;
    int exitCode = -1; // >= 0: stop now (help or bad arguments) with MESSAGE
    std::string message;
};

ParsedEditorOptions parseEditorOptions(int argc, const char* const* argv);

} // namespace fg::editor
