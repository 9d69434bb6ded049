# Helpers that give every one of our targets the same warnings, standard and test registration.
# Third-party code is never compiled here; its headers come in as SYSTEM includes.
set(FG_WARNINGS -Wall -Wextra -Werror -Wno-missing-field-initializers)
# GCC 12 at -O3 (Release) reports -Wrestrict inside std::string's own memcpy for "literal" +
# std::string (GCC bug 105329, fixed in GCC 13): a false positive, so Release turns it off there.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    list(APPEND FG_WARNINGS $<$<CONFIG:Release>:-Wno-restrict>)
endif()

# fg_add_library(<name> <sources...>): static library with our warnings; include root is the repo.
function(fg_add_library name)
    add_library(${name} STATIC ${ARGN})
    target_compile_options(${name} PRIVATE ${FG_WARNINGS})
    target_include_directories(${name} PUBLIC ${FG_SOURCE_DIR})
    target_compile_features(${name} PUBLIC cxx_std_20)
endfunction()

# fg_add_executable(<name> <sources...>)
function(fg_add_executable name)
    add_executable(${name} ${ARGN})
    target_compile_options(${name} PRIVATE ${FG_WARNINGS})
    target_include_directories(${name} PRIVATE ${FG_SOURCE_DIR})
endfunction()

# fg_add_test(<name> SOURCES ... LIBS ... [LABELS ...]): a doctest executable whose cases are each
# registered with CTest (so ctest names every failing case).
include(doctest OPTIONAL RESULT_VARIABLE FG_DOCTEST_MODULE)
function(fg_add_test name)
    cmake_parse_arguments(T "" "" "SOURCES;LIBS;LABELS;PROPERTIES" ${ARGN})
    add_executable(${name} ${FG_SOURCE_DIR}/tests/doctest_main.cpp ${T_SOURCES})
    target_compile_options(${name} PRIVATE ${FG_WARNINGS})
    target_include_directories(${name} PRIVATE ${FG_SOURCE_DIR})
    target_link_libraries(${name} PRIVATE doctest::doctest ${T_LIBS})
    target_compile_definitions(${name} PRIVATE
        FG_SOURCE_DIR="${FG_SOURCE_DIR}" FG_ASSETS_DIR="${FG_ASSETS_DIR}"
        FG_BINARY_DIR="${CMAKE_BINARY_DIR}")
    set(labels ${T_LABELS})
    if(NOT labels)
        set(labels unit)
    endif()
    # A case whose name CTest cannot pass back as a filter (e.g. one with ';') would select no
    # case and still "pass"; failing on "test cases: 0" makes such a test fail loudly instead.
    # Labels are joined with ',' because a ';' list would be split on the way through.
    string(REPLACE ";" "," labels "${labels}")
    doctest_discover_tests(${name} WORKING_DIRECTORY ${CMAKE_BINARY_DIR}
        ADD_LABELS 0 PROPERTIES LABELS "${labels}"
        FAIL_REGULAR_EXPRESSION "test cases: +0 [|]" ${T_PROPERTIES})
endfunction()
