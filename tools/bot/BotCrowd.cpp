// BotCrowd: connection start-up, walking between waypoints and random interactions of one bot.
// Runs on the bot's worker thread: touches only that bot and that worker's counters.
#include "tools/bot/BotCrowd.h"

#include "engine/core/Log.h"
#include "engine/core/Time.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <glm/geometric.hpp>

namespace fg::bot {

namespace proto = fg::expo::proto;

BotCrowd::BotCrowd(BotConfig config) : m_config(std::move(config)) {
    if (!m_config.exhibition) return;
    const auto& ex = *m_config.exhibition;
    for (const auto& session : ex.sessions)
        if (session.id == m_config.attend) m_venue = session.venue;
    for (const auto& booth : ex.booths) {
        if (ex.halls.empty() || booth.hall != ex.halls.front().id) continue;
        // Stand 1.5 m out from the open front, inside the booth's visit zone.
        m_waypoints.push_back(expo::boothApproachPoints(booth, 1.5f).front());
        m_boothIds.push_back(booth.id);
    }
}

BotCrowd::~BotCrowd() = default;

void BotCrowd::noteError(BotReport& report, const std::string& text) {
    if (report.errors.size() < 10 &&
        std::find(report.errors.begin(), report.errors.end(), text) == report.errors.end())
        report.errors.push_back(text);
}

void BotCrowd::start(Worker& w, std::size_t index, double now) {
    auto bot = std::make_unique<Bot>();
    bot->name = fmt::format("{}-{}", m_config.namePrefix, index);
    netclient::ClientConfig cc;
    cc.host = m_config.host;
    cc.port = m_config.port;
    cc.security = m_config.security;
    cc.hello.name = bot->name;
    cc.hello.look = std::uint32_t(w.rng() & 0xffffff);
    cc.hello.country = "VN";
    cc.hello.clientKey = bot->name;
    if (index < m_config.tickets.size()) cc.hello.credential = m_config.tickets[index];
    auto client = netclient::NetClient::connect(cc);
    bot->startedAt = now;
    if (!client) {
        ++w.report.connectFailures;
        noteError(w.report, client.error().message);
    } else {
        bot->net = std::move(*client);
    }
    m_bots[index] = std::move(bot);
}

void BotCrowd::pickWaypoint(Worker& w, Bot& bot) {
    if (!m_waypoints.empty()) {
        std::size_t i = w.rng() % m_waypoints.size();
        bot.target = m_waypoints[i];
        bot.targetBooth = m_boothIds[i];
        return;
    }
    // No exhibition: wander around where we are; the server corrects what is not walkable.
    std::uniform_real_distribution<float> d(-15.0f, 15.0f);
    bot.target = glm::max(bot.position + glm::vec2(d(w.rng), d(w.rng)), glm::vec2(1.0f));
    bot.targetBooth.clear();
}

void BotCrowd::vote(Worker& w, Bot& bot) {
    std::string booth = m_config.voteBooth;
    if (booth.empty() && m_config.exhibition)
        for (const auto& a : m_config.exhibition->awards)
            if (a.id == m_config.voteCategory && !a.finalists.empty())
                booth = a.finalists[w.rng() % a.finalists.size()];
    bot.net->request(proto::BallotCast{0, m_config.voteCategory, booth});
    ++w.report.ballots;
}

void BotCrowd::drive(Worker& w, Bot& bot, double now, double dt) {
    if (!m_venue.empty()) { // attending: seated where the teleport put it
        bot.net->sendInput(bot.position, 0, proto::Anim::Sit);
        return;
    }
    if (now < bot.pauseUntil) return;
    glm::vec2 d = bot.target - bot.position;
    float step = m_config.walkSpeed * float(dt);
    float length = glm::length(d);
    proto::Anim anim = proto::Anim::Walk;
    if (length <= step) {
        bot.position = bot.target;
        anim = proto::Anim::Idle;
        bot.pauseUntil = now + 2.0 + double(w.rng() % 3000) / 1000.0; // look at the booth
        pickWaypoint(w, bot);
    } else {
        bot.position += d / length * step;
    }
    float heading = std::atan2(d.x, d.y) * 57.29578f;
    bot.net->sendInput(bot.position, heading, anim);
}

void BotCrowd::onStage(Bot& bot, const proto::Message& m) {
    if (auto* u = std::get_if<proto::StageUpdate>(&m); u && u->sessionId == m_config.attend) {
        if (m_config.onPage && u->page != bot.page) m_config.onPage(*u);
        bot.page = u->page;
    }
    auto* p = std::get_if<proto::StagePlace>(&m);
    if (!p || p->sessionId != m_config.attend) return;
    if (p->place == proto::StagePlaceKind::Full) // nobody is turned away: the overflow
        bot.net->request(proto::OverflowRequest{0, m_config.attend, true});
    else
        bot.place = p->place;
}

void BotCrowd::act(Worker& w, Bot& bot, double dt) {
    if (!m_venue.empty()) return; // an audience listens
    std::uniform_real_distribution<double> u(0.0, 1.0);
    auto happens = [&](double perMinute) { return u(w.rng) < perMinute / 60.0 * dt; };
    std::string booth = !bot.targetBooth.empty() ? bot.targetBooth
                        : m_boothIds.empty()     ? std::string()
                                                 : m_boothIds[w.rng() % m_boothIds.size()];
    if (happens(m_config.chatPerMinute)) {
        bot.net->chat(proto::ChatScope::Hall, "", 0, fmt::format("hello from {}", bot.name));
        ++w.report.chats;
    }
    if (!booth.empty() && happens(m_config.likePerMinute)) {
        bot.net->like(booth);
        ++w.report.likes;
    }
    if (!booth.empty() && happens(m_config.cardPerMinute)) {
        proto::DropCard card;
        card.boothId = booth;
        card.name = bot.name;
        card.company = "Bot Industries";
        card.email = bot.name + "@bots.example";
        card.note = "load test";
        card.consent = true;
        bot.net->dropCard(card);
        ++w.report.cards;
    }
}

} // namespace fg::bot
