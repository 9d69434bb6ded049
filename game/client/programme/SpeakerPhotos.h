// Speaker cards with photos (sessions[].speakers[].photo): the agenda's details and the stage
// panel draw them. Photos are read once from the exhibition's folder (a local PNG/JPEG, or the
// cooked texture fetched by hash) and kept as a small grid of colours. ImGui drawing only.
#pragma once

#include "game/client/ClientState.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace fg::client {

class SpeakerPhotos {
public:
    explicit SpeakerPhotos(const Session& s) : m_s(s) {}
    // SPEAKER's card at the cursor: the photo SIZE pixels square (initials when it has none),
    // then name, title, organisation and country. ROLE ("Moderator") is shown above the name.
    void card(const expo::Speaker& speaker, float size, const char* role = nullptr);
    // Every structured speaker of E, then its moderator.
    void cards(const expo::Session& e, float size);
    // Any image of the exhibition (an award pitch's poster) WIDTH pixels wide at the cursor, its
    // height from its aspect; false (nothing drawn) when it cannot be read.
    bool picture(const std::string& reference, float width);
    // Photos read so far that could be shown (tests, the screenshot check).
    std::size_t loaded() const;

    // A photo reduced to CELLS x CELLS colours (RGBA8, rows top down).
    struct Photo {
        int cells = 0;
        float aspect = 1; // height / width of the image read
        std::vector<std::uint32_t> rgba;
        bool failed = false;
    };

private:
    const Photo& photo(const std::string& reference);
    const Session& m_s;
    std::map<std::string, Photo> m_photos; // by reference
};

} // namespace fg::client
