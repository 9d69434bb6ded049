// What the awards put in the world this frame, from the exhibition and the server's word: the
// awards boards, ribbons and trophies of the visitor's hall, and the ceremony screen during a
// reveal. Views only; the renderer draws them (fg_scene) and the server decides the winners.
#include "game/client/awards/AwardsFeature.h"

#include <algorithm>
#include <fmt/format.h>

namespace fg::client {

using namespace fg::expo::proto;
using Board = scene::ExhibitionScene::BoardView;

scene::ExhibitionScene::AwardsView AwardsFeature::world() const {
    scene::ExhibitionScene::AwardsView out;
    if (!m_s.ex) return out;
    for (const expo::AwardCategory& a : m_s.ex->awards) {
        const AwardStatus* st = status(a.id);
        Board board{a.name, {}};
        for (std::size_t i = 0; i < a.finalists.size(); ++i) {
            const std::string& booth = a.finalists[i];
            const bool winner =
                (st && st->winner == booth) ||
                (m_reveal && m_reveal->category == a.id && m_reveal->winner == booth);
            std::string value = winner ? "WINNER" : "finalist";
            if (st && i < st->ballots.size() && !st->winner.empty())
                value = fmt::format("{}{} votes", winner ? "WINNER  " : "", st->ballots[i]);
            board.rows.push_back({boothName(booth), value, -1.0f, winner});
            for (auto* list : {&out.finalists, winner ? &out.winners : nullptr})
                if (list && std::find(list->begin(), list->end(), booth) == list->end())
                    list->push_back(booth); // a booth may be a finalist in two categories
        }
        out.boards.push_back(std::move(board));
    }
    return out;
}

std::optional<ShownRevealScreen> AwardsFeature::revealScreen() const {
    const auto r = reveal();
    if (!r || r->venue.empty()) return std::nullopt;
    std::uint32_t hall = 0;
    const expo::Venue* venue = expo::findVenue(*m_s.ex, r->venue, &hall);
    if (!venue || hall != m_s.hall || hall >= m_s.ex->halls.size()) return std::nullopt;
    ShownRevealScreen out{&m_s.ex->halls[hall], venue, {r->category->name, {}}};
    if (r->winner.empty()) {
        out.board.rows.push_back({"And the winner is...", "", -1.0f, false});
        out.board.rows.push_back(
            {fmt::format("revealed in {} s", r->secondsLeft), "", -1.0f, false});
    } else {
        out.board.rows.push_back({"The winner is", "", -1.0f, false});
        out.board.rows.push_back({r->winnerName, "WINNER", -1.0f, true});
    }
    return out;
}

} // namespace fg::client
