// libFuzzer entry for the client's reader of a served exhibition manifest (readManifest): the
// server is not trusted either; whatever is accepted names only well-formed asset files.
#include "game/expo/protocol/ContentNames.h"
#include "game/netclient/ContentFetcher.h"

#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto exhibition = fg::netclient::readManifest(text);
    if (!exhibition.ok()) return 0;
    // The cache folder is joined with these names: each must be "<32 hex>.<ext>", nothing else.
    for (const std::string& name : fg::netclient::assetNamesOf(*exhibition)) {
        fg::expo::AssetName parsed;
        if (!fg::expo::parseAssetName(name, parsed) || name.find('/') != std::string::npos)
            std::abort();
    }
    return 0;
}
