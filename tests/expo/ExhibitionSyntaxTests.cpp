// Unit tests for the syntax predicates (ids, countries, URLs, e-mail, time zones, paths, UTF-8)
// and the found-value quoting used in messages. Pure functions; no files.
#include "game/expo/ExhibitionSyntax.h"

#include <doctest/doctest.h>

using namespace fg::expo;

TEST_CASE("ids") {
    CHECK(isValidId("booth-0001"));
    CHECK(isValidId(std::string(64, 'a')));
    CHECK_FALSE(isValidId(std::string(65, 'a')));
    CHECK_FALSE(isValidId(""));
    CHECK_FALSE(isValidId("Booth"));
    CHECK_FALSE(isValidId("booth_1"));
}

TEST_CASE("country codes are assigned ISO 3166-1 alpha-2 codes") {
    for (const char* code : {"VN", "KR", "AD", "ZW", "US", "GB"})
        CHECK(isCountryCode(code));
    for (const char* code : {"XX", "vn", "V", "VNM", "UK", "AA"})
        CHECK_FALSE(isCountryCode(code));
}

TEST_CASE("http and https URLs") {
    CHECK(isHttpUrl("https://www.itu.int/world2021/"));
    CHECK(isHttpUrl("http://example.com:8080/a?b=c#d"));
    CHECK_FALSE(isHttpUrl("ftp://example.com"));
    CHECK_FALSE(isHttpUrl("https://"));
    CHECK_FALSE(isHttpUrl("https://exa mple.com"));
    CHECK_FALSE(isHttpUrl("https://example..com"));
    CHECK_FALSE(isHttpUrl("https://example.com:port"));
}

TEST_CASE("e-mail addresses") {
    CHECK(isEmailAddress("info@viettel.com.vn"));
    CHECK(isEmailAddress("first.last+expo@example.org"));
    CHECK_FALSE(isEmailAddress("info@localhost"));
    CHECK_FALSE(isEmailAddress("@example.com"));
    CHECK_FALSE(isEmailAddress("a@b@example.com"));
    CHECK_FALSE(isEmailAddress("a b@example.com"));
    CHECK_FALSE(isEmailAddress("info@example.c"));
}

TEST_CASE("time zone names") {
    CHECK(isTimeZoneName("UTC"));
    CHECK(isTimeZoneName("Asia/Ho_Chi_Minh"));
    CHECK(isTimeZoneName("America/Argentina/Buenos_Aires"));
    CHECK(isTimeZoneName("Etc/GMT+7"));
    CHECK_FALSE(isTimeZoneName("Saigon"));
    CHECK_FALSE(isTimeZoneName("asia/saigon"));
    CHECK_FALSE(isTimeZoneName("Asia//Saigon"));
    CHECK_FALSE(isTimeZoneName("Asia/Ho Chi Minh"));
}

TEST_CASE("relative file paths") {
    CHECK(isRelativeFilePath("logo.png"));
    CHECK(isRelativeFilePath("media/booths/b-1/poster.png"));
    CHECK(isRelativeFilePath("a..b.png"));
    for (const char* bad : {"", "/etc/passwd", "../x.png", "a/../../x.png", "a//b.png", "a\\b.png",
                            "./a.png", "a/", "C:/x.png"})
        CHECK_FALSE(isRelativeFilePath(bad));
}

TEST_CASE("UTF-8 length counts code points and rejects bad sequences") {
    CHECK(utf8Length("abc") == 3u);
    CHECK(utf8Length("Vi\xe1\xbb\x87t") == 4u); // Việt
    CHECK(utf8Length("\xf0\x9f\x8e\xaa") == 1u);
    CHECK_FALSE(utf8Length("\xff").has_value());
    CHECK_FALSE(utf8Length("\xc3").has_value());
    CHECK_FALSE(utf8Length("\xc0\xaf").has_value());     // overlong '/'
    CHECK_FALSE(utf8Length("\xed\xa0\x80").has_value()); // surrogate
}

TEST_CASE("found values print as short JSON") {
    CHECK(foundText("XL") == "\"XL\"");
    CHECK(foundText("say \"hi\"\n") == "\"say \\\"hi\\\"\\n\"");
    CHECK(foundText(std::string(50, 'a')) == "\"" + std::string(40, 'a') + "...\" (50 characters)");
    CHECK(numberText(3.5f) == "3.5");
    CHECK(numberText(0.1f) == "0.1");
    CHECK(pointText({1, 2.25f}) == "[1,2.25]");
    CHECK(rectText({0, 0, 40, 30}) == "[0,0,40,30]");
    CHECK(colorText({0xda, 0x25, 0x1d}) == "#da251d");
}
