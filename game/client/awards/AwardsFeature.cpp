// AwardsFeature's state: the AwardsState the server sends this person, the reveal's countdown
// (timed from receipt), the refusals' reasons and the requests. Panels are in AwardsPanel.cpp and
// JuryPanel.cpp, script actions in AwardsActions.cpp. Must not decide who may vote or score.
#include "game/client/awards/AwardsFeature.h"

#include "game/client/ClientFeatures.h"
#include "game/client/booth/BoothFeature.h"
#include "game/client/programme/StageFeature.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace fg::client {

using namespace fg::expo::proto;

AwardsFeature::AwardsFeature(Session& s, ClientFeatures& host)
    : m_s(s), m_host(host), m_posters(s) {
    m_stage = host.find<StageFeature>();
    if (auto* booth = host.find<BoothFeature>())
        booth->addSection([this](const expo::Booth& b) { boothSection(b); });
}

void AwardsFeature::registerHandlers(netclient::ClientRouter& router, PendingRequests& pending) {
    router.on<AwardsState>([this](AwardsState& m) { m_state = std::move(m); });
    router.on<AwardRevealed>([this](AwardRevealed& m) { onRevealed(m); });
    pending.on<AwardsPending>(
        [this](const AwardsPending& p, const ActionResult& r) { onResult(p, r); });
}

void AwardsFeature::onJoined() {
    m_state.reset(); // a reconnect may be another person (signed in or out): ask again
    if (m_s.ex && !m_s.ex->awards.empty()) refresh();
}

void AwardsFeature::onResult(const AwardsPending& p, const ActionResult& r) {
    if (!r.ok) { // the core's toast shows it too; the panel keeps it beside the category
        m_refusals[p.category] = r.text;
        return;
    }
    m_refusals.erase(p.category);
    toast(m_s, r.text.empty() ? p.what + " accepted" : r.text);
    refresh(); // my ballot, what I scored
}

void AwardsFeature::onRevealed(const AwardRevealed& m) {
    if (m.winner.empty())
        m_reveal = Reveal{m.category, m.countdown, m_s.now, ""};
    else if (m_reveal && m_reveal->category == m.category)
        m_reveal->winner = m.winner;
    else
        m_reveal = Reveal{m.category, 0, m_s.now, m.winner};
}

const AwardStatus* AwardsFeature::status(const std::string& category) const {
    if (!m_state) return nullptr;
    for (const AwardStatus& st : m_state->categories)
        if (st.category == category) return &st;
    return nullptr;
}

std::vector<const expo::AwardCategory*> AwardsFeature::finalistOf(const std::string& booth) const {
    std::vector<const expo::AwardCategory*> out;
    if (!m_s.ex) return out;
    for (const expo::AwardCategory& a : m_s.ex->awards)
        if (std::find(a.finalists.begin(), a.finalists.end(), booth) != a.finalists.end())
            out.push_back(&a);
    return out;
}

std::vector<const expo::AwardCategory*> AwardsFeature::wonBy(const std::string& booth) const {
    std::vector<const expo::AwardCategory*> out;
    for (const expo::AwardCategory* a : finalistOf(booth)) {
        const AwardStatus* st = status(a->id);
        const bool revealedNow =
            m_reveal && m_reveal->category == a->id && m_reveal->winner == booth;
        if ((st && st->winner == booth) || revealedNow) out.push_back(a);
    }
    return out;
}

std::optional<ShownReveal> AwardsFeature::reveal() const {
    if (!m_reveal || !m_s.ex) return std::nullopt;
    ShownReveal out;
    for (const expo::AwardCategory& a : m_s.ex->awards)
        if (a.id == m_reveal->category) out.category = &a;
    if (!out.category) return std::nullopt;
    if (const expo::Session* e = expo::findSession(*m_s.ex, out.category->ceremony))
        out.venue = e->venue;
    const double left = double(m_reveal->countdown) - (m_s.now - m_reveal->at);
    out.secondsLeft = m_reveal->winner.empty() ? std::max(1, int(std::ceil(left))) : 0;
    out.winner = m_reveal->winner;
    if (!out.winner.empty()) out.winnerName = boothName(out.winner);
    return out;
}

std::string AwardsFeature::boothName(const std::string& booth) const {
    const expo::Booth* b = m_s.ex ? expo::findBooth(*m_s.ex, booth) : nullptr;
    const expo::Exhibitor* x = b ? expo::findExhibitor(*m_s.ex, b->exhibitor) : nullptr;
    return x ? x->name : booth;
}

bool AwardsFeature::refresh() {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c) return false;
    c->request(AwardsRequest{});
    return true;
}

bool AwardsFeature::vote(const std::string& category, const std::string& booth) {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c) return false;
    m_s.pending.add(c->request(BallotCast{0, category, booth}), AwardsPending{"ballot", category});
    return true;
}

bool AwardsFeature::score(const std::string& category, const std::string& booth,
                          const std::vector<std::uint8_t>& scores) {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c) return false;
    m_s.pending.add(c->request(JuryScore{0, category, booth, scores}),
                    AwardsPending{"scores", category});
    return true;
}

bool AwardsFeature::revealWinner(const std::string& category, std::uint32_t countdown) {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c) return false;
    m_s.pending.add(
        c->request(AwardRevealRequest{0, category, std::min(countdown, kMaxRevealCountdown)}),
        AwardsPending{"reveal", category});
    return true;
}

bool AwardsFeature::goTo(const std::string& booth) {
    if (!goToBooth(m_s, booth)) return false;
    if (auto* panel = m_host.find<BoothFeature>()) panel->open(booth);
    return true;
}

bool AwardsFeature::mayReveal(const expo::AwardCategory& a) const {
    if (m_state && m_state->organiser) return true;
    return m_stage && !a.ceremony.empty() && m_stage->moderates(a.ceremony);
}

std::vector<int>& AwardsFeature::sliders(const expo::AwardCategory& a, const std::string& booth) {
    std::vector<int>& v = m_sliders[a.id + "/" + booth];
    v.resize(a.rubric.size(), 5); // a juror starts from the middle of the scale
    return v;
}

} // namespace fg::client
