// The client's languages: --lang, the profile's language, the server's known messages and the
// exhibition's translated names in French and English. No window, GPU or sockets.
#include "engine/core/Translate.h"
#include "game/client/ClientOptions.h"
#include "game/client/LocalText.h"
#include "game/client/VisitorProfile.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <unistd.h>

using namespace fg::client;

namespace {

ParsedOptions parse(std::vector<const char*> args) {
    args.insert(args.begin(), "fairground");
    return parseClientOptions(int(args.size()), args.data());
}

} // namespace

TEST_CASE("--lang takes a language with a catalog and refuses others") {
    CHECK(parse({"--lang", "fr"}).options.language == "fr");
    CHECK(parse({}).options.language.empty());
    auto bad = parse({"--lang", "de"});
    CHECK(bad.exitCode == 2);
    CHECK(bad.message.find("--lang") != std::string::npos);
}

TEST_CASE("the Settings language is kept in client.json") {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("fg-client-language-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    VisitorProfile p;
    p.name = "Lan";
    p.settings.language = "fr";
    REQUIRE(saveProfile(p, dir / "client.json"));
    auto back = loadProfile(dir / "client.json");
    REQUIRE(back);
    CHECK(back->settings.language == "fr");
    std::filesystem::remove_all(dir);
}

TEST_CASE("server texts and exhibition names in the UI language") {
    fg::initTranslations(std::string(FG_BINARY_DIR) + "/locale", "fr");
    CHECK(serverText("hand raised") == "main levée");
    CHECK(serverText("the ticket or token is not valid: token was revoked") ==
          "le billet ou le jeton n'est pas valide : token was revoked");
    CHECK(serverText("something new from the server") == "something new from the server");
    const fg::expo::Translations names{{"fr", "Salle du forum"}};
    CHECK(inUiLanguage("Forum Room", names) == "Salle du forum");
    CHECK(checkProfile(VisitorProfile{}) == "le nom doit compter de 2 à 32 caractères");
    fg::setUiLanguage("en");
    CHECK(inUiLanguage("Forum Room", names) == "Forum Room");
    CHECK(serverText("hand raised") == "hand raised");
    CHECK(checkProfile(VisitorProfile{}) == "name must be 2-32 characters");
}
