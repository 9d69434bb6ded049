// "Upload deck" in the real `fairground` under Xvfb against a real in-process server: the
// organiser on stage uploads a PDF through the script action the panel's button runs, the stage
// panel shows the outcome and the screen the new page 1; a visitor's upload is refused with the
// reason shown. Screenshots go to $FG_DECK_SHOTS (docs/images/ when taken for the docs).
#include "engine/doc/PdfWriter.h"
#include "tests/client/ServerThread.h"
#include "tests/programme/StageWorld.h"

#include <cstdlib>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using namespace fg;

// A three-page deck that looks like one: a title band, a heading and a line per slide.
Bytes samplePdf() {
    const char* titles[] = {"Connecting the unconnected", "Spectrum for rural 5G",
                            "What regulators can do"};
    std::vector<PdfPage> pages;
    for (int i = 0; i < 3; ++i) {
        PdfPage p;
        p.rects.push_back(PdfRect{0, 0, 960, 540, 245, 247, 250});
        p.rects.push_back(PdfRect{0, 430, 960, 110, 20, 70, 150});
        p.rects.push_back(PdfRect{60, 80, 300, 24, 230, 150, 30});
        p.texts.push_back(PdfText{60, 470, 40, titles[i], 255, 255, 255});
        p.texts.push_back(
            PdfText{60, 300, 28, fmt::format("Uploaded from the client - slide {}", i + 1)});
        p.texts.push_back(PdfText{60, 250, 22, "Forum 2021, Minister of Information"});
        pages.push_back(std::move(p));
    }
    return writeSimplePdf(pages);
}

struct Fixture {
    fs::path dir, exhibition;
    test::ServerThread server;

    Fixture() {
        dir = fs::temp_directory_path() / fmt::format("fg-deck-window-{}", ::getpid());
        fs::remove_all(dir);
        fs::create_directories(dir);
        exhibition = test::writeTestExhibition(dir);
        REQUIRE(writeFileAtomic(exhibition, test::stageExhibitionJson(200)).ok());
        REQUIRE(writeFileAtomic(dir / "keynote.pdf", samplePdf()).ok());
        server.app = test::startServer(exhibition, dir / "server");
        // One configuration each: the client keeps the organiser's token in its own.
        for (const char* who : {"organiser", "visitor"})
            REQUIRE(
                writeFileAtomic(dir / fmt::format("{}.json", who),
                                std::string_view(R"({"settings": {"msaa": 1, "shadows": false}})"))
                    .ok());
    }
    ~Fixture() {
        server.stop = true;
        if (server.thread.joinable()) server.thread.join();
        fs::remove_all(dir);
    }
    std::string console(const std::string& line) {
        auto out = server.app->console().execute(line);
        REQUIRE_MESSAGE(out.ok, out.text);
        return out.text;
    }
    int run(const std::string& who, const std::string& name, const std::string& extra,
            const std::string& script) {
        REQUIRE(writeFileAtomic(dir / (who + ".txt"), script).ok());
        const std::string cmd = fmt::format(
            "timeout -k 5 290 xvfb-run -a -s '-screen 0 1024x700x24' '{}' --connect 127.0.0.1:{} "
            "--exhibition '{}' {} --name '{}' --organisation 'Lotus Bay' --email lan@lotus.example "
            "--country VN --config '{}' --cache '{}' --script '{}' --width 1024 --height 700 "
            "--no-vsync --exit-after 4000 > '{}' 2>&1",
            FG_CLIENT_EXE, server.app->port(), exhibition.string(), extra, name,
            (dir / (who + ".json")).string(), (dir / ("cache-" + who)).string(),
            (dir / (who + ".txt")).string(), (dir / (who + ".log")).string());
        return std::system(cmd.c_str());
    }
    std::string log(const std::string& who) const {
        auto text = readFileText(dir / (who + ".log"));
        return text ? *text : std::string("(no log)");
    }
};

fs::path shotsDir(const fs::path& fallback) {
    const char* env = std::getenv("FG_DECK_SHOTS");
    return env && *env ? fs::absolute(env) : fallback;
}

} // namespace

TEST_CASE("window: the organiser uploads a deck from the stage panel - a visitor is refused") {
    Fixture f;
    f.console("session start forum-1");
    f.console("session slide forum-1 3");
    auto out = f.server.app->console().execute("invite organiser Chair");
    REQUIRE(out.ok);
    const auto at = out.text.find("fgx_");
    REQUIRE(at != std::string::npos);
    const std::string token = out.text.substr(at, 44);
    f.server.start();
    const fs::path shots = shotsDir(f.dir);

    int rc =
        f.run("organiser", "Chair Person", "--token '" + token + "'",
              fmt::format("1 teleport stage\n"
                          "10 qna-window off\n11 poll-window off\n20 deck-upload forum-1 {}\n90 "
                          "screenshot {}\n95 quit\n",
                          (f.dir / "keynote.pdf").string(), (shots / "deck-upload.png").string()));
    std::string log = f.log("organiser");
    INFO("organiser log:\n" << log);
    CHECK(WIFEXITED(rc));
    CHECK(WEXITSTATUS(rc) == 0);
    CHECK(log.find("script line") == std::string::npos); // no script action failed
    CHECK(log.find("deck upload: keynote.pdf: 3 pages, shown from page 1") != std::string::npos);
    CHECK(log.find("'forum-1' has a new deck of 3 pages") != std::string::npos);

    rc =
        f.run("visitor", "Lan Pham", "",
              fmt::format("1 deck-upload forum-1 {}\n40 quit\n", (f.dir / "keynote.pdf").string()));
    log = f.log("visitor");
    INFO("visitor log:\n" << log);
    CHECK(log.find("only the speakers and moderators of 'forum-1' can upload its deck") !=
          std::string::npos);

    f.server.stop = true;
    f.server.thread.join();
    auto stats = nlohmann::json::parse(f.console("session stats forum-1 --json"));
    CHECK(stats["slide"] == 1); // the new deck starts at its first page
    for (const auto& s : f.server.app->exhibition().sessions)
        if (s.id == "forum-1") CHECK(s.deck.size() == 3);
    CHECK(fs::exists(shots / "deck-upload.png"));
}
