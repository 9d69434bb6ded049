// Deck upload as a server module: a presenter's or moderator's chunked, resumable upload of a
// session's new deck (UploadAssembler), cooked on a worker (DeckCooker), stored (DeckRecords),
// sent to every client and shown from page 1; `session deck SESSION FILE` in the console.
// Asks the programme only through ProgrammeAccess; never blocks the tick with a render.
#pragma once

#include "server/core/ServerContext.h"
#include "server/core/ServerModule.h"
#include "server/deckupload/DeckCooker.h"
#include "server/programme/ProgrammeAccess.h"
#include "server/publish/JobThread.h"
#include "server/publish/UploadAssembler.h"
#include "server/store/DeckRecords.h"

#include <map>
#include <memory>
#include <string>

namespace fg::server {

class DeckUploadModule final : public ServerModule {
public:
    DeckUploadModule(ServerContext& ctx, ProgrammeAccess& programme);
    ~DeckUploadModule() override;

    Status start() override;
    void registerHandlers(ServerRouter& router) override;
    void registerCommands(console::ConsoleCommands& commands) override;
    void onJoin(presence::Session& s) override;
    void onLeave(presence::Session& s, expo::proto::LeaveReason reason) override;
    void onTick(std::uint32_t tick, double now) override;
    void addStatus(std::vector<console::StatusFigure>& figures) const override;

    // Renders SOURCE now and makes it SESSIONID's deck (the console's path); BY names who did.
    Result<std::size_t> replaceDeck(const std::string& sessionId, const DeckSource& source,
                                    const std::string& by);

    // One deck to cook on the worker, and its outcome.
    struct Job {
        std::uint16_t wireId = 0;
        std::string uploader; // the person's upload key
        std::uint32_t requestId = 0;
        std::string sessionId;
        std::string by;
        DeckSource source;
    };
    struct Done {
        Job job; // without its bytes
        Result<std::vector<std::string>> pages;
    };

private:
    // An upload in progress on one connection.
    struct Link {
        std::uint32_t requestId = 0;
        std::string sessionId;
        std::string key;   // UploadAssembler key of the person
        DeckSource source; // kind, file name, part sizes (bytes arrive on disk)
        std::uint64_t totalBytes = 0;
        std::uint32_t chunksSinceStatus = 0;
    };
    std::string refusal(const presence::Session& s, const std::string& sessionId) const;
    void begin(presence::Session& s, const expo::proto::DeckUploadBegin& m);
    void chunk(presence::Session& s, const expo::proto::DeckUploadChunk& m);
    void finish(presence::Session& s, const expo::proto::DeckUploadFinish& m);
    void answer(Done& done);
    // Makes PAGES SESSIONID's deck: stored, applied to the exhibition, sent, page 1 shown.
    Status install(const std::string& sessionId, const std::string& fileName,
                   std::vector<std::string> pages, const std::string& by);
    void applyAll();
    expo::Session* findSession(const std::string& sessionId);

    ServerContext& m_ctx;
    ProgrammeAccess& m_programme;
    DeckLimits m_limits;
    std::filesystem::path m_dir;
    std::unique_ptr<publish::UploadAssembler> m_uploads;
    std::unique_ptr<store::DeckRecords> m_records;
    std::map<std::string, store::DeckRecord, std::less<>> m_decks; // by session id
    std::map<std::uint16_t, Link> m_links;                         // by wire id
    std::unique_ptr<publish::JobThread<Job, Done>> m_worker;
    // A reload replaces the exhibition (new object, new revision): the decks are applied again.
    const expo::Exhibition* m_appliedTo = nullptr;
    std::uint64_t m_appliedRevision = 0;
    std::uint64_t m_uploaded = 0;
};

} // namespace fg::server
