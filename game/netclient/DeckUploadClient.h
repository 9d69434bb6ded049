// Uploads a session's new deck over a NetClient: DeckUploadBegin, chunks on the bulk channel with
// at most kWindowBytes unacknowledged, DeckUploadFinish once the server holds every byte, then
// the result. Resumes after a reconnect from the bytes the server holds. No UI and no ENet here.
#pragma once

#include "game/booth/BoothUpload.h"
#include "game/netclient/NetClient.h"

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace fg::netclient {

// The files of one deck as they are sent: one PDF, or PNG/JPEG pages one after another.
struct DeckFiles {
    std::string fileName; // the first file's name (errors name it)
    proto::DeckFileKind kind = proto::DeckFileKind::Pdf;
    std::vector<std::uint64_t> partSizes;
    Bytes bytes;
};
// Reads FILES (one PDF, or up to kMaxDeckPages PNG/JPEG pages in order); errors name the file.
Result<DeckFiles> readDeckFiles(std::span<const std::filesystem::path> files);

enum class DeckUploadPhase : std::uint8_t { Beginning, Sending, Finishing, Done, Failed };

class DeckUploadClient {
public:
    static constexpr std::uint64_t kWindowBytes = 256u << 10;

    // Starts uploading FILES as SESSIONID's deck over NET (joined as one of its presenters).
    // NET must outlive this object or be replaced by reconnected().
    DeckUploadClient(NetClient& net, std::string sessionId, DeckFiles files);

    // Sends the chunks the window allows; call after each NetClient::update.
    void pump();
    // Looks at one message from the inbox; true when it belonged to this upload.
    bool handle(const proto::Message& message);
    // A new connection after the old one dropped: ask the server where to continue.
    void reconnected(NetClient& net);

    DeckUploadPhase phase() const { return m_phase; }
    bool finished() const {
        return m_phase == DeckUploadPhase::Done || m_phase == DeckUploadPhase::Failed;
    }
    bool succeeded() const { return m_phase == DeckUploadPhase::Done && m_result && m_result->ok; }
    // 0..1 of the deck the server confirmed holding.
    float progress() const { return m_upload.progress(); }
    const std::string& sessionId() const { return m_upload.boothId(); }
    const std::string& fileName() const { return m_files.fileName; }
    // Set when phase() is Done (ok with the page count, or the server's error).
    const std::optional<proto::DeckUploadResult>& result() const { return m_result; }
    // Why it failed (the upload's refusal, or the render's error), for a person.
    std::string error() const;
    // One line for a person: "uploading 40% (1.2 of 3.0 MB)", "rendering the pages", ...
    std::string statusText() const;
    // Times the upload resumed at a nonzero offset, and the chunks sent in all.
    std::uint32_t resumes() const { return m_resumes; }
    std::uint32_t chunksSent() const { return m_chunksSent; }

private:
    void begin();
    void onStatus(const proto::DeckUploadStatus& status);
    void fail(std::string why);

    NetClient* m_net;
    DeckFiles m_files; // without its bytes (m_upload has them)
    booth::BoothUpload m_upload;
    DeckUploadPhase m_phase = DeckUploadPhase::Beginning;
    std::uint32_t m_requestId = 0;
    std::uint32_t m_nextRequest = 0x60000000; // apart from NetClient's and publishing's ids
    std::optional<proto::DeckUploadResult> m_result;
    std::string m_error;
    std::uint32_t m_resumes = 0;
    std::uint32_t m_chunksSent = 0;
};

} // namespace fg::netclient
