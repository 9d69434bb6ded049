// The one doctest main shared by every test executable.
// Holds no test cases of its own.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
