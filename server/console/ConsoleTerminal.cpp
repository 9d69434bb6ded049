// libedit (readline compatibility API, callback mode) and non-blocking script input for the
// console. libedit has global state, so at most one interactive ConsoleTerminal may exist.
#include "server/console/ConsoleTerminal.h"

#include "engine/core/Log.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <editline/readline.h>
#include <poll.h>
#include <unistd.h>

namespace fg::console {
namespace {

ConsoleTerminal* g_active = nullptr;   // the interactive terminal libedit's callbacks reach
std::vector<std::string> g_candidates; // completion candidates for the current Tab press
std::size_t g_next = 0;

char* nextCandidate(const char*, int state) {
    if (state == 0) g_next = 0;
    if (g_next >= g_candidates.size()) return nullptr;
    return ::strdup(g_candidates[g_next++].c_str());
}

bool readable(int fd) {
    pollfd p{fd, POLLIN, 0};
    return ::poll(&p, 1, 0) > 0 && (p.revents & (POLLIN | POLLHUP)) != 0;
}

} // namespace

ConsoleTerminal::ConsoleTerminal(TerminalOptions options, LineRunner run, Completer complete)
    : m_options(std::move(options)), m_run(std::move(run)), m_complete(std::move(complete)) {
    bool terminal = ::isatty(m_options.inputFd) == 1;
    if (terminal && ::tcgetpgrp(m_options.inputFd) != ::getpgrp()) {
        // Started in the background (`server &`): touching the terminal would stop the whole
        // server with SIGTTIN/SIGTTOU, so this console stays silent.
        log::warn("console: not the terminal's foreground process; console input is off");
        m_ended = true;
        return;
    }
    m_interactive = terminal && g_active == nullptr;
    if (!m_interactive) return;
    g_active = this;
    rl_catch_signals = 0; // Ctrl-C belongs to the server's own shutdown handling
    rl_attempted_completion_function = &ConsoleTerminal::onComplete;
    stifle_history(1000);
    if (!m_options.historyFile.empty()) (void)read_history(m_options.historyFile.c_str());
    rl_callback_handler_install(m_options.prompt.c_str(), &ConsoleTerminal::onLine);
}

ConsoleTerminal::~ConsoleTerminal() {
    if (!m_interactive) return;
    rl_callback_handler_remove();
    if (!m_options.historyFile.empty() && write_history(m_options.historyFile.c_str()) != 0)
        log::warn("console: cannot write history {}", m_options.historyFile.string());
    g_active = nullptr;
}

void ConsoleTerminal::runLine(std::string line) {
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n'))
        line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) return;
    if (!m_interactive && m_options.echo) std::fprintf(m_options.output, "> %s\n", line.c_str());
    ConsoleResult r = m_run(line);
    std::fputs(r.text.c_str(), m_options.output);
    std::fflush(m_options.output);
}

bool ConsoleTerminal::pump() {
    if (m_ended) return false;
    return m_interactive ? pumpInteractive() : pumpScript();
}

bool ConsoleTerminal::pumpScript() {
    while (readable(m_options.inputFd)) {
        char buffer[4096];
        ssize_t n = ::read(m_options.inputFd, buffer, sizeof buffer);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n <= 0) {
            if (!m_pending.empty()) runLine(std::move(m_pending));
            m_pending.clear();
            m_ended = true;
            return false;
        }
        m_pending.append(buffer, static_cast<std::size_t>(n));
        std::size_t newline;
        while ((newline = m_pending.find('\n')) != std::string::npos) {
            std::string line = m_pending.substr(0, newline);
            m_pending.erase(0, newline + 1);
            runLine(std::move(line));
        }
    }
    return true;
}

bool ConsoleTerminal::pumpInteractive() {
    while (!m_ended && readable(m_options.inputFd)) {
        rl_callback_read_char();
        if (m_lineDone && !m_ended) {
            // libedit's callback mode leaves the terminal cooked and the prompt unprinted after
            // a line; installing the handler again puts both back at once.
            rl_callback_handler_remove();
            rl_callback_handler_install(m_options.prompt.c_str(), &ConsoleTerminal::onLine);
        }
        m_lineDone = false;
    }
    return !m_ended;
}

void ConsoleTerminal::onLine(char* line) {
    ConsoleTerminal* self = g_active;
    if (!self) return std::free(line);
    if (!line) { // Ctrl-D
        self->m_ended = true;
        std::fputs("\n", self->m_options.output);
        rl_callback_handler_remove();
        return;
    }
    std::string text(line);
    std::free(line);
    self->m_lineDone = true;
    if (text.find_first_not_of(" \t") != std::string::npos) {
        add_history(text.c_str());
        if (!self->m_options.historyFile.empty())
            (void)write_history(self->m_options.historyFile.c_str());
    }
    self->runLine(std::move(text));
}

char** ConsoleTerminal::onComplete(const char* text, int, int end) {
    rl_attempted_completion_over = 1; // never fall back to file names
    ConsoleTerminal* self = g_active;
    if (!self || !self->m_complete) return nullptr;
    std::string line(rl_line_buffer, static_cast<std::size_t>(std::max(end, 0)));
    g_candidates = self->m_complete(line);
    if (g_candidates.empty()) return nullptr;
    return rl_completion_matches(text, &nextCandidate);
}

} // namespace fg::console
