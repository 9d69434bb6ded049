#!/usr/bin/env bash
# The README's main command: installs what is missing, builds, and starts Fairground with the
# bundled sample exhibition. Until the visitor client lands it validates the sample and renders
# its entrance headless to out/entrance.png (the stand-in the Foundation issue allows).
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
