#!/usr/bin/env bash
# The README's main command: installs what is missing, builds, and starts the visitor client
# with an embedded server hosting the bundled sample exhibition (arguments go to `fairground`).
# Only when the client was not built does it fall back to a headless picture of the entrance.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FG_BUILD_DIR:-$root/build}"
sample="$root/assets/exhibitions/digital-world-2021/exhibition.json"
"$root/tools/build.sh"

if [ -x "$build/game/client/fairground" ]; then
    exec "$build/game/client/fairground" "$@"
fi

"$build/tools/validate/fairground-validate" "$sample"
mkdir -p "$root/out"
"$build/tools/shot/fairground-shot" --exhibition "$sample" --view entrance \
    --size 1280x720 --out "$root/out/entrance.png"
echo "Wrote $root/out/entrance.png"
