// Shared set-up for console tests: a temp store, the test exhibition and a fake host with three
// connected people (#1 Vy at booth acme-1, #2 Minh, #3 Acme staff). Clock fixed at 1,000,000.
#pragma once

#include "server/console/ConsoleCommands.h"
#include "server/store/Store.h"
#include "tests/console/FakeHost.h"
#include "tests/interactions/TestExhibition.h"
#include "tests/store/TempDir.h"

#include <doctest/doctest.h>
#include <string>

namespace fg::test {

inline console::VisitorInfo person(std::uint32_t id, std::string name, store::Role role,
                                   std::string key, std::string booth) {
    console::VisitorInfo v;
    v.id = id;
    v.name = std::move(name);
    v.role = role;
    v.country = "VN";
    v.hall = "main";
    v.nearBooth = std::move(booth);
    v.position = {10.0f + float(id), 9.5f};
    v.address = "10.0.0." + std::to_string(id);
    v.clientKey = std::move(key);
    if (role == store::Role::Exhibitor) v.exhibitorId = "acme";
    return v;
}

struct ConsoleFixture {
    static constexpr UnixSeconds kNow = 1000000;
    TempDir dir{"console"};
    std::unique_ptr<store::Store> db = store::Store::open(dir.path()).value();
    FakeHost host{makeTestExhibition()};
    console::ConsoleCommands console{host, *db};

    ConsoleFixture() {
        host.people = {person(1, "Vy", store::Role::Visitor, "key-vy", "acme-1"),
                       person(2, "Minh", store::Role::Visitor, "", ""),
                       person(3, "Acme staff", store::Role::Exhibitor, "key-acme", "acme-1")};
        console.setClock([] { return kNow; });
    }
    // Runs LINE and requires it to succeed (or fail when OK is false); returns the text.
    std::string run(const std::string& line, bool ok = true) {
        console::ConsoleResult r = console.execute(line);
        INFO("line: " << line << "\noutput: " << r.text);
        REQUIRE(r.ok == ok);
        return r.text;
    }
};

inline bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace fg::test
