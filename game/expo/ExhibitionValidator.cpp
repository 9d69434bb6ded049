// The validator's entry points, problem collection, and the text, id and reference rules.
// Geometry, schedule and booth-content rules live in their own files; no JSON parsing here.
#include "game/expo/ExhibitionValidator.h"

#include "engine/core/TimeZone.h"
#include "game/expo/ExhibitionSyntax.h"

#include <algorithm>
#include <fmt/format.h>
#include <unordered_map>

namespace fg::expo {
namespace detail {
namespace {

constexpr std::size_t kMaxUrlLength = 300;
constexpr std::size_t kMaxEmailLength = 254;
constexpr std::size_t kMaxSpeakers = 20;
constexpr std::size_t kMaxFinalists = 20;
constexpr std::size_t kMaxPitchLength = 2000;
constexpr std::size_t kMaxCriteria = 10;

void checkText(Checker& c, const std::string& path, const std::string& text, std::size_t min,
               std::size_t max) {
    auto length = utf8Length(text);
    if (!length) {
        c.expect(path, "valid UTF-8 text", foundText(text));
        return;
    }
    if (*length >= min && *length <= max) return;
    std::string expected = min == 0 ? fmt::format("at most {} characters", max)
                                    : fmt::format("{} to {} characters", min, max);
    c.expect(path, expected, foundText(text));
}

void checkCountry(Checker& c, const std::string& path, const std::string& code) {
    if (!isCountryCode(code))
        c.expect(path, "an ISO 3166-1 alpha-2 country code such as \"VN\"", foundText(code));
}

// Translations of a text (name_i18n...): each a language code with text of the same length rule.
void checkTranslations(Checker& c, const std::string& path, const Translations& t,
                       std::size_t max) {
    for (const auto& [code, text] : t) {
        if (!isLanguageCode(code))
            c.expect(path, "language codes such as \"fr\" or \"pt-BR\"", foundText(code));
        checkText(c, path + "." + code, text, 1, max);
    }
}

void checkUrl(Checker& c, const std::string& path, const std::string& url) {
    if (!isHttpUrl(url) || url.size() > kMaxUrlLength)
        c.expect(path,
                 fmt::format("an http:// or https:// URL of at most {} characters", kMaxUrlLength),
                 foundText(url));
}

void checkId(Checker& c, const std::string& path, const std::string& id) {
    if (!isValidId(id))
        c.expect(path, "an id of 1 to 64 characters from a-z, 0-9 and -", foundText(id));
}

void checkEvent(const Event& e, Checker& c) {
    checkText(c, "event.name", e.name, 1, 120);
    checkText(c, "event.organiser", e.organiser, 1, 120);
    checkCountry(c, "event.host_country", e.hostCountry);
    if (!isTimeZoneName(e.timeZone))
        c.expect("event.time_zone",
                 "an IANA time zone name such as \"Asia/Ho_Chi_Minh\" or \"UTC\"",
                 foundText(e.timeZone));
    else if (!tz::zoneExists(e.timeZone))
        c.expect("event.time_zone",
                 fmt::format("a time zone of the TZ database ({})", tz::zoneDatabasePath()),
                 foundText(e.timeZone));
}

void checkExhibitorText(const Exhibitor& e, const std::string& p, Checker& c) {
    checkText(c, p + ".name", e.name, 1, 120);
    checkCountry(c, p + ".country", e.country);
    checkText(c, p + ".sector", e.sector, 1, 60);
    checkText(c, p + ".description", e.description, 0, 2000);
    checkTranslations(c, p + ".name_i18n", e.nameI18n, 120);
    checkTranslations(c, p + ".description_i18n", e.descriptionI18n, 2000);
    checkUrl(c, p + ".website", e.website);
    if (!isEmailAddress(e.email) || e.email.size() > kMaxEmailLength)
        c.expect(p + ".email", "an e-mail address local@domain.tld of at most 254 characters",
                 foundText(e.email));
}

void checkContentText(const BoothContent& content, const std::string& p, Checker& c) {
    for (std::size_t i = 0; i < content.signs.size(); ++i)
        checkText(c, indexPath(p + ".signs", i), content.signs[i], 1, 48);
    for (std::size_t i = 0; i < content.documents.size(); ++i)
        checkText(c, indexPath(p + ".documents", i) + ".title", content.documents[i].title, 1, 120);
    for (std::size_t i = 0; i < content.links.size(); ++i) {
        std::string lp = indexPath(p + ".links", i);
        checkText(c, lp + ".title", content.links[i].title, 1, 120);
        checkUrl(c, lp + ".url", content.links[i].url);
    }
    for (std::size_t i = 0; i < content.videos.size(); ++i) {
        std::string vp = indexPath(p + ".videos", i);
        checkText(c, vp + ".title", content.videos[i].title, 1, 120);
        checkUrl(c, vp + ".url", content.videos[i].url);
    }
}

// A speaker or moderator: a name, optional title and organisation, a country code if any (the
// photo is checked with the other files).
void checkSpeaker(Checker& c, const std::string& p, const Speaker& sp) {
    checkText(c, p + ".name", sp.name, 1, 120);
    checkText(c, p + ".title", sp.title, 0, 160);
    checkText(c, p + ".organisation", sp.organisation, 0, 160);
    if (!sp.country.empty()) checkCountry(c, p + ".country", sp.country);
}

void checkSessionText(const Session& s, const std::string& p, Checker& c) {
    checkText(c, p + ".title", s.title, 1, 160);
    checkText(c, p + ".description", s.description, 0, 2000);
    checkTranslations(c, p + ".title_i18n", s.titleI18n, 160);
    checkTranslations(c, p + ".description_i18n", s.descriptionI18n, 2000);
    if (s.speakers.size() > kMaxSpeakers)
        c.expect(p + ".speakers", fmt::format("at most {} speakers", kMaxSpeakers),
                 std::to_string(s.speakers.size()));
    for (std::size_t i = 0; i < s.speakers.size(); ++i)
        checkSpeaker(c, indexPath(p + ".speakers", i), s.speakers[i]);
    if (s.moderator) checkSpeaker(c, p + ".moderator", *s.moderator);
    const Registration& r = s.registration;
    if (r.capacity > 100000)
        c.expect(p + ".registration.capacity", "an integer from 1 to 100000",
                 std::to_string(r.capacity));
}

void checkHostPavilion(const Exhibition& ex, Checker& c) {
    std::size_t firstHost = ex.pavilions.size();
    for (std::size_t i = 0; i < ex.pavilions.size(); ++i) {
        const Pavilion& pav = ex.pavilions[i];
        if (!pav.host) continue;
        std::string p = indexPath("pavilions", i);
        if (firstHost < ex.pavilions.size()) {
            c.expect(p + ".host",
                     fmt::format("at most one host pavilion ({} {} is already the host)",
                                 indexPath("pavilions", firstHost),
                                 quoteJson(ex.pavilions[firstHost].id)),
                     "true");
            continue;
        }
        firstHost = i;
        if (pav.country != ex.event.hostCountry && c.intact("event.host_country"))
            c.expect(p + ".country",
                     fmt::format("the event's host_country {} for the host pavilion",
                                 quoteJson(ex.event.hostCountry)),
                     foundText(pav.country));
    }
}

// Index of each id of one kind; reports bad syntax and repeats at PATH[i].id.
template <class T>
std::unordered_map<std::string, std::size_t> indexIds(const std::vector<T>& items,
                                                      std::string_view array,
                                                      std::string_view kindName, Checker& c) {
    std::unordered_map<std::string, std::size_t> index;
    index.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        std::string p = indexPath(array, i) + ".id";
        checkId(c, p, items[i].id);
        auto [it, inserted] = index.emplace(items[i].id, i);
        if (!inserted && c.intact(indexPath(array, it->second) + ".id"))
            c.expect(p,
                     fmt::format("an id not used by another {} ({} has it)", kindName,
                                 indexPath(array, it->second)),
                     foundText(items[i].id));
    }
    return index;
}

void checkBoothReferences(const Exhibition& ex, Checker& c) {
    std::unordered_map<std::string, std::size_t> exhibitors, halls, pavilions;
    for (std::size_t i = 0; i < ex.exhibitors.size(); ++i)
        exhibitors.emplace(ex.exhibitors[i].id, i);
    for (std::size_t i = 0; i < ex.halls.size(); ++i)
        halls.emplace(ex.halls[i].id, i);
    for (std::size_t i = 0; i < ex.pavilions.size(); ++i)
        pavilions.emplace(ex.pavilions[i].id, i);
    bool exhibitorsOk = c.idsIntact("exhibitors", ex.exhibitors.size());
    bool hallsOk = c.idsIntact("halls", ex.halls.size());
    bool pavilionsOk = c.idsIntact("pavilions", ex.pavilions.size());
    for (std::size_t i = 0; i < ex.booths.size(); ++i) {
        const Booth& b = ex.booths[i];
        std::string p = indexPath("booths", i);
        if (!exhibitors.contains(b.exhibitor) && exhibitorsOk)
            c.expect(p + ".exhibitor", "the id of an exhibitor", foundText(b.exhibitor));
        bool hallKnown = halls.contains(b.hall);
        if (!hallKnown && hallsOk) c.expect(p + ".hall", "the id of a hall", foundText(b.hall));
        if (b.pavilion.empty()) continue;
        auto pav = pavilions.find(b.pavilion);
        if (pav == pavilions.end() && pavilionsOk)
            c.expect(p + ".pavilion", "the id of a pavilion", foundText(b.pavilion));
        else if (pav != pavilions.end() && hallKnown && ex.pavilions[pav->second].hall != b.hall &&
                 halls.contains(ex.pavilions[pav->second].hall) && c.intact(p + ".hall") &&
                 c.intact(indexPath("pavilions", pav->second) + ".hall"))
            c.expect(p + ".pavilion",
                     fmt::format("a pavilion in hall {} ({} is in hall {})", quoteJson(b.hall),
                                 quoteJson(b.pavilion), quoteJson(ex.pavilions[pav->second].hall)),
                     foundText(b.pavilion));
    }
}

void checkPitches(const AwardCategory& a, const std::string& p, Checker& c) {
    std::unordered_map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < a.pitches.size(); ++i) {
        const AwardPitch& pitch = a.pitches[i];
        std::string pp = indexPath(p + ".pitches", i);
        auto [it, inserted] = seen.emplace(pitch.booth, i);
        if (!inserted)
            c.expect(pp + ".booth",
                     fmt::format("a finalist without a pitch (pitches[{}])", it->second),
                     foundText(pitch.booth));
        else if (std::find(a.finalists.begin(), a.finalists.end(), pitch.booth) ==
                 a.finalists.end())
            c.expect(pp + ".booth", "one of the category's finalists", foundText(pitch.booth));
        checkText(c, pp + ".text", pitch.text, 1, kMaxPitchLength);
        if (!pitch.video.empty()) checkUrl(c, pp + ".video", pitch.video);
    }
}

void checkRubric(const AwardCategory& a, const std::string& p, Checker& c) {
    if (a.rubric.size() > kMaxCriteria)
        c.expect(p + ".rubric", fmt::format("at most {} criteria", kMaxCriteria),
                 std::to_string(a.rubric.size()));
    for (std::size_t i = 0; i < a.rubric.size(); ++i) {
        std::string rp = indexPath(p + ".rubric", i);
        checkText(c, rp + ".name", a.rubric[i].name, 1, 80);
        if (a.rubric[i].weight < 1 || a.rubric[i].weight > 100)
            c.expect(rp + ".weight", "an integer from 1 to 100",
                     std::to_string(a.rubric[i].weight));
    }
}

// Weights, the voting window and the ceremony session.
void checkAwardRules(const Exhibition& ex, const AwardCategory& a, const std::string& p,
                     Checker& c) {
    if (a.juryWeight > 100)
        c.expect(p + ".jury_weight", "an integer from 0 to 100", std::to_string(a.juryWeight));
    if (a.publicWeight > 100)
        c.expect(p + ".public_weight", "an integer from 0 to 100", std::to_string(a.publicWeight));
    if (a.juryWeight + a.publicWeight == 0)
        c.expect(p + ".public_weight", "a jury or public weight above 0", "both 0");
    if (a.juryWeight > 0 && a.rubric.empty())
        c.expect(p + ".rubric", "at least one criterion (jury_weight is above 0)", "none");
    // A window taken whole from the event's dates is the event's rule (checkEvent).
    auto [opens, closes] = votingWindow(ex, a);
    if ((a.votingOpens != 0 || a.votingCloses != 0) && opens >= closes)
        c.expect(p + ".voting.closes", "a time after voting opens", formatUtcTimestamp(closes));
    if (a.ceremony.empty()) return;
    auto session = std::find_if(ex.sessions.begin(), ex.sessions.end(),
                                [&](const Session& s) { return s.id == a.ceremony; });
    if (session == ex.sessions.end() || session->kind != SessionKind::Awards)
        c.expect(p + ".ceremony", "the id of an awards session", foundText(a.ceremony));
}

void checkAwards(const Exhibition& ex, const std::unordered_map<std::string, std::size_t>& booths,
                 Checker& c) {
    for (std::size_t i = 0; i < ex.awards.size(); ++i) {
        const AwardCategory& a = ex.awards[i];
        std::string p = indexPath("awards", i);
        checkText(c, p + ".name", a.name, 1, 120);
        if (a.finalists.empty() || a.finalists.size() > kMaxFinalists)
            c.expect(p + ".finalists", fmt::format("1 to {} finalists", kMaxFinalists),
                     std::to_string(a.finalists.size()));
        bool boothsOk = c.idsIntact("booths", ex.booths.size());
        std::unordered_map<std::string, std::size_t> seen;
        for (std::size_t f = 0; f < a.finalists.size(); ++f) {
            std::string fp = indexPath(p + ".finalists", f);
            auto [it, inserted] = seen.emplace(a.finalists[f], f);
            if (!inserted)
                c.expect(fp, fmt::format("a booth not already listed (finalists[{}])", it->second),
                         foundText(a.finalists[f]));
            else if (!booths.contains(a.finalists[f]) && boothsOk)
                c.expect(fp, "the id of a booth", foundText(a.finalists[f]));
        }
        checkPitches(a, p, c);
        checkRubric(a, p, c);
        checkAwardRules(ex, a, p, c);
    }
}

void checkVenueIds(const Exhibition& ex, Checker& c) {
    std::unordered_map<std::string, std::string> seen; // id -> path of its first use
    for (std::size_t h = 0; h < ex.halls.size(); ++h) {
        for (std::size_t v = 0; v < ex.halls[h].venues.size(); ++v) {
            std::string p = indexPath(indexPath("halls", h) + ".venues", v) + ".id";
            const std::string& id = ex.halls[h].venues[v].id;
            checkId(c, p, id);
            auto [it, inserted] = seen.emplace(id, p);
            if (!inserted && c.intact(it->second))
                c.expect(p,
                         fmt::format("an id not used by another venue ({} has it)",
                                     it->second.substr(0, it->second.size() - 3)),
                         foundText(id));
        }
    }
}

} // namespace

bool Checker::intact(const std::string& path) const {
    if (!m_broken || m_broken->empty()) return true;
    if (m_broken->contains(path)) return false;
    for (std::size_t i = 1; i < path.size(); ++i) {
        if ((path[i] == '.' || path[i] == '[') && m_broken->contains(path.substr(0, i)))
            return false;
    }
    return true;
}

bool Checker::idsIntact(std::string_view array, std::size_t count) const {
    if (!m_broken || m_broken->empty()) return true;
    if (!intact(std::string(array))) return false;
    for (std::size_t i = 0; i < count; ++i)
        if (!intact(indexPath(array, i) + ".id")) return false;
    return true;
}

bool Checker::venueIdsIntact(const Exhibition& ex) const {
    if (!idsIntact("halls", ex.halls.size())) return false;
    for (std::size_t h = 0; h < ex.halls.size(); ++h)
        if (!idsIntact(indexPath("halls", h) + ".venues", ex.halls[h].venues.size())) return false;
    return true;
}

void Checker::add(const std::string& path, std::string message) {
    if (intact(path)) m_problems.push_back(Problem{m_file, path, std::move(message)});
}

void Checker::expect(const std::string& path, std::string_view expected, std::string_view found) {
    add(path, fmt::format("expected {}, found {}", expected, found));
}

std::string indexPath(std::string_view array, std::size_t index) {
    return fmt::format("{}[{}]", array, index);
}

void checkEventAndText(const Exhibition& ex, Checker& c) {
    if (ex.format != kFormatVersion)
        c.expect("format", std::to_string(kFormatVersion), std::to_string(ex.format));
    checkEvent(ex.event, c);
    for (std::size_t h = 0; h < ex.halls.size(); ++h) {
        std::string p = indexPath("halls", h);
        checkText(c, p + ".name", ex.halls[h].name, 1, 80);
        checkTranslations(c, p + ".name_i18n", ex.halls[h].nameI18n, 80);
        for (std::size_t v = 0; v < ex.halls[h].venues.size(); ++v) {
            const std::string vp = indexPath(p + ".venues", v);
            checkText(c, vp + ".name", ex.halls[h].venues[v].name, 1, 80);
            checkTranslations(c, vp + ".name_i18n", ex.halls[h].venues[v].nameI18n, 80);
        }
    }
    for (std::size_t i = 0; i < ex.pavilions.size(); ++i) {
        std::string p = indexPath("pavilions", i);
        checkText(c, p + ".name", ex.pavilions[i].name, 1, 80);
        checkTranslations(c, p + ".name_i18n", ex.pavilions[i].nameI18n, 80);
        checkCountry(c, p + ".country", ex.pavilions[i].country);
    }
    checkHostPavilion(ex, c);
    for (std::size_t i = 0; i < ex.exhibitors.size(); ++i)
        checkExhibitorText(ex.exhibitors[i], indexPath("exhibitors", i), c);
    for (std::size_t i = 0; i < ex.booths.size(); ++i)
        checkContentText(ex.booths[i].content, indexPath("booths", i) + ".content", c);
    for (std::size_t i = 0; i < ex.sessions.size(); ++i)
        checkSessionText(ex.sessions[i], indexPath("sessions", i), c);
}

void checkIdsAndReferences(const Exhibition& ex, Checker& c) {
    indexIds(ex.halls, "halls", "hall", c);
    checkVenueIds(ex, c);
    indexIds(ex.pavilions, "pavilions", "pavilion", c);
    indexIds(ex.exhibitors, "exhibitors", "exhibitor", c);
    auto booths = indexIds(ex.booths, "booths", "booth", c);
    indexIds(ex.sessions, "sessions", "session", c);
    indexIds(ex.awards, "awards", "award category", c);
    checkBoothReferences(ex, c);
    bool hallsOk = c.idsIntact("halls", ex.halls.size());
    for (std::size_t i = 0; i < ex.pavilions.size(); ++i)
        if (!findHall(ex, ex.pavilions[i].hall) && hallsOk)
            c.expect(indexPath("pavilions", i) + ".hall", "the id of a hall",
                     foundText(ex.pavilions[i].hall));
    checkAwards(ex, booths, c);
}

std::vector<Problem> validate(const Exhibition& ex, const std::filesystem::path& baseDir,
                              const std::string& fileLabel,
                              const std::unordered_set<std::string>* broken) {
    Checker checker(fileLabel, broken);
    checkEventAndText(ex, checker);
    checkIdsAndReferences(ex, checker);
    checkLayout(ex, checker);
    checkVenueLayouts(ex, checker);
    checkSchedule(ex, checker);
    checkBoothContent(ex, baseDir, checker);
    return checker.take();
}

} // namespace detail

std::string Problem::toString() const {
    if (path.empty()) return fmt::format("{}: {}", file, message);
    return fmt::format("{}: {}: {}", file, path, message);
}

std::vector<Problem> validateExhibition(const Exhibition& exhibition,
                                        const std::filesystem::path& baseDir,
                                        const std::string& fileLabel) {
    return detail::validate(exhibition, baseDir, fileLabel, nullptr);
}

} // namespace fg::expo
