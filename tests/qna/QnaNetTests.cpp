// The Q&A slice over loopback: questions asked, approved, pinned and seen by the right people;
// one upvote and one poll answer per person (reconnects and second client keys included);
// refusals of visitors who do not attend and of clients that lie; reactions; raised hands
// brought on stage and back; a restart keeps questions and votes; the console's listings.
#include "game/expo/ExhibitionJson.h"
#include "game/expo/VenueLayout.h"
#include "server/console/ConsoleCommands.h"
#include "server/programme/ProgrammeModule.h"
#include "server/publish/PublishService.h"
#include "tests/qna/QnaWorld.h"

using namespace fg;
using namespace fg::test;
using proto::QnaAction;
using proto::QuestionState;

namespace {

// C's session state, freshly asked for.
proto::QnaState stateOf(server::ServerApp& srv, TestClient& c, const Clients& all) {
    const std::uint32_t id = c->request(proto::QnaJoin{0, kQnaSession});
    const proto::QnaState* found = nullptr;
    REQUIRE(pumpUntil(srv, all, [&] {
        found =
            c.find<proto::QnaState>([&](const proto::QnaState& s) { return s.requestId == id; });
        return found != nullptr;
    }));
    return *found;
}

const proto::QuestionInfo* questionIn(const proto::QnaState& st, std::uint64_t id) {
    for (const auto& q : st.questions)
        if (q.id == id) return &q;
    return nullptr;
}

// The newest pushed update of question ID that C received, or null.
const proto::QuestionInfo* pushed(const TestClient& c, std::uint64_t id) {
    const proto::QuestionInfo* found = nullptr;
    for (const auto& m : c.inbox)
        if (auto* u = std::get_if<proto::QnaQuestionUpdate>(&m); u && u->question.id == id)
            found = &u->question;
    return found;
}

proto::ActionResult moderate(QnaServer& srv, TestClient& c, const Clients& all, std::uint64_t id,
                             QnaAction action) {
    return ask(*srv.app, c, all, proto::QnaModerate{0, kQnaSession, id, action});
}

proto::ActionResult upvote(QnaServer& srv, TestClient& c, const Clients& all, std::uint64_t id) {
    return ask(*srv.app, c, all, proto::QnaVote{0, kQnaSession, id});
}

} // namespace

TEST_CASE("qna: attendees ask, the moderator requires approval, approves and pins, anonymous "
          "askers are named to the moderator only, a late joiner gets the list") {
    QnaServer srv;
    auto mod = srv.join("Moderator", srv.token(store::Role::Organiser, "mod"), {});
    auto ana = srv.join("Ana", srv.token(store::Role::Visitor, "ana"), {mod.get()});
    auto bo = srv.join("Bo", "", {mod.get(), ana.get()});
    Clients all{mod.get(), ana.get(), bo.get()};
    for (auto* c : all)
        srv.walkIn(*c, all);

    auto asked = ask(*srv.app, *ana, all, proto::QnaAsk{0, kQnaSession, "When is 6G?", true});
    REQUIRE_MESSAGE(asked.ok, asked.text);
    const std::uint64_t first = asked.value;
    REQUIRE(pumpUntil(*srv.app, all, [&] { return pushed(*bo, first) && pushed(*mod, first); }));
    CHECK(pushed(*bo, first)->author.empty());
    CHECK(pushed(*bo, first)->anonymous);
    CHECK(pushed(*mod, first)->author == "Ana");

    CHECK(moderate(srv, *mod, all, 0, QnaAction::RequireApproval).ok);
    auto second = ask(*srv.app, *bo, all, proto::QnaAsk{0, kQnaSession, "Roaming?", false});
    REQUIRE(second.ok);
    CHECK(second.text == "question sent to the moderator");
    REQUIRE(pumpUntil(*srv.app, all, [&] { return pushed(*mod, second.value) != nullptr; }));
    CHECK(pushed(*mod, second.value)->state == QuestionState::Pending);
    CHECK(pushed(*ana, second.value) == nullptr); // pending: moderators only
    CHECK(questionIn(stateOf(*srv.app, *ana, all), second.value) == nullptr);
    // Nobody upvotes a question nobody else can see yet.
    CHECK_FALSE(upvote(srv, *ana, all, second.value).ok);

    REQUIRE(moderate(srv, *mod, all, second.value, QnaAction::Approve).ok);
    REQUIRE(pumpUntil(*srv.app, all, [&] { return pushed(*ana, second.value) != nullptr; }));
    CHECK(pushed(*ana, second.value)->state == QuestionState::Open);
    REQUIRE(moderate(srv, *mod, all, first, QnaAction::Pin).ok);
    REQUIRE(moderate(srv, *mod, all, second.value, QnaAction::Pin).ok); // unpins the first
    REQUIRE(pumpUntil(*srv.app, all, [&] {
        return pushed(*ana, first) && !pushed(*ana, first)->pinned && pushed(*ana, second.value) &&
               pushed(*ana, second.value)->pinned;
    }));
    REQUIRE(moderate(srv, *mod, all, first, QnaAction::Answered).ok);
    REQUIRE(moderate(srv, *mod, all, second.value, QnaAction::Hide).ok);

    // A late joiner: the list on QnaJoin, the hidden question left out.
    auto cy = srv.join("Cy", "", all);
    all.push_back(cy.get());
    srv.walkIn(*cy, all);
    auto st = stateOf(*srv.app, *cy, all);
    CHECK(st.requireApproval);
    CHECK_FALSE(st.moderator);
    REQUIRE(st.questions.size() == 1);
    CHECK(st.questions[0].id == first);
    CHECK(st.questions[0].state == QuestionState::Answered);
    CHECK(st.questions[0].author.empty());
    auto modView = stateOf(*srv.app, *mod, all);
    CHECK(modView.moderator);
    CHECK(modView.questions.size() == 2);
}

TEST_CASE("qna: an upvote counts once per person, also twice, after a reconnect and from a "
          "second client key with the same credential, guests cannot upvote") {
    QnaServer srv;
    const std::string anaToken = srv.token(store::Role::Visitor, "ana");
    auto ana = srv.join("Ana", anaToken, {});
    auto bo = srv.join("Bo", srv.token(store::Role::Visitor, "bo"), {ana.get()});
    auto guest = srv.join("Guest", "", {ana.get(), bo.get()});
    Clients all{ana.get(), bo.get(), guest.get()};
    for (auto* c : all)
        srv.walkIn(*c, all);
    auto q = ask(*srv.app, *bo, all, proto::QnaAsk{0, kQnaSession, "Spectrum?", false});
    REQUIRE(q.ok);

    auto first = upvote(srv, *ana, all, q.value);
    REQUIRE_MESSAGE(first.ok, first.text);
    CHECK(first.text == "upvoted");
    auto again = upvote(srv, *ana, all, q.value);
    CHECK(again.ok);
    CHECK(again.text == "already upvoted");
    auto refused = upvote(srv, *guest, all, q.value);
    CHECK_FALSE(refused.ok);
    CHECK(refused.text == "upvote: QnaVote: guests cannot vote; sign in with your ticket code");

    // The same person from a second client key, then after a reconnect.
    auto twin = srv.join("Ana2", anaToken, all, "another-key");
    all.push_back(twin.get());
    srv.walkIn(*twin, all);
    CHECK(upvote(srv, *twin, all, q.value).text == "already upvoted");
    ana.reset();
    all = {bo.get(), guest.get(), twin.get()};
    auto back = srv.join("Ana", anaToken, all);
    all.push_back(back.get());
    srv.walkIn(*back, all);
    CHECK(upvote(srv, *back, all, q.value).text == "already upvoted");
    auto st = stateOf(*srv.app, *back, all);
    REQUIRE(questionIn(st, q.value));
    CHECK(questionIn(st, q.value)->votes == 1);
    CHECK(st.myVotes == std::vector<std::uint64_t>{q.value});
    CHECK(upvote(srv, *bo, all, q.value).ok);
    REQUIRE(pumpUntil(*srv.app, all, [&] {
        return pushed(*guest, q.value) && pushed(*guest, q.value)->votes == 2;
    }));
}

TEST_CASE("qna: a visitor who does not attend is refused, a non-moderator who moderates, "
          "creates or opens a poll or stages a hand is refused") {
    QnaServer srv;
    auto mod = srv.join("Moderator", srv.token(store::Role::Organiser, "mod"), {});
    auto ana = srv.join("Ana", srv.token(store::Role::Visitor, "ana"), {mod.get()});
    auto far = srv.join("Far", srv.token(store::Role::Visitor, "far"), {mod.get(), ana.get()});
    Clients all{mod.get(), ana.get(), far.get()};
    srv.walkIn(*mod, all);
    srv.walkIn(*ana, all);

    auto outside = ask(*srv.app, *far, all, proto::QnaAsk{0, kQnaSession, "Hello?", false});
    CHECK_FALSE(outside.ok);
    CHECK(outside.text == "question: you do not attend session forum-5g");
    const std::uint32_t joinId = (*far)->request(proto::QnaJoin{0, kQnaSession});
    REQUIRE(pumpUntil(*srv.app, all, [&] { return far->result(joinId) != nullptr; }));
    CHECK_FALSE(far->result(joinId)->ok);
    CHECK_FALSE(ask(*srv.app, *far, all, proto::HandRaise{0, kQnaSession, true}).ok);

    auto q = ask(*srv.app, *ana, all, proto::QnaAsk{0, kQnaSession, "Mine first?", false});
    REQUIRE(q.ok);
    auto lie = moderate(srv, *ana, all, q.value, QnaAction::Pin);
    CHECK_FALSE(lie.ok);
    CHECK(lie.text == "question: only the moderator of session forum-5g may do that");
    CHECK_FALSE(moderate(srv, *ana, all, q.value, QnaAction::Approve).ok);
    CHECK_FALSE(
        ask(*srv.app, *ana, all, proto::PollCreate{0, kQnaSession, "Q?", {"a", "b"}, false, true})
            .ok);
    auto poll =
        ask(*srv.app, *mod, all, proto::PollCreate{0, kQnaSession, "Q?", {"a", "b"}, false, false});
    REQUIRE(poll.ok);
    auto open = ask(*srv.app, *ana, all,
                    proto::PollControl{0, kQnaSession, poll.value, proto::PollAction::Open});
    CHECK_FALSE(open.ok);
    CHECK(open.text == "poll: only the moderator of session forum-5g may do that");
    CHECK_FALSE(ask(*srv.app, *ana, all, proto::HandStage{0, kQnaSession, (*ana)->id(), true}).ok);
    // The lies did nothing: the question is not pinned, the poll still prepared.
    auto st = stateOf(*srv.app, *mod, all);
    REQUIRE(questionIn(st, q.value));
    CHECK_FALSE(questionIn(st, q.value)->pinned);
    REQUIRE(st.polls.size() == 1);
    CHECK(st.polls[0].state == proto::PollState::Prepared);
}

TEST_CASE("qna: a poll takes one answer per person, the moderator opens, closes and shows the "
          "results to everyone") {
    QnaServer srv;
    auto mod = srv.join("Moderator", srv.token(store::Role::Organiser, "mod"), {});
    const std::string anaToken = srv.token(store::Role::Visitor, "ana");
    auto ana = srv.join("Ana", anaToken, {mod.get()});
    auto bo = srv.join("Bo", srv.token(store::Role::Visitor, "bo"), {mod.get(), ana.get()});
    auto twin = srv.join("Ana2", anaToken, {mod.get(), ana.get(), bo.get()}, "second-key");
    Clients all{mod.get(), ana.get(), bo.get(), twin.get()};
    for (auto* c : all)
        srv.walkIn(*c, all);
    auto created =
        ask(*srv.app, *mod, all,
            proto::PollCreate{0, kQnaSession, "Best band?", {"n78", "n258", "n41"}, false, false});
    REQUIRE_MESSAGE(created.ok, created.text);
    const std::uint64_t id = created.value;
    auto answer = [&](TestClient& c, std::uint32_t choices) {
        return ask(*srv.app, c, all, proto::PollAnswer{0, kQnaSession, id, choices});
    };
    CHECK(answer(*ana, 1).text == "poll #" + std::to_string(id) + ": not open");
    REQUIRE(
        ask(*srv.app, *mod, all, proto::PollControl{0, kQnaSession, id, proto::PollAction::Open})
            .ok);
    CHECK_FALSE(answer(*ana, 3).ok); // two choices in a single-choice poll
    CHECK_FALSE(answer(*ana, 8).ok); // no fourth option
    CHECK(answer(*ana, 2).ok);
    CHECK(answer(*ana, 2).text == "poll #" + std::to_string(id) + ": already answered");
    CHECK_FALSE(answer(*twin, 1).ok); // the same person from another client key
    CHECK(answer(*bo, 2).ok);

    // Attendees see no counts until the moderator shows them.
    auto before = stateOf(*srv.app, *bo, all);
    REQUIRE(before.polls.size() == 1);
    CHECK(before.polls[0].counts.empty());
    CHECK(before.polls[0].mine == 2);
    REQUIRE(
        ask(*srv.app, *mod, all, proto::PollControl{0, kQnaSession, id, proto::PollAction::Close})
            .ok);
    CHECK_FALSE(answer(*mod, 1).ok); // closed
    REQUIRE(ask(*srv.app, *mod, all,
                proto::PollControl{0, kQnaSession, id, proto::PollAction::ShowResults})
                .ok);
    const proto::PollUpdate* shown = nullptr;
    REQUIRE(pumpUntil(*srv.app, all, [&] {
        shown = bo->find<proto::PollUpdate>(
            [](const proto::PollUpdate& u) { return u.poll.resultsShown; });
        return shown != nullptr;
    }));
    CHECK(shown->poll.counts == std::vector<std::uint32_t>{0, 2, 0});
    CHECK(shown->poll.voters == 2);
    CHECK(shown->poll.state == proto::PollState::Closed);

    auto out = srv.app->console().execute("session polls forum-5g --json");
    REQUIRE_MESSAGE(out.ok, out.text);
    auto j = nlohmann::json::parse(out.text);
    CHECK(j[0]["answers"] == 2);
    CHECK(j[0]["options"][1]["count"] == 2);
}

TEST_CASE("qna: reactions are broadcast to attendees and counted, a burst past the limit "
          "dropped") {
    QnaServer srv;
    auto ana = srv.join("Ana", srv.token(store::Role::Visitor, "ana"), {});
    auto bo = srv.join("Bo", "", {ana.get()});
    Clients all{ana.get(), bo.get()};
    for (auto* c : all)
        srv.walkIn(*c, all);
    for (int i = 0; i < 10; ++i)
        (*ana)->sendRaw(proto::ReactionSend{kQnaSession, proto::ReactionKind::Heart});
    REQUIRE(pumpUntil(*srv.app, all, [&] { return !bo->all<proto::ReactionShown>().empty(); }));
    pumpFor(*srv.app, all, 0.2);
    const auto shown = bo->all<proto::ReactionShown>();
    // A burst of 3 passes at once; the rest of the 10 sent in one go are dropped.
    CHECK(shown.size() >= 3);
    CHECK(shown.size() < 10);
    CHECK(shown[0].clientId == (*ana)->id());
    CHECK(shown[0].kind == proto::ReactionKind::Heart);
}

TEST_CASE("qna: a raised hand is queued for the moderator, brought on stage and sent back") {
    QnaServer srv;
    auto mod = srv.join("Moderator", srv.token(store::Role::Organiser, "mod"), {});
    auto ana = srv.join("Ana", "", {mod.get()});
    Clients all{mod.get(), ana.get()};
    for (auto* c : all)
        srv.walkIn(*c, all);
    REQUIRE(ask(*srv.app, *ana, all, proto::HandRaise{0, kQnaSession, true}).ok);
    const proto::HandQueue* queue = nullptr;
    REQUIRE(pumpUntil(*srv.app, all, [&] {
        queue = mod->find<proto::HandQueue>(
            [](const proto::HandQueue& q) { return q.hands.size() == 1; });
        return queue != nullptr;
    }));
    CHECK(queue->hands[0].name == "Ana");
    CHECK(queue->hands[0].clientId == (*ana)->id());

    const float stood =
        srv.app->world().find((*ana)->id())->position.y; // where the teleport put her
    const std::size_t corrections = ana->all<proto::Correction>().size();
    auto staged = ask(*srv.app, *mod, all, proto::HandStage{0, kQnaSession, (*ana)->id(), true});
    REQUIRE_MESSAGE(staged.ok, staged.text);
    REQUIRE(pumpUntil(*srv.app, all,
                      [&] { return ana->all<proto::Correction>().size() > corrections; }));
    const auto front = ana->all<proto::Correction>().back();
    // The venue's first speaker spot (nobody stands there yet).
    const auto& hall = srv.app->exhibition().halls[0];
    const glm::vec2 spot = expo::venueLayout(hall, hall.venues[0]).speakerSpots.at(0);
    CHECK(proto::dequantizePosition(front.x) == doctest::Approx(spot.x).epsilon(0.01));
    CHECK(proto::dequantizePosition(front.z) == doctest::Approx(spot.y).epsilon(0.01));

    auto back = ask(*srv.app, *mod, all, proto::HandStage{0, kQnaSession, (*ana)->id(), false});
    REQUIRE_MESSAGE(back.ok, back.text);
    REQUIRE(pumpUntil(*srv.app, all,
                      [&] { return ana->all<proto::Correction>().back().z != front.z; }));
    CHECK(proto::dequantizePosition(ana->all<proto::Correction>().back().z) ==
          doctest::Approx(stood).epsilon(0.01)); // back where she stood
    REQUIRE(pumpUntil(*srv.app, all, [&] {
        auto queues = mod->all<proto::HandQueue>();
        return !queues.empty() && queues.back().hands.empty();
    }));
}

TEST_CASE("qna: a restart keeps questions, upvotes, approval and polls") {
    QnaServer srv;
    std::uint64_t id = 0;
    const std::string anaToken = srv.token(store::Role::Visitor, "ana");
    const std::string boToken = srv.token(store::Role::Visitor, "bo");
    {
        auto ana = srv.join("Ana", anaToken, {});
        auto bo = srv.join("Bo", boToken, {ana.get()});
        Clients all{ana.get(), bo.get()};
        for (auto* c : all)
            srv.walkIn(*c, all);
        auto q = ask(*srv.app, *ana, all, proto::QnaAsk{0, kQnaSession, "Kept?", true});
        REQUIRE(q.ok);
        id = q.value;
        REQUIRE(upvote(srv, *ana, all, id).ok);
        REQUIRE(upvote(srv, *bo, all, id).ok);
    }
    srv.restart();
    auto bo = srv.join("Bo", boToken, {});
    Clients all{bo.get()};
    srv.walkIn(*bo, all);
    auto st = stateOf(*srv.app, *bo, all);
    REQUIRE(questionIn(st, id));
    CHECK(questionIn(st, id)->votes == 2);
    CHECK(questionIn(st, id)->text == "Kept?");
    CHECK(upvote(srv, *bo, all, id).text == "already upvoted");

    auto out = srv.app->console().execute("session questions forum-5g");
    REQUIRE_MESSAGE(out.ok, out.text);
    CHECK(out.text.find("Ana (anonymous)") != std::string::npos);
    CHECK(out.text.find("Kept?") != std::string::npos);
    CHECK_FALSE(srv.app->console().execute("session questions nope").ok);
}

TEST_CASE("programme: a temporary speaker (a raised hand on stage) presents until sent back") {
    server::ServerState state;
    auto report = expo::parseExhibition(qnaExhibitionJson(), ".", "exhibition.json");
    REQUIRE(report.exhibition);
    state.exhibition = std::make_unique<expo::Exhibition>(std::move(*report.exhibition));
    server::ServerContext ctx(state, nullptr);
    server::ProgrammeModule programme(ctx);
    presence::Session ana;
    ana.joined = true;
    ana.id = 7;
    CHECK_FALSE(programme.presents(ana, kQnaSession));
    programme.setTemporarySpeaker(kQnaSession, 7, true);
    CHECK(programme.presents(ana, kQnaSession));
    CHECK_FALSE(programme.presents(ana, "another-session"));
    CHECK_FALSE(programme.moderates(ana, kQnaSession)); // presenting is not moderating
    programme.setTemporarySpeaker(kQnaSession, 7, false);
    CHECK_FALSE(programme.presents(ana, kQnaSession));
}

namespace {
// `session stats SESSION --json` as JSON.
nlohmann::json statsOf(server::ServerApp& app, const std::string& session) {
    auto out = app.console().execute("session stats " + session + " --json");
    REQUIRE_MESSAGE(out.ok, out.text);
    return nlohmann::json::parse(out.text);
}
} // namespace

TEST_CASE("qna: reactions and raised hands are counted per session and kept across a restart") {
    QnaServer srv;
    {
        auto ana = srv.join("Ana", srv.token(store::Role::Visitor, "ana"), {});
        auto bo = srv.join("Bo", "", {ana.get()});
        auto outside = srv.join("Cy", "", {ana.get(), bo.get()});
        Clients all{ana.get(), bo.get(), outside.get()};
        srv.walkIn(*ana, all);
        srv.walkIn(*bo, all);
        for (int i = 0; i < 2; ++i) {
            (*ana)->sendRaw(proto::ReactionSend{kQnaSession, proto::ReactionKind::Applause});
            (*bo)->sendRaw(proto::ReactionSend{kQnaSession, proto::ReactionKind::Heart});
        }
        // Not in the venue: refused, not counted.
        (*outside)->sendRaw(proto::ReactionSend{kQnaSession, proto::ReactionKind::ThumbsUp});
        REQUIRE(ask(*srv.app, *ana, all, proto::HandRaise{0, kQnaSession, true}).ok);
        REQUIRE(ask(*srv.app, *ana, all, proto::HandRaise{0, kQnaSession, false}).ok);
        REQUIRE(ask(*srv.app, *ana, all, proto::HandRaise{0, kQnaSession, true}).ok);
        REQUIRE(ask(*srv.app, *bo, all, proto::HandRaise{0, kQnaSession, true}).ok);
        CHECK_FALSE(ask(*srv.app, *outside, all, proto::HandRaise{0, kQnaSession, true}).ok);
        REQUIRE(pumpUntil(*srv.app, all,
                          [&] { return statsOf(*srv.app, kQnaSession)["reactions"] == 4; }));
        CHECK(statsOf(*srv.app, kQnaSession)["hands_raised"] == 3);
    }
    srv.restart();
    const auto stats = statsOf(*srv.app, kQnaSession);
    CHECK(stats["reactions"] == 4);
    CHECK(stats["hands_raised"] == 3);
}
