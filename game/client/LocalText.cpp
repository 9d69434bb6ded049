// The UI-language view of exhibition content and of the server's known messages. The server
// speaks English on the wire; this table is the client's cheap map of the common ones.
#include "game/client/LocalText.h"

#include "engine/core/Translate.h"

#include <string_view>

namespace fg::client {
namespace {

// Messages the server sends whole (server/**: m_ctx.reply texts, Reject reasons).
constexpr const char* kKnown[] = {
    trMark("already liked"),
    trMark("already upvoted"),
    trMark("upvoted"),
    trMark("approval required"),
    trMark("back in the audience"),
    trMark("on stage"),
    trMark("card left"),
    trMark("floor yielded"),
    trMark("hand raised"),
    trMark("hand lowered"),
    trMark("meeting hours saved"),
    trMark("reported to the organisers"),
    trMark("you are in the venue already"),
    trMark("scores saved"),
    trMark("cancelled by the booth"),
    trMark("cancelled by the visitor"),
    trMark("declined by the booth"),
    trMark("too many requests, slow down"),
    trMark("the event is full, try again later"),
    trMark("chat: you are muted by the organiser"),
    trMark("chat: message is empty"),
    trMark("like: you cannot like your own booth"),
    trMark("floor: you are not on the speaking list"),
    trMark("floor: you have the floor already"),
    trMark("floor: nobody has the floor"),
    trMark("business card: consent is required to share your card with the exhibitor"),
};

// Messages that are a known beginning and a detail (a reason, a name) the server adds.
constexpr const char* kPrefixes[] = {
    trMark("the ticket or token is not valid: "),
    trMark("declined by the booth: "),
};

} // namespace

const std::string& inUiLanguage(const std::string& text, const expo::Translations& translations) {
    return expo::localized(text, translations, uiLanguage());
}

std::string serverText(const std::string& text) {
    for (const char* known : kKnown)
        if (text == known) return tr(known);
    for (const char* prefix : kPrefixes)
        if (std::string_view(text).starts_with(prefix))
            return tr(prefix) + text.substr(std::string_view(prefix).size());
    return text;
}

} // namespace fg::client
