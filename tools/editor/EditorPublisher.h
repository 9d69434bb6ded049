// The editor's Publish: connects to a server with the exhibitor's token, uploads the saved
// .booth through netclient::PublishClient, reconnects and resumes when the link drops, and keeps
// the server address and token in the editor's config. Pumped once per frame; never blocks.
#pragma once

#include "engine/core/File.h"
#include "engine/core/Result.h"
#include "game/netclient/PublishClient.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace fg::editor {

// Remembered between sessions in CONFIGDIR/publish.json (mode 0600: it holds a token).
struct PublishSettings {
    std::string server = "127.0.0.1:7777"; // HOST:PORT
    std::string token;                     // or an invitation code TOKEN@SERVERKEY
    // Not saved: the pinned server keys (known_servers.json beside the settings file, set by
    // EditorApp); empty: none kept.
    std::filesystem::path pinsFile;
};

// The NetClient config for SETTINGS' server, token (and the key an invitation code carries)
// and pins; the caller fills in the Hello's role and name.
Result<netclient::ClientConfig> linkConfig(const PublishSettings& settings, const std::string& host,
                                           std::uint16_t port);

Result<PublishSettings> loadPublishSettings(const std::filesystem::path& file);
Status savePublishSettings(const std::filesystem::path& file, const PublishSettings& settings);
// Splits "HOST:PORT" (port 1-65535); false for anything else.
bool splitHostPort(const std::string& text, std::string& host, std::uint16_t& port);
// $XDG_CONFIG_HOME/fairground/editor/publish.json (or ~/.config/...).
std::filesystem::path defaultPublishSettingsFile();

enum class PublishState : std::uint8_t { Idle, Connecting, Uploading, Finished, Failed };

class EditorPublisher {
public:
    static constexpr int kMaxReconnects = 5;

    // Starts publishing BUNDLE (saved .booth bytes) as BOOTHID to SETTINGS.server. Refused at
    // once (state Failed, reason in statusText) for a bad address or an empty token.
    Status start(const PublishSettings& settings, const std::string& boothId, Bytes bundle);
    // Services the connection and the upload; call once per frame.
    void pump();
    void cancel();

    PublishState state() const { return m_state; }
    bool busy() const {
        return m_state == PublishState::Connecting || m_state == PublishState::Uploading;
    }
    // 0..1 of the bundle the server confirmed.
    float progress() const;
    // What the panel shows: "connecting", "uploading 40% ...", "queued for approval",
    // "approved: revision 3", "refused: ..." (several lines allowed).
    std::string statusText() const;
    // The server's answer once Finished (outcome, revision, reasons).
    const expo::proto::PublishResult* result() const;

    // True while a queued booth waits for the organiser's verdict on the open connection.
    bool awaitingVerdict() const { return m_awaitingVerdict; }

private:
    Status connect();
    void awaitVerdict();
    void onDisconnected(const std::string& why);
    void fail(std::string why);

    PublishSettings m_settings;
    std::string m_host;
    std::uint16_t m_port = 0;
    std::string m_boothId;
    Bytes m_bundle;
    std::unique_ptr<netclient::NetClient> m_net;
    std::unique_ptr<netclient::PublishClient> m_upload;
    PublishState m_state = PublishState::Idle;
    std::string m_error;
    int m_reconnects = 0;
    // After "queued" the connection stays open until the organiser approves or rejects.
    bool m_awaitingVerdict = false;
    std::optional<expo::proto::PublishResult> m_verdict;
};

} // namespace fg::editor
