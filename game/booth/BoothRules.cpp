// Text, count, id and profile rules of a booth (docs/EXHIBITION_FORMAT.md, booth and exhibitor).
// Must not read or import files; file rules are in BoothProblems.cpp.
#include "game/booth/BoothRules.h"

#include "game/expo/ExhibitionContent.h"
#include "game/expo/ExhibitionSyntax.h"

#include <fmt/format.h>

namespace fg::booth {

namespace {

using Out = std::vector<BoothProblem>;

constexpr std::size_t kMaxUrlLength = 300;
constexpr std::size_t kMaxEmailLength = 254;

void invalid(Out& out, std::string path, std::string message) {
    out.push_back({Severity::Error, ProblemKind::Invalid, std::move(path), std::move(message)});
}

// The syntax rules and wording below follow the exhibition validator (ExhibitionValidator.cpp)
// through fg_expo's shared predicates, so a booth the editor accepts also validates.
void text(Out& out, const std::string& path, const std::string& value, std::size_t lo,
          std::size_t hi) {
    auto length = expo::utf8Length(value);
    if (!length)
        invalid(out, path, "expected valid UTF-8 text, found " + expo::foundText(value));
    else if (*length < lo || *length > hi)
        invalid(out, path,
                fmt::format("expected {}, found {}",
                            lo == 0 ? fmt::format("at most {} characters", hi)
                                    : fmt::format("{} to {} characters", lo, hi),
                            expo::foundText(value)));
}

void id(Out& out, const std::string& path, const std::string& value) {
    if (!expo::isValidId(value))
        invalid(out, path,
                "expected an id of 1 to 64 characters from a-z, 0-9 and -, found " +
                    expo::foundText(value));
}

void url(Out& out, const std::string& path, const std::string& value) {
    if (!expo::isHttpUrl(value) || value.size() > kMaxUrlLength)
        invalid(
            out, path,
            fmt::format("expected an http:// or https:// URL of at most {} characters, found {}",
                        kMaxUrlLength, expo::foundText(value)));
}

// Counts, poster slots and model rules are the validator's own (expo::checkContentBudget), so
// the editor and fairground-validate cannot disagree about a booth.
void checkContent(const expo::Booth& b, Out& out) {
    for (const expo::ContentProblem& problem : expo::checkContentBudget(b))
        invalid(out, "booth." + problem.path,
                fmt::format("expected {}, found {}", problem.expected, problem.found));
    const auto& c = b.content;
    const std::string p = "booth.content";
    for (std::size_t i = 0; i < c.signs.size(); ++i)
        text(out, fmt::format("{}.signs[{}]", p, i), c.signs[i], 1, 48);
    for (std::size_t i = 0; i < c.documents.size(); ++i)
        text(out, fmt::format("{}.documents[{}].title", p, i), c.documents[i].title, 1, 120);
    for (std::size_t i = 0; i < c.links.size(); ++i) {
        text(out, fmt::format("{}.links[{}].title", p, i), c.links[i].title, 1, 120);
        url(out, fmt::format("{}.links[{}].url", p, i), c.links[i].url);
    }
    for (std::size_t i = 0; i < c.videos.size(); ++i) {
        text(out, fmt::format("{}.videos[{}].title", p, i), c.videos[i].title, 1, 120);
        url(out, fmt::format("{}.videos[{}].url", p, i), c.videos[i].url);
    }
}

void checkProfile(const BoothBundle& b, Out& out) {
    const auto& e = b.profile;
    id(out, "profile.id", e.id);
    if (e.id != b.booth.exhibitor)
        invalid(out, "booth.exhibitor",
                fmt::format("expected the profile's id {}, found {}", expo::foundText(e.id),
                            expo::foundText(b.booth.exhibitor)));
    text(out, "profile.name", e.name, 1, 120);
    if (!expo::isCountryCode(e.country))
        invalid(out, "profile.country",
                "expected an ISO 3166-1 alpha-2 country code such as \"VN\", found " +
                    expo::foundText(e.country));
    text(out, "profile.sector", e.sector, 1, 60);
    text(out, "profile.description", e.description, 0, 2000);
    url(out, "profile.website", e.website);
    if (!expo::isEmailAddress(e.email) || e.email.size() > kMaxEmailLength)
        invalid(out, "profile.email",
                "expected an e-mail address local@domain.tld of at most 254 characters, found " +
                    expo::foundText(e.email));
}

} // namespace

void checkRules(const BoothBundle& bundle, Out& out) {
    const auto& b = bundle.booth;
    id(out, "booth.id", b.id);
    id(out, "booth.hall", b.hall);
    if (b.rotation % 90 != 0 || b.rotation < 0 || b.rotation > 270)
        invalid(out, "booth.rotation",
                fmt::format("expected one of 0, 90, 180, 270, found {}", b.rotation));
    checkContent(b, out);
    checkProfile(bundle, out);
}

bool fileInUse(const BoothBundle& bundle, const std::string& name) {
    for (const std::string& ref : referencedFiles(bundle))
        if (ref == name) return true;
    for (const auto& m : bundle.booth.content.models) {
        auto slash = m.file.rfind('/');
        if (slash != std::string::npos && name.rfind(m.file.substr(0, slash + 1), 0) == 0)
            return true;
    }
    return false;
}

void checkUnusedFiles(const BoothBundle& bundle, Out& out) {
    for (const auto& [name, data] : bundle.files)
        if (!fileInUse(bundle, name))
            out.push_back({Severity::Warning, ProblemKind::Invalid, name,
                           "file is not used by the booth (it is still uploaded)"});
}

} // namespace fg::booth
