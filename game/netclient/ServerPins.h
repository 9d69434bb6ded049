// The server keys a client has pinned, per server address (known_servers.json next to
// client.json), and invitation codes that carry a server key ("TOKEN@FINGERPRINT").
// File reading and writing only: no sockets, no UI; NetClient applies the pin at connect.
#pragma once

#include "engine/core/Result.h"

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace fg::netclient {

// $XDG_CONFIG_HOME/fairground/known_servers.json (beside the client's client.json).
std::filesystem::path defaultPinsFile();

// An invitation code split: "TOKEN@FINGERPRINT" or a bare token (no key: the key is pinned on
// first use). A part after '@' that is not a key fingerprint is an error naming it.
struct Invitation {
    std::string token;
    std::string serverKey; // fingerprint, or empty
};
Result<Invitation> parseInvitation(std::string_view code);

class ServerPins {
public:
    // Missing file: no pins. A malformed one: an error naming it (never silently replaced).
    static Result<ServerPins> load(const std::filesystem::path& file);
    // The fingerprint pinned for ADDRESS ("host:port"), or empty.
    std::string pinned(const std::string& address) const;
    // Pins FINGERPRINT for ADDRESS and saves the file (temp + fsync + rename).
    Status pin(const std::string& address, const std::string& fingerprint);

private:
    std::filesystem::path m_file;
    std::map<std::string, std::string> m_pins;
};

} // namespace fg::netclient
