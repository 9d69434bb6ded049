// Text, count, id and profile rules of a booth (docs/EXHIBITION_FORMAT.md, booth and exhibitor).
// Must not read or import files; file rules are in BoothProblems.cpp.
#include "game/booth/BoothRules.h"

#include "game/expo/ExhibitionContent.h"

#include <algorithm>
#include <fmt/format.h>

namespace fg::booth {

namespace {

using Out = std::vector<BoothProblem>;

void invalid(Out& out, std::string path, std::string message) {
    out.push_back({Severity::Error, ProblemKind::Invalid, std::move(path), std::move(message)});
}

std::string quoted(const std::string& s) {
    return "\"" + s.substr(0, 60) + (s.size() > 60 ? "...\"" : "\"");
}

void text(Out& out, const std::string& path, const std::string& value, std::size_t lo,
          std::size_t hi) {
    if (value.size() < lo || value.size() > hi)
        invalid(out, path,
                fmt::format("expected {} to {} characters, found {}", lo, hi, value.size()));
}

bool validId(const std::string& id) {
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

void url(Out& out, const std::string& path, const std::string& value) {
    bool ok = (value.rfind("http://", 0) == 0 || value.rfind("https://", 0) == 0) &&
              value.size() > 8 && value.size() <= 300 && value.find(' ') == std::string::npos;
    if (!ok)
        invalid(out, path,
                "expected an http:// or https:// URL up to 300 characters, found " + quoted(value));
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
    if (!validId(e.id))
        invalid(out, "profile.id", "expected an id of [a-z0-9-], found " + quoted(e.id));
    if (e.id != b.booth.exhibitor)
        invalid(
            out, "booth.exhibitor",
            fmt::format("the profile's id {}, found {}", quoted(e.id), quoted(b.booth.exhibitor)));
    text(out, "profile.name", e.name, 1, 120);
    bool country = e.country.size() == 2 &&
                   std::isupper(static_cast<unsigned char>(e.country[0])) &&
                   std::isupper(static_cast<unsigned char>(e.country[1]));
    if (!country)
        invalid(out, "profile.country",
                "expected a country code like VN, found " + quoted(e.country));
    text(out, "profile.sector", e.sector, 1, 60);
    text(out, "profile.description", e.description, 0, 2000);
    url(out, "profile.website", e.website);
    auto at = e.email.find('@');
    bool email = at != std::string::npos && at > 0 && e.email.find('.', at) != std::string::npos &&
                 e.email.back() != '.' && e.email.size() <= 254 &&
                 e.email.find(' ') == std::string::npos;
    if (!email)
        invalid(out, "profile.email", "expected local@domain.tld, found " + quoted(e.email));
}

} // namespace

void checkRules(const BoothBundle& bundle, Out& out) {
    const auto& b = bundle.booth;
    if (!validId(b.id))
        invalid(out, "booth.id", "expected an id of [a-z0-9-], found " + quoted(b.id));
    if (!validId(b.hall)) invalid(out, "booth.hall", "expected a hall id, found " + quoted(b.hall));
    if (b.rotation % 90 != 0 || b.rotation < 0 || b.rotation > 270)
        invalid(out, "booth.rotation", fmt::format("one of 0, 90, 180, 270, found {}", b.rotation));
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
