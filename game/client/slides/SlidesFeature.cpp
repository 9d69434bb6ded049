// Which session and page each screen shows, the viewer's camera and its overlay. Reads the
// exhibition, the clock and StageFeature (attendance, page); sends nothing to the server.
#include "game/client/slides/SlidesFeature.h"

#include "engine/core/Translate.h"
#include "game/client/ClientFeatures.h"
#include "game/client/ClientTry.h"
#include "game/client/programme/StageFeature.h"
#include "game/expo/VenueLayout.h"
#include "game/scene/ExhibitionScene.h"

#include <cmath>
#include <fmt/format.h>
#include <imgui.h>

namespace fg::client {
namespace {

constexpr UnixSeconds kDoorsOpenSeconds = 10 * 60; // as StageFeature and the server

struct VenueRef {
    const expo::Hall* hall = nullptr;
    const expo::Venue* venue = nullptr;
};

VenueRef findVenue(const expo::Exhibition& ex, const std::string& id) {
    for (const auto& hall : ex.halls)
        for (const auto& venue : hall.venues)
            if (venue.id == id) return {&hall, &venue};
    return {};
}

const expo::Session* findSession(const expo::Exhibition& ex, const std::string& id) {
    for (const auto& s : ex.sessions)
        if (s.id == id) return &s;
    return nullptr;
}

} // namespace

const expo::Session* screenSession(const expo::Exhibition& ex, const std::string& venueId,
                                   UnixSeconds now) {
    const expo::Session *next = nullptr, *last = nullptr;
    for (const auto& s : ex.sessions) {
        if (s.venue != venueId) continue;
        if (now >= s.start - kDoorsOpenSeconds && now < s.end) return &s;
        if (s.start > now && (!next || s.start < next->start)) next = &s;
        if (s.end <= now && (!last || s.end > last->end)) last = &s;
    }
    return next ? next : last;
}

SlidesFeature::SlidesFeature(Session& s, ClientFeatures& features) : m_s(s), m_features(features) {}

std::uint32_t SlidesFeature::pageOf(const expo::Session& session) const {
    const auto* stage = m_features.find<StageFeature>();
    const expo::Session* attended = stage ? stage->attending() : nullptr;
    if (attended && attended->id == session.id) return stage->slide();
    const proto::StageUpdate* u = stage ? stage->update(session.id) : nullptr;
    return u && u->state == proto::StageWireState::Live ? u->page : 0;
}

// The server's word before the schedule: the attended session, else one it says is on (live or
// doors open; a moderator may start early or run over) owns its venue's screen.
const expo::Session* SlidesFeature::onNow(const std::string& venueId) const {
    const auto* stage = m_features.find<StageFeature>();
    if (!stage) return nullptr;
    if (const expo::Session* a = stage->attending(); a && a->venue == venueId) return a;
    for (const auto& s : m_s.ex->sessions) {
        const proto::StageUpdate* u = s.venue == venueId ? stage->update(s.id) : nullptr;
        if (u && (u->state == proto::StageWireState::Live ||
                  u->state == proto::StageWireState::DoorsOpen))
            return &s;
    }
    return nullptr;
}

ShownScreen SlidesFeature::shownFor(const expo::Session& session) const {
    const VenueRef ref = findVenue(*m_s.ex, session.venue);
    return {ref.hall, ref.venue, &session, pageOf(session)};
}

std::vector<ShownScreen> SlidesFeature::screens() const {
    std::vector<ShownScreen> out;
    if (!m_s.ex || m_s.hall >= m_s.ex->halls.size()) return out;
    const UnixSeconds now = unixNow();
    const expo::Session* viewed = findSession(*m_s.ex, m_viewing);
    for (const auto& venue : m_s.ex->halls[m_s.hall].venues)
        if (!viewed || viewed->venue != venue.id) // the viewer's session owns that screen
            if (const auto* session =
                    onNow(venue.id) ? onNow(venue.id) : screenSession(*m_s.ex, venue.id, now))
                out.push_back(shownFor(*session));
    if (viewed) {
        ShownScreen shown = shownFor(*viewed);
        if (shown.venue) out.push_back(shown);
    }
    return out;
}

std::optional<render::Camera> SlidesFeature::viewerCamera(float aspect) const {
    if (m_viewing.empty() || !m_s.ex) return std::nullopt;
    const expo::Session* session = findSession(*m_s.ex, m_viewing);
    const VenueRef ref = session ? findVenue(*m_s.ex, session->venue) : VenueRef{};
    if (!ref.venue) return std::nullopt;
    const expo::VenueLayout layout = expo::venueLayout(*ref.hall, *ref.venue);
    const glm::mat4 frame = scene::screenFrame(*ref.hall, *ref.venue, layout);
    render::Camera c;
    const float half = std::tan(glm::radians(c.fovY) * 0.5f);
    // Far enough for the whole screen to fit, with a thin margin.
    const float distance = std::max(layout.screen.height * 0.52f / half,
                                    layout.screen.width * 0.52f / (half * std::max(aspect, 0.1f)));
    const glm::vec3 facing = glm::normalize(glm::vec3(frame[2]));
    c.position = glm::vec3(frame[3]) + facing * distance;
    c.yaw = glm::degrees(std::atan2(-facing.x, -facing.z));
    c.pitch = 0;
    c.nearPlane = 0.05f;
    return c;
}

bool SlidesFeature::open(const std::string& sessionId) {
    if (!m_s.ex) return false;
    std::string id = sessionId;
    if (id.empty()) {
        const auto* stage = m_features.find<StageFeature>();
        const expo::Session* attended = stage ? stage->attending() : nullptr;
        if (!attended) return false;
        id = attended->id;
    }
    const expo::Session* session = findSession(*m_s.ex, id);
    if (!session || !findVenue(*m_s.ex, session->venue).venue) return false;
    m_viewing = id;
    return true;
}

std::optional<Status> SlidesFeature::runAction(const std::string& name,
                                               const std::vector<std::string>& args) {
    if (name == "slides") {
        if (args.size() > 1) return needArgs(name, args, 1);
        return actionRan(open(args.empty() ? std::string() : args[0]), name, args);
    }
    if (name == "slides-close") {
        close();
        return Status{};
    }
    return std::nullopt;
}

void SlidesFeature::drawMenu() {
    const auto* stage = m_features.find<StageFeature>();
    const bool attending = stage && stage->attending();
    if (ImGui::MenuItem(trl("Slides"), nullptr, !m_viewing.empty(),
                        attending || !m_viewing.empty())) {
        if (m_viewing.empty())
            open({});
        else
            close();
    }
}

void SlidesFeature::drawPanels(const UiFrame& f) {
    if (m_viewing.empty() || !m_s.ex) return;
    const expo::Session* session = findSession(*m_s.ex, m_viewing);
    if (!session) return close();
    const std::uint32_t page = pageOf(*session);
    // A local PDF deck's page count is known only once rendered; a manifest lists its pages.
    const bool pdf = session->deck.size() == 1 && session->deck[0].ends_with(".pdf");
    const std::string where =
        session->deck.empty() ? std::string(tr("title card (no slides)"))
        : pdf                 ? trf("slide {}", page + 1)
              : trf("slide {} of {}", std::min<std::size_t>(page, session->deck.size() - 1) + 1,
                    session->deck.size());
    ImGui::SetNextWindowPos(ImVec2(f.viewSize.x * 0.5f, f.viewSize.y - 12.0f), ImGuiCond_Always,
                            ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.75f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration |
                                   ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove;
    if (ImGui::Begin("##slides", nullptr, flags)) {
        ImGui::TextUnformatted(session->title.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled(tr("%s, following the presenter"), where.c_str());
        ImGui::SameLine();
        if (ImGui::Button(trl("Close (Esc)")) ||
            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
            close();
    }
    ImGui::End();
}

} // namespace fg::client
