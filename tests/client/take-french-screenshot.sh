#!/bin/sh
# Takes docs/images/ui-french.png with the client itself in French (--lang fr): a translated
# exhibitor's booth panel and the agenda on a day with translated sessions.
# Usage: tests/client/take-french-screenshot.sh [BUILD_DIR] [OUT_DIR]   (from the repository root)
set -eu
BUILD=${1:-build}
OUT=$(realpath "${2:-docs/images}")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cat > "$WORK/script.txt" <<SCRIPT
20 teleport vn-01
22 open-booth vn-01
24 agenda
25 event-time 2021-09-21T06:30:00Z
34 screenshot $OUT/ui-french.png
36 quit
SCRIPT
echo '{"settings": {"msaa": 4, "shadows": true}}' > "$WORK/client.json"
xvfb-run -a -s "-screen 0 1280x720x24" "$BUILD/game/client/fairground" --lang fr \
    --name "Linh Tran" --organisation "Hanoi Telecom" --email linh@example.vn --country VN \
    --config "$WORK/client.json" --cache "$WORK/cache" --data "$WORK/server" \
    --live-session off --script "$WORK/script.txt" --width 1280 --height 720 --no-vsync \
    --exit-after 3000
