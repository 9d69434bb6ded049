// The reader is total: any value of any type anywhere, and any truncation or byte damage, gives
// problems (never a crash or exception), and a wrong value is reported at or above its path.
#include "tests/expo/ExpoFixture.h"

#include <doctest/doctest.h>
#include <random>

using fg::expo::test::ExpoFixture;
using nlohmann::json;

namespace {

struct Node {
    json::json_pointer pointer;
    std::string path; // our JSON path form: booths[0].size
};

void collect(const json& value, const json::json_pointer& pointer, const std::string& path,
             std::vector<Node>& out) {
    out.push_back({pointer, path});
    if (value.is_object()) {
        for (const auto& [key, child] : value.items())
            collect(child, pointer / key, path.empty() ? key : path + "." + key, out);
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i)
            collect(value[i], pointer / i, path + "[" + std::to_string(i) + "]", out);
    }
}

} // namespace

TEST_CASE_FIXTURE(ExpoFixture, "null or {} anywhere is reported where it is") {
    std::vector<Node> nodes;
    collect(doc, json::json_pointer(), "", nodes);
    REQUIRE(nodes.size() > 300);
    const json original = doc;
    for (const json& replacement : {json(nullptr), json::object()}) {
        for (const Node& node : nodes) {
            doc = original;
            if (node.pointer.empty() && replacement.is_object()) continue; // {} at the root
            doc[node.pointer] = replacement;
            auto report = parse();
            INFO(node.path, " = ", replacement.dump(), "\n", listProblems(report));
            // null fits nowhere: reported at the node or at the value holding it. {} in place
            // of an object reports the keys it lacks, inside it.
            bool reported = false;
            for (const auto& p : report.problems)
                reported = reported || node.path.starts_with(p.path) ||
                           (replacement.is_object() && p.path.starts_with(node.path));
            CHECK(reported);
        }
    }
}

TEST_CASE_FIXTURE(ExpoFixture, "values of other types never crash the reader") {
    std::vector<Node> nodes;
    collect(doc, json::json_pointer(), "", nodes);
    const json original = doc;
    const json replacements[] = {true, -1, 4294967296LL, 1e30, 0.5, "zz", json::array({1, "a"})};
    std::size_t withProblems = 0;
    for (const json& replacement : replacements) {
        for (const Node& node : nodes) {
            doc = original;
            doc[node.pointer] = replacement;
            auto report = parse();
            CHECK(report.exhibition.has_value());
            withProblems += !report.problems.empty();
        }
    }
    CHECK(withProblems > nodes.size() * 5); // most replacements are wrong somewhere
}

TEST_CASE_FIXTURE(ExpoFixture, "truncated and damaged text never crashes the reader") {
    std::string text = doc.dump(2);
    std::mt19937 rng(12345);
    for (std::size_t cut = 0; cut < text.size(); cut += 7) {
        auto report = fg::expo::parseExhibition(text.substr(0, cut), dir, "exhibition.json");
        CHECK_FALSE(report.problems.empty());
        CHECK_FALSE(report.ok());
    }
    for (int round = 0; round < 300; ++round) {
        std::string damaged = text;
        for (int k = 0; k < 3; ++k)
            damaged[rng() % damaged.size()] = static_cast<char>(rng() % 256);
        auto report = fg::expo::parseExhibition(damaged, dir, "exhibition.json");
        CHECK((report.ok() || !report.problems.empty()));
    }
}

TEST_CASE_FIXTURE(ExpoFixture, "an unreadable element gives one problem, not a cascade") {
    const json original = doc;
    std::vector<std::string> arrays = {"halls",  "pavilions", "exhibitors",
                                       "booths", "sessions",  "awards"};
    std::vector<std::pair<json::json_pointer, std::string>> elements;
    for (const auto& name : arrays)
        for (std::size_t i = 0; i < original[name].size(); ++i)
            elements.push_back({json::json_pointer("/" + name + "/" + std::to_string(i)),
                                name + "[" + std::to_string(i) + "]"});
    for (std::size_t v = 0; v < original["halls"][0]["venues"].size(); ++v)
        elements.push_back({json::json_pointer("/halls/0/venues/" + std::to_string(v)),
                            "halls[0].venues[" + std::to_string(v) + "]"});
    elements.push_back({json::json_pointer("/booths/0/content/posters/0/slot"),
                        "booths[0].content.posters[0].slot"});
    for (const auto& [pointer, path] : elements) {
        doc = original;
        bool slot = path.ends_with(".slot");
        doc[pointer] = slot ? json("x") : json(5);
        if (slot) // a valid poster in slot 0 must not clash with the unreadable one
            doc["booths"][0]["content"]["posters"].push_back(
                {{"slot", 0}, {"image", "poster.png"}});
        auto report = parse();
        INFO(path, "\n", listProblems(report));
        REQUIRE(report.problems.size() == 1);
        CHECK(report.problems[0].path == path);
    }
}
