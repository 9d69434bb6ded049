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
cd "$build"
ctest_args=(--output-on-failure -j"$(nproc)" --timeout 600)
if [ -z "${DISPLAY:-}" ]; then
    exec xvfb-run -a -s "-screen 0 1920x1080x24" ctest "${ctest_args[@]}"
fi
exec ctest "${ctest_args[@]}"
