// Public: an exhibition turned into a render::Scene (halls, pavilions, booths, posters, models,
// signs), its named camera views, and picking back to booths. Vulkan-free; links fg_render.
#pragma once

#include "engine/render/Renderer.h"
#include "game/expo/Exhibition.h"

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fg::scene {

class SceneAssets;

// What part of a booth a pick hit. Signs are merged text; a hit on a fascia reports Booth.
enum class PickKind : std::uint16_t { Booth = 0, Poster = 1, Model = 2 };

struct BoothPick {
    std::string boothId;
    std::uint32_t boothIndex = 0; // into Exhibition::booths
    PickKind kind = PickKind::Booth;
    std::uint32_t index = 0; // poster slot or model index
    float distance = 0;
};

// A click on a hall's floor (or a pavilion's floor, which lies on it).
struct FloorPick {
    std::uint32_t hallIndex = 0; // into Exhibition::halls
    glm::vec3 point{0.0f};       // world position hit
    float distance = 0;
};

struct NamedView {
    std::string name;
    render::Camera camera;
};

struct ExhibitionSceneOptions {
    // Empty: DejaVu Sans, Noto Sans Arabic and Noto Sans CJK from the system's fonts, baked for
    // the exhibition's text (every script); a file: that one font, Latin only.
    std::filesystem::path font;
    std::filesystem::path cacheDir; // empty: import models directly, no cooked cache
    // Called now and then while building (fraction done, what is being built); may be empty.
    std::function<void(float fraction, std::string_view what)> progress;
};

struct SceneCounts {
    std::size_t halls = 0, pavilions = 0, booths = 0, posters = 0, models = 0, signs = 0;
    std::uint64_t cacheHits = 0, cacheMisses = 0; // cooked-asset cache (with a cacheDir)
};

class ExhibitionScene {
public:
    // Builds the scene for EXHIBITION whose files live in BASEDIR. Missing or broken files are
    // problems (file + reason) drawn as magenta placeholders; only a renderer failure is an Error.
    static Result<std::unique_ptr<ExhibitionScene>> build(render::Renderer& renderer,
                                                          const expo::Exhibition& exhibition,
                                                          const std::filesystem::path& baseDir,
                                                          const ExhibitionSceneOptions& = {});
    // Releases every mesh, texture and material build() added (waits for the GPU first).
    ~ExhibitionScene();

    const render::Scene& scene() const { return m_scene; }
    render::Scene& scene() { return m_scene; }
    const SceneCounts& counts() const { return m_counts; }
    const std::vector<std::string>& problems() const;
    std::size_t placeholders() const;

    // "entrance" (inside the first hall's first entrance) and one view per hall id.
    const std::vector<NamedView>& views() const { return m_views; }
    std::optional<render::Camera> view(const std::string& name) const;

    // The booth (and which poster/model/sign of it) under RAY, if any.
    std::optional<BoothPick> pick(const render::Ray& ray) const;
    // The floor point under RAY when the first thing it meets is a hall or pavilion floor.
    std::optional<FloorPick> pickFloor(const render::Ray& ray) const;

    // Adds to SCENE (a frame's copy of scene()) the picture on VENUE's screen: page PAGE of
    // SESSION's deck (its last page past the end), or SESSION's title card when it has no deck.
    // Pages and cards load on first use and are freed with this scene (StageScreens.cpp).
    void addScreenPicture(render::Scene& scene, const expo::Hall& hall, const expo::Venue& venue,
                          const expo::Session& session, std::uint32_t page);

    // What a roundtable's table shows this frame: a name card per speaker spot (in order, ""
    // for none), the current speaker's spot lit (LIT, -1: nobody) and a countdown sign above the
    // table with the speaker's name (CLOCK empty: none; OVER: red). Labels load on first use
    // (RoundtableSeats.cpp).
    struct TableView {
        std::vector<std::string> names;
        int lit = -1;
        std::string speaker, clock;
        bool over = false;
    };
    void addRoundtable(render::Scene& scene, const expo::Hall& hall, const expo::Venue& venue,
                       const TableView& view);

    // What a board shows this frame (the second screen beside a venue's main screen, or the
    // main screen itself for a poll's results): a title ("Questions" or a poll's question) and
    // rows, each text with a value at its right (votes, a percentage), a bar of fraction BAR
    // behind it (< 0: none) and HIGHLIGHTED (the question being answered) lit. Labels load on
    // first use (StageBoards.cpp).
    struct BoardView {
        struct Row {
            std::string text, value;
            float bar = -1.0f;
            bool highlighted = false;
            bool operator==(const Row&) const = default;
        };
        std::string title;
        std::vector<Row> rows;
    };
    void addStageBoard(render::Scene& scene, const expo::Hall& hall, const expo::Venue& venue,
                       const BoardView& view);
    // VIEW over VENUE's main screen (a poll's results while the moderator shows them).
    void addScreenBoard(render::Scene& scene, const expo::Hall& hall, const expo::Venue& venue,
                        const BoardView& view);

    // What the awards show in a hall this frame: a board per category (its finalists, the
    // winner lit) beside the finalists' booths, a ribbon on each finalist's back wall ("FINALIST",
    // gold "WINNER" for a winner) and a trophy on a plinth at each winner's (AwardsProps.cpp).
    struct AwardsView {
        std::vector<BoardView> boards;
        std::vector<std::string> finalists; // booth ids
        std::vector<std::string> winners;   // booth ids
    };
    void addAwards(render::Scene& scene, const expo::Exhibition& exhibition, const expo::Hall& hall,
                   const AwardsView& view);

private:
    struct Label {
        render::MeshHandle mesh;
        render::MaterialId material;
        float width = 0; // metres, at the height asked for
    };
    // TEXT LINEHEIGHT metres tall in COLOUR, uploaded once into the world's group (null: empty).
    const Label* label(const std::string& text, float lineHeight, glm::vec3 colour);
    void addCard(render::Scene& scene, const glm::mat4& at, const std::string& name, bool lit);
    // Clock text (ASCII digits and signs) one cached glyph label per character, centred at FRAME.
    void addCharacters(render::Scene& scene, const glm::mat4& frame, const std::string& text,
                       float lineHeight, glm::vec3 colour);
    float textSpaceWidth(float lineHeight) const { return lineHeight * 0.3f; }
    void addClock(render::Scene& scene, const glm::mat4& frame, glm::vec2 toScreen,
                  glm::vec2 tableCentre, glm::vec2 tableSize, const TableView& view);
    void addBoard(render::Scene& scene, const glm::mat4& frame, float bw, float bh,
                  const BoardView& view);
    void addBoardRow(render::Scene& scene, const glm::mat4& at, const BoardView::Row& row,
                     float lineHeight, float width);
    void addBoardText(render::Scene& scene, const glm::mat4& at, const std::string& text,
                      float lineHeight, float width, glm::vec3 colour, bool left);
    // PLOT: the booth's width, depth and its back wall's front face z (AwardsProps.cpp).
    void addRibbon(render::Scene& scene, const glm::mat4& booth, glm::vec3 plot, bool winner);
    void addTrophy(render::Scene& scene, const glm::mat4& booth, glm::vec3 plot);
    void addAwardsBoards(render::Scene& scene, const expo::Hall& hall, glm::vec2 lo, glm::vec2 hi,
                         glm::vec2 front, const std::vector<BoardView>& boards);
    struct TitleCard {
        render::MaterialId background;
        struct Line {
            render::MeshHandle mesh;
            render::MaterialId material;
            float y; // centre height as a fraction of the screen's height
        };
        std::vector<Line> lines;
    };
    const TitleCard& titleCard(const expo::Session& session);

    ExhibitionScene() = default;
    void addViews(const expo::Exhibition& exhibition);

    render::Renderer* m_renderer = nullptr; // outlives the scene (owners declare it first)
    render::ResourceGroup m_group = render::kPermanentGroup;
    std::unique_ptr<SceneAssets> m_assets;
    render::Scene m_scene;
    std::vector<std::string> m_boothIds;
    std::vector<NamedView> m_views;
    SceneCounts m_counts;
    std::filesystem::path m_baseDir; // where the exhibition's files (deck pages) resolve
    std::map<std::string, TitleCard> m_titleCards; // by session id
    std::map<std::string, Label> m_labels;         // by height, colour and text
};

// Pick ids of hall floors: kFloorPickBase + hall index (booths use their index, far below).
inline constexpr std::uint32_t kFloorPickBase = 0x40000000u;

// World frame of poster SLOT of BOOTH: centred on the poster, its +z facing the viewer. Empty
// when the booth's hall is unknown.
std::optional<glm::mat4> posterFrame(const expo::Exhibition& exhibition, const expo::Booth& booth,
                                     std::uint32_t slot);

// World frame of VENUE's screen picture (LAYOUT is the venue's layout, expo::venueLayout):
// centred on the picture, +z towards the audience, unscaled (the picture is width x height).
glm::mat4 screenFrame(const expo::Hall& hall, const expo::Venue& venue,
                      const expo::VenueLayout& layout);

// A booth's fascia colour (linear RGB): its pavilion's accent, else one of 8 by exhibitor id.
glm::vec3 boothAccentColour(const expo::Exhibition& exhibition, const expo::Booth& booth);

// The camera for the named view of an exhibition, without building a scene.
std::optional<render::Camera> exhibitionView(const expo::Exhibition& exhibition,
                                             const std::string& name);

} // namespace fg::scene
