#!/bin/bash
# Server and bots as separate processes on separate cores: the real-socket check of issue #4 on
# a machine with cores to spare (this 2-core box cannot hold 4,000 bots and the server at once).
# Usage: tools/bench-server/scale-run.sh BUILD_DIR [COUNT=4000] [SERVER_CPUS=0-3] [BOT_CPUS=4-15]
#        [NET_THREADS=3]. Prints the server's `status --json` inside the bots' measured window,
# then the bots' report (joined, snapshots/s, RTT, bytes, errors). Writes only under a temp dir.
set -euo pipefail
BUILD=${1:?build dir}
COUNT=${2:-4000}
SERVER_CPUS=${3:-0-3}
BOT_CPUS=${4:-4-15}
NET_THREADS=${5:-3}
PORT=${PORT:-17790}
work=$(mktemp -d)
trap 'exec 3>&- 2>/dev/null || true; kill $(jobs -p) 2>/dev/null || true' EXIT

"$BUILD/tools/bench-server/fairground-bench-server" --write-exhibition "$work" > /dev/null
mkfifo "$work/console"
taskset -c "$SERVER_CPUS" "$BUILD/server/fairground-server" --exhibition "$work/exhibition.json" \
    --data "$work/data" --port "$PORT" --net-threads "$NET_THREADS" --max-visitors "$COUNT" \
    --no-content --log-level warn < "$work/console" > "$work/server.log" 2>&1 &
exec 3> "$work/console"
sleep 3

ramp=$(( COUNT / 400 + 2 ))      # connections spread over this many seconds
window=$(( ramp + 3 ))           # measuring starts once everyone joined and settled
duration=$(( window + 15 ))
taskset -c "$BOT_CPUS" "$BUILD/tools/bot/fairground-bot" --connect "127.0.0.1:$PORT" \
    --count "$COUNT" --exhibition "$work/exhibition.json" --connect-spread "$ramp" \
    --window-start "$window" --duration "$duration" --report "$work/bot.json" \
    > "$work/bot.log" 2>&1 &
bots=$!
sleep $(( duration - 3 ))
echo "status --json" >&3
wait "$bots" || echo "fairground-bot exited with $?"
echo "shutdown 0" >&3
exec 3>&-
wait || true
echo "== server status near the window's end (tick p50/p99 over the last 60 s, CPU, bytes)"
sed -n '/^{/,/^}/p' "$work/server.log"
echo "== bots ($COUNT on CPUs $BOT_CPUS; server on $SERVER_CPUS, $NET_THREADS network threads)"
cat "$work/bot.json"
echo
echo "(files in $work)"
