// Test helpers for fg_booth: a valid starting bundle, real model/image files from assets/.
// Test-only; must not write outside the build folder.
#pragma once

#include "game/booth/BoothAssets.h"
#include "game/booth/BoothBundle.h"
#include "game/booth/BoothEdits.h"
#include "game/booth/BoothTemplates.h"

#include <filesystem>
#include <unistd.h>

namespace fg::booth::test {

inline std::filesystem::path testModels() {
    return std::filesystem::path(FG_ASSETS_DIR) / "test-models";
}

inline Bytes fileBytes(const std::string& name) {
    auto bytes = readFileBytes(testModels() / name);
    return bytes ? *bytes : Bytes{};
}

inline std::filesystem::path scratchDir(const std::string& name) {
    auto dir = std::filesystem::path(FG_BINARY_DIR) / "test-scratch" / "booth" /
               (name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

// A complete 3D island (size S) with a model, a poster, a logo and valid profile: no problems.
inline BoothBundle validBundle() {
    BoothEditor ed(
        makeFromTemplate(BoothTemplate::Island3D, expo::BoothSize::S, "acme-booth", "acme"));
    expo::Exhibitor p;
    p.id = "acme";
    p.name = "Acme Networks";
    p.country = "VN";
    p.sector = "Telecom";
    p.description = "Fibre and 5G.";
    p.website = "https://acme.example";
    p.email = "hello@acme.example";
    (void)setProfile(ed, p);
    (void)setLogo(ed, "checker.png", fileBytes("checker.png"));
    (void)setPoster(ed, 0, "checker.png", fileBytes("checker.png"));
    auto files = readModelFiles(testModels() / "cube.glb");
    if (files) (void)addModel(ed, "cube.glb", *files);
    return ed.bundle();
}

} // namespace fg::booth::test
