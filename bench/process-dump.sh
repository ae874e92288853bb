#!/usr/bin/env bash
# Time from POST /v1/dumps to a readable verdict for dumps of a given size, against a real
# IceWatch (API + processing in one process) and a private PostgreSQL, all on 127.0.0.1.
#   bench/process-dump.sh [SIZE_MB] [RUNS]     default: 1 MB, 10 runs
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/tools/lib/common.sh"
source "$ROOT/tools/lib/postgres.sh"
SIZE="${1:-1}" RUNS="${2:-10}" PORT=18471 KEY="bench-key-0123456789abcdef"
WORK="$(mktemp -d)"
chmod 755 "$WORK"
cleanup() { [ -n "${API:-}" ] && kill "$API" 2>/dev/null && wait "$API" 2>/dev/null; pg_stop_private; rm -rf "$WORK"; }
trap cleanup EXIT
dotnet build "$ROOT/ingest-api/IceWatch.IngestApi.csproj" -c Release -nologo -v q -o "$WORK/api" >/dev/null
ICEWATCH_PG_PORT=54400 pg_start_private "$WORK/pg"
(cd "$WORK/api" && ICEWATCH_DATABASE="$PG_CONNECTION" ICEWATCH_BOOTSTRAP_API_KEY="$KEY" ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
    Logging__LogLevel__Default=Warning exec dotnet IceWatch.IngestApi.dll >"$WORK/api.log" 2>&1) &
API=$!
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.2; done
python3 "$ROOT/bench/make-large-dump.py" "$ROOT/tests/fixtures/recordings/turn-udp-relay/webrtc-internals.json" "$WORK/dump.json" "$SIZE" >/dev/null
bytes=$(wc -c <"$WORK/dump.json")
now_ms() { date +%s%3N; }
for run in $(seq 0 "$RUNS"); do
    # Each run gets distinct content, so no upload is a duplicate of another.
    sed "s/\"9999-1\"/\"9999-1-$run\"/" "$WORK/dump.json" >"$WORK/run.json"
    start=$(now_ms)
    curl -sf -X POST "http://127.0.0.1:$PORT/v1/dumps?session=bench-$run&region=bench" -H "Authorization: Bearer $KEY" \
        --data-binary @"$WORK/run.json" >/dev/null
    accepted=$(now_ms)
    until curl -sf "http://127.0.0.1:$PORT/v1/sessions/bench-$run" -H "Authorization: Bearer $KEY" | grep -q '"outcome"'; do sleep 0.01; done
    done_ms=$(now_ms)
    # Run 0 warms up the JIT and is not counted.
    [ "$run" -gt 0 ] && echo "$((accepted - start)) $((done_ms - start))"
done | sort -n -k2 | awk -v b="$bytes" '{ a[NR] = $1; t[NR] = $2 } END {
    printf "%.1f MB dump, %d runs: accept p50 %d ms; accept to verdict p50 %d ms, max %d ms\n", b / 1048576, NR, a[int((NR + 1) / 2)], t[int((NR + 1) / 2)], t[NR] }'
