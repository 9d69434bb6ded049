// A booth as the editor edits and publishes it: booth record, company profile, and its files.
// Plain data plus .booth load/save; no rendering, networking or Assimp here.
#pragma once

#include "engine/core/File.h"
#include "engine/core/Result.h"
#include "game/booth/BoothArchive.h"
#include "game/expo/Exhibition.h"

#include <filesystem>
#include <map>
#include <memory>
#include <span>
#include <string>

namespace fg::booth {

inline constexpr int kBoothFormatVersion = 1;
inline constexpr const char* kBoothJsonName = "booth.json";

// How the booth's walls are laid out: part of the booth record (expo::Booth::style), so the
// editor's preview, the published exhibition and every visitor's scene agree.
using BoothStyle = expo::BoothStyle;
using expo::toString;

// Files are shared and immutable, so copying a bundle (every undo step does) is cheap.
using FileRef = std::shared_ptr<const Bytes>;
using FileMap = std::map<std::string, FileRef>;

struct BoothBundle {
    expo::Booth booth;
    expo::Exhibitor profile;
    FileMap files; // bundle entry name -> bytes (never contains booth.json)

    // Same booth, profile and file names with equal bytes.
    bool sameContent(const BoothBundle& other) const;
    std::uint64_t fileBytes() const;
};

// Canonical booth.json text (keys in a fixed order, 2-space indent). Same model -> same bytes.
std::string toBoothJson(const BoothBundle& bundle);
// Parses booth.json; errors are "LABEL: json.path: expected X, found Y". Files stay empty.
Result<BoothBundle> parseBoothJson(std::string_view text, const std::string& label);

Bytes saveBundleBytes(const BoothBundle& bundle);
Result<BoothBundle> loadBundleBytes(std::span<const std::uint8_t> bytes, const std::string& name,
                                    const ArchiveLimits& limits = {});
Status saveBundle(const BoothBundle& bundle, const std::filesystem::path& file);
Result<BoothBundle> loadBundle(const std::filesystem::path& file, const ArchiveLimits& limits = {});

// Takes booth BOOTHID and its exhibitor out of an exhibition; files it references are read from
// BASEDIR (a missing one is left out and later reported by checkBundle as a missing file).
Result<BoothBundle> bundleFromExhibition(const expo::Exhibition& exhibition,
                                         const std::string& boothId,
                                         const std::filesystem::path& baseDir);

// Every file name the booth and profile reference (posters, models, documents, thumbnails, logo).
std::vector<std::string> referencedFiles(const BoothBundle& bundle);

} // namespace fg::booth
