// Referenced files (syntax, extension, existence inside the folder, size) and booth content
// budgets (counts, poster slots, model rules shared with fg_booth, placement, total bytes).
// Only stats files; never reads them.
#include "game/expo/ExhibitionContent.h"

#include "game/expo/ExhibitionSyntax.h"
#include "game/expo/ExhibitionValidator.h"
#include "game/expo/VenueLayout.h"

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <unordered_map>

namespace fg::expo::detail {
namespace {

namespace fs = std::filesystem;
constexpr std::uint64_t kMiB = 1024ull * 1024ull;

enum class FileKind { Image, Model, Document, Pdf };

struct KindRule {
    const char* noun;
    const char* extensions; // as printed and matched: ".png, .jpg, .jpeg"
    std::uint64_t maxBytes;
};

const KindRule& ruleFor(FileKind kind) {
    static const KindRule kRules[] = {
        {"an image", ".png, .jpg, .jpeg", 8 * kMiB},
        {"a model", ".glb, .gltf, .obj, .fbx, .dae", 32 * kMiB},
        {"a document", ".pdf, .txt", 16 * kMiB},
        {"a PDF", ".pdf", 32 * kMiB},
    };
    return kRules[static_cast<int>(kind)];
}

bool hasAllowedExtension(std::string_view path, const KindRule& rule) {
    auto dot = path.rfind('.');
    if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos)
        return false;
    std::string ext(path.substr(dot));
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    std::string_view list = rule.extensions;
    for (std::size_t start = 0; start < list.size();) {
        std::size_t end = std::min(list.find(", ", start), list.size());
        if (list.substr(start, end - start) == ext) return true;
        start = end + 2;
    }
    return false;
}

struct FileFacts {
    enum State { Ok, Missing, NotRegular, Escapes } state = Missing;
    std::uint64_t size = 0;
    std::string resolved;
};

// Stats each distinct path once: generated exhibitions reuse a few files thousands of times.
class FileTable {
public:
    explicit FileTable(const fs::path& baseDir) {
        std::error_code ec;
        m_base = fs::weakly_canonical(baseDir.empty() ? fs::path(".") : baseDir, ec);
    }

    const FileFacts& facts(const std::string& relative) {
        auto it = m_cache.find(relative);
        if (it != m_cache.end()) return it->second;
        return m_cache.emplace(relative, look(relative)).first->second;
    }

private:
    FileFacts look(const std::string& relative) const {
        FileFacts f;
        std::error_code ec;
        fs::path full = m_base / relative;
        auto status = fs::status(full, ec);
        if (ec || !fs::exists(status)) return f;
        // Resolve links so one inside the folder cannot point outside it.
        fs::path real = fs::canonical(full, ec);
        if (ec) return f;
        f.resolved = real.string();
        auto [baseEnd, realIt] =
            std::mismatch(m_base.begin(), m_base.end(), real.begin(), real.end());
        if (baseEnd != m_base.end() || realIt == real.end()) {
            f.state = FileFacts::Escapes;
            return f;
        }
        if (!fs::is_regular_file(status)) {
            f.state = FileFacts::NotRegular;
            return f;
        }
        f.size = fs::file_size(real, ec);
        f.state = ec ? FileFacts::Missing : FileFacts::Ok;
        return f;
    }

    fs::path m_base;
    std::unordered_map<std::string, FileFacts> m_cache;
};

// Checks one file reference; returns its size when it is acceptable.
std::optional<std::uint64_t> checkFile(FileTable& files, Checker& c, const std::string& path,
                                       const std::string& value, FileKind kind) {
    const KindRule& rule = ruleFor(kind);
    if (!isRelativeFilePath(value)) {
        c.expect(path,
                 "a relative path inside the exhibition folder (using /, no '..', not "
                 "starting with /)",
                 foundText(value));
        return std::nullopt;
    }
    if (!hasAllowedExtension(value, rule)) {
        c.expect(path, fmt::format("{} file ({})", rule.noun, rule.extensions), foundText(value));
        return std::nullopt;
    }
    const FileFacts& f = files.facts(value);
    switch (f.state) {
    case FileFacts::Missing:
        c.expect(path, "a file that exists in the exhibition folder", foundText(value));
        return std::nullopt;
    case FileFacts::NotRegular:
        c.expect(path, "a regular file", fmt::format("{} (not a file)", foundText(value)));
        return std::nullopt;
    case FileFacts::Escapes:
        c.expect(path, "a file inside the exhibition folder",
                 fmt::format("{} (resolves to {})", foundText(value), quoteJson(f.resolved)));
        return std::nullopt;
    case FileFacts::Ok:
        break;
    }
    if (f.size > rule.maxBytes) {
        c.expect(path, fmt::format("{} of at most {} MiB", rule.noun, rule.maxBytes / kMiB),
                 fmt::format("{} ({} bytes)", foundText(value), f.size));
        return std::nullopt;
    }
    return f.size;
}

// Model centres within the footprint: the validator's own rule (fg_booth checks the model's
// measured bounds instead, which needs the imported mesh).
void checkModelPositions(const Booth& b, const std::string& bp, const SizeTemplate& t, Checker& c) {
    const auto& models = b.content.models;
    float hx = t.width * 0.5f, hz = t.depth * 0.5f;
    for (std::size_t i = 0; i < models.size(); ++i) {
        glm::vec3 pos = models[i].position;
        if (pos.x < -hx || pos.x > hx || pos.z < -hz || pos.z > hz || pos.y < 0 || pos.y > 10)
            c.expect(indexPath(bp + ".content.models", i) + ".position",
                     fmt::format("a booth-local point within the {} footprint (x {} to {}, y 0 "
                                 "to 10, z {} to {})",
                                 toString(b.size), numberText(-hx), numberText(hx), numberText(-hz),
                                 numberText(hz)),
                     vec3Text(pos));
    }
}

// All files of one booth; distinct paths count once towards the booth's byte budget.
void checkBoothFiles(const Booth& b, const std::string& p, FileTable& files, Checker& c,
                     bool budgetKnown) {
    std::set<std::string> counted;
    std::uint64_t total = 0;
    auto add = [&](const std::string& path, const std::string& value, FileKind kind) {
        auto size = checkFile(files, c, path, value, kind);
        if (size && counted.insert(value).second) total += *size;
    };
    const BoothContent& content = b.content;
    for (std::size_t i = 0; i < content.posters.size(); ++i)
        add(indexPath(p + ".posters", i) + ".image", content.posters[i].image, FileKind::Image);
    for (std::size_t i = 0; i < content.models.size(); ++i)
        add(indexPath(p + ".models", i) + ".file", content.models[i].file, FileKind::Model);
    for (std::size_t i = 0; i < content.documents.size(); ++i)
        add(indexPath(p + ".documents", i) + ".file", content.documents[i].file,
            FileKind::Document);
    for (std::size_t i = 0; i < content.videos.size(); ++i)
        add(indexPath(p + ".videos", i) + ".thumbnail", content.videos[i].thumbnail,
            FileKind::Image);
    const SizeTemplate& t = sizeTemplate(b.size);
    if (budgetKnown && total > t.maxTotalBytes)
        c.expect(p,
                 fmt::format("at most {} MiB of files for size {}", t.maxTotalBytes / kMiB,
                             toString(b.size)),
                 fmt::format("{} bytes", total));
}

void checkBooth(const Booth& b, const std::string& bp, FileTable& files, Checker& c) {
    std::string p = bp + ".content";
    bool sizeKnown = c.intact(bp + ".size");
    if (sizeKnown) {
        auto readable = [&](const std::string& field) { return c.intact(bp + "." + field); };
        for (const ContentProblem& problem : checkContentBudget(b, readable))
            c.expect(bp + "." + problem.path, problem.expected, problem.found);
        checkModelPositions(b, bp, sizeTemplate(b.size), c);
    }
    checkBoothFiles(b, p, files, c, sizeKnown);
}

// sessions[].deck: one PDF (its page count is checked when it is rendered), or at most
// kMaxDeckPages PNG/JPEG pages.
void checkDeck(const Session& s, const std::string& sp, FileTable& files, Checker& c) {
    const std::string p = sp + ".deck";
    const auto isPdf = [](const std::string& f) {
        return f.size() >= 4 && hasAllowedExtension(f, ruleFor(FileKind::Pdf));
    };
    const bool anyPdf = std::any_of(s.deck.begin(), s.deck.end(), isPdf);
    if (anyPdf && s.deck.size() != 1) {
        c.expect(p, "one PDF file, or PNG/JPEG page files (not both)",
                 fmt::format("{} files with a PDF among them", s.deck.size()));
    } else if (anyPdf) {
        checkFile(files, c, p, s.deck[0], FileKind::Pdf);
    } else if (s.deck.size() > kMaxDeckPages) {
        c.expect(p, fmt::format("at most {} page files", kMaxDeckPages),
                 std::to_string(s.deck.size()));
    } else {
        for (std::size_t i = 0; i < s.deck.size(); ++i)
            checkFile(files, c, indexPath(p, i), s.deck[i], FileKind::Image);
    }
}

void checkSpeakerPhotos(const Session& s, const std::string& p, FileTable& files, Checker& c) {
    for (std::size_t k = 0; k < s.speakers.size(); ++k)
        if (!s.speakers[k].photo.empty())
            checkFile(files, c, indexPath(p + ".speakers", k) + ".photo", s.speakers[k].photo,
                      FileKind::Image);
    if (s.moderator && !s.moderator->photo.empty())
        checkFile(files, c, p + ".moderator.photo", s.moderator->photo, FileKind::Image);
}

} // namespace

void checkBoothContent(const Exhibition& ex, const fs::path& baseDir, Checker& c) {
    FileTable files(baseDir);
    for (std::size_t i = 0; i < ex.pavilions.size(); ++i)
        if (!ex.pavilions[i].flag.empty())
            checkFile(files, c, indexPath("pavilions", i) + ".flag", ex.pavilions[i].flag,
                      FileKind::Image);
    for (std::size_t i = 0; i < ex.exhibitors.size(); ++i)
        checkFile(files, c, indexPath("exhibitors", i) + ".logo", ex.exhibitors[i].logo,
                  FileKind::Image);
    for (std::size_t i = 0; i < ex.booths.size(); ++i)
        checkBooth(ex.booths[i], indexPath("booths", i), files, c);
    for (std::size_t i = 0; i < ex.sessions.size(); ++i) {
        checkDeck(ex.sessions[i], indexPath("sessions", i), files, c);
        checkSpeakerPhotos(ex.sessions[i], indexPath("sessions", i), files, c);
    }
    for (std::size_t i = 0; i < ex.awards.size(); ++i)
        for (std::size_t k = 0; k < ex.awards[i].pitches.size(); ++k)
            if (!ex.awards[i].pitches[k].poster.empty())
                checkFile(files, c, indexPath(indexPath("awards", i) + ".pitches", k) + ".poster",
                          ex.awards[i].pitches[k].poster, FileKind::Image);
}

} // namespace fg::expo::detail

namespace fg::expo {
namespace {

void countRule(std::vector<ContentProblem>& out, const char* noun, std::size_t count,
               std::uint32_t max, BoothSize size) {
    if (count > max)
        out.push_back({fmt::format("content.{}", noun),
                       fmt::format("at most {} {} for size {}", max, noun, toString(size)),
                       std::to_string(count)});
}

void posterSlots(const Booth& b, const FieldReadable& readable, std::vector<ContentProblem>& out) {
    const std::uint32_t max = sizeTemplate(b.size).maxPosters;
    std::unordered_map<std::uint32_t, std::size_t> slots;
    for (std::size_t i = 0; i < b.content.posters.size(); ++i) {
        std::string path = detail::indexPath("content.posters", i) + ".slot";
        std::uint32_t slot = b.content.posters[i].slot;
        if (!readable(path)) continue; // unreadable: its default 0 must not clash with a real 0
        if (slot >= max) {
            out.push_back(
                {path, fmt::format("a slot from 0 to {} for size {}", max - 1, toString(b.size)),
                 std::to_string(slot)});
            continue;
        }
        auto [it, inserted] = slots.emplace(slot, i);
        if (!inserted)
            out.push_back({path, fmt::format("a slot not used by posters[{}]", it->second),
                           std::to_string(slot)});
    }
}

void modelRules(const Booth& b, const FieldReadable& readable, std::vector<ContentProblem>& out) {
    const auto& models = b.content.models;
    if (readable("kind")) {
        if (b.kind == BoothKind::TwoD && !models.empty())
            out.push_back(
                {"content.models", "no models in a 2d booth", std::to_string(models.size())});
        if (b.kind == BoothKind::ThreeD && models.empty())
            out.push_back({"content.models", "at least one model in a 3d booth", "0"});
    }
    countRule(out, "models", models.size(), sizeTemplate(b.size).maxModels, b.size);
    auto scaleOk = [](float v) { return v >= 0.01f && v <= 100.0f; };
    for (std::size_t i = 0; i < models.size(); ++i) {
        glm::vec3 s = models[i].scale;
        if (!scaleOk(s.x) || !scaleOk(s.y) || !scaleOk(s.z))
            out.push_back({detail::indexPath("content.models", i) + ".scale",
                           "each scale from 0.01 to 100", vec3Text(s)});
    }
}

} // namespace

std::vector<ContentProblem> checkContentBudget(const Booth& booth, const FieldReadable& readable) {
    const FieldReadable all = [](const std::string&) { return true; };
    const FieldReadable& canRead = readable ? readable : all;
    const SizeTemplate& t = sizeTemplate(booth.size);
    const BoothContent& c = booth.content;
    std::vector<ContentProblem> out;
    if (c.posters.size() > t.maxPosters)
        countRule(out, "posters", c.posters.size(), t.maxPosters, booth.size);
    else
        posterSlots(booth, canRead, out);
    modelRules(booth, canRead, out);
    countRule(out, "signs", c.signs.size(), t.maxSigns, booth.size);
    countRule(out, "documents", c.documents.size(), t.maxDocuments, booth.size);
    countRule(out, "links", c.links.size(), t.maxLinks, booth.size);
    countRule(out, "videos", c.videos.size(), t.maxVideos, booth.size);
    return out;
}

} // namespace fg::expo
