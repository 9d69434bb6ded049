#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, and runs every test with CTest.
# Windowed tests get a virtual display (Xvfb); Vulkan runs on whatever device is present (lavapipe in CI).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FG_BUILD_DIR:-$root/build}"
"$root/tools/build.sh" "$@"
# Every build type stays warning-free (-Werror): the server and its libraries in Release too.
if [ "${FG_RELEASE_CHECK:-1}" = 1 ]; then
    export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$root}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
    cmake -S "$root" -B "$build-release" -DCMAKE_BUILD_TYPE=Release -DFG_BUILD_TESTS=OFF >/dev/null
    cmake --build "$build-release" --target fairground-server -j"$(nproc)"
fi
# Every reader of untrusted bytes is fuzzed (clang + libFuzzer + ASan/UBSan) for a bounded time
# from its committed corpus (tests/fuzz); a crash fails here and prints the input.
if [ "${FG_FUZZ_CHECK:-1}" = 1 ]; then
    FG_BUILD_DIR="$build" "$root/tools/fuzz.sh" "${FG_FUZZ_SECONDS:-15}"
fi
cd "$build"
ctest_args=(--output-on-failure -j"$(nproc)" --timeout 600)
if [ -z "${DISPLAY:-}" ]; then
    exec xvfb-run -a -s "-screen 0 1920x1080x24" ctest "${ctest_args[@]}"
fi
exec ctest "${ctest_args[@]}"
