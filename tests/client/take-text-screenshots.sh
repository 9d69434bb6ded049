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
# Keys only from here: the arrows reach the table, Space enters it, down selects a row
# (the yellow frame is the keyboard focus); G walks to it, O opens its booth.
13 key down
15 key down
17 key down
19 key down
21 key space
23 key down
28 screenshot $OUT/keyboard-focus.png
29 key g
30 wait-walk
31 key o
36 key esc
37 directory
38 ui-scale 150
39 key f3
48 screenshot $OUT/ui-150.png
49 key f3
50 ui-scale 100
51 high-contrast on
52 key o
60 screenshot $OUT/high-contrast.png
62 quit
SCRIPT
echo '{"settings": {"msaa": 1, "shadows": false}}' > "$WORK/client.json"
xvfb-run -a -s "-screen 0 1280x720x24" "$BUILD/game/client/fairground" \
    --name "Nguyễn Thị Lan" --organisation "Hanoi Telecom" --email lan@example.vn --country VN \
    --config "$WORK/client.json" --cache "$WORK/cache" --data "$WORK/server" \
    --live-session off --script "$WORK/script.txt" --width 1280 --height 720 --no-vsync \
    --exit-after 3000
