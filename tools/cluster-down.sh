#!/usr/bin/env bash
# Stops what tools/cluster-up.sh started in FOLDER (default /tmp/fairground-cluster): the server
# processes first (each saves and leaves the directory), then redis-server; removes the folder.
set -euo pipefail
dir="${1:-/tmp/fairground-cluster}"
[ -f "$dir/pids" ] || { echo "cluster-down: no cluster in $dir" >&2; exit 2; }
tac "$dir/pids" | while read -r pid name; do
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
        kill -KILL "$pid" 2>/dev/null || true
        echo "stopped $name ($pid)"
    fi
done
rm -rf "$dir"
