// Runs the built fairground-validate binary (path from the build) and checks its exit codes,
// text output and the exact shape of its --json object.
#include "engine/core/File.h"
#include "tests/expo/ExpoFixture.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <doctest/doctest.h>
#include <sys/wait.h>

using fg::expo::test::ExpoFixture;
using nlohmann::json;

namespace {

struct RunResult {
    int exitCode = -1;
    std::string out;
};

RunResult runValidate(const std::string& args) {
    RunResult r;
    std::string command = std::string(FG_VALIDATE_EXE) + " " + args + " 2>/dev/null";
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0)
        r.out.append(buf.data(), n);
    int status = ::pclose(pipe);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

void checkShape(const json& j) {
    REQUIRE(j.is_object());
    std::vector<std::string> keys;
    for (const auto& [k, v] : j.items())
        keys.push_back(k);
    std::sort(keys.begin(), keys.end());
    CHECK(keys == std::vector<std::string>{"booths", "booths_3d", "errors", "exhibitors", "halls",
                                           "ok", "pavilions", "sessions"});
    CHECK(j["ok"].is_boolean());
    for (const char* k : {"halls", "pavilions", "exhibitors", "booths", "booths_3d", "sessions"})
        CHECK(j[k].is_number_unsigned());
    REQUIRE(j["errors"].is_array());
    for (const auto& e : j["errors"]) {
        REQUIRE(e.is_object());
        CHECK(e.size() == 3);
        CHECK(e["file"].is_string());
        CHECK(e["path"].is_string());
        CHECK(e["message"].is_string());
    }
}

} // namespace

TEST_CASE_FIXTURE(ExpoFixture, "fairground-validate --json on a valid exhibition") {
    REQUIRE(fg::writeFileAtomic(dir / "exhibition.json", std::string_view(doc.dump())));
    auto r = runValidate("--json " + (dir / "exhibition.json").string());
    CHECK(r.exitCode == 0);
    json j = json::parse(r.out, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    checkShape(j);
    CHECK(j["ok"] == true);
    CHECK(j["halls"] == 2);
    CHECK(j["pavilions"] == 2);
    CHECK(j["exhibitors"] == 3);
    CHECK(j["booths"] == 4);
    CHECK(j["booths_3d"] == 2);
    CHECK(j["sessions"] == 3);
    CHECK(j["errors"].empty());
}

TEST_CASE_FIXTURE(ExpoFixture, "fairground-validate --json lists every problem") {
    doc["booths"][0]["size"] = "XL";
    doc["exhibitors"][0]["logo"] = "missing.png";
    REQUIRE(fg::writeFileAtomic(dir / "exhibition.json", std::string_view(doc.dump())));
    auto r = runValidate("--json " + (dir / "exhibition.json").string());
    CHECK(r.exitCode == 1);
    json j = json::parse(r.out, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    checkShape(j);
    CHECK(j["ok"] == false);
    CHECK(j["booths"] == 4); // counts from whatever parsed
    REQUIRE(j["errors"].size() == 2);
    CHECK(j["errors"][0] == json{{"file", "exhibition.json"},
                                 {"path", "booths[0].size"},
                                 {"message", "expected one of S, M, L, found \"XL\""}});
}

TEST_CASE_FIXTURE(ExpoFixture, "fairground-validate --json on garbage still prints the object") {
    REQUIRE(fg::writeFileAtomic(dir / "exhibition.json", std::string_view("{ nope")));
    auto r = runValidate("--json " + (dir / "exhibition.json").string());
    CHECK(r.exitCode == 1);
    json j = json::parse(r.out, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    checkShape(j);
    CHECK(j["booths"] == 0);
    REQUIRE(j["errors"].size() == 1);
    CHECK(j["errors"][0]["path"].get<std::string>().starts_with("line 1, column "));
}

TEST_CASE_FIXTURE(ExpoFixture, "fairground-validate text mode: summary or one line per problem") {
    REQUIRE(fg::writeFileAtomic(dir / "exhibition.json", std::string_view(doc.dump())));
    auto ok = runValidate((dir / "exhibition.json").string());
    CHECK(ok.exitCode == 0);
    CHECK(ok.out.find("booths:     4 (2 2D, 2 3D)") != std::string::npos);
    CHECK(ok.out.find("sessions:   3 (1 forum, 1 masterclass, 1 awards)") != std::string::npos);
    doc["booths"][0]["size"] = "XL";
    REQUIRE(fg::writeFileAtomic(dir / "exhibition.json", std::string_view(doc.dump())));
    auto bad = runValidate((dir / "exhibition.json").string());
    CHECK(bad.exitCode == 1);
    CHECK(bad.out == "exhibition.json: booths[0].size: expected one of S, M, L, found \"XL\"\n");
}

TEST_CASE("fairground-validate rejects bad arguments with exit code 2") {
    CHECK(runValidate("").exitCode == 2);
    CHECK(runValidate("--no-such-flag x.json").exitCode == 2);
    CHECK(runValidate("a.json b.json").exitCode == 2);
}

TEST_CASE("fairground-gen-exhibition writes an exhibition that fairground-validate accepts") {
    auto dir = fg::expo::test::freshTempDir("gentool");
    std::string gen = FG_GEN_EXHIBITION_EXE;
    std::string out = (dir / "expo").string();
    CHECK(std::system(
              (gen + " --booths 120 --pavilions 3 --halls 2 --seed 5 --out " + out + " > /dev/null")
                  .c_str()) == 0);
    auto r = runValidate("--json " + out); // the folder stands for its exhibition.json
    CHECK(r.exitCode == 0);
    json j = json::parse(r.out, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    CHECK(j["ok"] == true);
    CHECK(j["booths"] == 120);
    CHECK(j["pavilions"] == 3);
    CHECK(j["halls"] == 2);
    int status = std::system((gen + " --booths 5 --out " + out + " 2> /dev/null").c_str());
    CHECK(WEXITSTATUS(status) == 2); // --pavilions and --halls are required
    std::filesystem::remove_all(dir);
}
