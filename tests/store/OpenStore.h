// openStore: a Store in a test's TempDir, failing the test case with the store's reason.
// For the server test suites only; touches nothing outside the TempDir.
#pragma once

#include "server/store/Store.h"
#include "tests/store/TempDir.h"

#include <doctest/doctest.h>
#include <memory>

namespace fg::test {

inline std::unique_ptr<store::Store> openStore(const TempDir& dir,
                                               store::StoreOptions options = {}) {
    auto opened = store::Store::open(dir.path(), options);
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().message));
    return std::move(*opened);
}

} // namespace fg::test
