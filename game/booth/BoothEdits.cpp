// The edit operations behind the editor's panels and viewport, each as one BoothEditor::edit.
// Must not read files or draw: callers pass bytes they loaded and indices they selected.
#include "game/booth/BoothEdits.h"

#include "game/booth/BoothPaths.h"
#include "game/booth/BoothRules.h"

#include <fmt/format.h>

namespace fg::booth {

namespace {

Status badIndex(ItemKind kind, std::size_t index, std::size_t count) {
    return makeError(
        fmt::format("no {} number {} (the booth has {})", toString(kind), index, count));
}

FileRef share(const Bytes& bytes) {
    return std::make_shared<const Bytes>(bytes);
}

template <class T>
Status duplicateIn(std::vector<T>& items, std::size_t index, ItemKind kind) {
    if (index >= items.size()) return badIndex(kind, index, items.size());
    items.insert(items.begin() + index + 1, items[index]);
    return {};
}

template <class T>
Status eraseIn(std::vector<T>& items, std::size_t index, ItemKind kind) {
    if (index >= items.size()) return badIndex(kind, index, items.size());
    items.erase(items.begin() + index);
    return {};
}

Status duplicatePoster(BoothBundle& b, std::size_t index) {
    auto& posters = b.booth.content.posters;
    if (index >= posters.size()) return badIndex(ItemKind::Poster, index, posters.size());
    std::uint32_t max = expo::sizeTemplate(b.booth.size).maxPosters;
    for (std::uint32_t slot = 0; slot < max; ++slot) {
        bool used = false;
        for (const auto& p : posters)
            used = used || p.slot == slot;
        if (!used) {
            posters.push_back({slot, posters[index].image});
            return {};
        }
    }
    return makeError(fmt::format("all {} poster slots are in use", max));
}

} // namespace

const char* toString(ItemKind kind) {
    switch (kind) {
    case ItemKind::Model:
        return "model";
    case ItemKind::Poster:
        return "poster";
    case ItemKind::Sign:
        return "sign";
    case ItemKind::Document:
        return "document";
    case ItemKind::Link:
        return "link";
    case ItemKind::Video:
        return "video";
    }
    return "?";
}

std::size_t itemCount(const BoothBundle& bundle, ItemKind kind) {
    const auto& c = bundle.booth.content;
    switch (kind) {
    case ItemKind::Model:
        return c.models.size();
    case ItemKind::Poster:
        return c.posters.size();
    case ItemKind::Sign:
        return c.signs.size();
    case ItemKind::Document:
        return c.documents.size();
    case ItemKind::Link:
        return c.links.size();
    case ItemKind::Video:
        return c.videos.size();
    }
    return 0;
}

std::string entryNameFor(const std::string& folder, const std::string& fileName) {
    std::string base = std::filesystem::path(fileName).filename().string();
    std::string out;
    for (char c : base) {
        bool ok =
            (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a'), ok = true;
        out += ok ? c : '_';
    }
    while (!out.empty() && out.front() == '.')
        out.erase(out.begin());
    if (out.empty()) out = "file";
    return folder + "/" + out;
}

void dropUnusedFiles(BoothBundle& bundle) {
    for (auto it = bundle.files.begin(); it != bundle.files.end();)
        it = fileInUse(bundle, it->first) ? std::next(it) : bundle.files.erase(it);
}

Status addModel(BoothEditor& ed, const std::string& mainName,
                const std::map<std::string, Bytes>& files) {
    if (!files.count(mainName)) return makeError(fmt::format("model \"{}\" has no data", mainName));
    std::string stem = std::filesystem::path(entryNameFor("x", mainName)).stem().string();
    return ed.edit("Import model " + mainName, [&](BoothBundle& b) -> Status {
        std::string folder = "models/" + stem;
        // Each model gets a folder of its own: deleting it drops exactly its companions.
        auto used = [&](const std::string& f) {
            auto it = b.files.lower_bound(f + "/");
            return it != b.files.end() && it->first.rfind(f + "/", 0) == 0;
        };
        for (int n = 2; used(folder); ++n)
            folder = fmt::format("models/{}-{}", stem, n);
        std::string mainEntry = entryNameFor(folder, mainName);
        for (const auto& [name, data] : files) {
            // Companions keep their names: the main file refers to them by those.
            std::string entry = name == mainName ? mainEntry : folder + "/" + name;
            if (Status st = checkEntryName(entry); !st) return st;
            b.files[entry] = share(data);
        }
        b.booth.content.models.push_back(
            {mainEntry, glm::vec3(0.0f), glm::vec3(0.0f), glm::vec3(1.0f)});
        return {};
    });
}

Status setModelTransform(BoothEditor& ed, std::size_t index, const Transform& t,
                         const std::string& mergeKey) {
    return ed.edit(
        "Transform model",
        [&](BoothBundle& b) -> Status {
            auto& models = b.booth.content.models;
            if (index >= models.size()) return badIndex(ItemKind::Model, index, models.size());
            models[index].position = t.position;
            models[index].rotation = t.rotation;
            models[index].scale = t.scale;
            return {};
        },
        mergeKey);
}

Status setPoster(BoothEditor& ed, std::uint32_t slot, const std::string& name, const Bytes& image) {
    return ed.edit(fmt::format("Poster in slot {}", slot), [&](BoothBundle& b) -> Status {
        std::string entry = entryNameFor("images", name);
        if (Status st = checkEntryName(entry); !st) return st;
        b.files[entry] = share(image);
        auto& posters = b.booth.content.posters;
        std::erase_if(posters, [&](const expo::Poster& p) { return p.slot == slot; });
        posters.push_back({slot, entry});
        std::sort(posters.begin(), posters.end(), [](auto& x, auto& y) { return x.slot < y.slot; });
        dropUnusedFiles(b);
        return {};
    });
}

Status setLogo(BoothEditor& ed, const std::string& name, const Bytes& image) {
    return ed.edit("Logo", [&](BoothBundle& b) -> Status {
        std::string entry = entryNameFor("images", name);
        if (Status st = checkEntryName(entry); !st) return st;
        b.files[entry] = share(image);
        b.profile.logo = entry;
        dropUnusedFiles(b);
        return {};
    });
}

Status addSign(BoothEditor& ed, const std::string& text) {
    return ed.edit("Add sign", [&](BoothBundle& b) -> Status {
        b.booth.content.signs.push_back(text);
        return {};
    });
}

Status setSign(BoothEditor& ed, std::size_t index, const std::string& text) {
    return ed.edit(
        "Edit sign",
        [&](BoothBundle& b) -> Status {
            auto& signs = b.booth.content.signs;
            if (index >= signs.size()) return badIndex(ItemKind::Sign, index, signs.size());
            signs[index] = text;
            return {};
        },
        fmt::format("sign-{}", index));
}

Status addDocument(BoothEditor& ed, const std::string& title, const std::string& name,
                   const Bytes& file) {
    return ed.edit("Add document", [&](BoothBundle& b) -> Status {
        std::string entry = entryNameFor("docs", name);
        if (Status st = checkEntryName(entry); !st) return st;
        b.files[entry] = share(file);
        b.booth.content.documents.push_back({title, entry});
        return {};
    });
}

Status addLink(BoothEditor& ed, const std::string& title, const std::string& url) {
    return ed.edit("Add link", [&](BoothBundle& b) -> Status {
        b.booth.content.links.push_back({title, url});
        return {};
    });
}

Status addVideo(BoothEditor& ed, const std::string& title, const std::string& url,
                const std::string& thumbName, const Bytes& thumbnail) {
    return ed.edit("Add video", [&](BoothBundle& b) -> Status {
        std::string entry = entryNameFor("images", thumbName);
        if (Status st = checkEntryName(entry); !st) return st;
        b.files[entry] = share(thumbnail);
        b.booth.content.videos.push_back({title, url, entry});
        return {};
    });
}

Status setProfile(BoothEditor& ed, const expo::Exhibitor& profile) {
    return ed.edit(
        "Company profile",
        [&](BoothBundle& b) -> Status {
            std::string logo = b.profile.logo; // the logo changes only through setLogo
            b.profile = profile;
            b.profile.logo = logo;
            b.booth.exhibitor = profile.id;
            return {};
        },
        "profile");
}

Status setBoothShape(BoothEditor& ed, expo::BoothKind kind, expo::BoothSize size,
                     BoothStyle style) {
    return ed.edit("Booth type", [&](BoothBundle& b) -> Status {
        b.booth.kind = kind;
        b.booth.size = size;
        b.booth.style = style;
        return {};
    });
}

Status duplicateItem(BoothEditor& ed, ItemRef item) {
    return ed.edit(fmt::format("Duplicate {}", toString(item.kind)), [&](BoothBundle& b) -> Status {
        auto& c = b.booth.content;
        switch (item.kind) {
        case ItemKind::Model: {
            if (Status st = duplicateIn(c.models, item.index, item.kind); !st) return st;
            c.models[item.index + 1].position.x += 0.5f;
            return {};
        }
        case ItemKind::Poster:
            return duplicatePoster(b, item.index);
        case ItemKind::Sign:
            return duplicateIn(c.signs, item.index, item.kind);
        case ItemKind::Document:
            return duplicateIn(c.documents, item.index, item.kind);
        case ItemKind::Link:
            return duplicateIn(c.links, item.index, item.kind);
        case ItemKind::Video:
            return duplicateIn(c.videos, item.index, item.kind);
        }
        return {};
    });
}

Status deleteItem(BoothEditor& ed, ItemRef item) {
    return ed.edit(fmt::format("Delete {}", toString(item.kind)), [&](BoothBundle& b) -> Status {
        auto& c = b.booth.content;
        Status st;
        switch (item.kind) {
        case ItemKind::Model:
            st = eraseIn(c.models, item.index, item.kind);
            break;
        case ItemKind::Poster:
            st = eraseIn(c.posters, item.index, item.kind);
            break;
        case ItemKind::Sign:
            st = eraseIn(c.signs, item.index, item.kind);
            break;
        case ItemKind::Document:
            st = eraseIn(c.documents, item.index, item.kind);
            break;
        case ItemKind::Link:
            st = eraseIn(c.links, item.index, item.kind);
            break;
        case ItemKind::Video:
            st = eraseIn(c.videos, item.index, item.kind);
            break;
        }
        if (st) dropUnusedFiles(b);
        return st;
    });
}

} // namespace fg::booth
