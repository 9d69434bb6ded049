// Test helpers for fg_publish: a two-exhibitor exhibition and bundles built from the test models.
// Test-only; writes only under the build folder.
#pragma once

#include "game/booth/BoothArchive.h"
#include "game/booth/BoothAssets.h"
#include "game/booth/BoothEdits.h"
#include "game/booth/BoothTemplates.h"
#include "server/publish/PublishService.h"

#include <filesystem>
#include <unistd.h>

namespace fg::publish::test {

inline std::filesystem::path models() {
    return std::filesystem::path(FG_ASSETS_DIR) / "test-models";
}

inline std::filesystem::path scratch(const std::string& name) {
    auto dir = std::filesystem::path(FG_BINARY_DIR) / "test-scratch" / "publish" /
               (name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

inline expo::Exhibition exhibition() {
    expo::Exhibition ex;
    ex.halls.push_back({"main", "Main hall", {}, {0, 0}, {60, 40}, 6, {}, {{10, 10}, 0}, {}});
    for (const char* id : {"acme", "globex"}) {
        expo::Exhibitor e;
        e.id = id;
        e.name = id;
        ex.exhibitors.push_back(e);
        expo::Booth b;
        b.id = std::string(id) + "-booth";
        b.exhibitor = id;
        b.hall = "main";
        b.kind = expo::BoothKind::ThreeD;
        b.size = expo::BoothSize::S;
        b.position = {id[0] == 'a' ? 10.0f : 20.0f, 10.0f};
        ex.booths.push_back(b);
    }
    return ex;
}

// A valid S island for EXHIBITORID's booth, with a glTF model, a poster and a logo.
inline booth::BoothBundle bundleFor(const std::string& exhibitorId) {
    using namespace booth;
    BoothEditor ed(makeFromTemplate(BoothTemplate::Island3D, expo::BoothSize::S,
                                    exhibitorId + "-booth", exhibitorId));
    expo::Exhibitor p;
    p.id = exhibitorId;
    p.name = "Company " + exhibitorId;
    p.country = "KR";
    p.sector = "Devices";
    p.website = "https://" + exhibitorId + ".example";
    p.email = "info@" + exhibitorId + ".example";
    (void)setProfile(ed, p);
    Bytes png = *readFileBytes(models() / "checker.png");
    (void)setLogo(ed, "logo.png", png);
    (void)setPoster(ed, 0, "poster.png", png);
    (void)addModel(ed, "cube.gltf", *readModelFiles(models() / "cube.gltf"));
    return ed.bundle();
}

inline PublishConfig config(const std::string& name, bool autoApprove = false) {
    PublishConfig c;
    c.dir = scratch(name);
    c.autoApprove = autoApprove;
    return c;
}

} // namespace fg::publish::test
