// Bundle entry name rules and file kinds (extension based), as the exhibition format defines them.
// Must not touch the file system: the server runs these on untrusted names before anything else.
#include "game/booth/BoothPaths.h"

#include <algorithm>
#include <fmt/format.h>

namespace fg::booth {

namespace {

bool allowedChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-' || c == '/';
}

} // namespace

Status checkEntryName(std::string_view name) {
    auto bad = [&](std::string_view why) {
        return makeError(fmt::format("entry \"{}\": {}", name.substr(0, 80), why));
    };
    if (name.empty()) return bad("empty name");
    if (name.size() > kMaxEntryNameLength)
        return bad(fmt::format("name longer than {} characters", kMaxEntryNameLength));
    if (name.front() == '/') return bad("absolute path escapes the bundle");
    if (name.find('\\') != std::string_view::npos) return bad("backslash in path");
    if (name.find(':') != std::string_view::npos) return bad("drive or stream name in path");
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = std::min(name.find('/', start), name.size());
        std::string_view part = name.substr(start, end - start);
        if (part == "..") return bad("'..' escapes the bundle");
        if (part.empty() || part == ".") return bad("empty or '.' path component");
        start = end + 1;
    }
    if (!std::all_of(name.begin(), name.end(), allowedChar))
        return bad("characters outside [A-Za-z0-9._-/]");
    return {};
}

std::string extensionOf(std::string_view name) {
    std::size_t slash = name.rfind('/');
    std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
        return {};
    std::string ext(name.substr(dot));
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

FileKind fileKindOf(std::string_view name) {
    std::string ext = extensionOf(name);
    if (ext == ".png" || ext == ".jpg" || ext == ".jpeg") return FileKind::Image;
    if (ext == ".glb" || ext == ".gltf" || ext == ".obj" || ext == ".fbx" || ext == ".dae" ||
        ext == ".bin" || ext == ".mtl")
        return FileKind::Model;
    if (ext == ".pdf" || ext == ".txt") return FileKind::Document;
    return FileKind::Other;
}

std::uint64_t maxBytesFor(FileKind kind) {
    constexpr std::uint64_t kMiB = 1024 * 1024;
    switch (kind) {
    case FileKind::Image:
        return 8 * kMiB;
    case FileKind::Model:
        return 32 * kMiB;
    case FileKind::Document:
        return 16 * kMiB;
    case FileKind::Other:
        return 0;
    }
    return 0;
}

const char* toString(FileKind kind) {
    switch (kind) {
    case FileKind::Image:
        return "image";
    case FileKind::Model:
        return "model";
    case FileKind::Document:
        return "document";
    case FileKind::Other:
        return "other";
    }
    return "?";
}

} // namespace fg::booth
