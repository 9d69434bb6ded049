// A fresh temporary folder per test case for the server test suites, removed when it goes.
// Only ever touches paths under the system temp folder.
#pragma once

#include <atomic>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace fg::test {

class TempDir {
public:
    explicit TempDir(const std::string& name) {
        static std::atomic<int> counter{0};
        m_path = std::filesystem::temp_directory_path() /
                 ("fg-server-" + name + "-" + std::to_string(::getpid()) + "-" +
                  std::to_string(counter++));
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

} // namespace fg::test
