// The staff module's record requests: an own booth's leads page by page (LeadsPage) and who is
// in its visit zone now (BoothVisitors), each refused with fg_interactions' reason for anyone but
// the booth's exhibitor staff or an organiser. Reads the store; never writes leads.
#include "engine/core/Log.h"
#include "server/interactions/Interactions.h"
#include "server/staff/StaffModule.h"
#include "server/store/Store.h"

#include <algorithm>
#include <fmt/format.h>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

namespace {

std::string clip(std::string text, std::size_t max) {
    if (text.size() > max) text.resize(max); // stored values are already bounded; be safe
    return text;
}

LeadEntry entryOf(const store::Lead& l) {
    return LeadEntry{std::uint64_t(l.id),
                     l.createdAt,
                     clip(l.visitorName, kMaxNameLength),
                     clip(l.organisation, kMaxCompanyLength),
                     clip(l.email, kMaxEmailLength),
                     clip(l.message, kMaxNoteLength),
                     l.consent};
}

} // namespace

void StaffModule::leads(Session& s, const LeadsRequest& request) {
    auto all = m_interactions.leads(m_ctx.actor(s), request.boothId);
    if (!all) return m_ctx.reply(s, request.requestId, all.error());
    LeadsPage page;
    page.requestId = request.requestId;
    page.boothId = request.boothId;
    if (const expo::Booth* b = expo::findBooth(m_ctx.exhibition(), request.boothId))
        page.exhibitorId = clip(b->exhibitor, kMaxIdLength);
    // The store lists leads by id; a page starts after the last one the client has.
    for (const store::Lead& l : *all) {
        if (std::uint64_t(l.id) <= request.afterId) continue;
        if (page.leads.size() == kMaxLeadsPerPage) {
            page.more = true;
            break;
        }
        page.leads.push_back(entryOf(l));
    }
    m_ctx.send(s, std::move(page));
}

// A person as the booth's staff may see them: staff of an exhibitor with their company; a
// visitor with what their newest card left with this exhibitor says, nothing else.
BoothVisitor StaffModule::describe(const Session& person, const expo::Booth& booth) {
    BoothVisitor out{clip(person.name, kMaxNameLength), person.role, "", ""};
    if (person.role == Role::Exhibitor) {
        const expo::Exhibitor* x = expo::findExhibitor(m_ctx.exhibition(), person.exhibitorId);
        out.organisation = clip(x ? x->name : person.exhibitorId, kMaxCompanyLength);
        return out;
    }
    auto card = m_cards->newestCard(booth.exhibitor, interact::visitorKey(m_ctx.actor(person)));
    if (!card) {
        log::error("staff: who is at {}: {}", booth.id, card.error().message);
        return out;
    }
    if (*card) {
        out.organisation = clip((*card)->organisation, kMaxCompanyLength);
        out.email = clip((*card)->email, kMaxEmailLength);
    }
    return out;
}

void StaffModule::visitors(Session& s, const BoothVisitorsRequest& request) {
    if (Status st = m_interactions.requireBoothStaff(m_ctx.actor(s), request.boothId,
                                                     "who is at the booth");
        !st)
        return m_ctx.reply(s, request.requestId, st);
    const expo::Booth* booth = expo::findBooth(m_ctx.exhibition(), request.boothId);
    BoothVisitors out{request.requestId, request.boothId, {}};
    for (std::uint32_t id : m_interactions.visits().actorsAt(request.boothId)) {
        const Session* person = m_ctx.session(id);
        if (!person || !person->joined || out.people.size() == kMaxBoothVisitors) continue;
        out.people.push_back(describe(*person, *booth));
    }
    std::sort(out.people.begin(), out.people.end(),
              [](const BoothVisitor& a, const BoothVisitor& b) { return a.name < b.name; });
    m_ctx.send(s, std::move(out));
}

} // namespace fg::server
