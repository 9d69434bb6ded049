// AwardsModule: ballots (queued, written once per tick in one transaction, then acknowledged),
// jury scores (written at once), the reveal (countdown, winner, announcement, everyone's state).
// Must not decide the result (AwardsTally does) nor reach beyond ServerContext and the programme.
#include "server/awards/AwardsModule.h"

#include "engine/core/Log.h"

#include <algorithm>
#include <fmt/format.h>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

namespace {

std::string personOf(const Session& s) {
    return s.verified() ? s.personKey : "guest:" + s.clientKey;
}

std::string scoreKey(const std::string& category, const std::string& booth,
                     const std::string& juror) {
    return category + "\n" + booth + "\n" + juror;
}

bool isFinalist(const expo::AwardCategory& a, const std::string& booth) {
    return std::find(a.finalists.begin(), a.finalists.end(), booth) != a.finalists.end();
}

} // namespace

Status AwardsModule::start() {
    auto book = store::AwardsBook::open(m_ctx.store());
    if (!book) return book.error();
    m_book = std::move(*book);
    auto ballots = m_book->ballots();
    auto scores = m_book->scores();
    auto jurors = m_book->jurors();
    auto reveals = m_book->reveals();
    auto overrides = m_book->votingOverrides();
    if (!ballots || !scores || !jurors || !reveals || !overrides)
        return makeError("awards: the store's records could not be read");
    for (const auto& b : *ballots)
        m_ballots[b.category][b.person] = b.booth;
    for (auto& s : *scores)
        m_scores[scoreKey(s.category, s.booth, s.juror)] = std::move(s);
    m_jurors = std::move(*jurors);
    for (const auto& r : *reveals)
        m_winners[r.category] = r.booth;
    for (const auto& o : *overrides)
        m_overrides[o.category] = o.open;
    return {};
}

AwardsModule::~AwardsModule() {
    if (m_book) flushBallots(); // a clean shutdown keeps the last tick's ballots
}

void AwardsModule::registerHandlers(ServerRouter& router) {
    router.on<AwardsRequest>(Permit::joined(), [this](Session& s, const AwardsRequest& m) {
        AwardsState state = stateFor(s);
        state.requestId = m.requestId;
        m_ctx.send(s, std::move(state));
    });
    // Guests are refused in the handler: a category may let them vote (awards[].voting.guests).
    router.on<BallotCast>(Permit::joined(),
                          [this](Session& s, const BallotCast& m) { cast(s, m); });
    router.on<JuryScore>(
        Permit::joined().verifiedOnly(), [this](Session& s, const JuryScore& m) { score(s, m); },
        [this](Session& s, const JuryScore& m, std::string_view why) {
            m_ctx.reply(s, m.requestId, makeError("score: " + std::string(why)));
        });
    router.on<AwardRevealRequest>(
        Permit::joined(), [this](Session& s, const AwardRevealRequest& m) { revealRequest(s, m); });
}

const expo::AwardCategory* AwardsModule::category(std::string_view id) const {
    for (const auto& a : m_ctx.exhibition().awards)
        if (a.id == id) return &a;
    return nullptr;
}

VotingState AwardsModule::votingState(const expo::AwardCategory& a) const {
    if (m_winners.count(a.id)) return VotingState::Closed;
    if (auto it = m_overrides.find(a.id); it != m_overrides.end())
        return it->second ? VotingState::Open : VotingState::Closed;
    const auto [opens, closes] = expo::votingWindow(m_ctx.exhibition(), a);
    const UnixSeconds now = unixNow();
    if (now < opens) return VotingState::NotYet;
    return now < closes ? VotingState::Open : VotingState::Closed;
}

std::string AwardsModule::ballotRefusal(const Session& s, const expo::AwardCategory& a,
                                        const std::string& booth) const {
    if (!s.verified() && !a.guestsVote)
        return fmt::format("only visitors with a ticket or credential may vote in \"{}\"", a.name);
    if (!isFinalist(a, booth))
        return fmt::format("\"{}\" is not a finalist of \"{}\"", booth, a.name);
    const auto [opens, closes] = expo::votingWindow(m_ctx.exhibition(), a);
    if (m_winners.count(a.id)) return fmt::format("the winner of \"{}\" is revealed", a.name);
    for (const Countdown& c : m_countdowns)
        if (c.category == a.id)
            return fmt::format("the winner of \"{}\" is being revealed", a.name);
    switch (votingState(a)) {
    case VotingState::NotYet:
        return fmt::format("voting in \"{}\" opens at {}", a.name, formatUtcTimestamp(opens));
    case VotingState::Closed:
        return m_overrides.count(a.id)
                   ? fmt::format("voting in \"{}\" was closed by the organiser", a.name)
                   : fmt::format("voting in \"{}\" closed at {}", a.name,
                                 formatUtcTimestamp(closes));
    case VotingState::Open:
        break;
    }
    return {};
}

void AwardsModule::refuse(Session& s, std::uint32_t requestId, std::string why, bool lying) {
    ++m_refused;
    m_ctx.reply(s, requestId, makeError(std::move(why)));
    if (lying) m_ctx.fault(s, "awards: an action the sender's role does not allow");
}

void AwardsModule::cast(Session& s, const BallotCast& m) {
    const expo::AwardCategory* a = category(m.category);
    if (!a)
        return refuse(s, m.requestId, fmt::format("ballot: no award category \"{}\"", m.category),
                      false);
    if (auto why = ballotRefusal(s, *a, m.booth); !why.empty())
        return refuse(s, m.requestId, "ballot: " + why, false);
    const std::string person = personOf(s);
    auto& mine = m_ballots[a->id];
    auto it = mine.find(person);
    const bool changed = it != mine.end() && it->second != m.booth;
    mine[person] = m.booth;
    // Told once the ballot is on disk: the next tick writes every queued one in one commit.
    m_queued.push_back({a->id, person, m.booth, unixNow()});
    m_pending.push_back({s.id, m.requestId, changed});
}

void AwardsModule::flushBallots() {
    if (m_queued.empty()) return;
    const Status st = m_book->putBallots(m_queued);
    ++m_commits;
    if (!st) {
        log::error("server: awards: ballots: {}", st.error().message);
        // What memory holds must be what the store holds: reload it.
        m_ballots.clear();
        if (auto stored = m_book->ballots())
            for (const auto& b : *stored)
                m_ballots[b.category][b.person] = b.booth;
    }
    for (const PendingBallot& p : m_pending)
        if (const Session* s = m_ctx.session(p.id)) {
            if (st)
                m_ctx.reply(*s, p.requestId, {}, 1, p.changed ? "ballot changed" : "ballot cast");
            else
                m_ctx.reply(*s, p.requestId, makeError("ballot: not saved, try again"));
        }
    if (st) m_ballotsAccepted += m_pending.size();
    m_queued.clear();
    m_pending.clear();
}

const store::StoredJuror* AwardsModule::jurorOf(const std::string& person,
                                                const std::string& category) const {
    for (const auto& j : m_jurors)
        if (j.person == person && j.category == category) return &j;
    return nullptr;
}

std::string AwardsModule::exhibitorOf(const std::string& booth) const {
    const expo::Booth* b = expo::findBooth(m_ctx.exhibition(), booth);
    return b ? b->exhibitor : std::string();
}

std::string AwardsModule::scoreRefusal(const Session& s, const expo::AwardCategory& a,
                                       const JuryScore& m, bool& lying) const {
    lying = true;
    const store::StoredJuror* juror = jurorOf(s.personKey, a.id);
    if (!juror) return fmt::format("you are not on the jury of \"{}\"", a.name);
    if (!isFinalist(a, m.booth))
        return fmt::format("\"{}\" is not a finalist of \"{}\"", m.booth, a.name);
    if (!juror->organisation.empty() && juror->organisation == exhibitorOf(m.booth))
        return fmt::format("you may not score \"{}\": it is your own organisation's booth",
                           m.booth);
    lying = false;
    if (m_winners.count(a.id)) return fmt::format("the winner of \"{}\" is revealed", a.name);
    if (m.scores.size() != a.rubric.size())
        return fmt::format("expected {} scores (one per criterion), found {}", a.rubric.size(),
                           m.scores.size());
    for (std::size_t i = 0; i < m.scores.size(); ++i)
        if (m.scores[i] < 1 || m.scores[i] > 10)
            return fmt::format("\"{}\": expected a score from 1 to 10, found {}", a.rubric[i].name,
                               int(m.scores[i]));
    return {};
}

void AwardsModule::score(Session& s, const JuryScore& m) {
    const expo::AwardCategory* a = category(m.category);
    if (!a)
        return refuse(s, m.requestId, fmt::format("score: no award category \"{}\"", m.category),
                      false);
    bool lying = false;
    if (auto why = scoreRefusal(s, *a, m, lying); !why.empty())
        return refuse(s, m.requestId, "score: " + why, lying);
    store::StoredScore rec{a->id, m.booth, s.personKey, m.scores, unixNow()};
    if (Status st = m_book->putScore(rec); !st)
        return refuse(s, m.requestId, "score: " + st.error().message, false);
    m_scores[scoreKey(a->id, m.booth, s.personKey)] = std::move(rec);
    m_ctx.reply(s, m.requestId, {}, 0, "scores saved");
}

void AwardsModule::revealRequest(Session& s, const AwardRevealRequest& m) {
    const expo::AwardCategory* a = category(m.category);
    if (!a)
        return refuse(s, m.requestId, fmt::format("reveal: no award category \"{}\"", m.category),
                      false);
    const bool organiser = s.role == Role::Organiser;
    const bool host = !a->ceremony.empty() && m_programme.moderates(s, a->ceremony);
    if (!organiser && !host)
        return refuse(s, m.requestId,
                      fmt::format("reveal: only an organiser or the moderator of the ceremony "
                                  "may reveal \"{}\"",
                                  a->name),
                      true);
    if (!organiser && m_programme.state(a->ceremony) != StageState::Live)
        return refuse(s, m.requestId,
                      fmt::format("reveal: the ceremony {} is not live", a->ceremony), false);
    if (Status st = startReveal(a->id, m.countdown); !st)
        return refuse(s, m.requestId, "reveal: " + st.error().message, false);
    m_ctx.reply(s, m.requestId, {}, m.countdown,
                fmt::format("revealing \"{}\" in {} s", a->name, m.countdown));
}

Status AwardsModule::startReveal(const std::string& id, std::uint32_t countdown) {
    const expo::AwardCategory* a = category(id);
    if (!a) return makeError(fmt::format("no award category \"{}\"", id));
    if (m_winners.count(id)) return makeError(fmt::format("\"{}\" is already revealed", a->name));
    for (const Countdown& c : m_countdowns)
        if (c.category == id) return makeError(fmt::format("\"{}\" is being revealed", a->name));
    if (m_ballots[id].empty() && a->juryWeight == 0)
        return makeError(fmt::format("\"{}\" has no ballots yet", a->name));
    countdown = std::min(countdown, kMaxRevealCountdown);
    if (countdown == 0) {
        finishReveal(id);
        return {};
    }
    m_countdowns.push_back({id, m_now + countdown});
    for (const Session& s : m_ctx.sessions())
        if (s.joined) m_ctx.send(s, AwardRevealed{id, countdown, ""});
    return {};
}

void AwardsModule::finishReveal(const std::string& id) {
    flushBallots(); // the last tick's ballots count
    const expo::AwardCategory* a = category(id);
    auto ranked = results(id);
    if (!a || !ranked || ranked->empty()) return;
    const std::string winner = ranked->front().booth;
    if (Status st = m_book->putReveal({id, winner, unixNow()}); !st)
        log::error("server: awards: reveal of {}: {}", id, st.error().message);
    m_winners[id] = winner;
    const expo::Booth* booth = expo::findBooth(m_ctx.exhibition(), winner);
    const expo::Exhibitor* who =
        booth ? expo::findExhibitor(m_ctx.exhibition(), booth->exhibitor) : nullptr;
    const std::string text =
        fmt::format("{}: the winner is {}!", a->name, who ? who->name : winner);
    log::info("server: awards: {}", text);
    for (const Session& s : m_ctx.sessions()) {
        if (!s.joined) continue;
        m_ctx.send(s, AwardRevealed{id, 0, winner});
        m_ctx.send(s, Announcement{"SME Awards", bounded(text, kMaxChatLength)});
        m_ctx.send(s, stateFor(s));
    }
}

void AwardsModule::onTick(std::uint32_t, double now) {
    m_now = now;
    flushBallots();
    for (std::size_t i = 0; i < m_countdowns.size();) {
        if (m_countdowns[i].at > now) {
            ++i;
            continue;
        }
        const std::string id = m_countdowns[i].category;
        m_countdowns.erase(m_countdowns.begin() + std::ptrdiff_t(i));
        finishReveal(id);
    }
}

std::vector<store::StoredBallot> AwardsModule::ballotList() const {
    std::vector<store::StoredBallot> out;
    for (const auto& [category, people] : m_ballots)
        for (const auto& [person, booth] : people)
            out.push_back({category, person, booth, 0});
    return out;
}

std::vector<store::StoredScore> AwardsModule::scoreList() const {
    std::vector<store::StoredScore> out;
    for (const auto& [key, s] : m_scores)
        out.push_back(s);
    return out;
}

std::optional<std::vector<FinalistResult>> AwardsModule::results(std::string_view id) const {
    const expo::AwardCategory* a = category(id);
    if (!a) return std::nullopt;
    return tally(*a, ballotList(), scoreList());
}

AwardsState AwardsModule::stateFor(const Session& s) const {
    const bool organiser = s.role == Role::Organiser;
    AwardsState out{0, organiser, {}};
    const std::string person = personOf(s);
    for (const auto& a : m_ctx.exhibition().awards) {
        if (out.categories.size() == kMaxAwardCategories) break;
        AwardStatus st;
        st.category = a.id;
        st.voting = votingState(a);
        std::tie(st.opensUnix, st.closesUnix) = expo::votingWindow(m_ctx.exhibition(), a);
        if (auto c = m_ballots.find(a.id); c != m_ballots.end())
            if (auto b = c->second.find(person); b != c->second.end()) st.myBallot = b->second;
        const store::StoredJuror* juror = s.verified() ? jurorOf(s.personKey, a.id) : nullptr;
        st.juror = juror != nullptr;
        for (const std::string& booth : a.finalists) {
            if (!juror) break;
            if (!juror->organisation.empty() && juror->organisation == exhibitorOf(booth))
                st.conflicts.push_back(booth);
            if (m_scores.count(scoreKey(a.id, booth, s.personKey))) st.scored.push_back(booth);
        }
        if (auto w = m_winners.find(a.id); w != m_winners.end()) st.winner = w->second;
        if (organiser || !st.winner.empty()) {
            auto c = m_ballots.find(a.id);
            for (const std::string& booth : a.finalists) {
                std::uint32_t n = 0;
                if (c != m_ballots.end())
                    for (const auto& [p, b] : c->second)
                        n += b == booth ? 1 : 0;
                st.ballots.push_back(n);
            }
        }
        out.categories.push_back(std::move(st));
    }
    return out;
}

void AwardsModule::addStatus(std::vector<console::StatusFigure>& figures) const {
    std::size_t ballots = 0;
    for (const auto& [c, people] : m_ballots)
        ballots += people.size();
    figures.push_back({"award_ballots", "award ballots", double(ballots)});
    figures.push_back({"award_ballot_commits", "award ballot commits", double(m_commits)});
    figures.push_back({"award_refusals", "award requests refused", double(m_refused)});
}

} // namespace fg::server
