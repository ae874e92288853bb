#!/usr/bin/env bash
# Diagnose throughput and peak memory: the committed fixtures, then dumps of growing size
# made from a real recording (make-large-dump.py). Prints one line per input, and under it the
# ceiling: one bare Utf8JsonReader pass over the same bytes (bench/parse). For allocation and
# timing detail: ICEWATCH_BENCH_FILES=a.json:b.json dotnet run -c Release --project bench/parse
#   bench/diagnose.sh [SIZE_MB...]     default sizes: 10 50 100
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
SOURCE="$ROOT/tests/fixtures/recordings/turn-udp-relay/webrtc-internals.json"
dotnet build "$ROOT/cli/IceWatch.Cli.csproj" -c Release -nologo -v q -o "$WORK/cli" >/dev/null
dotnet build "$ROOT/bench/parse/IceWatch.Bench.Parse.csproj" -c Release -nologo -v q -o "$WORK/parse" >/dev/null
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)"; exit 1; }

measure() {
    local label="$1"; shift
    local bytes; bytes=$(cat "$@" | wc -c)
    /usr/bin/time -f "%e %M" -o "$WORK/time" dotnet "$WORK/cli/icewatch-cli.dll" diagnose --json "$@" >"$WORK/out.json"
    read -r seconds kb <"$WORK/time"
    local pcs; pcs=$(grep -c '"peerConnectionId"' "$WORK/out.json" || true)
    awk -v l="$label" -v b="$bytes" -v s="$seconds" -v k="$kb" -v p="$pcs" 'BEGIN {
        printf "%-28s %8.1f MB %6d PCs %7.2f s %8.1f MB/s  peak RSS %6.0f MB\n", l, b/1048576, p, s, (b/1048576)/s, k/1024 }'
    /usr/bin/time -f "%M" -o "$WORK/time" dotnet "$WORK/parse/icewatch-bench-parse.dll" ceiling "$@" | sed 's/^/    ceiling: /'
    echo "    ceiling peak RSS $(awk '{ printf "%.0f", $1 / 1024 }' "$WORK/time") MB"
}

mapfile -t fixtures < <(find "$ROOT/tests/fixtures/recordings" -type f \( -name '*.json' -o -name '*.txt' \) ! -name expected.json | sort)
measure "committed fixtures (all)" "${fixtures[@]}"
for size in "${@:-10 50 100}"; do
    for s in $size; do
        python3 "$ROOT/bench/make-large-dump.py" "$SOURCE" "$WORK/large-$s.json" "$s" >/dev/null
        measure "webrtc-internals ${s} MB" "$WORK/large-$s.json"
        rm -f "$WORK/large-$s.json"
    done
done
