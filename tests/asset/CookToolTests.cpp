// End-to-end tests of the fairground-cook program: cooked then cached lines, failures named.
// Runs the built tool through popen; writes only under a fresh temporary folder.
#include "tests/asset/AssetTestSupport.h"

#include <cstdio>
#include <doctest/doctest.h>
#include <sys/wait.h>

namespace fs = std::filesystem;
using fgtest::testModel;

namespace {

struct Run {
    int status = -1;
    std::string output; // stdout and stderr together
};

Run runCook(const std::string& args) {
    Run run;
    std::string command = std::string(FG_COOK_EXE) + " " + args + " 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe);
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe))
        run.output.append(buffer, n);
    int raw = ::pclose(pipe);
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return run;
}

} // namespace

TEST_CASE("fairground-cook cooks models and images once, then reports them cached") {
    fs::path out = fgtest::freshDir("cook-tool");
    std::string inputs = testModel("cube.glb").string() + " " + testModel("cube.obj").string() +
                         " " + testModel("checker.png").string();
    Run first = runCook(inputs + " --out " + out.string());
    INFO(first.output);
    CHECK(first.status == 0);
    CHECK(first.output.find(" cooked ") != std::string::npos);
    CHECK(first.output.find(" cached ") == std::string::npos);
    CHECK(first.output.find("12 tris") != std::string::npos);
    std::size_t fgm = 0, fgt = 0;
    for (const auto& e : fs::directory_iterator(out))
        (e.path().extension() == ".fgm" ? fgm : fgt) += 1;
    CHECK(fgm == 2);
    CHECK(fgt == 1);
    Run second = runCook(inputs + " --out " + out.string());
    INFO(second.output);
    CHECK(second.status == 0);
    CHECK(second.output.find(" cooked ") == std::string::npos);
    fs::remove_all(out);
}

TEST_CASE("fairground-cook exits non-zero and names every file that failed") {
    fs::path out = fgtest::freshDir("cook-tool-bad");
    REQUIRE(fg::writeFileAtomic(out / "broken.glb", std::string_view("glTF broken")));
    Run run = runCook(testModel("cube.glb").string() + " " + (out / "broken.glb").string() + " " +
                      (out / "absent.png").string() + " --out " + (out / "cooked").string());
    INFO(run.output);
    CHECK(run.status == 1);
    CHECK(run.output.find("broken.glb: cannot import") != std::string::npos);
    CHECK(run.output.find("absent.png: not found") != std::string::npos);
    CHECK(run.output.find("2 of 3 file(s) failed") != std::string::npos);
    CHECK(run.output.find(" cooked ") != std::string::npos); // the good file was still cooked
    fs::remove_all(out);
}
