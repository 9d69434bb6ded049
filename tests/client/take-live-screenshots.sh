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
3 wait-seconds 6
5 screenshot $OUT/live-now.png
6 teleport h1-forum-stage
8 wait-seconds 12
9 qna-window off
9 poll-window off
9 stage
10 key s down
14 key s up
16 wait-seconds 4
18 screenshot $OUT/stage-live.png
19 stage forum-unconnected
22 screenshot $OUT/speaker-cards.png
23 stage
23 agenda-details forum-unconnected
26 screenshot $OUT/agenda-speakers.png
27 quit
SCRIPT
echo '{"settings": {"msaa": 4, "shadows": true}}' > "$WORK/client.json"
xvfb-run -a -s "-screen 0 1280x720x24" "$BUILD/game/client/fairground" \
    --name "Linh Tran" --organisation "Hanoi Telecom" --email linh@example.vn --country VN \
    --config "$WORK/client.json" --cache "$WORK/cache" --data "$WORK/server" \
    --script "$WORK/script.txt" --width 1280 --height 720 --no-vsync --exit-after 20000
