// Booth actions (open, card, like, documents, links), their typed pending requests and
// answers, staff presence and the booth script actions. The panel itself is in BoothPanel.cpp.
#include "game/client/booth/BoothFeature.h"

#include "engine/core/Time.h"
#include "engine/core/Translate.h"
#include "game/client/ClientTry.h"
#include "game/client/LocalText.h"

#include <algorithm>
#include <fmt/format.h>

namespace fg::client {

void BoothFeature::registerHandlers(netclient::ClientRouter& router, PendingRequests& pending) {
    router.on<proto::StaffPresence>([this](proto::StaffPresence& m) { onStaff(m); });
    pending.on<CardPending>(
        [this](const CardPending& p, const proto::ActionResult& r) { onCard(p, r); });
    pending.on<LikePending>([this](const LikePending& p, const proto::ActionResult& r) {
        if (!r.ok) return;
        m_likes[p.boothId] = r.value;
        toast(m_s, trnf("liked ({} like)", "liked ({} likes)", r.value, r.value));
    });
}

void BoothFeature::onCard(const CardPending& p, const proto::ActionResult& r) {
    if (!r.ok) {
        m_forms.lastResult = trf("card not delivered: {}", serverText(r.text));
        return;
    }
    ++m_cardsDropped[p.boothId];
    m_forms.lastResult = tr("card delivered");
    toast(m_s, trf("your card was left at booth {}", p.boothId));
}

void BoothFeature::onStaff(const proto::StaffPresence& m) {
    if (m.onDuty)
        m_staffOnline[m.boothId] = m.names;
    else
        m_staffOnline.erase(m.boothId);
}

const std::vector<std::string>& BoothFeature::staffNames(const std::string& id) const {
    static const std::vector<std::string> kNobody;
    auto it = m_staffOnline.find(id);
    return it == m_staffOnline.end() ? kNobody : it->second;
}

std::optional<std::uint32_t> BoothFeature::likes(const std::string& id) const {
    auto it = m_likes.find(id);
    if (it == m_likes.end()) return std::nullopt;
    return it->second;
}

int BoothFeature::cardsDropped(const std::string& id) const {
    auto it = m_cardsDropped.find(id);
    return it == m_cardsDropped.end() ? 0 : it->second;
}

bool BoothFeature::open(const std::string& id) {
    const int index = boothIndex(m_s, id);
    if (index < 0) {
        toast(m_s, trf("no booth '{}'", id), true);
        return false;
    }
    m_s.selection = BoothSelection{};
    m_s.selection.booth = index;
    m_forms = BoothForms{};
    const VisitorProfile& p = m_s.profile;
    m_forms.card = {p.name, p.organisation, p.email, "", false};
    return true;
}

void BoothFeature::close() {
    m_s.selection = BoothSelection{};
    m_forms = BoothForms{};
}

bool BoothFeature::dropCard() {
    const expo::Booth* b = selectedBooth(m_s);
    auto* c = joinedClient(m_s);
    if (!b || !c) return false;
    if (!m_forms.card.consent) {
        toast(m_s, tr("tick the consent box to share your card"), true);
        return false;
    }
    proto::DropCard card;
    card.boothId = b->id;
    card.name = m_forms.card.name;
    card.company = m_forms.card.company;
    card.email = m_forms.card.email;
    card.note = m_forms.card.note;
    card.consent = m_forms.card.consent; // what the visitor ticked (the server stores it)
    m_s.pending.add(c->dropCard(card), CardPending{b->id});
    m_cardForm = false;
    return true;
}

bool BoothFeature::like() {
    const expo::Booth* b = selectedBooth(m_s);
    auto* c = joinedClient(m_s);
    if (!b || !c) return false;
    m_s.pending.add(c->like(b->id), LikePending{b->id});
    return true;
}

bool BoothFeature::openDocument(std::size_t index) {
    const expo::Booth* b = selectedBooth(m_s);
    auto* c = joinedClient(m_s);
    if (!b || !c || index >= b->content.documents.size()) return false;
    m_s.pending.add(c->openItem(b->id, proto::ItemKind::Document, std::uint32_t(index)),
                    DocumentPending{});
    launchBrowser((m_s.baseDir / b->content.documents[index].file).string());
    toast(m_s, trf("opened {}", b->content.documents[index].title));
    return true;
}

bool BoothFeature::openLink(std::size_t index, bool confirmed) {
    const expo::Booth* b = selectedBooth(m_s);
    if (!b || index >= b->content.links.size()) return false;
    if (!confirmed) {
        m_forms.confirmLink = int(index);
        return true;
    }
    m_forms.confirmLink = -1;
    if (auto* c = joinedClient(m_s))
        m_s.pending.add(c->openItem(b->id, proto::ItemKind::Link, std::uint32_t(index)),
                        LinkPending{});
    launchBrowser(b->content.links[index].url);
    toast(m_s, trf("opened {} in your browser", b->content.links[index].url));
    return true;
}

std::optional<Status> BoothFeature::runAction(const std::string& name,
                                              const std::vector<std::string>& args) {
    if (name == "open-booth") {
        FG_CLIENT_TRY(needArgs(name, args, 1));
        return actionRan(open(args[0]), name, args);
    }
    if (name == "close-panel")
        close();
    else if (name == "card-form")
        m_cardForm = m_s.selection.booth >= 0;
    else if (name == "card-note")
        m_forms.card.note = joinArgs(args);
    else if (name == "consent")
        m_forms.card.consent = args.empty() || args[0] != "off";
    else if (name == "drop-card") {
        // The scripted form submit: consent given, as a person ticking the box would.
        m_forms.card.consent = true;
        if (!args.empty()) m_forms.card.note = joinArgs(args);
        return actionRan(dropCard(), name, args);
    } else if (name == "like")
        return actionRan(like(), name, args);
    else if (name == "open-document") {
        FG_CLIENT_TRY(needArgs(name, args, 1));
        return actionRan(openDocument(std::stoul(args[0])), name, args);
    } else if (name == "zoom-poster") {
        FG_CLIENT_TRY(needArgs(name, args, 1));
        m_s.selection.zoomPoster = std::stoi(args[0]);
        m_s.selection.zoom = args.size() > 1 ? std::stof(args[1]) : 1.0f;
    } else
        return std::nullopt;
    return Status{};
}

} // namespace fg::client
