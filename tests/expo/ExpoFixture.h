// Shared test fixture: a small valid exhibition (as editable JSON) in a fresh temp folder with
// its tiny media files. Tests break it in one way and check the exact problem text.
#pragma once

#include "game/expo/ExhibitionJson.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace fg::expo::test {

class ExpoFixture {
public:
    ExpoFixture();
    ~ExpoFixture();
    ExpoFixture(const ExpoFixture&) = delete;
    ExpoFixture& operator=(const ExpoFixture&) = delete;

    // Parses DOC as "exhibition.json" with files resolved in the fixture's folder.
    LoadReport parse() const;
    // All problems, one per line (for failure messages).
    static std::string listProblems(const LoadReport& report);
    // Writes BYTES zero bytes as a sparse file named NAME in the folder.
    void writeSparse(const std::string& name, std::uint64_t bytes) const;

    std::filesystem::path dir;
    nlohmann::json doc; // the valid document; tests edit it
};

// A fresh, empty folder under the temp directory named after TAG and the process.
std::filesystem::path freshTempDir(const std::string& tag);

} // namespace fg::expo::test

// Asserts that FIXTURE's document yields exactly one problem and that it reads EXPECTED.
#define CHECK_ONE_PROBLEM(fixture, expected)                                                       \
    do {                                                                                           \
        auto report_ = (fixture).parse();                                                          \
        INFO(fg::expo::test::ExpoFixture::listProblems(report_));                                  \
        REQUIRE(report_.problems.size() == 1);                                                     \
        CHECK(report_.problems[0].toString() == (expected));                                       \
    } while (false)

#define CHECK_NO_PROBLEMS(fixture)                                                                 \
    do {                                                                                           \
        auto report_ = (fixture).parse();                                                          \
        INFO(fg::expo::test::ExpoFixture::listProblems(report_));                                  \
        CHECK(report_.problems.empty());                                                           \
        CHECK(report_.ok());                                                                       \
    } while (false)
