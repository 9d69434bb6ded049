// Input rules for interactions: chat text and business-card fields, and visitor identity keys.
// Pure functions of their arguments; every refusal is a sentence a visitor can act on.
#include "game/expo/ExhibitionSyntax.h"
#include "server/interactions/Interactions.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace fg::interact {

std::string visitorKey(const Actor& actor) {
    if (!actor.personKey.empty()) return actor.personKey; // "ticket:12": not what a client says
    if (!actor.clientKey.empty()) return "key:" + actor.clientKey;
    std::string name = actor.name;
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return "name:" + name;
}

namespace {
std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

bool hasControl(std::string_view text, bool allowNewline) {
    for (unsigned char c : text) {
        if (c == '\n' && allowNewline) continue;
        if (c < 0x20 || c == 0x7f) return true;
    }
    return false;
}
} // namespace

Result<std::string> cleanChatText(std::string_view text, std::size_t maxBytes) {
    std::string_view t = trim(text);
    if (t.empty()) return makeError("chat: message is empty");
    if (t.size() > maxBytes)
        return makeError(
            fmt::format("chat: message is {} bytes; the limit is {}", t.size(), maxBytes));
    if (!expo::utf8Length(t)) return makeError("chat: message is not valid UTF-8");
    if (hasControl(t, false)) return makeError("chat: message contains control characters");
    return std::string(t);
}

// Validates one business-card field: required or not, within LIMIT bytes, clean UTF-8.
Status checkCardField(std::string_view what, std::string_view value, std::size_t limit,
                      bool required, bool allowNewline) {
    if (required && trim(value).empty())
        return makeError(fmt::format("business card: {} is required", what));
    if (value.size() > limit)
        return makeError(fmt::format("business card: {} is {} bytes; the limit is {}", what,
                                     value.size(), limit));
    if (!expo::utf8Length(value) || hasControl(value, allowNewline))
        return makeError(fmt::format("business card: {} has invalid characters", what));
    return {};
}

Status checkCard(const BusinessCard& card, const InteractionLimits& limits) {
    if (!card.consent)
        return makeError(
            "business card: consent is required to share your card with the exhibitor");
    if (auto s = checkCardField("name", card.name, limits.maxNameBytes, true, false); !s) return s;
    if (auto s = checkCardField("organisation", card.organisation, limits.maxOrganisationBytes,
                                false, false);
        !s)
        return s;
    if (auto s = checkCardField("e-mail", card.email, limits.maxEmailBytes, true, false); !s)
        return s;
    if (!expo::isEmailAddress(card.email))
        return makeError(fmt::format("business card: \"{}\" is not an e-mail address "
                                     "(expected name@domain.tld)",
                                     card.email));
    return checkCardField("message", card.message, limits.maxNoteBytes, false, true);
}

} // namespace fg::interact
