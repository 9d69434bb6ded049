// Tests for engine/core/File: limits, missing files and atomic replacement.
// Writes only under a fresh temporary folder.
#include "engine/core/File.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {
fs::path freshDir(const char* name) {
    fs::path dir = fs::temp_directory_path() /
                   (std::string("fg-core-") + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}
} // namespace

TEST_CASE("writeFileAtomic then readFileText round-trips and replaces old content") {
    fs::path dir = freshDir("atomic");
    fs::path file = dir / "a.txt";
    REQUIRE(fg::writeFileAtomic(file, std::string_view("first")));
    REQUIRE(fg::writeFileAtomic(file, std::string_view("second")));
    auto text = fg::readFileText(file);
    REQUIRE(text);
    CHECK(*text == "second");
    int entries = 0;
    for ([[maybe_unused]] auto& e : fs::directory_iterator(dir))
        ++entries;
    CHECK(entries == 1); // no temporary file left behind
    auto perms = fs::status(file).permissions();
    CHECK((perms & fs::perms::others_read) != fs::perms::none); // not mkstemp's private 0600
    fs::remove_all(dir);
}

TEST_CASE("readFileBytes names the path when the file is missing or too large") {
    fs::path dir = freshDir("limits");
    auto missing = fg::readFileBytes(dir / "nope.bin");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message.find("nope.bin") != std::string::npos);
    REQUIRE(fg::writeFileAtomic(dir / "big.bin", std::string_view("0123456789")));
    auto big = fg::readFileBytes(dir / "big.bin", 4);
    REQUIRE_FALSE(big);
    CHECK(big.error().message.find("larger than the limit of 4 bytes") != std::string::npos);
    CHECK(fg::readFileBytes(dir / "big.bin", 10));
    fs::remove_all(dir);
}

TEST_CASE("writeFileAtomic fails cleanly in a missing folder") {
    auto st = fg::writeFileAtomic("/nonexistent-fg-dir/x.txt", std::string_view("x"));
    REQUIRE_FALSE(st);
    CHECK(st.error().message.find("/nonexistent-fg-dir/x.txt") != std::string::npos);
}
