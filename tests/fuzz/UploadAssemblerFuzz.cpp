// libFuzzer entry for the server's upload assembler: a sequence of begin/chunk/finish/abandon
// from an exhibitor, checked against a model of what each must answer. Writes only in scratch.
#include "engine/core/Hash.h"
#include "server/publish/UploadAssembler.h"
#include "tests/fuzz/FuzzSupport.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

using namespace fg;

namespace {

// Ids the fuzzer picks from: valid ones and ones that must never reach the file system.
const char* const kIds[] = {"acme", "bolt-2", "", "../up", "a_b", "Acme", "x/y"};
constexpr std::size_t kIdCount = sizeof kIds / sizeof kIds[0];

bool safe(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

// What the assembler should hold for one exhibitor and booth.
struct Upload {
    std::uint64_t total = 0;
    Hash128 hash;
    Bytes held;
};

// The bytes an upload of TOTAL bytes with SEED carries (so the hash is one the fuzzer can hit).
Bytes contentOf(std::uint8_t seed, std::uint64_t total) {
    Bytes out(total);
    for (std::uint64_t i = 0; i < total; ++i)
        out[i] = std::uint8_t(seed * 31 + i * 7);
    return out;
}

void expect(bool ok) {
    if (!ok) std::abort();
}

struct Run {
    publish::UploadAssembler assembler;
    std::map<std::string, Upload> model;
    fuzz::InputReader& in;

    void begin(const std::string& e, const std::string& b, const std::string& key) {
        const std::uint64_t total = in.u16() % 5000;
        const Hash128 hash = hash128(contentOf(in.u8(), total));
        auto got = assembler.begin(e, b, total, hash);
        if (!safe(e) || !safe(b) || total == 0 || total > assembler.limits().maxBundleBytes)
            return expect(!got.ok());
        auto it = model.find(key);
        if (it != model.end() && it->second.total == total && it->second.hash == hash)
            return expect(got.ok() && *got == it->second.held.size());
        model[key] = Upload{total, hash, {}};
        expect(got.ok() && *got == 0);
    }
    void chunk(const std::string& e, const std::string& b, const std::string& key) {
        const std::uint64_t offset = in.u16();
        const std::uint8_t seed = in.u8();
        const std::size_t length = in.u16() % 800;
        Bytes data = contentOf(seed, length);
        auto it = model.find(key);
        if ((in.u8() & 1) && it != model.end() && offset < it->second.total) {
            // LENGTH bytes of the announced content from OFFSET on: what a real sender sends.
            const Bytes content = contentOf(seed, it->second.total);
            const std::size_t end = std::min<std::size_t>(content.size(), offset + length);
            data.assign(content.begin() + std::ptrdiff_t(offset),
                        content.begin() + std::ptrdiff_t(end));
        }
        auto got = assembler.chunk(e, b, offset, data);
        if (!safe(e) || !safe(b) || it == model.end() ||
            data.size() > assembler.limits().maxChunkBytes || offset != it->second.held.size() ||
            offset + data.size() > it->second.total)
            return expect(!got.ok());
        it->second.held.insert(it->second.held.end(), data.begin(), data.end());
        expect(got.ok() && *got == it->second.held.size());
    }
    void finish(const std::string& e, const std::string& b, const std::string& key) {
        auto got = assembler.finish(e, b);
        auto it = model.find(key);
        if (!safe(e) || !safe(b) || it == model.end()) return expect(!got.ok());
        if (it->second.held.size() != it->second.total) return expect(!got.ok());
        const Upload up = it->second;
        model.erase(it);
        if (!(hash128(up.held) == up.hash)) return expect(!got.ok());
        expect(got.ok() && *got == up.held);
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto dir = fuzz::scratchDir() / "uploads";
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    fuzz::InputReader in({data, size});
    Run run{publish::UploadAssembler(dir, {.maxBundleBytes = 4096, .maxChunkBytes = 512}), {}, in};
    for (int step = 0; step < 64 && !in.empty(); ++step) {
        const std::uint8_t op = in.u8();
        const std::string e = kIds[in.u8() % kIdCount], b = kIds[in.u8() % kIdCount];
        const std::string key = e + "\n" + b;
        switch (op % 4) {
        case 0:
            run.begin(e, b, key);
            break;
        case 1:
            run.chunk(e, b, key);
            break;
        case 2:
            run.finish(e, b, key);
            break;
        default:
            run.assembler.abandon(e, b);
            if (safe(e) && safe(b)) run.model.erase(key);
        }
    }
    return 0;
}
