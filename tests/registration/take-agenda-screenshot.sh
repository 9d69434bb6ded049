#!/bin/sh
# Takes docs/images/agenda-starred.png with the client itself: the embedded sample, four starred
# sessions in "My agenda", the event clock at the doors of mc-apis (reminder shown), the viewer
# in Europe/Paris so each row shows the event's zone and the viewer's. Xvfb, lavapipe.
# Usage: tests/registration/take-agenda-screenshot.sh [BUILD_DIR] [OUT_DIR]   (from the repo root)
set -eu
BUILD=${1:-build}
OUT=$(realpath "${2:-docs/images}")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cat > "$WORK/script.txt" <<SCRIPT
5 agenda-star mc-pitching
6 agenda-star rt-policy
7 agenda-star forum-opening
8 agenda-star mc-apis
10 event-time 2021-12-07T02:52:00Z
11 agenda-mine
12 agenda-details mc-apis
50 screenshot $OUT/agenda-starred.png
52 quit
SCRIPT
echo '{"settings": {"msaa": 1, "shadows": false}}' > "$WORK/client.json"
TZ=Europe/Paris xvfb-run -a -s "-screen 0 1280x800x24" "$BUILD/game/client/fairground" \
    --name "Linh Tran" --organisation "Hanoi Telecom" --email linh@example.vn --country VN \
    --config "$WORK/client.json" --cache "$WORK/cache" --data "$WORK/server" \
    --script "$WORK/script.txt" --width 1280 --height 800 --no-vsync --exit-after 3000
grep -q '"starred_sessions"' "$WORK/client.json" # the stars were saved in the profile
