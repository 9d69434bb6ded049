// Builds the panels' copy of the exhibition through engine/text's bidi adapter. Never changes
// ids, so lookups by id work on either copy; never touches the world scene.
#include "game/client/DisplayText.h"

#include "engine/text/Bidi.h"

namespace fg::client {
namespace {

void show(std::string& text, const TextSink& use) {
    text = fg::text::visualOrder(text);
    if (use) use(text);
}

void showSession(expo::Session& s, const TextSink& use) {
    show(s.title, use);
    show(s.description, use);
    auto speaker = [&](expo::Speaker& sp) {
        show(sp.name, use);
        show(sp.title, use);
        show(sp.organisation, use);
    };
    for (auto& sp : s.speakers)
        speaker(sp);
    if (s.moderator) speaker(*s.moderator);
}

void showBooth(expo::Booth& b, const TextSink& use) {
    for (auto& sign : b.content.signs)
        show(sign, use);
    for (auto& d : b.content.documents)
        show(d.title, use);
    for (auto& l : b.content.links)
        show(l.title, use);
    for (auto& v : b.content.videos)
        show(v.title, use);
}

} // namespace

expo::Exhibition displayCopy(const expo::Exhibition& source, const TextSink& use) {
    expo::Exhibition ex = source;
    show(ex.event.name, use);
    show(ex.event.organiser, use);
    for (auto& h : ex.halls) {
        show(h.name, use);
        for (auto& v : h.venues)
            show(v.name, use);
    }
    for (auto& p : ex.pavilions)
        show(p.name, use);
    for (auto& x : ex.exhibitors) {
        show(x.name, use);
        show(x.description, use);
        show(x.sector, use);
    }
    for (auto& b : ex.booths)
        showBooth(b, use);
    for (auto& s : ex.sessions)
        showSession(s, use);
    for (auto& a : ex.awards) {
        show(a.name, use);
        for (auto& p : a.pitches)
            show(p.text, use);
    }
    return ex;
}

} // namespace fg::client
