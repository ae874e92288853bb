#!/usr/bin/env bash
# Diagnose throughput and peak memory, whole process (start-up included): the committed fixtures,
# then webrtc-internals and rtcstats dumps of growing size made from one real recording
# (make-large-dump.py), raw and gzipped, with the published CLI (a native program). Each input is
# diagnosed RUNS times and set against the ceiling measured in the same run: bare Utf8JsonReader
# passes over the same (uncompressed) bytes, in process after a warm-up (bench/parse). The ratios
# are the figures that hold on a busy box; the load average is printed with them.
# For allocation and timing detail (in process, as the parser benchmarks need on this box):
# ICEWATCH_BENCH_FILES=a.json:b.json dotnet run -c Release --project bench/parse -- --filter '*Diagnose*' --inProcess
#   bench/diagnose.sh [SIZE_MB...]     default sizes: 10 100;  RUNS=3 by default
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${RUNS:-3}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
INTERNALS="$ROOT/tests/fixtures/recordings/turn-udp-relay/webrtc-internals.json"
RTCSTATS="$ROOT/tests/fixtures/recordings/turn-udp-relay/rtcstats.txt"
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)"; exit 1; }
source "$ROOT/tools/lib/common.sh"
publish_cli "$WORK/cli"
dotnet build "$ROOT/bench/parse/IceWatch.Bench.Parse.csproj" -c Release -nologo -v q -o "$WORK/parse" >/dev/null

# measure LABEL UNCOMPRESSED_FILES -- DIAGNOSED_FILES
# Wall clock is the best of RUNS; CPU (user+sys, whole process) the least of RUNS, which holds on a
# busy box where wall clock does not. Both are set against the bare pass measured the same way.
measure() {
    local label="$1"; shift
    local plain=() input=()
    while [[ "$1" != "--" ]]; do plain+=("$1"); shift; done
    shift; input=("$@")
    local bytes inbytes; bytes=$(cat "${plain[@]}" | wc -c); inbytes=$(cat "${input[@]}" | wc -c)
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$WORK/cli/icewatch-cli" diagnose --json "${input[@]}" >"$WORK/out.json"
        cat "$WORK/time" >>"$WORK/runs"
        dotnet "$WORK/parse/icewatch-bench-parse.dll" ceiling "${plain[@]}" | sed -E 's/.* ([0-9.]+) MB\/s, CPU ([0-9.]+) s.*/\1 \2/' >>"$WORK/ceiling"
    done
    local seconds cpu kb ceiling ceilingcpu
    seconds=$(cut -d' ' -f1 "$WORK/runs" | sort -n | head -1); kb=$(cut -d' ' -f4 "$WORK/runs" | sort -n | tail -1)
    cpu=$(awk '{print $2 + $3}' "$WORK/runs" | sort -n | head -1)
    ceiling=$(cut -d' ' -f1 "$WORK/ceiling" | sort -rn | head -1); ceilingcpu=$(cut -d' ' -f2 "$WORK/ceiling" | sort -n | head -1)
    rm -f "$WORK/runs" "$WORK/ceiling"
    local pcs; pcs=$(grep -c '"peerConnectionId"' "$WORK/out.json" || true)
    awk -v l="$label" -v b="$bytes" -v i="$inbytes" -v s="$seconds" -v cpu="$cpu" -v k="$kb" -v p="$pcs" -v c="$ceiling" -v cc="$ceilingcpu" -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
        mb = b/1048576; mbs = mb/s
        printf "%-28s %6.1f MB %4d PCs | wall %5.2f s %6.1f MB/s, ratio %.2f | CPU %5.2f s %6.1f MB/CPU-s, ratio %.2f | peak RSS %3.0f MB | bare pass %6.1f MB/s, %6.1f MB/CPU-s | load %s\n", l, mb, p, s, mbs, mbs/c, cpu, mb/cpu, (mb/cpu)/(mb/cc), k/1024, c, mb/cc, load
        if (i != b) printf "%-28s %6.1f MB compressed: %.1f MB/s of gzip input\n", "", i/1048576, (i/1048576)/s }'
}

mapfile -t fixtures < <(find "$ROOT/tests/fixtures/recordings" -type f \( -name '*.json' -o -name '*.txt' \) ! -name expected.json | sort)
measure "committed fixtures (all)" "${fixtures[@]}" -- "${fixtures[@]}"
for size in "${@:-10 100}"; do
    for s in $size; do
        for kind in webrtc-internals rtcstats; do
            source="$INTERNALS"; [[ $kind == rtcstats ]] && source="$RTCSTATS"
            python3 "$ROOT/bench/make-large-dump.py" "$source" "$WORK/$kind-$s" "$s" >/dev/null
            measure "$kind ${s} MB" "$WORK/$kind-$s" -- "$WORK/$kind-$s"
            gzip -c "$WORK/$kind-$s" >"$WORK/$kind-$s.gz"
            measure "$kind ${s} MB, gzipped" "$WORK/$kind-$s" -- "$WORK/$kind-$s.gz"
            rm -f "$WORK/$kind-$s" "$WORK/$kind-$s.gz"
        done
    done
done
