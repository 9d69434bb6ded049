// The console on the server's own terminal: libedit line editing with history and tab
// completion when stdin is a terminal, plain line-by-line reading (scripts) when it is not.
// Pumped from the server tick, never blocks and starts no thread; the only libedit includer.
#pragma once

#include "server/console/ConsoleCommands.h"

#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace fg::console {

using LineRunner = std::function<ConsoleResult(std::string_view line)>;
using Completer = std::function<std::vector<std::string>(std::string_view line)>;

struct TerminalOptions {
    int inputFd = 0;                   // stdin
    std::FILE* output = stdout;        // where command output goes
    std::filesystem::path historyFile; // empty: no history file (e.g. DATA/console_history)
    std::string prompt = "fairground> ";
    bool echo = true; // script mode prints "> LINE" before each output, so logs read well
};

class ConsoleTerminal {
public:
    ConsoleTerminal(TerminalOptions options, LineRunner run, Completer complete = {});
    ~ConsoleTerminal(); // restores the terminal and writes the history
    ConsoleTerminal(const ConsoleTerminal&) = delete;
    ConsoleTerminal& operator=(const ConsoleTerminal&) = delete;

    // Reads what has arrived (without waiting), runs each complete line and prints its output.
    // Returns false once the input has ended and every line has run (script mode: end of file;
    // on a terminal libedit's callback mode does not report Ctrl-D, so it keeps reading).
    bool pump();
    bool interactive() const { return m_interactive; }

private:
    void runLine(std::string line);
    bool pumpScript();
    bool pumpInteractive();
    static void onLine(char* line);
    static char** onComplete(const char* text, int start, int end);

    TerminalOptions m_options;
    LineRunner m_run;
    Completer m_complete;
    bool m_interactive = false;
    bool m_ended = false;
    bool m_lineDone = false; // a line was handled during this read
    std::string m_pending;   // script mode: bytes read but not yet a full line
};

} // namespace fg::console
