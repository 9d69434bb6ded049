#!/bin/sh
# Takes docs/images/{stage-screen,slide-viewer}.png with the client itself (embedded server with
# the bundled sample, Xvfb, lavapipe): the forum stage in 3D with a deck page on its screen, and
# the slide viewer on the opening session's PDF deck. Usage: tests/client/take-slide-screenshots.sh
# [BUILD_DIR] [OUT_DIR]   (from the repository root)
set -eu
BUILD=${1:-build}
OUT=$(realpath "${2:-docs/images}")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cat > "$WORK/script.txt" <<SCRIPT
20 teleport h1-forum-stage
24 key s down
27 key s up
32 screenshot $OUT/stage-screen.png
33 slides forum-opening
40 screenshot $OUT/slide-viewer.png
42 quit
SCRIPT
echo '{"settings": {"msaa": 4, "shadows": true}}' > "$WORK/client.json"
xvfb-run -a -s "-screen 0 1280x720x24" "$BUILD/game/client/fairground" \
    --name "Linh Tran" --organisation "Hanoi Telecom" --email linh@example.vn --country VN \
    --config "$WORK/client.json" --cache "$WORK/cache" --data "$WORK/server" \
    --script "$WORK/script.txt" --width 1280 --height 720 --no-vsync --exit-after 5000
