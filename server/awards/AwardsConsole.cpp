// AwardsModule's console: `awards status|progress|results|audit|ballots|reveal|voting` and
// `invite jury`. Parses and prints; every change goes through AwardsModule's methods.
#include "engine/core/File.h"
#include "game/expo/LeadsCsv.h"
#include "server/awards/AwardsModule.h"
#include "server/console/ConsoleCommands.h"
#include "server/console/ConsoleText.h"
#include "server/store/Store.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace fg::server {

using console::ConsoleResult;

namespace {

ConsoleResult fail(std::string text) {
    return {std::move(text) + "\n", false};
}

const char* votingName(proto::VotingState v) {
    static const char* const kNames[] = {"not yet open", "open", "closed"};
    return kNames[int(v) <= int(proto::kVotingStateMax) ? int(v) : 0];
}

std::vector<std::string> splitComma(const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t at = 0; at <= text.size();) {
        std::size_t comma = std::min(text.find(',', at), text.size());
        if (comma > at) out.push_back(text.substr(at, comma - at));
        at = comma + 1;
    }
    return out;
}

constexpr const char* kUsage =
    "usage: awards status [--json] | progress | results [CATEGORY] [--csv FILE] | audit | "
    "ballots --csv FILE | reveal CATEGORY [SECONDS] | voting CATEGORY open|closed|window";

} // namespace

void AwardsModule::registerCommands(console::ConsoleCommands& commands) {
    commands.add({"awards",
                  "awards status|progress|results|audit|ballots|reveal|voting ...",
                  "the SME awards: state, jury progress, results, audit, reveal",
                  "status [--json]: each category's voting, ballots, jurors and winner. "
                  "progress: what each juror has scored. results [CATEGORY] [--csv FILE]: the "
                  "ranking with ballots, public share, jury score and combined score. audit: "
                  "recounts every category from the stored records and compares. ballots --csv "
                  "FILE: every ballot, anonymised. reveal CATEGORY [SECONDS]: the winner after a "
                  "countdown (default 5 s) on everyone's screen, with an announcement. voting "
                  "CATEGORY open|closed|window: force voting open or closed, or back to the "
                  "file's window.",
                  1,
                  3,
                  {"json", "csv"},
                  {"status", "progress", "results", "audit", "ballots", "reveal", "voting"},
                  [this](const console::CommandArgs& a) { return command(a); }});
    commands.addSubcommand("invite", "jury", [this, &commands](const console::CommandArgs& a) {
        return inviteJury(commands, a.words);
    });
}

ConsoleResult AwardsModule::command(const console::CommandArgs& a) {
    const std::string& verb = a.words[0];
    if (verb == "status") return status(a.json);
    if (verb == "progress") return progress();
    if (verb == "results") return resultsCommand(a);
    if (verb == "audit") return audit();
    if (verb == "ballots") return ballotsCsv(a);
    if (verb == "reveal") return revealCommand(a);
    if (verb == "voting") return votingCommand(a);
    return fail(fmt::format("awards: unknown verb \"{}\" ({})", verb, kUsage));
}

ConsoleResult AwardsModule::status(bool json) const {
    nlohmann::json list = nlohmann::json::array();
    console::Table t({"category", "voting", "ballots", "jurors", "scores", "winner"});
    for (const auto& a : m_ctx.exhibition().awards) {
        auto c = m_ballots.find(a.id);
        const std::size_t ballots = c == m_ballots.end() ? 0 : c->second.size();
        std::size_t jurors = 0, scores = 0;
        for (const auto& j : m_jurors)
            jurors += j.category == a.id ? 1 : 0;
        for (const auto& [key, s] : m_scores)
            scores += s.category == a.id ? 1 : 0;
        auto w = m_winners.find(a.id);
        const std::string winner = w == m_winners.end() ? "" : w->second;
        const auto [opens, closes] = expo::votingWindow(m_ctx.exhibition(), a);
        list.push_back({{"category", a.id},
                        {"name", a.name},
                        {"voting", votingName(votingState(a))},
                        {"opens_utc", formatUtcTimestamp(opens)},
                        {"closes_utc", formatUtcTimestamp(closes)},
                        {"ballots", ballots},
                        {"jurors", jurors},
                        {"scores", scores},
                        {"winner", winner}});
        t.addRow({a.id, votingName(votingState(a)), std::to_string(ballots), std::to_string(jurors),
                  std::to_string(scores), winner.empty() ? "-" : winner});
    }
    if (json) return {list.dump(2) + "\n"};
    if (list.empty()) return {"no award categories\n"};
    return {t.render()};
}

ConsoleResult AwardsModule::progress() const {
    console::Table t({"juror", "category", "scored", "to score", "conflicts"});
    for (const auto& j : m_jurors) {
        const expo::AwardCategory* a = category(j.category);
        if (!a) continue;
        std::size_t scored = 0;
        std::string missing, conflicts;
        for (const std::string& booth : a->finalists) {
            if (!j.organisation.empty() && j.organisation == exhibitorOf(booth)) {
                conflicts += (conflicts.empty() ? "" : " ") + booth;
            } else if (m_scores.count(a->id + "\n" + booth + "\n" + j.person)) {
                ++scored;
            } else {
                missing += (missing.empty() ? "" : " ") + booth;
            }
        }
        t.addRow({fmt::format("{} ({})", j.label, j.person), a->id, std::to_string(scored),
                  missing.empty() ? "-" : missing, conflicts.empty() ? "-" : conflicts});
    }
    if (t.rows() == 0) return {"no jurors (invite jury CATEGORY)\n"};
    return {t.render()};
}

namespace {

std::string
resultsCsv(const std::vector<std::pair<std::string, std::vector<FinalistResult>>>& all) {
    std::string csv = "category,rank,booth,ballots,public_share,jurors,jury_score,combined\r\n";
    for (const auto& [category, ranked] : all)
        for (std::size_t i = 0; i < ranked.size(); ++i) {
            const FinalistResult& r = ranked[i];
            csv += fmt::format("{},{},{},{},{:.6f},{},{:.6f},{:.6f}\r\n", expo::csvField(category),
                               i + 1, expo::csvField(r.booth), r.ballots, r.publicShare, r.jurors,
                               r.jury, r.combined);
        }
    return csv;
}

} // namespace

ConsoleResult AwardsModule::resultsCommand(const console::CommandArgs& a) const {
    std::vector<std::pair<std::string, std::vector<FinalistResult>>> all;
    const std::string only = a.words.size() > 1 ? a.words[1] : "";
    if (!only.empty() && !category(only))
        return fail(fmt::format("awards results: no award category \"{}\"", only));
    for (const auto& c : m_ctx.exhibition().awards)
        if (only.empty() || c.id == only) all.push_back({c.id, *results(c.id)});
    if (a.csv) {
        if (Status st = writeFileAtomic(*a.csv, resultsCsv(all)); !st)
            return fail("awards results: " + st.error().message);
        return {fmt::format("results of {} categories written to {}\n", all.size(), *a.csv)};
    }
    std::string out;
    for (const auto& [id, ranked] : all) {
        console::Table t({"rank", "booth", "ballots", "public", "jurors", "jury", "combined"});
        for (std::size_t i = 0; i < ranked.size(); ++i)
            t.addRow({std::to_string(i + 1), ranked[i].booth, std::to_string(ranked[i].ballots),
                      fmt::format("{:.3f}", ranked[i].publicShare),
                      std::to_string(ranked[i].jurors), fmt::format("{:.3f}", ranked[i].jury),
                      fmt::format("{:.4f}", ranked[i].combined)});
        const expo::AwardCategory* c = category(id);
        out += fmt::format("{} (jury {} %, public {} %, ties by {})\n{}", id, c->juryWeight,
                           c->publicWeight, expo::toString(c->tieBreak), t.render());
    }
    return {out.empty() ? "no award categories\n" : out};
}

// Recounts from the rows on disk (not the live maps) and compares with the live results.
ConsoleResult AwardsModule::audit() const {
    auto ballots = m_book->ballots();
    auto scores = m_book->scores();
    if (!ballots) return fail("awards audit: " + ballots.error().message);
    if (!scores) return fail("awards audit: " + scores.error().message);
    std::string out;
    bool ok = true;
    for (const auto& a : m_ctx.exhibition().awards) {
        const auto recount = tally(a, *ballots, *scores);
        const auto live = *results(a.id);
        const bool same = recount == live;
        ok = ok && same;
        std::size_t n = 0;
        for (const auto& b : *ballots)
            n += b.category == a.id ? 1 : 0;
        out += fmt::format("{}: {} ballots, leader {}: {}\n", a.id, n,
                           recount.empty() ? "-" : recount.front().booth,
                           same ? "matches" : "DOES NOT MATCH the live count");
    }
    if (out.empty()) out = "no award categories\n";
    if (!m_queued.empty())
        out += fmt::format("({} ballots wait for this tick's commit)\n", m_queued.size());
    return {out, ok};
}

ConsoleResult AwardsModule::ballotsCsv(const console::CommandArgs& a) const {
    if (!a.csv) return fail("usage: awards ballots --csv FILE");
    auto ballots = m_book->ballots();
    if (!ballots) return fail("awards ballots: " + ballots.error().message);
    // Anonymised: the voter is a number per category, in the order ballots were last cast.
    std::map<std::string, std::size_t> numbers;
    std::string csv = "category,ballot,booth,cast_utc\r\n";
    for (const auto& b : *ballots)
        csv += fmt::format("{},{},{},{}\r\n", expo::csvField(b.category), ++numbers[b.category],
                           expo::csvField(b.booth), formatUtcTimestamp(b.castAt));
    if (Status st = writeFileAtomic(*a.csv, csv); !st)
        return fail("awards ballots: " + st.error().message);
    return {fmt::format("{} ballots written to {}\n", ballots->size(), *a.csv)};
}

ConsoleResult AwardsModule::revealCommand(const console::CommandArgs& a) {
    if (a.words.size() < 2) return fail("usage: awards reveal CATEGORY [SECONDS]");
    std::uint32_t seconds = 5;
    if (a.words.size() == 3) {
        const std::string& n = a.words[2];
        if (n.empty() || n.size() > 2 || n.find_first_not_of("0123456789") != std::string::npos ||
            std::stoul(n) > proto::kMaxRevealCountdown)
            return fail(fmt::format("awards reveal: \"{}\" is not a countdown of 0 to {} seconds",
                                    n, proto::kMaxRevealCountdown));
        seconds = std::uint32_t(std::stoul(n));
    }
    if (Status st = startReveal(a.words[1], seconds); !st)
        return fail("awards reveal: " + st.error().message);
    if (seconds == 0)
        return {fmt::format("{}: the winner is {}\n", a.words[1], m_winners[a.words[1]])};
    return {fmt::format("revealing {} in {} s\n", a.words[1], seconds)};
}

ConsoleResult AwardsModule::votingCommand(const console::CommandArgs& a) {
    if (a.words.size() != 3 ||
        (a.words[2] != "open" && a.words[2] != "closed" && a.words[2] != "window"))
        return fail("usage: awards voting CATEGORY open|closed|window");
    const std::string& id = a.words[1];
    if (!category(id)) return fail(fmt::format("awards voting: no award category \"{}\"", id));
    std::optional<bool> open;
    if (a.words[2] != "window") open = a.words[2] == "open";
    if (Status st = m_book->setVotingOverride(id, open); !st)
        return fail("awards voting: " + st.error().message);
    if (open)
        m_overrides[id] = *open;
    else
        m_overrides.erase(id);
    return {fmt::format("voting in {} is {}\n", id, votingName(votingState(*category(id))))};
}

// "jury CATEGORY[,CATEGORY...] [--from EXHIBITOR] [LABEL]": a visitor credential on the jury.
ConsoleResult AwardsModule::inviteJury(console::ConsoleCommands& commands,
                                       const std::vector<std::string>& words) {
    constexpr const char* kJuryUsage =
        "usage: invite jury CATEGORY[,CATEGORY...] [--from EXHIBITOR] [LABEL]";
    // WORDS[0] is the verb "jury".
    std::vector<std::string> rest(words.begin() + (words.empty() ? 0 : 1), words.end());
    std::string organisation;
    for (std::size_t i = 0; i < rest.size(); ++i)
        if (rest[i] == "--from") {
            if (i + 1 == rest.size()) return fail("invite jury: --from needs an exhibitor id");
            organisation = rest[i + 1];
            rest.erase(rest.begin() + std::ptrdiff_t(i), rest.begin() + std::ptrdiff_t(i + 2));
            break;
        }
    if (rest.empty())
        return fail(std::string("invite jury: missing CATEGORY (") + kJuryUsage + ")");
    const std::vector<std::string> ids = splitComma(rest[0]);
    if (ids.empty()) return fail(std::string("invite jury: missing CATEGORY (") + kJuryUsage + ")");
    for (const auto& id : ids)
        if (!category(id)) return fail(fmt::format("invite jury: no award category \"{}\"", id));
    if (!organisation.empty() && !expo::findExhibitor(m_ctx.exhibition(), organisation))
        return fail(fmt::format("invite jury: unknown exhibitor \"{}\"", organisation));
    std::string label = "jury " + rest[0];
    for (std::size_t i = 1; i < rest.size(); ++i)
        label += (i == 1 ? ": " : " ") + rest[i];
    auto issued = m_ctx.store().issueCredential(store::Role::Visitor, "", label);
    if (!issued) return fail("invite jury: " + issued.error().message);
    std::vector<store::StoredJuror> added;
    for (const auto& id : ids)
        added.push_back({fmt::format("cred:{}", issued->credential.id), id, organisation, label});
    if (Status st = m_book->addJurors(added); !st)
        return fail("invite jury: " + st.error().message);
    m_jurors.insert(m_jurors.end(), added.begin(), added.end());
    return {commands.inviteText(*issued, label)};
}

} // namespace fg::server
