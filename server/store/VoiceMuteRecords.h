// The voice slice's records: who is muted (one person by key, or a session's whole audience),
// until when and why, so mutes survive a restart. One row per mute, replaced whole. No rules.
#pragma once

#include "engine/core/Result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace fg::store {

class Store;

struct StoredVoiceMute {
    std::string key;        // "person:KEY" (a personKey, "key:CLIENTKEY" or "id:N"), or
                            // "audience:SESSION" for a session's whole audience
    std::string name;       // whom, as the console shows it
    std::int64_t until = 0; // Unix seconds; 0: until lifted
    std::string reason;     // what the muted person reads
    std::string by;         // who muted ("console", or the moderator's name)
    std::string session;    // the moderator's session ("" for an organiser's mute)
    bool operator==(const StoredVoiceMute&) const = default;
};

class VoiceMuteRecords {
public:
    // Migrates the "voice" slice's table in STORE's database.
    static Result<std::unique_ptr<VoiceMuteRecords>> open(Store& store);

    // Stores MUTE, replacing any row with its key.
    Status save(const StoredVoiceMute& mute);
    // Removes the mute with KEY (nothing when there is none).
    Status remove(const std::string& key);
    // Every stored mute, by key.
    Result<std::vector<StoredVoiceMute>> load();

private:
    explicit VoiceMuteRecords(Store& store) : m_store(store) {}
    Store& m_store;
};

} // namespace fg::store
