// known_servers.json with nlohmann-json, and invitation codes. Must not touch the network: the
// key check itself is NetClient's, at connect.
#include "game/netclient/ServerPins.h"

#include "engine/core/File.h"
#include "engine/net/SecureChannel.h"

#include <cstdlib>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace fg::netclient {

std::filesystem::path defaultPinsFile() {
    if (const char* v = std::getenv("XDG_CONFIG_HOME"); v && *v)
        return std::filesystem::path(v) / "fairground/known_servers.json";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".config/fairground/known_servers.json";
    return std::filesystem::temp_directory_path() / "fairground-known_servers.json";
}

Result<Invitation> parseInvitation(std::string_view code) {
    const std::size_t at = code.rfind('@');
    if (at == std::string_view::npos) return Invitation{std::string(code), {}};
    Invitation out{std::string(code.substr(0, at)), std::string(code.substr(at + 1))};
    if (!net::isFingerprint(out.serverKey))
        return makeError(fmt::format("invitation code: '{}' after '@' is not a server key "
                                     "(26 letters a-z and digits 2-7, as 'status' prints it)",
                                     out.serverKey));
    return out;
}

Result<ServerPins> ServerPins::load(const std::filesystem::path& file) {
    ServerPins pins;
    pins.m_file = file;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return pins;
    auto text = readFileText(file, 1024 * 1024);
    if (!text) return text.error();
    const nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("servers") || !j["servers"].is_object())
        return makeError(
            fmt::format("{}: expected {{\"servers\": {{\"HOST:PORT\": \"KEY\"}}}}", file.string()));
    for (const auto& [address, key] : j["servers"].items()) {
        if (!key.is_string() || !net::isFingerprint(key.get<std::string>()))
            return makeError(fmt::format("{}: servers.{}: not a server key fingerprint",
                                         file.string(), address));
        pins.m_pins[address] = key.get<std::string>();
    }
    return pins;
}

std::string ServerPins::pinned(const std::string& address) const {
    auto it = m_pins.find(address);
    return it == m_pins.end() ? std::string() : it->second;
}

Status ServerPins::pin(const std::string& address, const std::string& fingerprint) {
    m_pins[address] = fingerprint;
    nlohmann::json j;
    j["servers"] = nlohmann::json::object();
    for (const auto& [a, key] : m_pins)
        j["servers"][a] = key;
    std::error_code ec;
    std::filesystem::create_directories(m_file.parent_path(), ec);
    return writeFileAtomic(m_file, std::string_view(j.dump(2) + "\n"));
}

} // namespace fg::netclient
