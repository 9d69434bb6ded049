// QnaFeature's script actions (docs/CLIENT.md): ask, upvote, sort, the moderator's question and
// poll actions, answers, reactions and hands, as a person would click them. Requests only.
#include "game/client/ClientTry.h"
#include "game/client/qna/QnaFeature.h"

#include <charconv>
#include <fmt/format.h>

namespace fg::client {

using namespace fg::expo::proto;

namespace {

std::string joined(const std::vector<std::string>& args, std::size_t from) {
    std::string out;
    for (std::size_t i = from; i < args.size(); ++i)
        out += (out.empty() ? "" : " ") + args[i];
    return out;
}

std::optional<std::uint64_t> number(const std::string& text) {
    std::uint64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return v;
}

} // namespace

// ID, "newest" (the last asked) or "top" (first as listed).
Result<std::uint64_t> QnaFeature::pickQuestion(const std::string& arg) const {
    if (auto id = number(arg)) return *id;
    const auto list = listed();
    if (arg == "top" && !list.empty()) return list.front()->id;
    if (arg == "newest" && !m_questions.empty()) return m_questions.rbegin()->first;
    return makeError(fmt::format("no question \"{}\" (ID, top or newest)", arg));
}

Result<std::uint64_t> QnaFeature::pickPoll(const std::string& arg) const {
    if (auto id = number(arg)) return *id;
    if (arg == "newest" && !m_polls.empty()) return m_polls.rbegin()->first;
    return makeError(fmt::format("no poll \"{}\" (ID or newest)", arg));
}

Status QnaFeature::qnaAction(const std::string& name, const std::vector<std::string>& args) {
    if (name == "qna-ask") {
        const bool anonymous = !args.empty() && args[0] == "--anonymous";
        const std::string text = joined(args, anonymous ? 1 : 0);
        if (text.empty()) return makeError("qna-ask: no question");
        return actionRan(ask(text, anonymous), name, args);
    }
    if (name == "qna-sort") {
        FG_CLIENT_TRY(needArgs(name, args, 1));
        m_byVotes = args[0] != "time";
        return {};
    }
    if (name == "qna-approval") {
        FG_CLIENT_TRY(needArgs(name, args, 1));
        return actionRan(
            moderate(0, args[0] == "off" ? QnaAction::AllowAll : QnaAction::RequireApproval), name,
            args);
    }
    FG_CLIENT_TRY(needArgs(name, args, 1));
    auto id = pickQuestion(args[0]);
    if (!id) return id.error();
    if (name == "qna-upvote") return actionRan(upvote(*id), name, args);
    const std::pair<const char*, QnaAction> actions[] = {{"qna-approve", QnaAction::Approve},
                                                         {"qna-pin", QnaAction::Pin},
                                                         {"qna-unpin", QnaAction::Unpin},
                                                         {"qna-answered", QnaAction::Answered},
                                                         {"qna-hide", QnaAction::Hide}};
    for (const auto& [verb, action] : actions)
        if (name == verb) return actionRan(moderate(*id, action), name, args);
    return makeError(name + ": unknown");
}

// poll-create [--multiple] [--open] QUESTION... | OPTION... | OPTION...
Status QnaFeature::pollAction(const std::string& name, const std::vector<std::string>& args) {
    if (name == "poll-create") {
        bool multiple = false, open = false;
        std::vector<std::string> parts{""};
        for (const std::string& a : args) {
            if (a == "--multiple")
                multiple = true;
            else if (a == "--open")
                open = true;
            else if (a == "|")
                parts.emplace_back();
            else
                parts.back() += (parts.back().empty() ? "" : " ") + a;
        }
        if (parts.size() < 3) return makeError("poll-create: QUESTION | OPTION | OPTION ...");
        const std::string question = parts.front();
        parts.erase(parts.begin());
        return actionRan(createPoll(question, parts, multiple, open), name, args);
    }
    FG_CLIENT_TRY(needArgs(name, args, 1));
    auto id = pickPoll(args[0]);
    if (!id) return id.error();
    if (name == "poll-open") return actionRan(controlPoll(*id, PollAction::Open), name, args);
    if (name == "poll-close") return actionRan(controlPoll(*id, PollAction::Close), name, args);
    if (name == "poll-results")
        return actionRan(controlPoll(*id, PollAction::ShowResults), name, args);
    // poll-answer ID|newest N [N...]: options numbered from 1
    FG_CLIENT_TRY(needArgs(name, args, 2));
    std::uint32_t choices = 0;
    for (std::size_t i = 1; i < args.size(); ++i) {
        auto n = number(args[i]);
        if (!n || *n < 1 || *n > kMaxPollOptions)
            return makeError(
                fmt::format("poll-answer: option \"{}\" (1 to {})", args[i], kMaxPollOptions));
        choices |= 1u << (*n - 1);
    }
    return actionRan(answerPoll(*id, choices), name, args);
}

std::optional<Status> QnaFeature::runAction(const std::string& name,
                                            const std::vector<std::string>& args) {
    if (name.rfind("qna-", 0) == 0 && name != "qna-window") return qnaAction(name, args);
    if (name.rfind("poll-", 0) == 0 && name != "poll-window") return pollAction(name, args);
    if (name == "qna-window" || name == "poll-window") {
        (name == "qna-window" ? m_qnaWindow : m_pollWindow) = args.empty() || args[0] != "off";
        return Status{};
    }
    if (name == "react") {
        FG_CLIENT_TRY(needArgs(name, args, 1));
        const ReactionKind kind = args[0] == "heart"    ? ReactionKind::Heart
                                  : args[0] == "thumbs" ? ReactionKind::ThumbsUp
                                                        : ReactionKind::Applause;
        return actionRan(react(kind), name, args);
    }
    if (name == "hand-raise" || name == "hand-lower")
        return actionRan(raiseHand(name == "hand-raise"), name, args);
    if (name == "hand-stage" || name == "hand-back") {
        FG_CLIENT_TRY(needArgs(name, args, 1));
        for (const HandEntry& h : m_hands)
            if (args[0] == "first" || h.name == joined(args, 0))
                return actionRan(stageHand(h.clientId, name == "hand-stage"), name, args);
        return makeError(fmt::format("{}: no raised hand \"{}\"", name, joined(args, 0)));
    }
    return std::nullopt;
}

} // namespace fg::client
