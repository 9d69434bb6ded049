// AwardsFeature's script actions (docs/CLIENT.md): awards, awards-tab, awards-vote, awards-go,
// jury, jury-score, awards-reveal, awards-section and awards-log, as a person would click them (the
// same requests as the buttons). Requests and logging only.
#include "engine/core/Log.h"
#include "game/client/ClientTry.h"
#include "game/client/awards/AwardsFeature.h"

#include <charconv>
#include <fmt/format.h>

namespace fg::client {

using namespace fg::expo::proto;

namespace {

Result<std::uint32_t> number(const std::string& action, const std::string& text, std::uint32_t low,
                             std::uint32_t high) {
    std::uint32_t v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || v < low || v > high)
        return makeError(
            fmt::format("{}: \"{}\" is not a number from {} to {}", action, text, low, high));
    return v;
}

std::string joined(const std::vector<std::string>& list) {
    std::string out;
    for (const std::string& s : list)
        out += (out.empty() ? "" : ",") + s;
    return out.empty() ? "-" : out;
}

const expo::AwardCategory* categoryOf(const Session& s, const std::string& id) {
    if (!s.ex) return nullptr;
    for (const expo::AwardCategory& a : s.ex->awards)
        if (a.id == id) return &a;
    return nullptr;
}

} // namespace

// jury-score CATEGORY BOOTH [S1 S2 ...]: the scores given, else the sliders' values (Submit).
Status AwardsFeature::scoreAction(const std::vector<std::string>& args) {
    FG_CLIENT_TRY(needArgs("jury-score", args, 2));
    const expo::AwardCategory* a = categoryOf(m_s, args[0]);
    if (!a) return makeError(fmt::format("jury-score: no category \"{}\"", args[0]));
    std::vector<int>& values = sliders(*a, args[1]);
    for (std::size_t i = 2; i < args.size() && i - 2 < values.size(); ++i) {
        auto v = number("jury-score", args[i], 1, 10);
        if (!v) return v.error();
        values[i - 2] = int(*v);
    }
    std::vector<std::uint8_t> scores(values.begin(), values.end());
    return actionRan(score(a->id, args[1], scores), "jury-score", args);
}

// awards-reveal CATEGORY [SECONDS]
Status AwardsFeature::revealAction(const std::vector<std::string>& args) {
    FG_CLIENT_TRY(needArgs("awards-reveal", args, 1));
    std::uint32_t seconds = 5;
    if (args.size() > 1) {
        auto v = number("awards-reveal", args[1], 0, kMaxRevealCountdown);
        if (!v) return v.error();
        seconds = *v;
    }
    return actionRan(revealWinner(args[0], seconds), "awards-reveal", args);
}

std::optional<Status> AwardsFeature::runAction(const std::string& name,
                                               const std::vector<std::string>& args) {
    const bool on = args.empty() || args[0] != "off";
    if (name == "awards") {
        m_window = on;
        if (on) refresh();
    } else if (name == "awards-tab") {
        FG_CLIENT_TRY(needArgs(name, args, 1));
        m_window = true;
        m_tab = args[0];
    } else if (name == "jury") {
        m_jury = on;
    } else if (name == "awards-vote") {
        FG_CLIENT_TRY(needArgs(name, args, 2));
        return actionRan(vote(args[0], args[1]), name, args);
    } else if (name == "awards-go") {
        FG_CLIENT_TRY(needArgs(name, args, 1));
        return actionRan(goTo(args[0]), name, args);
    } else if (name == "jury-score") {
        return scoreAction(args);
    } else if (name == "awards-reveal") {
        return revealAction(args);
    } else if (name == "awards-section") {
        m_scrollToSection = true;
    } else if (name == "awards-log") {
        logView();
    } else {
        return std::nullopt;
    }
    return Status{};
}

// One line per category of what this client shows (tests read them), then the reveal.
void AwardsFeature::logView() const {
    if (!m_s.ex) return;
    for (const expo::AwardCategory& a : m_s.ex->awards) {
        const AwardStatus* st = status(a.id);
        if (!st) {
            log::info("client: awards: {} (no state from the server yet)", a.id);
            continue;
        }
        log::info("client: awards: {} ballot={} juror={} scored={} conflicts={} winner={} "
                  "totals={} refusal=\"{}\"",
                  a.id, st->myBallot.empty() ? "-" : st->myBallot, st->juror ? 1 : 0,
                  joined(st->scored), joined(st->conflicts), st->winner.empty() ? "-" : st->winner,
                  st->ballots.empty() ? "hidden" : "shown",
                  m_refusals.count(a.id) ? m_refusals.at(a.id) : "");
    }
    const auto shown = world();
    std::string badges;
    for (const std::string& booth : shown.finalists)
        if (!wonBy(booth).empty()) badges += (badges.empty() ? "" : ",") + booth;
    log::info("client: awards: world: trophies={} badges={}", joined(shown.winners),
              badges.empty() ? "-" : badges);
    if (auto r = reveal())
        log::info("client: awards: reveal {} on {}: {}", r->category->id, r->venue,
                  r->winner.empty() ? fmt::format("countdown {}", r->secondsLeft)
                                    : "winner " + r->winner);
}

} // namespace fg::client
