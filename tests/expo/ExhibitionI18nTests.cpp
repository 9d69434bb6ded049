// Translations of names and texts (name_i18n, title_i18n, description_i18n): read, validated
// with their JSON paths, written back in canonical form and read again unchanged.
#include "tests/expo/ExpoFixture.h"

#include <doctest/doctest.h>

using fg::expo::test::ExpoFixture;
using nlohmann::json;

TEST_CASE_FIXTURE(ExpoFixture, "translations are read, written back and read again the same") {
    doc["halls"][0]["name_i18n"] = {{"fr", "Hall des nations"}};
    doc["halls"][0]["venues"][0]["name_i18n"] = {{"fr", "Scène du forum"}};
    doc["pavilions"][0]["name_i18n"] = {{"fr", "Pavillon du Viet Nam"},
                                        {"vi", "Gian hàng Việt Nam"}};
    doc["exhibitors"][0]["name_i18n"] = {{"zh", "越泰"}};
    doc["exhibitors"][0]["description_i18n"] = {{"fr", "Opérateur de télécommunications."}};
    doc["sessions"][0]["title_i18n"] = {{"fr", "Ouverture"}, {"pt-BR", "Abertura"}};
    doc["sessions"][0]["description_i18n"] = {{"fr", "Bienvenue au forum."}};
    const fg::expo::LoadReport report = parse();
    REQUIRE_MESSAGE(report.ok(), listProblems(report));
    const fg::expo::Exhibition& ex = *report.exhibition;
    CHECK(ex.halls[0].nameI18n.at("fr") == "Hall des nations");
    CHECK(ex.halls[0].venues[0].nameI18n.at("fr") == "Scène du forum");
    CHECK(ex.pavilions[0].nameI18n.size() == 2);
    CHECK(ex.exhibitors[0].descriptionI18n.at("fr") == "Opérateur de télécommunications.");
    CHECK(ex.sessions[0].titleI18n.at("pt-BR") == "Abertura");
    CHECK(fg::expo::localized(ex.sessions[0].title, ex.sessions[0].titleI18n, "fr") == "Ouverture");
    CHECK(fg::expo::localized(ex.sessions[0].title, ex.sessions[0].titleI18n, "de") ==
          ex.sessions[0].title);

    const std::string text = fg::expo::toJson(ex);
    CHECK(text.find("\"name_i18n\": {\n") != std::string::npos);
    const fg::expo::LoadReport again = fg::expo::parseExhibition(text, dir, "exhibition.json");
    REQUIRE_MESSAGE(again.ok(), listProblems(again));
    CHECK(*again.exhibition == ex);
    CHECK(fg::expo::toJson(*again.exhibition) == text);
}

TEST_CASE_FIXTURE(ExpoFixture,
                  "a translation that is not an object of language -> text is refused") {
    SUBCASE("not an object") {
        doc["exhibitors"][1]["name_i18n"] = "KT Corp";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: exhibitors[1].name_i18n: expected an object of "
                                 "language code -> text, found \"KT Corp\"");
    }
    SUBCASE("not a language code") {
        doc["sessions"][0]["title_i18n"] = {{"French", "Ouverture"}};
        CHECK_ONE_PROBLEM(*this, "exhibition.json: sessions[0].title_i18n.French: expected a "
                                 "language code (ISO 639-1, e.g. \"fr\" or \"pt-BR\"), found "
                                 "\"French\"");
    }
    SUBCASE("empty text") {
        doc["halls"][0]["name_i18n"] = {{"fr", ""}};
        CHECK_ONE_PROBLEM(*this, "exhibition.json: halls[0].name_i18n.fr: expected a non-empty "
                                 "string, found \"\"");
    }
    SUBCASE("too long, as the name it translates") {
        doc["pavilions"][0]["name_i18n"] = {{"fr", std::string(81, 'a')}};
        const auto report = parse();
        REQUIRE(report.problems.size() == 1);
        CHECK(report.problems[0].path == "pavilions[0].name_i18n.fr");
    }
    SUBCASE("an unknown key next to them is still refused") {
        doc["exhibitors"][0]["name_fr"] = "Viettel";
        const auto report = parse();
        REQUIRE(report.problems.size() == 1);
        CHECK(report.problems[0].path == "exhibitors[0].name_fr");
    }
}
