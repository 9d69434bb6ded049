#!/bin/sh
# Takes docs/CLIENT.md's pictures of issue #18 with the client itself (embedded server, Xvfb,
# lavapipe): the directory with Vietnamese, Chinese, Arabic and Russian names, keyboard focus,
# the UI at 150 % and the high-contrast theme (docs/images/{directory-scripts,keyboard-focus,
# ui-150,high-contrast}.png). Usage: tests/client/take-text-screenshots.sh [BUILD_DIR] [OUT_DIR]
set -eu
BUILD=${1:-build}
OUT=$(realpath "${2:-docs/images}")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cat > "$WORK/script.txt" <<SCRIPT
# Cybersecurity holds a Vietnamese, a Chinese, an Arabic and a Russian exhibitor.
5 directory-sector Cybersecurity
12 screenshot $OUT/directory-scripts.png
# Keys only from here: the arrows walk the directory's rows inside the focused panel.
13 key down
15 key down
17 key down
19 key down
24 screenshot $OUT/keyboard-focus.png
25 key g
26 wait-walk
27 key o
28 ui-scale 150
36 screenshot $OUT/ui-150.png
37 ui-scale 100
38 high-contrast on
46 screenshot $OUT/high-contrast.png
48 quit
SCRIPT
echo '{"settings": {"msaa": 1, "shadows": false}}' > "$WORK/client.json"
xvfb-run -a -s "-screen 0 1280x720x24" "$BUILD/game/client/fairground" \
    --name "Nguyễn Thị Lan" --organisation "Hanoi Telecom" --email lan@example.vn --country VN \
    --config "$WORK/client.json" --cache "$WORK/cache" --data "$WORK/server" \
    --live-session off --script "$WORK/script.txt" --width 1280 --height 720 --no-vsync \
    --exit-after 3000
