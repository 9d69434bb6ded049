// fg::tr() over the compiled catalogs of the build tree: French and English, live switching,
// stable ImGui IDs, plurals, fmt patterns and the language read from the environment.
#include "engine/core/Translate.h"

#include <cstdlib>
#include <doctest/doctest.h>
#include <string>

using namespace fg;

namespace {

struct LanguageGuard {
    LanguageGuard() { initTranslations(std::string(FG_BINARY_DIR) + "/locale", "fr"); }
    ~LanguageGuard() { setUiLanguage("en"); }
};

} // namespace

TEST_CASE("French from the build tree's catalog, English as the msgids, switched live") {
    LanguageGuard guard;
    CHECK(uiLanguage() == "fr");
    CHECK(std::string(tr("Settings")) == "Réglages");
    CHECK(std::string(tr("no such string")) == "no such string");
    CHECK(setUiLanguage("en") == "en");
    CHECK(std::string(tr("Settings")) == "Settings");
    CHECK(setUiLanguage("fr_FR.UTF-8") == "fr");
    CHECK(std::string(tr("Settings")) == "Réglages");
    CHECK(setUiLanguage("de") == "en"); // no German catalog: English
}

TEST_CASE("trl keeps the ImGui ID of a label whatever the language") {
    LanguageGuard guard;
    const std::string fr = trl("Settings");
    CHECK(fr == "Réglages###Settings");
    CHECK(std::string(trl("Doors open", "agendareminder")) ==
          "Ouverture des portes###agendareminder");
    CHECK(trl("Settings") == trl("Settings")); // cached: the pointer stays valid
    setUiLanguage("en");
    CHECK(std::string(trl("Settings")) == "Settings###Settings");
    CHECK(fr == "Réglages###Settings");
}

TEST_CASE("plurals follow French rules (0 and 1 singular) and fmt patterns format") {
    LanguageGuard guard;
    CHECK(std::string(trn("%d visitor nearby", "%d visitors nearby", 0)) ==
          "%d visiteur à proximité");
    CHECK(std::string(trn("%d visitor nearby", "%d visitors nearby", 2)) ==
          "%d visiteurs à proximité");
    CHECK(trf("slide {} of {}", 2, 9) == "diapositive 2 sur 9");
    CHECK(trnf("{} lead written to {}", "{} leads written to {}", 3, 3, "a.csv") ==
          "3 contacts écrits dans a.csv");
    setUiLanguage("en");
    CHECK(trnf("{} lead written to {}", "{} leads written to {}", 1, 1, "a.csv") ==
          "1 lead written to a.csv");
}

TEST_CASE("the language comes from LANGUAGE, LC_ALL, LC_MESSAGES, LANG in that order") {
    const char* names[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
    std::string saved[4];
    bool had[4];
    for (int i = 0; i < 4; ++i) {
        const char* v = std::getenv(names[i]);
        had[i] = v != nullptr;
        saved[i] = v ? v : "";
        unsetenv(names[i]);
    }
    CHECK(languageFromEnvironment() == "en");
    setenv("LANG", "fr_CA.UTF-8", 1);
    CHECK(languageFromEnvironment() == "fr");
    setenv("LC_MESSAGES", "en_GB.UTF-8", 1);
    CHECK(languageFromEnvironment() == "en");
    setenv("LANGUAGE", "de:fr:en", 1); // the first entry with a catalog
    CHECK(languageFromEnvironment() == "fr");
    CHECK(normaliseLanguage("FR") == "fr");
    CHECK(normaliseLanguage("vi_VN") == "");
    for (int i = 0; i < 4; ++i)
        had[i] ? (void)setenv(names[i], saved[i].c_str(), 1) : (void)unsetenv(names[i]);
}
