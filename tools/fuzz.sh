#!/usr/bin/env bash
# Builds every fuzz target with clang, libFuzzer, ASan and UBSan (in <build>-fuzz) and runs each
# for a bounded time from its committed seed corpus; a crash fails and prints the input (CI).
# Usage: tools/fuzz.sh [SECONDS_PER_TARGET [TARGET...]]  (targets by short name: message, booth...)
# New inputs a run finds stay in <build>-fuzz/fuzz-run/<target>/new, never in the committed corpus.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FG_FUZZ_BUILD_DIR:-${FG_BUILD_DIR:-$root/build}-fuzz}"
seconds="${1:-${FG_FUZZ_SECONDS:-15}}"
shift || true
corpus="$root/tests/fuzz/corpus"
"$root/tools/install-deps.sh"
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$root}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
# -O1 with line tables: quick to build on CI's two cores, stack traces with lines; asserts stay on.
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DFG_FUZZ=ON -DFG_SANITIZE=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
    -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" >/dev/null
cmake --build "$build" --target fg_fuzz_targets -j"$(nproc)"

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for dir in "$corpus"/*/; do targets+=("$(basename "$dir")"); done
fi
work="$build/fuzz-run"
rm -rf "$work"
export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1" UBSAN_OPTIONS="print_stacktrace=1"
# Leaks that system libraries keep on purpose (fontconfig under Poppler) are listed there.
export LSAN_OPTIONS="suppressions=$root/tests/fuzz/lsan.supp:print_suppressions=0"

# One target: SECONDS of fuzzing from a scratch folder plus the committed corpus (read only).
run_one() {
    local name="$1" bin="$build/tests/fuzz/fg_fuzz_$1" out="$work/$1"
    mkdir -p "$out/new"
    if [ ! -x "$bin" ]; then
        echo "no fuzz target fg_fuzz_$name (tests/fuzz/CMakeLists.txt)" >"$out/log"
        echo 1 >"$out/rc"
        return
    fi
    local rc=0
    # A fixed seed and run count make CI's verdict reproducible (the same binary explores the same
    # inputs); the time bound only caps slow targets. Explore further by hand (docs/TESTING.md).
    "$bin" "$out/new" "$corpus/$name" -seed="${FG_FUZZ_SEED:-1}" -runs="${FG_FUZZ_RUNS:-200000}" \
        -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$out/" -print_final_stats=1 \
        >"$out/log" 2>&1 || rc=$?
    echo "$rc" >"$out/rc"
}

# As many at once as there are cores.
for name in "${targets[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$(nproc)" ]; do wait -n || true; done
    run_one "$name" &
done
wait

failed=0
for name in "${targets[@]}"; do
    out="$work/$name"
    runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/log" | grep -o '[0-9]*$' || true)"
    if [ "$(cat "$out/rc")" = 0 ]; then
        echo "fuzz $name: ok, ${runs:-?} inputs in ${seconds} s"
        continue
    fi
    failed=1
    echo "fuzz $name: FAILED (exit $(cat "$out/rc")); the fuzzer's report:"
    tail -n 80 "$out/log"
    for input in "$out"/crash-* "$out"/timeout-* "$out"/oom-* "$out"/leak-*; do
        [ -f "$input" ] || continue
        echo "--- input $input ($(stat -c %s "$input") bytes), base64:"
        head -c 4096 "$input" | base64
        echo "--- replay: $build/tests/fuzz/fg_fuzz_$name $input"
    done
done
exit "$failed"
