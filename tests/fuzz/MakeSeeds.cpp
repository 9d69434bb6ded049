// fg_fuzz_seeds OUTDIR: writes the seed corpus of every fuzz target (OUTDIR/<target>/) from the
// real encoders and the committed samples. Test tool only; writes nothing outside OUTDIR.
#include "engine/asset/AssetCache.h"
#include "engine/asset/CookedFormat.h"
#include "engine/asset/ImageLoader.h"
#include "engine/asset/ModelImporter.h"
#include "engine/audio/Wav.h"
#include "engine/core/File.h"
#include "engine/core/Hash.h"
#include "engine/doc/PdfWriter.h"
#include "game/booth/BoothBundle.h"
#include "game/client/VisitorProfile.h"
#include "game/expo/ExhibitionJson.h"
#include "game/expo/protocol/ContentNames.h"
#include "game/expo/protocol/MessageCodec.h"
#include "game/expo/protocol/SnapshotCodec.h"
#include "tests/protocol/SampleMessages.h"

#include <fmt/format.h>
#include <set>

using namespace fg;
namespace fs = std::filesystem;
namespace proto = fg::expo::proto;

namespace {

const fs::path kModels = fs::path(FG_SOURCE_DIR) / "assets/test-models";
const fs::path kSample = fs::path(FG_SOURCE_DIR) / "assets/exhibitions/digital-world-2021";

[[noreturn]] void fail(const Error& error) {
    fmt::print(stderr, "fg_fuzz_seeds: {}\n", error.message);
    std::exit(1);
}

template <class T>
T must(Result<T> r) {
    if (!r) fail(r.error());
    return std::move(*r);
}

void must(const Status& st) {
    if (!st) fail(st.error());
}

void put(const fs::path& dir, const std::string& name, std::span<const std::uint8_t> bytes) {
    fs::create_directories(dir);
    if (Status st = writeFileAtomic(dir / name, bytes); !st) fail(st.error());
}

void put(const fs::path& dir, const std::string& name, std::string_view text) {
    put(dir, name, {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()});
}

void cookedAndImages(const fs::path& out) {
    put(out / "cooked", "cube.fgm", cookModel(must(importModel(kModels / "cube.glb"))));
    put(out / "cooked", "placeholder.fgm", cookModel(makePlaceholderModel()));
    ImageData checker = must(loadImage(kModels / "checker.png"));
    put(out / "cooked", "checker.fgt", cookImage(checker));
    for (const char* png : {"checker.png", "normal.png", "metal_rough.png"})
        put(out / "image", png, must(readFileBytes(kModels / png)));
    const fs::path jpeg = out / "image" / "checker.jpg";
    must(writeJpeg(jpeg, checker, 80));
}

void messages(const fs::path& out) {
    int n = 0;
    for (const proto::Message& m : proto::test::sampleMessages())
        put(out / "message", fmt::format("{:02}-{}.bin", n++, proto::messageName(m.index())),
            must(proto::encode(m)));
}

// A crowd walking: ids spread out, positions moved a little or a lot, some leave, some come.
proto::AvatarList crowd(std::uint16_t first, std::size_t count, std::uint32_t step) {
    proto::AvatarList out;
    for (std::size_t i = 0; i < count; ++i)
        out.push_back({std::uint16_t(first + i * 3), std::uint32_t((1000 + i * step) % 100000),
                       std::uint32_t((5000 + i * 7 * step) % 100000), std::uint16_t(i * 40 % 1024),
                       proto::Anim(i % 3)});
    return out;
}

void snapshots(const fs::path& out) {
    struct Pair {
        const char* name;
        proto::AvatarList base, next;
    };
    const Pair pairs[] = {{"walk", crowd(1, 6, 10), crowd(1, 6, 12)},
                          {"leave-join", crowd(1, 8, 10), crowd(4, 8, 300)},
                          {"far", crowd(10, 3, 1), crowd(10, 3, 90000)},
                          {"empty", {}, crowd(2, 4, 5)}};
    for (const Pair& p : pairs) {
        Bytes base = must(proto::encode(proto::makeSnapshot(100, 0, nullptr, p.base)));
        Bytes next = must(proto::encode(proto::makeSnapshot(104, 100, &p.base, p.next)));
        Bytes seed{std::uint8_t(base.size()), std::uint8_t(base.size() >> 8)};
        seed.insert(seed.end(), base.begin(), base.end());
        seed.insert(seed.end(), next.begin(), next.end());
        put(out / "snapshot", std::string(p.name) + ".bin", seed);
    }
}

// The sample exhibition cut to a few booths (the whole one is 150 KB): every kind of record.
expo::Exhibition smallExhibition() {
    expo::LoadReport report = expo::loadExhibition(kSample / "exhibition.json");
    if (!report.ok()) fail(makeError("the sample exhibition does not load"));
    expo::Exhibition ex = std::move(*report.exhibition);
    ex.booths.resize(std::min<std::size_t>(ex.booths.size(), 3));
    std::set<std::string> kept;
    for (const auto& b : ex.booths)
        kept.insert(b.exhibitor);
    std::erase_if(ex.exhibitors, [&](const expo::Exhibitor& e) { return !kept.count(e.id); });
    ex.sessions.resize(std::min<std::size_t>(ex.sessions.size(), 2));
    return ex;
}

// What a server serves: the same exhibition with asset names for file references.
expo::Exhibition asManifest(expo::Exhibition ex) {
    expo::forEachFileReference(ex, [](std::string& ref, expo::FileKind kind) {
        const std::string hex =
            toHex(hash128({reinterpret_cast<const std::uint8_t*>(ref.data()), ref.size()}));
        const char* ext = kind == expo::FileKind::Image   ? ".fgt"
                          : kind == expo::FileKind::Model ? ".fgm"
                          : ref.ends_with(".txt")         ? ".txt"
                                                          : ".pdf";
        ref = hex + ext;
    });
    return ex;
}

void exhibitions(const fs::path& out) {
    const expo::Exhibition ex = smallExhibition();
    put(out / "exhibition", "small.json", expo::toJson(ex));
    put(out / "exhibition", "syntax-error.json", std::string_view("{\"format\": 1, \"halls\": [}"));
    put(out / "manifest", "small.json", expo::toJson(asManifest(ex)));
}

void booths(const fs::path& out) {
    const expo::Exhibition ex = smallExhibition();
    booth::BoothBundle bundle = must(booth::bundleFromExhibition(ex, ex.booths[0].id, kSample));
    // Small files only: the reader is fuzzed, not zstd on megabytes.
    std::erase_if(bundle.files, [](const auto& f) { return f.second->size() > 4096; });
    put(out / "booth", "sample.booth", booth::saveBundleBytes(bundle));
    put(out / "boothjson", "sample.json", booth::toBoothJson(bundle));
    std::string text;
    for (int i = 0; i < 200; ++i)
        text += "Fairground booth notes, line " + std::to_string(i % 7) + "\n";
    bundle.files["docs/notes.txt"] =
        std::make_shared<const Bytes>(Bytes(text.begin(), text.end())); // stored compressed
    put(out / "booth", "compressed.booth", booth::saveBundleBytes(bundle));
}

// Upload sequences in UploadAssemblerFuzz's encoding: op, exhibitor, booth, then the op's fields.
void uploads(const fs::path& out) {
    auto u16 = [](Bytes& b, unsigned v) {
        b.push_back(std::uint8_t(v));
        b.push_back(std::uint8_t(v >> 8));
    };
    auto begin = [&](Bytes& b, unsigned total, std::uint8_t seed) {
        b.insert(b.end(), {0, 0, 1});
        u16(b, total);
        b.push_back(seed);
    };
    auto chunk = [&](Bytes& b, unsigned offset, std::uint8_t seed, unsigned length) {
        b.insert(b.end(), {1, 0, 1});
        u16(b, offset);
        b.push_back(seed);
        u16(b, length);
        b.push_back(1); // the announced content's own bytes
    };
    Bytes whole;
    begin(whole, 400, 9);
    chunk(whole, 0, 9, 400);
    whole.insert(whole.end(), {2, 0, 1}); // finish
    put(out / "upload", "whole.bin", whole);
    Bytes resumed;
    begin(resumed, 1000, 3);
    chunk(resumed, 0, 3, 500);
    begin(resumed, 1000, 3); // a reconnect resumes at 500
    chunk(resumed, 500, 3, 500);
    resumed.insert(resumed.end(), {2, 0, 1});
    resumed.insert(resumed.end(), {3, 0, 1}); // abandon
    put(out / "upload", "resumed.bin", resumed);
}

void profiles(const fs::path& out) {
    client::VisitorProfile p;
    p.name = "Ana Lima";
    p.organisation = "Lotus Bay Telecom";
    p.email = "ana@example.com";
    p.country = "VN";
    p.clientKey = "0123456789abcdef0123456789abcdef";
    const fs::path dir = out / "clientjson";
    fs::create_directories(dir);
    must(client::saveProfile(p, dir / "visitor.json"));
    p.token = "fgx_0123456789abcdef";
    p.settings.msaa = 8;
    p.settings.resolutionScale = 0.5f;
    must(client::saveProfile(p, dir / "exhibitor.json"));
    fs::permissions(dir / "visitor.json", fs::perms(0644));
    fs::permissions(dir / "exhibitor.json", fs::perms(0644));
}

// A minimal one-page PDF (a bar and a title), a two-page one, and the first cut in half.
void decks(const fs::path& out) {
    PdfPage page;
    page.rects.push_back({40, 40, 200, 120, 30, 90, 200});
    page.texts.push_back({40, 400, 36, "Seed slide", 0, 0, 0});
    const Bytes one = writeSimplePdf({page});
    put(out / "deck", "one-page.pdf", one);
    put(out / "deck", "two-pages.pdf", writeSimplePdf({page, PdfPage{}}));
    put(out / "deck", "cut.pdf", std::span<const std::uint8_t>(one.data(), one.size() / 2));
}

} // namespace

// Short WAVs as the reader meets them: mono at 48 kHz, stereo at 22.05 kHz (espeak-ng's rate),
// an extensible header with a LIST chunk before the data, and a file cut inside its data.
void wavs(const fs::path& out) {
    audio::WavData mono;
    for (int i = 0; i < 480; ++i)
        mono.samples.push_back(std::int16_t((i % 48) * 1300 - 30000));
    put(out / "wav", "mono48k.wav", audio::encodeWav(mono));
    audio::WavData stereo = mono;
    stereo.channels = 2;
    stereo.sampleRate = 22050;
    put(out / "wav", "stereo22k.wav", audio::encodeWav(stereo));
    const auto bytes = audio::encodeWav(mono);
    std::vector<std::uint8_t> ext(bytes.begin(), bytes.begin() + 36);
    ext[16] = 40;
    ext[20] = 0xFE;
    ext[21] = 0xFF;
    std::vector<std::uint8_t> extra(24, 0);
    extra[8] = 1; // the sub-format GUID starts with the PCM tag
    ext.insert(ext.end(), extra.begin(), extra.end());
    const std::uint8_t list[] = {'L', 'I', 'S', 'T', 3, 0, 0, 0, 'a', 'b', 'c', 0};
    ext.insert(ext.end(), std::begin(list), std::end(list));
    ext.insert(ext.end(), bytes.begin() + 36, bytes.end());
    put(out / "wav", "extensible-list.wav", ext);
    put(out / "wav", "cut.wav", std::span(bytes).first(bytes.size() / 2));
}

int main(int argc, char** argv) {
    if (argc != 2) {
        fmt::print(stderr, "usage: fg_fuzz_seeds OUTDIR (e.g. tests/fuzz/corpus)\n");
        return 2;
    }
    const fs::path out = argv[1];
    cookedAndImages(out);
    messages(out);
    snapshots(out);
    exhibitions(out);
    booths(out);
    uploads(out);
    profiles(out);
    decks(out);
    wavs(out);
    fmt::print("seeds written to {}\n", out.string());
    return 0;
}
