// The sample fair's programme (forum, ministerial roundtables, masterclasses, awards) and award
// categories. Data only: every speaker is fictional; venues are the ids SampleLayout creates.
#include "tools/gen-sample/Catalogue.h"

namespace fg::sample {

namespace {

// Venue ids (SampleLayout.cpp creates these rooms).
const char* kForum1 = "h1-forum-stage";
const char* kRound1 = "h1-roundtable-room";
const char* kClass1 = "h1-masterclass-room";
const char* kForum2 = "h2-innovation-stage";
const char* kRound2 = "h2-roundtable-room";
const char* kClass2 = "h2-masterclass-studio";

SessionSpec session(const char* id, const char* kind, const char* title, const char* day,
                    const char* from, const char* to, const char* venue,
                    std::vector<std::string> speakers, const char* text) {
    return SessionSpec{id,
                       kind,
                       title,
                       std::string(day) + "T" + from + ":00Z",
                       std::string(day) + "T" + to + ":00Z",
                       venue,
                       std::move(speakers),
                       text};
}

std::vector<SessionSpec> forum() {
    return {
        session("forum-opening", "forum", "Opening of the Digital World 2021 Forum", "2021-09-07",
                "02:00", "03:30", kForum1,
                {"Dr. Lan Tran, Forum Chair", "Mateo Alvarez, Programme Director"},
                "Welcome to the forum: the year's themes, the exhibition halls and how to take "
                "part online."),
        session("forum-unconnected", "forum",
                "Connecting the unconnected: financing rural broadband", "2021-09-14", "02:00",
                "03:30", kForum1,
                {"Amina Diallo, Infrastructure Investor", "Kenji Mori, Network Planner",
                 "Priya Raman, Economist"},
                "Who pays for the last kilometre? Blended finance, shared towers and community "
                "networks."),
        session("forum-spectrum", "forum", "Spectrum for 5G and beyond", "2021-09-21", "07:00",
                "08:30", kForum1,
                {"Soo-ah Park, Spectrum Engineer", "Olivier Marchand, Policy Adviser"},
                "Mid-band, millimetre wave and sharing: how regulators and operators can plan the "
                "next decade."),
        session("forum-trust", "forum", "Trust by design: cybersecurity for small businesses",
                "2021-09-28", "02:00", "03:30", kForum2,
                {"فرح حداد Farah Haddad, CISO", "Tunde Bakare, Security Researcher"},
                "Practical, affordable security for SMEs: what to do first and what to buy last."),
        session("forum-ai-public", "forum", "AI in public services: useful, fair and explainable",
                "2021-10-05", "07:00", "08:30", kForum1,
                {"Анна Соколова, Data Scientist", "Rahul Mehta, Digital Government Lead"},
                "Case studies of AI in health, tax and transport, and the safeguards that made "
                "them work."),
        session("forum-satellites", "forum", "Satellites and the last mile", "2021-10-19", "02:00",
                "03:30", kForum2,
                {"Dewi Santoso, Satellite Operator", "Jean-Paul Mukiza, Rural Connectivity Lead"},
                "Low-earth-orbit constellations, ground terminals and what they change for remote "
                "schools."),
        session(
            "forum-skills", "forum", "Digital skills for the next billion", "2021-10-26", "07:00",
            "08:30", kForum1,
            {"Grace Okonkwo, Educator", "Hiro Tanaka, Learning Designer",
             "Mai Nguyen, Youth Delegate"},
            "From first smartphone to first developer job: programmes that reach people at scale."),
        session("forum-smart-cities", "forum", "Smart cities that work for people", "2021-11-02",
                "02:00", "03:30", kForum2,
                {"Camille Laurent, Urban Planner", "Arjun Nair, Mobility Analyst"},
                "Lighting, transport and open data: projects that citizens noticed and liked."),
        session("forum-health", "forum", "Digital health after the pandemic", "2021-11-09", "07:00",
                "08:30", kForum1,
                {"Dr. Yusuf Abdi, Physician", "Võ Thùy Linh, Health Informatics Lead"},
                "Which telehealth habits will last, and what connectivity clinics really need."),
        session("forum-fintech", "forum", "Fintech and financial inclusion", "2021-11-16", "02:00",
                "03:30", kForum1,
                {"Chidi Eze, Payments Founder", "Siriporn Chaiyaporn, Central Bank Adviser"},
                "Mobile money, instant payments and consumer protection across borders."),
    };
}

std::vector<SessionSpec> roundtables() {
    const char* text = "Closed-door ministerial roundtable; summary published after the session.";
    return {
        session("rt-policy", "roundtable",
                "Ministerial Roundtable: policy for digital transformation", "2021-10-12", "02:00",
                "04:00", kRound1, {"Heads of delegation", "Moderator: Dr. Lan Tran"}, text),
        session("rt-sandboxes", "roundtable",
                "Ministerial Roundtable: regulatory sandboxes for innovation", "2021-10-12",
                "07:00", "09:00", kRound1, {"Heads of delegation", "Moderator: Olivier Marchand"},
                text),
        session("rt-data", "roundtable", "Ministerial Roundtable: trusted cross-border data flows",
                "2021-10-13", "02:00", "04:00", kRound1,
                {"Heads of delegation", "Moderator: Priya Raman"}, text),
        session("rt-connectivity", "roundtable",
                "Ministerial Roundtable: meaningful connectivity by 2030", "2021-10-13", "07:00",
                "09:00", kRound1, {"Heads of delegation", "Moderator: Amina Diallo"}, text),
        session("rt-partnerships", "roundtable",
                "Ministerial Roundtable: public-private partnerships for networks", "2021-10-14",
                "02:00", "04:00", kRound2, {"Heads of delegation", "Moderator: Kenji Mori"}, text),
        session("rt-youth", "roundtable",
                "Ministerial Roundtable: youth, jobs and the digital economy", "2021-10-14",
                "07:00", "09:00", kRound2,
                {"Heads of delegation", "Youth delegates", "Moderator: Nguyễn Thị Mai"}, text),
    };
}

std::vector<SessionSpec> masterclasses() {
    return {
        session("mc-pitching", "masterclass", "Masterclass: pitching to investors", "2021-06-15",
                "03:00", "04:30", kClass2, {"Sofia Reyes, Venture Partner"},
                "Ten slides, five minutes: build and rehearse your pitch."),
        session("mc-asean", "masterclass", "Masterclass: go-to-market in ASEAN", "2021-07-13",
                "03:00", "04:30", kClass2, {"林大伟 Daniel Lim, Regional Sales Lead"},
                "Partners, pricing and regulation across ten markets."),
        session("mc-ip", "masterclass", "Masterclass: protecting your intellectual property",
                "2021-08-10", "07:00", "08:30", kClass1, {"Claire Dubois, Patent Attorney"},
                "Patents, trademarks and trade secrets for start-ups."),
        session("mc-accessibility", "masterclass", "Masterclass: designing for accessibility",
                "2021-09-16", "07:00", "08:30", kClass2, {"Tomás Silva, Accessibility Lead"},
                "Make products everyone can use, from day one."),
        session("mc-cloud-costs", "masterclass", "Masterclass: keeping cloud costs under control",
                "2021-10-20", "03:00", "04:30", kClass1, {"Aiko Sato, Cloud Architect"},
                "Measure, right-size and reserve: save without risk."),
        session("mc-security", "masterclass", "Masterclass: a security programme on a small budget",
                "2021-11-18", "07:00", "08:30", kClass2, {"فرح حداد Farah Haddad, CISO"},
                "The controls that stop most attacks, in priority order."),
        session("mc-apis", "masterclass", "Masterclass: scaling with open APIs", "2021-12-07",
                "03:00", "04:30", kClass1, {"Emeka Obi, Platform Engineer"},
                "Design, document and monetise APIs partners love."),
    };
}

} // namespace

std::vector<SessionSpec> programme() {
    std::vector<SessionSpec> all = forum();
    for (auto* part : {roundtables, masterclasses})
        for (SessionSpec& s : part())
            all.push_back(std::move(s));
    all.push_back(session("awards-showcase", "awards", "SME Awards: finalists' showcase",
                          "2021-11-23", "02:00", "04:00", kForum2, {"SME Award jury", "Finalists"},
                          "Every finalist presents in five minutes; questions from the jury."));
    all.push_back(session("awards-ceremony", "awards", "SME Awards ceremony", "2021-12-14", "09:00",
                          "10:30", kForum1, {"Dr. Lan Tran, Forum Chair", "SME Award jury"},
                          "Winners of the three SME Award categories are announced."));
    return all;
}

std::vector<AwardSpec> awards() {
    return {
        {"sme-social-impact",
         "SME Award for Social Impact",
         {"shamba-sense", "pocket-clinic", "signbridge-ai", "solarmesh-labs", "hertech-studio"}},
        {"sme-tech-innovation",
         "SME Award for Technological Innovation",
         {"wavelet-rural-networks", "andes-sky-mapping", "vista-telehealth", "kiwi-access-labs"}},
        {"sme-digital-inclusion",
         "SME Award for Digital Inclusion",
         {"classroom-cloud-kit", "micropay-mesh", "safenest-cyber", "shamba-sense"}},
    };
}

} // namespace fg::sample
