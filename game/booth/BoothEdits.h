// Every edit the editor offers, each one undoable step on a BoothEditor.
// Errors are about the request (bad index, unsafe name), never asserts; no UI or file I/O here.
#pragma once

#include "game/booth/BoothEditor.h"

#include <map>
#include <string>

namespace fg::booth {

// What a selection or a duplicate/delete refers to.
enum class ItemKind : std::uint8_t { Model, Poster, Sign, Document, Link, Video };
const char* toString(ItemKind kind);

struct ItemRef {
    ItemKind kind = ItemKind::Model;
    std::size_t index = 0; // into the content array (posters: array index, not slot)
    bool operator==(const ItemRef&) const = default;
};

// Number of items of KIND in the bundle.
std::size_t itemCount(const BoothBundle& bundle, ItemKind kind);

struct Transform {
    glm::vec3 position{0.0f};
    glm::vec3 rotation{0.0f};
    glm::vec3 scale{1.0f};
};

// Models: FILES holds the main file MAINNAME and its companions (.bin, .mtl, textures), all
// stored under "models/<stem>/". The new model stands at the footprint centre.
Status addModel(BoothEditor& ed, const std::string& mainName,
                const std::map<std::string, Bytes>& files);
// MERGEKEY lets a drag fold into one undo step (see BoothEditor::edit).
Status setModelTransform(BoothEditor& ed, std::size_t index, const Transform& t,
                         const std::string& mergeKey = {});

// Posters and logo: the image is stored as "images/<name>".
Status setPoster(BoothEditor& ed, std::uint32_t slot, const std::string& name, const Bytes& image);
Status setLogo(BoothEditor& ed, const std::string& name, const Bytes& image);

Status addSign(BoothEditor& ed, const std::string& text);
Status setSign(BoothEditor& ed, std::size_t index, const std::string& text);
Status addDocument(BoothEditor& ed, const std::string& title, const std::string& name,
                   const Bytes& file);
Status addLink(BoothEditor& ed, const std::string& title, const std::string& url);
Status addVideo(BoothEditor& ed, const std::string& title, const std::string& url,
                const std::string& thumbName, const Bytes& thumbnail);
Status setProfile(BoothEditor& ed, const expo::Exhibitor& profile);
Status setBoothShape(BoothEditor& ed, expo::BoothKind kind, expo::BoothSize size, BoothStyle style);

// Duplicate puts the copy next to the original (models offset 0.5 m, posters in the next free
// slot); delete also drops files nothing uses any more.
Status duplicateItem(BoothEditor& ed, ItemRef item);
Status deleteItem(BoothEditor& ed, ItemRef item);

// Drops files that nothing in the booth or profile uses (companions of used models are kept).
void dropUnusedFiles(BoothBundle& bundle);
// "images/logo.png" from "/home/me/Logo.PNG": a safe entry name under FOLDER.
std::string entryNameFor(const std::string& folder, const std::string& fileName);

} // namespace fg::booth
