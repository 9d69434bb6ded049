#!/bin/sh
# Takes the README's client screenshots (docs/images/{hall-avatars,booth-panel,directory,agenda,
# minimap}.png) with the client itself: embedded server, 16 bots, a script, Xvfb, lavapipe.
# Usage: tests/client/take-screenshots.sh [BUILD_DIR] [OUT_DIR]   (from the repository root)
set -eu
BUILD=${1:-build}
OUT=$(realpath "${2:-docs/images}")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cat > "$WORK/script.txt" <<SCRIPT
# Let the bots join and spread out around the spawn first.
30 screenshot $OUT/hall-avatars.png
# Click-to-walk goes in a straight line and can stop at a booth in the way, so the picture
# uses the directory's teleport, which puts the visitor at the booth's front.
31 teleport in-03
34 open-booth in-03
40 screenshot $OUT/booth-panel.png
41 close-panel
42 search data
48 screenshot $OUT/directory.png
49 directory
50 event-time 2021-10-12T10:30:00Z
56 screenshot $OUT/agenda.png
57 agenda
58 map
64 screenshot $OUT/minimap.png
66 quit
SCRIPT
echo '{"settings": {"msaa": 4, "shadows": true}}' > "$WORK/client.json"
xvfb-run -a -s "-screen 0 1280x720x24" "$BUILD/game/client/fairground" \
    --name "Linh Tran" --organisation "Hanoi Telecom" --email linh@example.vn --country VN \
    --config "$WORK/client.json" --cache "$WORK/cache" --data "$WORK/server" --bots 16 \
    --script "$WORK/script.txt" --width 1280 --height 720 --no-vsync --exit-after 5000
