// Publishes a .booth over a NetClient: UploadBegin, chunks on the bulk channel with at most
// kWindowBytes unacknowledged, UploadFinish once the server holds every byte, then the result.
// Resumes after a reconnect from the bytes the server already holds. No UI and no ENet here.
#pragma once

#include "game/booth/BoothUpload.h"
#include "game/netclient/NetClient.h"

#include <optional>
#include <string>

namespace fg::netclient {

enum class PublishPhase : std::uint8_t { Idle, Beginning, Sending, Finishing, Done, Failed };
const char* toString(PublishPhase phase);

class PublishClient {
public:
    static constexpr std::uint64_t kWindowBytes = 256u << 10;

    // Starts publishing BUNDLE (the .booth bytes) as BOOTHID over NET, which must be joined
    // with an exhibitor token. NET must outlive this object or be replaced by reconnected().
    PublishClient(NetClient& net, std::string boothId, Bytes bundle);

    // Sends the chunks the window allows; call after each NetClient::update.
    void pump();
    // Looks at one message from the NetClient's inbox; true when it belonged to this upload.
    bool handle(const proto::Message& message);
    // A new connection after the old one dropped: ask the server where to continue.
    void reconnected(NetClient& net);

    PublishPhase phase() const { return m_phase; }
    bool finished() const {
        return m_phase == PublishPhase::Done || m_phase == PublishPhase::Failed;
    }
    // 0..1 of the bundle the server confirmed holding.
    float progress() const { return m_upload.progress(); }
    const booth::BoothUpload& upload() const { return m_upload; }
    // Set when phase() is Done (the outcome may still be Refused, with its reasons).
    const std::optional<proto::PublishResult>& result() const { return m_result; }
    // Why the upload itself failed (phase() Failed): the server's reason or the connection.
    const std::string& error() const { return m_error; }
    // One line for a person: "uploading 40% (1.2 of 3.0 MB)", "queued for approval",
    // "approved: revision 3", "refused: ...".
    std::string statusText() const;
    // How many times the upload was resumed at a nonzero offset (after reconnects).
    std::uint32_t resumes() const { return m_resumes; }

private:
    void begin();
    void onStatus(const proto::UploadStatus& status);
    void fail(std::string why);

    NetClient* m_net;
    booth::BoothUpload m_upload;
    PublishPhase m_phase = PublishPhase::Idle;
    std::uint32_t m_requestId = 0;
    std::uint32_t m_nextRequest = 0x50000000; // apart from NetClient's interaction ids
    std::optional<proto::PublishResult> m_result;
    std::string m_error;
    std::uint32_t m_resumes = 0;
};

} // namespace fg::netclient
