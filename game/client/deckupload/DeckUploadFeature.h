// "Upload deck" in the stage panel for presenters and moderators: a path (PDF, PNG/JPEG page or a
// folder of them; a file dropped on the window fills it), progress, the server's error, resumed
// after a reconnect; script action `deck-upload`. The server decides who may; this only sends.
#pragma once

#include "game/client/ClientFeature.h"
#include "game/client/ClientState.h"
#include "game/netclient/DeckUploadClient.h"

#include <filesystem>
#include <memory>
#include <string>

namespace fg::client {

class ClientFeatures;
class StageFeature;

// The files of the deck at PATH: the file itself, or a folder's PNG/JPEG files by name.
Result<std::vector<std::filesystem::path>> deckFilesAt(const std::filesystem::path& path);

class DeckUploadFeature : public ClientFeature {
public:
    DeckUploadFeature(Session& s, ClientFeatures& host);
    void registerHandlers(netclient::ClientRouter& router, PendingRequests&) override;
    std::optional<Status> runAction(const std::string& name,
                                    const std::vector<std::string>& args) override;
    void onJoined() override;
    void update() override;

    // Starts uploading the deck at PATH as SESSIONID's (one upload at a time).
    Status start(const std::string& sessionId, const std::filesystem::path& path);
    const netclient::DeckUploadClient* upload() const { return m_upload.get(); }

private:
    void section(const expo::Session& e);
    void finished();

    Session& m_s;
    StageFeature* m_stage; // the stage panel the section is drawn in
    std::string m_path;    // the stage panel's path field
    std::unique_ptr<netclient::DeckUploadClient> m_upload;
    bool m_told = false; // the outcome was toasted
};

} // namespace fg::client
