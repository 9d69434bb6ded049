// A programme session run by scripted people: a speaker who pages the deck, a moderator who
// starts the session, approves, pins and answers questions and runs polls, and an audience that
// asks, upvotes, answers and applauds. Each is a real NetClient signed in with its own token, so
// the server checks every permission as for a person. Used by the client's embedded default and
// by `fairground-bot --run-session`; never reaches into a server.
#pragma once

#include "game/expo/Exhibition.h"
#include "game/netclient/NetClient.h"

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace fg::netclient {

struct SessionScriptConfig {
    std::string host = "127.0.0.1";
    std::uint16_t port = 7777;
    std::string serverKey; // the fingerprint the links must meet (empty: any)
    std::string sessionId;
    std::string speakerToken;   // a speaker credential bound to the session
    std::string moderatorToken; // a moderator credential bound to it (or an organiser's)
    std::vector<std::string> audienceTokens; // verified visitors (upvotes and polls need them)
    std::string speakerName = "Speaker", moderatorName = "Moderator";
    // Seconds between the script's steps (the runtime defaults; tests shorten them).
    double pageSeconds = 20;     // the speaker turns a page
    double questionSeconds = 25; // an audience member asks
    double answerSeconds = 15;   // a pinned question is being answered
    double pollEverySeconds = 60, pollOpenSeconds = 20, resultsSeconds = 12;
    bool startSession = true; // the moderator starts the session when it is not live
};

class ScriptedSession {
public:
    // EX gives the session's venue, layout and deck (pages), read here only.
    static Result<std::unique_ptr<ScriptedSession>> create(const expo::Exhibition& ex,
                                                           SessionScriptConfig config);
    ~ScriptedSession();

    // One pass at monotonic time NOW: services every link and plays what is due.
    void step(double now);
    // Runs step() on its own thread until the object is destroyed.
    void startThread();

    // What the script has seen so far (reports and tests).
    struct Figures {
        std::uint32_t joined = 0, pagesTurned = 0, questionsAsked = 0, upvotes = 0;
        std::uint32_t approved = 0, answered = 0, pollsOpened = 0, pollsClosed = 0, refusals = 0;
        std::uint32_t page = 0; // the newest page the server showed
        bool live = false;
        std::string lastRefusal;
    };
    Figures figures() const;

private:
    struct Actor {
        std::unique_ptr<NetClient> net;
        std::string name;
        bool entered = false;
        glm::vec2 target{0.0f};
        glm::vec2 face{0.0f}; // what it looks at once there (the audience, or the screen)
        proto::Anim rest = proto::Anim::Idle;
        std::map<std::uint64_t, proto::QuestionInfo> questions;
        std::map<std::uint64_t, proto::PollInfo> polls;
        std::vector<std::uint64_t> voted, answeredPolls;
        double nextMove = 0;
    };

    ScriptedSession(const expo::Exhibition& ex, SessionScriptConfig config);
    Status connectAll();
    Status connect(Actor& actor, const std::string& token);
    void service(Actor& actor, double now);
    void onMessage(Actor& actor, proto::Message& m);
    void walk(Actor& actor, double now);
    // SessionScript.cpp: what each role does when its time comes.
    void speakerStep(double now);
    void moderatorStep(double now);
    void moderateQuestions(double now);
    void runPoll(double now);
    void audienceStep(double now);
    void audienceReacts(Actor& actor);
    template <class M>
    void send(Actor& actor, M message) {
        if (actor.net && actor.net->state() == ClientState::Joined)
            actor.net->request(std::move(message));
    }

    SessionScriptConfig m_config;
    std::string m_country, m_venue;
    std::uint32_t m_pages = 1;
    glm::vec2 m_speakerSpot{0.0f}, m_moderatorSpot{0.0f}, m_screen{0.0f}, m_audienceCentre{0.0f};
    std::vector<glm::vec2> m_seats;
    Actor m_speaker, m_moderator;
    std::vector<Actor> m_audience;
    std::mt19937 m_rng{20211207};

    // Script state (the step thread only).
    proto::StageUpdate m_stage;
    bool m_haveStage = false;
    double m_nextPage = 0, m_nextQuestion = 0, m_nextStart = 0;
    bool m_approvalOn = false;
    std::uint64_t m_pinned = 0;
    double m_pinnedAt = 0;
    enum class PollPhase {
        Waiting,
        Opening,
        Open,
        Closing,
        Shown
    } m_pollPhase = PollPhase::Waiting;
    std::uint64_t m_poll = 0;
    double m_pollAt = 0;
    std::size_t m_nextAsker = 0, m_questionText = 0, m_pollText = 0;

    mutable std::mutex m_figuresMutex;
    Figures m_figures;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace fg::netclient
