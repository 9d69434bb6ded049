// Child-process work: fork, set rlimits, run the work, send its bytes back over a pipe.
// The parent reads one framed reply and never touches what the child's libraries built.
#include "engine/asset/Sandbox.h"

#include "engine/core/Time.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <new>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fg {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressLimitWorks = false; // ASan reserves terabytes of shadow memory
#else
constexpr bool kAddressLimitWorks = true;
#endif

// Reply framing: u8 ok (1) or failed (0), u64 length, then the bytes or the message.
void writeAllOrDie(int fd, const void* data, std::size_t size) {
    const auto* p = static_cast<const std::uint8_t*>(data);
    while (size > 0) {
        ssize_t n = ::write(fd, p, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) ::_exit(3);
        p += n;
        size -= static_cast<std::size_t>(n);
    }
}

// The address space the process maps now (inherited from the parent at the fork), 0 if unknown.
std::uint64_t mappedBytes() {
    std::FILE* f = std::fopen("/proc/self/statm", "r");
    if (!f) return 0;
    unsigned long long pages = 0;
    const bool read = std::fscanf(f, "%llu", &pages) == 1;
    std::fclose(f);
    return read ? pages * std::uint64_t(::sysconf(_SC_PAGESIZE)) : 0;
}

Result<Bytes> runGuarded(const std::string& name, const char* what, const SandboxLimits& limits,
                         const std::function<Result<Bytes>()>& work) {
    try {
        return work();
    } catch (const std::bad_alloc&) {
        return makeError(
            fmt::format("{}: the {} needed more memory than its limit of {} MiB and was stopped",
                        name, what, limits.memoryBytes >> 20));
    }
}

[[noreturn]] void runChild(int fd, const std::string& name, const char* what,
                           const SandboxLimits& limits,
                           const std::function<Result<Bytes>()>& work) {
    if (kAddressLimitWorks) {
        const rlim_t bytes = mappedBytes() + limits.memoryBytes;
        rlimit memory{bytes, bytes};
        ::setrlimit(RLIMIT_AS, &memory);
    }
    // SIGXCPU at the soft limit names the cause; the hard limit (SIGKILL) is only a backstop,
    // and an equal one would fire first.
    rlimit cpu{limits.cpuSeconds, limits.cpuSeconds + 1};
    ::setrlimit(RLIMIT_CPU, &cpu);
    auto result = runGuarded(name, what, limits, work);
    Bytes reply = result ? std::move(*result)
                         : Bytes(result.error().message.begin(), result.error().message.end());
    std::uint8_t ok = result ? 1 : 0;
    std::uint64_t length = reply.size();
    writeAllOrDie(fd, &ok, 1);
    writeAllOrDie(fd, &length, sizeof length);
    writeAllOrDie(fd, reply.data(), reply.size());
    ::_exit(0);
}

// Reads everything the child writes until EOF or the deadline; false on timeout.
bool readUntilEof(int fd, double deadline, Bytes& out) {
    std::uint8_t chunk[65536];
    for (;;) {
        double left = deadline - monotonicSeconds();
        if (left <= 0) return false;
        pollfd p{fd, POLLIN, 0};
        int ready = ::poll(&p, 1, static_cast<int>(left * 1000) + 1);
        if (ready < 0 && errno == EINTR) continue;
        if (ready == 0) return false;
        if (ready < 0) return true; // the exit status will tell what happened
        ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return true;
        out.insert(out.end(), chunk, chunk + n);
    }
}

Result<Bytes> parseReply(const Bytes& reply, const std::string& name, const char* what) {
    constexpr std::size_t kFrame = 1 + sizeof(std::uint64_t);
    std::uint64_t length = 0;
    if (reply.size() >= kFrame) std::memcpy(&length, reply.data() + 1, sizeof length);
    if (reply.size() < kFrame || length != reply.size() - kFrame)
        return makeError(fmt::format("{}: {} process sent a malformed reply", name, what));
    if (reply[0] != 1) return makeError(std::string(reply.begin() + kFrame, reply.end()));
    return Bytes(reply.begin() + kFrame, reply.end());
}

std::string describeStatus(int status) {
    if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        if (sig == SIGXCPU) return "killed at its CPU time limit";
        return fmt::format("killed by signal {} ({}; out of memory shows as SIGSEGV or SIGABRT)",
                           sig, strsignal(sig));
    }
    return fmt::format("exited with status {}", WEXITSTATUS(status));
}

} // namespace

Result<Bytes> runSandboxed(const std::string& name, const char* what, const SandboxLimits& limits,
                           const std::function<Result<Bytes>()>& work) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return makeError(fmt::format("{}: cannot create a pipe: {}", name, std::strerror(errno)));
    pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return makeError(fmt::format("{}: cannot fork: {}", name, std::strerror(errno)));
    }
    if (pid == 0) {
        ::close(fds[0]);
        runChild(fds[1], name, what, limits, work);
    }
    ::close(fds[1]);
    Bytes reply;
    bool finished = readUntilEof(fds[0], monotonicSeconds() + limits.wallSeconds, reply);
    ::close(fds[0]);
    if (!finished) ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!finished)
        return makeError(fmt::format("{}: {} took longer than {} s and was stopped", name, what,
                                     limits.wallSeconds));
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return makeError(fmt::format("{}: {} process {}", name, what, describeStatus(status)));
    return parseReply(reply, name, what);
}

} // namespace fg
