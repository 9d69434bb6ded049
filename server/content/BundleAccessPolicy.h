// Who may download a stored booth bundle (.booth): only whoever may open that booth (its
// exhibitor or an organiser), because it holds the exhibitor's files and unapproved content.
// The content module asks it for every ContentRequest; no handler order is involved.
#pragma once

#include "engine/core/Hash.h"
#include "game/expo/protocol/Messages.h"
#include "server/presence/Session.h"

#include <functional>
#include <optional>
#include <string>

namespace fg::server {

class BundleAccessPolicy {
public:
    // The booth whose stored bundle HASH is, if it is one.
    using BundleBooth = std::function<std::optional<std::string>(const Hash128& hash)>;
    // The own-booth rule: empty when S may open BOOTHID, else the reason.
    using BoothRule =
        std::function<std::string(const presence::Session& s, const std::string& boothId)>;

    BundleAccessPolicy(BundleBooth bundleBooth, BoothRule boothRule)
        : m_bundleBooth(std::move(bundleBooth)), m_boothRule(std::move(boothRule)) {}

    // Empty when S may have what REQUEST asks for; otherwise the reason, for a person.
    std::string refusal(const presence::Session& s,
                        const expo::proto::ContentRequest& request) const;

private:
    BundleBooth m_bundleBooth;
    BoothRule m_boothRule;
};

} // namespace fg::server
