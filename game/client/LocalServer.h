// What the visitor app needs of the server it starts when given no --connect: a running server
// on 127.0.0.1 and its port. fg_client sees only this; the fairground executable supplies one.
#pragma once

#include "engine/core/Result.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace fg::client {

class LocalServer {
public:
    virtual ~LocalServer() = default;
    virtual std::uint16_t port() const = 0;
    // Its key's fingerprint: the client expects exactly this key (no pin is kept for it).
    virtual std::string keyFingerprint() const = 0;
};

// Starts a server hosting EXHIBITION with its store in DATADIR (every problem in the error).
using LocalServerStarter = std::function<Result<std::unique_ptr<LocalServer>>(
    const std::filesystem::path& exhibition, const std::filesystem::path& dataDir)>;

} // namespace fg::client
