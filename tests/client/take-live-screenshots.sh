#!/bin/sh
# Takes docs/images/{live-now,stage-live,speaker-cards,agenda-speakers}.png with the client itself
# (embedded default: the sample with its scripted live session; Xvfb, lavapipe): the "Live now"
# prompt, the live session in 3D (slide on the screen, speaker on stage, audience seated), the
# stage panel's speaker cards and the agenda's details with photos.
# Usage: tests/client/take-live-screenshots.sh [BUILD_DIR] [OUT_DIR]   (from the repository root)
set -eu
BUILD=${1:-build}
OUT=$(realpath "${2:-docs/images}")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cat > "$WORK/script.txt" <<SCRIPT
5 wait-seconds 8
10 screenshot $OUT/live-now.png
12 teleport h1-forum-stage
14 wait-seconds 15
16 key s down
22 key s up
24 key a down
25 key a up
28 mouse 0 40
30 wait-seconds 6
34 screenshot $OUT/stage-live.png
36 stage forum-unconnected
40 screenshot $OUT/speaker-cards.png
42 stage
43 agenda-details forum-unconnected
48 screenshot $OUT/agenda-speakers.png
50 quit
SCRIPT
echo '{"settings": {"msaa": 4, "shadows": true}}' > "$WORK/client.json"
xvfb-run -a -s "-screen 0 1280x720x24" "$BUILD/game/client/fairground" \
    --name "Linh Tran" --organisation "Hanoi Telecom" --email linh@example.vn --country VN \
    --config "$WORK/client.json" --cache "$WORK/cache" --data "$WORK/server" \
    --script "$WORK/script.txt" --width 1280 --height 720 --no-vsync --exit-after 20000
