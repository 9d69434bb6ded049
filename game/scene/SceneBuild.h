// Internal to fg_scene: the builders that turn halls, pavilions and booths into scene instances.
// Only ExhibitionScene.cpp and the builders include this; placement rules live in the .cpp files.
#pragma once

#include "game/expo/Exhibition.h"
#include "game/scene/SceneAssets.h"

#include <filesystem>
#include <map>
#include <tuple>

namespace fg::scene {

// Sign text merged into one mesh per 32 m floor cell and colour: text is static and every sign
// is different, so one mesh per sign would cost one draw call per sign.
class TextBatcher {
public:
    void add(const MeshData& text, const glm::mat4& m, glm::vec3 colour);
    void flush(SceneAssets& assets, render::Scene& scene);

private:
    struct Bucket {
        glm::vec3 colour;
        MeshData mesh;
    };
    std::map<std::tuple<int, int, int, int, int>, Bucket> m_buckets;
};

struct BuildContext {
    SceneAssets& assets;
    render::Scene& scene;
    const expo::Exhibition& exhibition;
    std::filesystem::path baseDir;
    TextBatcher text;
};

// Pick items: the high 16 bits name the kind of thing hit, the low 16 its index.
inline std::uint32_t pickItem(std::uint32_t kind, std::uint32_t index) {
    return (kind << 16) | (index & 0xFFFF);
}

// A unit cube scaled to SIZE and centred on CENTRE, in the frame M.
glm::mat4 boxTransform(const glm::mat4& m, glm::vec3 centre, glm::vec3 size);
// The hall's frame: hall coordinates (x, z) to world.
glm::mat4 hallFrame(const expo::Hall& hall);
// A text line on a plane at LOCAL in frame M, facing +z of that frame, shrunk to fit MAXWIDTH.
void addText(BuildContext& ctx, const glm::mat4& m, const std::string& text, float lineHeight,
             float maxWidth, glm::vec3 colour);

void addHall(BuildContext& ctx, const expo::Hall& hall);
// A venue: floor, stage, screen frame, speaker spots and seats (VenueBuilder.cpp).
void addVenue(BuildContext& ctx, const expo::Hall& hall, const expo::Venue& venue);
void addPavilion(BuildContext& ctx, const expo::Pavilion& pavilion);
void addBooth(BuildContext& ctx, const expo::Booth& booth, std::uint32_t boothIndex);

} // namespace fg::scene
