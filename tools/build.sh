#!/usr/bin/env bash
# Installs what is missing, then configures and builds Fairground into build/ (or $FG_BUILD_DIR).
# Extra arguments go to the CMake configure step (e.g. -DFG_SANITIZE=ON).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FG_BUILD_DIR:-$root/build}"
"$root/tools/install-deps.sh"
cmake -S "$root" -B "$build" "$@" >/dev/null
cmake --build "$build" -j"$(nproc)"
