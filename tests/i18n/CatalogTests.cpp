// The French catalog covers every UI string: xgettext extracts the tr()/trl()/... strings of
// po/SOURCES now, from the sources, and po/fr.po must translate each with the same arguments;
// ImGui calls in game/client take no bare English literal. Also shows the checks can fail.
#include "tests/i18n/PoFile.h"

#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace fg::i18n;

namespace {

std::string readText(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<PoEntry> parseFile(const fs::path& p) {
    std::vector<std::string> errors;
    auto entries = parsePo(readText(p), p.string(), errors);
    for (const auto& e : errors)
        FAIL_CHECK(e);
    return entries;
}

// Runs po/update-po.sh --pot-only: the same xgettext call a translator's update uses.
fs::path extractTemplate() {
    const fs::path pot = fs::path(FG_BINARY_DIR) / "i18n" / "fairground-test.pot";
    fs::create_directories(pot.parent_path());
    const std::string cmd = std::string("\"") + FG_SOURCE_DIR + "/po/update-po.sh\" --pot-only \"" +
                            pot.string() + "\"";
    REQUIRE_MESSAGE(std::system(cmd.c_str()) == 0, cmd);
    return pot;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines)
        out += l + "\n";
    return out;
}

} // namespace

TEST_CASE("every UI string of po/SOURCES has a French translation with the same arguments") {
    const auto templ = parseFile(extractTemplate());
    REQUIRE(templ.size() > 300); // the client's strings, not an empty extraction
    const auto fr = parseFile(fs::path(FG_SOURCE_DIR) / "po" / "fr.po");
    const auto problems = checkCatalog(templ, fr, "po/fr.po");
    INFO("run po/update-po.sh, translate the new entries of po/fr.po (docs/CLIENT.md, Languages)");
    CHECK_MESSAGE(problems.empty(), joined(problems));
}

TEST_CASE("ImGui calls in game/client take no bare English literal") {
    std::vector<std::string> found;
    std::size_t files = 0;
    for (const auto& e :
         fs::recursive_directory_iterator(fs::path(FG_SOURCE_DIR) / "game/client")) {
        const auto ext = e.path().extension();
        if (ext != ".cpp" && ext != ".h") continue;
        ++files;
        const auto rel = fs::relative(e.path(), FG_SOURCE_DIR).string();
        for (auto& f : bareImGuiLiterals(readText(e.path()), rel))
            found.push_back(std::move(f));
    }
    CHECK(files > 50);
    CHECK_MESSAGE(found.empty(), joined(found));
}

TEST_CASE("the scanner finds bare literals and lets IDs, formats and wrapped text pass") {
    const std::string src = R"SRC(
void f() {
    ImGui::Button("Go");                       // line 3: bare
    ImGui::Text("%s: %d", name, n);            // format only
    ImGui::InputText("##search", &s);          // ID only
    ImGui::Begin(trl("Settings"), &open);      // wrapped
    ImGui::BeginChild("lines", ImVec2(0, 0));  // ID argument
    ImGui::Text(tr("%d visitors"), n);
    ImGui::Button(fmt::format("Like ({})", n).c_str()); // line 9: English inside fmt
    ImGui::TextWrapped("two "
                       "lines");            // line 10: joined, bare
    ImGui::Checkbox(ok ? "On" : "Off", &b); // line 12: both
    // ImGui::Button("in a comment");
    log::info("not UI {}", "text here");
}
)SRC";
    const auto found = bareImGuiLiterals(src, "x.cpp");
    REQUIRE(found.size() == 5);
    CHECK(found[0].starts_with("x.cpp:3: ImGui::Button(\"Go\")"));
    CHECK(found[1].starts_with("x.cpp:9: fmt::format(\"Like ({})\")"));
    CHECK(found[2].starts_with("x.cpp:10: ImGui::TextWrapped(\"two lines\")"));
    CHECK(found[3].starts_with("x.cpp:12: ImGui::Checkbox(\"On\")"));
    CHECK(found[4].starts_with("x.cpp:12: ImGui::Checkbox(\"Off\")"));
}

TEST_CASE("the catalog check names missing, fuzzy, empty and mismatched entries") {
    const std::string pot = R"SRC(msgid ""
msgstr ""

#: a.cpp:1
msgid "Settings"
msgstr ""

#: a.cpp:2
#, c-format
msgid "%d of %s"
msgstr ""

#: b.cpp:3
msgid "slide {} of {}"
msgstr ""

#: b.cpp:4
msgid "Help"
msgstr ""

#: c.cpp:5
msgid "Quit"
msgstr ""

#: c.cpp:6
#, c-format
msgid "%zu lead"
msgid_plural "%zu leads"
msgstr[0] ""
msgstr[1] ""
)SRC";
    const std::string po = R"SRC(msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\n"

#, fuzzy
msgid "Settings"
msgstr "Réglages"

#, c-format
msgid "%d of %s"
msgstr "%s sur %d"

msgid "slide {} of {}"
msgstr "diapositive {}"

msgid "Help"
msgstr ""

#, c-format
msgid "%zu lead"
msgid_plural "%zu leads"
msgstr[0] "%zu contact"
msgstr[1] "%zu "
"contacts"
)SRC";
    std::vector<std::string> errors;
    const auto t = parsePo(pot, "t.pot", errors);
    const auto c = parsePo(po, "fr.po", errors);
    REQUIRE(errors.empty());
    REQUIRE(t.size() == 6);
    REQUIRE(c.size() == 5);
    CHECK(c[4].msgstr[1] == "%zu contacts");
    const auto problems = checkCatalog(t, c, "fr.po");
    INFO(joined(problems));
    REQUIRE(problems.size() == 5);
    CHECK(problems[0] == "a.cpp:1: \"Settings\" is fuzzy in fr.po");
    CHECK(problems[1].starts_with("a.cpp:2: \"%d of %s\": printf arguments of \"%s sur %d\""));
    CHECK(problems[2].starts_with("b.cpp:3: \"slide {} of {}\": {} fields of"));
    CHECK(problems[3] == "b.cpp:4: \"Help\" has no translation in fr.po");
    CHECK(problems[4] == "c.cpp:5: \"Quit\" has no entry in fr.po");
}

TEST_CASE("printf conversions and fmt fields are read in order") {
    CHECK(printfConversions("%5.1f m  %s %zu %llu 100%% %.8s") ==
          std::vector<std::string>{"f.1", "s", "zu", "llu", "s.8"});
    CHECK(fmtFields("{} of {:.1f} {{literal}}") == std::vector<std::string>{"{}", "{:.1f}"});
}
