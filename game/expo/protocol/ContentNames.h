// Asset names on the wire and in served manifests ("<32 hex>.fgm|.fgt|.pdf|.txt") and the one
// walk over an exhibition's file references. Header-only vocabulary; no I/O, no hashing of files.
#pragma once

#include "engine/core/Hash.h"
#include "game/expo/Exhibition.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace fg::expo {

// What a file reference points at; decides the cooked form and the asset name's extension.
enum class FileKind : std::uint8_t { Image, Model, Document };

// Calls FN(std::string& reference, FileKind) for every file reference of EX, in a fixed order
// (pavilion flags, exhibitor logos, then each booth's posters, models, documents, thumbnails,
// then each session's deck pages and speaker photos, then award pitches' posters). Empty optional
// references (a pavilion without a flag) are skipped. A deck's PDF is passed as an Image too: the
// server's catalog renders it to pages before the walk (ContentCatalog), so a served manifest holds
// only page textures.
template <class Ex, class Fn>
void forEachFileReference(Ex& ex, Fn&& fn) {
    for (auto& p : ex.pavilions)
        if (!p.flag.empty()) fn(p.flag, FileKind::Image);
    for (auto& e : ex.exhibitors)
        if (!e.logo.empty()) fn(e.logo, FileKind::Image);
    for (auto& b : ex.booths) {
        for (auto& poster : b.content.posters)
            fn(poster.image, FileKind::Image);
        for (auto& model : b.content.models)
            fn(model.file, FileKind::Model);
        for (auto& doc : b.content.documents)
            fn(doc.file, FileKind::Document);
        for (auto& video : b.content.videos)
            if (!video.thumbnail.empty()) fn(video.thumbnail, FileKind::Image);
    }
    for (auto& s : ex.sessions) {
        for (auto& page : s.deck)
            fn(page, FileKind::Image);
        // Speaker photos travel by hash like every image (agenda and stage panel cards).
        for (auto& speaker : s.speakers)
            if (!speaker.photo.empty()) fn(speaker.photo, FileKind::Image);
        if (s.moderator && !s.moderator->photo.empty()) fn(s.moderator->photo, FileKind::Image);
    }
    // Award pitches' posters travel by hash too (the Awards panel draws them).
    for (auto& a : ex.awards)
        for (auto& pitch : a.pitches)
            if (!pitch.poster.empty()) fn(pitch.poster, FileKind::Image);
}

// A parsed asset name.
struct AssetName {
    Hash128 hash;
    std::string extension; // ".fgm", ".fgt", ".pdf" or ".txt"
};

inline std::string lowerExtension(std::string_view path) {
    auto dot = path.rfind('.');
    if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) return {};
    std::string ext(path.substr(dot));
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return ext;
}

// True when EXTENSION is what an asset of KIND is served as.
inline bool assetExtensionFits(std::string_view extension, FileKind kind) {
    switch (kind) {
    case FileKind::Image:
        return extension == ".fgt";
    case FileKind::Model:
        return extension == ".fgm";
    case FileKind::Document:
        return extension == ".pdf" || extension == ".txt";
    }
    return false;
}

// The served name of content HASH of KIND; SOURCEPATH gives a document's extension.
inline std::string assetNameFor(const Hash128& hash, FileKind kind, std::string_view sourcePath) {
    switch (kind) {
    case FileKind::Image:
        return toHex(hash) + ".fgt";
    case FileKind::Model:
        return toHex(hash) + ".fgm";
    case FileKind::Document:
        return toHex(hash) + lowerExtension(sourcePath);
    }
    return {};
}

// Parses "<32 lowercase hex>.<ext>" with an extension some kind is served as; false otherwise.
inline bool parseAssetName(std::string_view name, AssetName& out) {
    if (name.size() < 33 || name[32] != '.') return false;
    std::string_view hex = name.substr(0, 32);
    if (std::any_of(hex.begin(), hex.end(), [](char c) { return c >= 'A' && c <= 'F'; }))
        return false; // one spelling per name, so one cache file per asset
    if (!parseHex(hex, out.hash)) return false;
    out.extension = std::string(name.substr(32));
    return out.extension == ".fgt" || out.extension == ".fgm" || out.extension == ".pdf" ||
           out.extension == ".txt";
}

} // namespace fg::expo
