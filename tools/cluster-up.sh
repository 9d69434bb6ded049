#!/usr/bin/env bash
# Starts one event as a cluster on loopback: a redis-server (Unix socket, nothing saved) and N
# fairground-server processes sharing it (--cluster), each with its own data folder, hosting the
# bundled sample. Prints each process's address and an organiser token for its remote console.
# Usage: tools/cluster-up.sh N [FOLDER]   (default FOLDER: /tmp/fairground-cluster; stop with
# tools/cluster-down.sh [FOLDER]). Needs a build (tools/build.sh) and redis-server.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FG_BUILD_DIR:-$root/build}"
count="${1:?usage: tools/cluster-up.sh N [FOLDER]}"
dir="${2:-/tmp/fairground-cluster}"
sample="${FG_EXHIBITION:-$root/assets/exhibitions/digital-world-2021/exhibition.json}"
server="$build/server/fairground-server"
base_port="${FG_BASE_PORT:-17801}"

[[ "$count" =~ ^[1-9][0-9]?$ ]] || { echo "cluster-up: N must be 1-99, not '$count'" >&2; exit 2; }
[ -x "$server" ] || { echo "cluster-up: $server is missing: run tools/build.sh" >&2; exit 2; }
command -v redis-server >/dev/null || { echo "cluster-up: redis-server is missing: run tools/install-deps.sh" >&2; exit 2; }
if [ -e "$dir/pids" ]; then
    echo "cluster-up: $dir already holds a cluster: run tools/cluster-down.sh $dir first" >&2
    exit 2
fi
mkdir -p "$dir"
socket="$dir/redis.sock"
redis-server --port 0 --unixsocket "$socket" --dir "$dir" --save "" --appendonly no \
    --daemonize no --loglevel warning >"$dir/redis.log" 2>&1 &
echo "$! redis-server" >>"$dir/pids"
for _ in $(seq 100); do
    [ -S "$socket" ] && break
    sleep 0.05
done
[ -S "$socket" ] || { echo "cluster-up: redis-server did not start (see $dir/redis.log)" >&2; exit 1; }
echo "redis: unix://$socket"

for i in $(seq "$count"); do
    port=$((base_port + i - 1))
    data="$dir/process-$i"
    mkdir -p "$data"
    # The console reads one line, the invitation, from stdin; then the process runs on its own.
    printf 'invite organiser cluster-up %s\n' "$i" |
        "$server" --exhibition "$sample" --data "$data" --bind 127.0.0.1 --port "$port" \
            --cluster "unix://$socket" >"$data/server.log" 2>&1 &
    echo "$! fairground-server-$i" >>"$dir/pids"
done
for i in $(seq "$count"); do
    port=$((base_port + i - 1))
    log="$dir/process-$i/server.log"
    code=""
    for _ in $(seq 200); do
        code="$(sed -n 's/^invitation code (token@server key): //p' "$log" | head -1)"
        [ -n "$code" ] && break
        sleep 0.1
    done
    [ -n "$code" ] || { echo "cluster-up: process $i did not start (see $log)" >&2; exit 1; }
    echo "process $i: 127.0.0.1:$port  organiser: $code"
    echo "  console: $server console --connect 127.0.0.1:$port --token $code"
done
echo "stop with: tools/cluster-down.sh $dir"
