// Deck upload over loopback: a speaker uploads a PDF and every attendee gets its pages from page
// 1; a visitor and another session's speaker are refused; a dropped link resumes sending only
// what the server lacks; a corrupt PDF or image names the file and page and keeps the old deck;
// a restart keeps the uploaded deck; `session deck` does the same from the console.
#include "engine/asset/ImageLoader.h"
#include "engine/doc/PdfWriter.h"
#include "game/netclient/DeckUploadClient.h"
#include "server/publish/PublishService.h"
#include "tests/programme/StageWorld.h"

#include <doctest/doctest.h>
#include <random>

using namespace fg;
using namespace fg::test;
using namespace fg::expo::proto;
using netclient::DeckFiles;
using netclient::DeckUploadClient;

namespace {

Bytes pdfOf(int pages) {
    std::vector<PdfPage> out;
    for (int i = 0; i < pages; ++i) {
        PdfPage p;
        p.rects.push_back(PdfRect{0, 0, 960, 540, std::uint8_t(40 * i), 80, 160});
        p.texts.push_back(PdfText{60, 400, 48, "Slide " + std::to_string(i + 1)});
        out.push_back(std::move(p));
    }
    return writeSimplePdf(out);
}

DeckFiles pdfDeck(int pages, const std::string& name = "keynote.pdf") {
    Bytes bytes = pdfOf(pages);
    return DeckFiles{name, DeckFileKind::Pdf, {bytes.size()}, std::move(bytes)};
}

// A PNG of noise (it does not compress): about 4 * SIDE * SIDE bytes.
Bytes noisePng(std::uint32_t side, unsigned seed) {
    ImageData image{"noise", side, side, std::vector<std::uint8_t>(4u * side * side), true};
    std::mt19937 rng(seed);
    for (auto& b : image.rgba)
        b = std::uint8_t(rng());
    auto png = encodePng(image);
    REQUIRE(png.ok());
    return std::move(*png);
}

DeckFiles imageDeck(const std::vector<Bytes>& pages) {
    DeckFiles out{"page1.png", DeckFileKind::Images, {}, {}};
    for (const Bytes& p : pages) {
        out.partSizes.push_back(p.size());
        out.bytes.insert(out.bytes.end(), p.begin(), p.end());
    }
    return out;
}

// Hands UPLOADER the messages C received since SEEN, pumping everything until it finishes.
bool runUpload(StageServer& server, const Clients& all, TestClient& c, DeckUploadClient& uploader,
               std::size_t& seen, const std::function<bool()>& stop = {}) {
    return pumpUntil(
        *server.app, all,
        [&] {
            for (; seen < c.inbox.size(); ++seen)
                uploader.handle(c.inbox[seen]);
            uploader.pump();
            return uploader.finished() || (stop && stop());
        },
        30.0);
}

const expo::Session& sessionOf(StageServer& server, const std::string& id) {
    for (const auto& s : server.app->exhibition().sessions)
        if (s.id == id) return s;
    FAIL("no session " << id);
    throw 0;
}

std::vector<std::string> namesOf(const DeckChanged& d) {
    std::vector<std::string> out;
    for (const auto& h : d.pages)
        out.push_back(toHex(h) + ".fgt");
    return out;
}

struct DeckWorld {
    StageServer server;
    std::string speakerToken;
    std::unique_ptr<TestClient> speaker, audience;
    Clients all;
    DeckWorld() {
        speakerToken = server.invite("talk-0 Minister");
        speaker = server.signedIn("Speaker", speakerToken);
        audience =
            connectClient(*server.app, visitor(server.app->port(), "Watcher"), {speaker.get()});
        all = {speaker.get(), audience.get()};
        audience->net->teleport(TeleportKind::Venue, 0, "room-b");
        REQUIRE(pumpUntil(*server.app, all, [&] {
            const StagePlace* p = latestPlace(*audience, "talk-0");
            return p && p->place == StagePlaceKind::Venue;
        }));
    }
    // Uploads FILES as SPEAKER; the finished client.
    std::unique_ptr<DeckUploadClient> upload(DeckFiles files,
                                             const std::string& session = "talk-0") {
        auto up = std::make_unique<DeckUploadClient>(*speaker->net, session, std::move(files));
        std::size_t seen = speaker->inbox.size();
        REQUIRE(runUpload(server, all, *speaker, *up, seen));
        return up;
    }
};

} // namespace

TEST_CASE("deck upload: a speaker's PDF reaches every attendee, shown from page 1") {
    DeckWorld w;
    const auto paged = w.speaker->net->request(StagePage{0, "talk-0", 5});
    REQUIRE(pumpUntil(*w.server.app, w.all, [&] {
        const StageUpdate* u = latestUpdate(*w.audience, "talk-0");
        return w.speaker->result(paged) && u && u->page == 5;
    }));

    auto up = w.upload(pdfDeck(3));
    REQUIRE(up->succeeded());
    CHECK(up->result()->pageCount == 3);
    REQUIRE(pumpUntil(*w.server.app, w.all, [&] {
        const StageUpdate* u = latestUpdate(*w.audience, "talk-0");
        return !w.audience->all<DeckChanged>().empty() && u && u->page == 0;
    }));
    const DeckChanged changed = w.audience->all<DeckChanged>().back();
    CHECK(changed.sessionId == "talk-0");
    CHECK(changed.fileName == "keynote.pdf");
    REQUIRE(changed.pages.size() == 3);
    CHECK(sessionOf(w.server, "talk-0").deck == namesOf(changed));
    for (const auto& h : changed.pages)
        CHECK(w.server.app->publisher()->store().has(h)); // served by hash
    // The pages are the PDF's, rendered: three different textures.
    CHECK(changed.pages[0] != changed.pages[1]);
    CHECK(w.server.console("status").find("decks uploaded since the start") != std::string::npos);
}

TEST_CASE("deck upload: a visitor and another session's speaker are refused") {
    DeckWorld w;
    auto other = w.server.signedIn("Other", w.server.invite("forum-1 Guest"), Role::Visitor, w.all);
    w.all.push_back(other.get());
    const auto before = sessionOf(w.server, "talk-0").deck;

    for (TestClient* liar : {w.audience.get(), other.get()}) {
        CAPTURE(liar->net->state() == netclient::ClientState::Joined);
        DeckUploadClient up(*liar->net, "talk-0", pdfDeck(1));
        std::size_t seen = liar->inbox.size();
        REQUIRE(runUpload(w.server, w.all, *liar, up, seen));
        CHECK(up.phase() == netclient::DeckUploadPhase::Failed);
        CHECK(up.error().find("only the speakers and moderators of 'talk-0'") != std::string::npos);
        // Chunks sent anyway (a lying client skips the begin) are not taken either.
        REQUIRE(liar->net->sendRaw(DeckUploadChunk{"talk-0", 0, {1, 2, 3}}));
        REQUIRE(liar->net->sendRaw(DeckUploadFinish{7, "talk-0"}));
        REQUIRE(pumpUntil(*w.server.app, w.all, [&] {
            return liar->find<DeckUploadResult>(
                       [](const DeckUploadResult& r) { return r.requestId == 7; }) != nullptr;
        }));
        CHECK_FALSE(
            liar->find<DeckUploadResult>([](const DeckUploadResult& r) { return r.requestId == 7; })
                ->ok);
    }
    CHECK(sessionOf(w.server, "talk-0").deck == before);
    CHECK(w.audience->all<DeckChanged>().empty());
    // Its own session's speaker is let in.
    DeckUploadClient own(*other->net, "forum-1", pdfDeck(1));
    std::size_t seen = other->inbox.size();
    REQUIRE(runUpload(w.server, w.all, *other, own, seen));
    CHECK(own.succeeded());
}

TEST_CASE("deck upload: a dropped link resumes, sending only the chunks the server lacks") {
    DeckWorld w;
    DeckFiles files = imageDeck({noisePng(512, 1), noisePng(512, 2)});
    const std::uint64_t total = files.bytes.size();
    const std::uint32_t totalChunks =
        std::uint32_t((total + kMaxUploadChunkBytes - 1) / kMaxUploadChunkBytes);
    REQUIRE(totalChunks > 40);
    auto up = std::make_unique<DeckUploadClient>(*w.speaker->net, "talk-0", std::move(files));
    std::size_t seen = w.speaker->inbox.size();
    REQUIRE(
        runUpload(w.server, w.all, *w.speaker, *up, seen, [&] { return up->progress() > 0.4f; }));
    REQUIRE_FALSE(up->finished());
    const std::uint32_t sentBefore = up->chunksSent();

    // The link drops; the same person signs in again and the upload asks where to go on.
    w.speaker->net->disconnect();
    pumpFor(*w.server.app, {w.audience.get()}, 0.5);
    auto again = w.server.signedIn("Speaker", w.speakerToken, Role::Visitor, {w.audience.get()});
    Clients all{again.get(), w.audience.get()};
    up->reconnected(*again->net);
    seen = 0;
    REQUIRE(runUpload(w.server, all, *again, *up, seen));
    CHECK(up->succeeded());
    CHECK(up->resumes() == 1);
    // Only what the server lacked went again: at most one window of chunks in flight was lost.
    const std::uint32_t window =
        std::uint32_t(DeckUploadClient::kWindowBytes / kMaxUploadChunkBytes);
    CHECK(up->chunksSent() <= totalChunks + window);
    CHECK(up->chunksSent() - sentBefore < totalChunks);
    REQUIRE(pumpUntil(*w.server.app, all, [&] { return !w.audience->all<DeckChanged>().empty(); }));
    CHECK(w.audience->all<DeckChanged>().back().pages.size() == 2);
}

TEST_CASE("deck upload: a corrupt PDF or image names the file and page - the old deck stays") {
    DeckWorld w;
    auto first = w.upload(pdfDeck(2));
    REQUIRE(first->succeeded());
    const auto good = sessionOf(w.server, "talk-0").deck;
    REQUIRE(good.size() == 2);
    REQUIRE(pumpUntil(*w.server.app, w.all,
                      [&] { return w.audience->all<DeckChanged>().size() == 1; }));

    SUBCASE("a PDF that is not one") {
        std::string junk = "%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage";
        auto up = w.upload(DeckFiles{
            "broken.pdf", DeckFileKind::Pdf, {junk.size()}, Bytes(junk.begin(), junk.end())});
        REQUIRE(up->phase() == netclient::DeckUploadPhase::Done);
        CHECK_FALSE(up->result()->ok);
        CHECK(up->error().find("broken.pdf") != std::string::npos);
        CHECK(up->error().find("scratch") == std::string::npos); // the person's name, not ours
    }
    SUBCASE("a second page that is not a PNG") {
        Bytes png = noisePng(16, 3);
        Bytes bad(200, 0x42);
        auto up = w.upload(imageDeck({png, bad}));
        REQUIRE(up->phase() == netclient::DeckUploadPhase::Done);
        CHECK_FALSE(up->result()->ok);
        CHECK(up->error().find("page1.png (page 2)") != std::string::npos);
    }
    SUBCASE("more pages than a deck may have") {
        auto up = w.upload(pdfDeck(int(expo::kMaxDeckPages) + 1, "long.pdf"));
        REQUIRE(up->phase() == netclient::DeckUploadPhase::Done);
        CHECK_FALSE(up->result()->ok);
        CHECK(up->error().find("long.pdf: 101 pages is over the limit of 100") !=
              std::string::npos);
    }
    pumpFor(*w.server.app, w.all, 0.3);
    CHECK(sessionOf(w.server, "talk-0").deck == good);
    CHECK(w.audience->all<DeckChanged>().size() == 1);
}

TEST_CASE("deck upload: a restart keeps the uploaded deck - newcomers get it") {
    DeckWorld w;
    auto up = w.upload(pdfDeck(2));
    REQUIRE(up->succeeded());
    const auto deck = sessionOf(w.server, "talk-0").deck;
    w.speaker.reset();
    w.audience.reset();
    w.server.restart();
    CHECK(sessionOf(w.server, "talk-0").deck == deck);
    auto late = connectClient(*w.server.app, visitor(w.server.app->port(), "Late"));
    REQUIRE(
        pumpUntil(*w.server.app, {late.get()}, [&] { return !late->all<DeckChanged>().empty(); }));
    CHECK(namesOf(late->all<DeckChanged>().back()) == deck);
}

TEST_CASE("deck upload: the organiser replaces a deck from the console") {
    DeckWorld w;
    const auto file = w.server.dir / "console-deck.pdf";
    REQUIRE(writeFileAtomic(file, pdfOf(4)).ok());
    const std::string out = w.server.console("session deck talk-0 " + file.string());
    CHECK(out.find("4 pages") != std::string::npos);
    CHECK(sessionOf(w.server, "talk-0").deck.size() == 4);
    REQUIRE(
        pumpUntil(*w.server.app, w.all, [&] { return !w.audience->all<DeckChanged>().empty(); }));

    const auto bad = w.server.dir / "bad.pdf";
    REQUIRE(writeFileAtomic(bad, std::string_view("not a pdf")).ok());
    auto r = w.server.app->console().execute("session deck talk-0 " + bad.string());
    CHECK_FALSE(r.ok);
    CHECK(r.text.find("bad.pdf") != std::string::npos);
    r = w.server.app->console().execute("session deck nowhere " + file.string());
    CHECK_FALSE(r.ok);
    CHECK(r.text.find("no session 'nowhere'") != std::string::npos);
    CHECK(sessionOf(w.server, "talk-0").deck.size() == 4);
}
