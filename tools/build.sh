#!/usr/bin/env bash
# Installs what is missing, then configures and builds Fairground into build/ (or $FG_BUILD_DIR).
# Extra arguments go to the CMake configure step (e.g. -DFG_SANITIZE=ON).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FG_BUILD_DIR:-$root/build}"
"$root/tools/install-deps.sh"
# ccache keys on paths relative to the checkout, so every clone (CI's fresh one too) shares hits.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$root}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
cmake -S "$root" -B "$build" "$@" >/dev/null
cmake --build "$build" -j"$(nproc)"
