// Loads the committed sample's exhibition.json once for all sample tests.
// Read-only access to assets/exhibitions/digital-world-2021.
#include "tests/sample/SampleTestSupport.h"

#include "engine/core/File.h"

#include <doctest/doctest.h>

namespace fgtest {

std::filesystem::path sampleDir() {
    return std::filesystem::path(FG_ASSETS_DIR) / "exhibitions" / "digital-world-2021";
}

const nlohmann::json& sampleJson() {
    static const nlohmann::json doc = [] {
        auto text = fg::readFileText(sampleDir() / "exhibition.json");
        REQUIRE_MESSAGE(text, (text ? "" : text.error().message));
        return nlohmann::json::parse(*text, nullptr, false);
    }();
    REQUIRE_FALSE(doc.is_discarded());
    return doc;
}

std::vector<std::string> sampleModelFiles() {
    std::vector<std::string> out;
    for (const auto& booth : sampleJson()["booths"])
        for (const auto& model : booth["content"]["models"])
            out.push_back(model["file"].get<std::string>());
    return out;
}

} // namespace fgtest
