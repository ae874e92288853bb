#!/usr/bin/env bash
# Ingest throughput on this box, all on 127.0.0.1 with a private PostgreSQL:
#   0. the database's ceiling: pgbench inserting the same report bodies, CONCURRENCY clients,
#      one row per synchronously committed transaction (what accepting durably costs at least);
#   1. the ceiling: a bare ASP.NET endpoint that reads the body and answers 202;
#   2. IceWatch (API + processing in one process) in a closed loop: its maximum;
#   3. IceWatch at a fixed rate (RATE_SHARE percent of that maximum): latency, processing lag
#      (received_at -> processed_at from the database) and the backlog sampled every 2 s.
# CPU is process CPU time over wall time (1.0 = one core); RSS from /proc.
#   bench/ingest.sh [SECONDS] [RUNS]     default: 20 s, 3 runs
#   env: CONCURRENCY (32), RATE_SHARE (80), WARM (seconds of load before measuring, 30), ICEWATCH_WORKERS,
#        API_SOURCE (checkout to measure), BARE=0
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/tools/lib/common.sh"
source "$ROOT/tools/lib/postgres.sh"
SECONDS_PER_RUN="${1:-20}" RUNS="${2:-3}" CONCURRENCY="${CONCURRENCY:-32}" RATE_SHARE="${RATE_SHARE:-80}"
API_PORT=18481 BARE_PORT=18482 KEY="bench-key-0123456789abcdef"
WORK="$(mktemp -d)"; chmod 755 "$WORK"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
    pg_stop_private; rm -rf "$WORK"
}
trap cleanup EXIT
# API_SOURCE: another checkout to measure (for before/after); BARE=0 skips the ceiling.
dotnet build "${API_SOURCE:-$ROOT}/ingest-api" -c Release -nologo -v q -o "$WORK/ingest-api" >/dev/null
for project in bench/bare bench/load; do
    dotnet build "$ROOT/$project" -c Release -nologo -v q -o "$WORK/$(basename "$project")" >/dev/null
done
ICEWATCH_PG_PORT=54420 pg_start_private "$WORK/pg"
PG_PORT="$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$PG_CONNECTION")"
PSQL=("$(pg_bindir)/psql" -h 127.0.0.1 -p "$PG_PORT" -U icewatch -d icewatch -tAq)
POSTMASTER="$(head -1 "$PG_DATA/postmaster.pid")"

cpu_ticks() { # CPU time of a process (and, for the postmaster, of its live children) in clock ticks
    local total=0 pid
    for pid in "$1" $( [ "${2:-}" = children ] && pgrep -P "$1"); do
        [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
    done
    echo "$total"
}
cores() { awk -v t="$1" -v s="$SECONDS_PER_RUN" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz / s }'; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
load() { dotnet "$WORK/load/icewatch-load.dll" --key "$KEY" --concurrency "$CONCURRENCY" --seconds "$SECONDS_PER_RUN" "$@"; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
wait_http() { until curl -sf "$1" >/dev/null; do sleep 0.2; done; }
worst() { # the N slowest seconds of a load timeline: "second: requests, worst latency"
    sort -t= -k4 -g -r | head -"$1" | sed -E 's/^([0-9]+) requests=([0-9]+) .* max=([0-9.]+ms)/\1: \2, \3/' | paste -sd';'
}

pgbench_ceiling() { # tps of durable single-row inserts of one real report body, into a table like the inbox
    dotnet "$WORK/load/icewatch-load.dll" --print-body "$WORK/body.json"
    "${PSQL[@]}" -c "DROP TABLE IF EXISTS bench_inserts, bench_body" \
        -c "CREATE TABLE bench_body AS SELECT pg_read_binary_file('$WORK/body.json') AS body" \
        -c "CREATE TABLE bench_inserts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body bytea NOT NULL, received_at timestamptz NOT NULL DEFAULT now())"
    "${PSQL[@]}" -c "ALTER TABLE bench_inserts ALTER COLUMN body SET COMPRESSION lz4" 2>/dev/null || true
    echo "INSERT INTO bench_inserts (body) SELECT body FROM bench_body;" >"$WORK/insert.sql"
    "$(pg_bindir)/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U icewatch -n -c "$CONCURRENCY" -j 2 -T "$SECONDS_PER_RUN" -f "$WORK/insert.sql" icewatch 2>/dev/null \
        | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1
    "${PSQL[@]}" -c "DROP TABLE bench_inserts, bench_body"
}
CEILING="$(pgbench_ceiling)"
echo "pgbench ceiling (durable inserts of a $(wc -c <"$WORK/body.json")-byte report body, $CONCURRENCY clients, synchronous commit): $CEILING inserts/s"

if [ "${BARE:-1}" != 0 ]; then
(cd "$WORK/bare" && ASPNETCORE_URLS="http://127.0.0.1:$BARE_PORT" exec dotnet IceWatch.Bare.dll >"$WORK/bare.log" 2>&1) &
BARE=$!; PIDS+=("$BARE")
wait_http "http://127.0.0.1:$BARE_PORT/healthz"
load --url "http://127.0.0.1:$BARE_PORT" --seconds 3 >/dev/null
for run in $(seq 1 "$RUNS"); do
    c0=$(cpu_ticks "$BARE"); line=$(load --url "http://127.0.0.1:$BARE_PORT"); c1=$(cpu_ticks "$BARE")
    echo "bare     run $run: $line cpu=$(cores $((c1 - c0))) rss=$(rss_mb "$BARE")MB"
done
kill "$BARE"; wait "$BARE" 2>/dev/null || true
fi

(cd "$WORK/ingest-api" && ICEWATCH_DATABASE="$PG_CONNECTION;Maximum Pool Size=${POOL:-64}" ICEWATCH_BOOTSTRAP_API_KEY="$KEY" \
    ASPNETCORE_URLS="http://127.0.0.1:$API_PORT" ICEWATCH_RATE_LIMIT_PER_SECOND=0 Logging__LogLevel__Default=Warning \
    exec dotnet IceWatch.IngestApi.dll >"$WORK/api.log" 2>&1) &
API=$!; PIDS+=("$API")
wait_http "http://127.0.0.1:$API_PORT/healthz"
# Tiered compilation goes on for tens of seconds under load on two cores (about 15% of the CPU 30-45 s
# after start): a shorter warm-up measures the JIT, not the steady state.
load --url "http://127.0.0.1:$API_PORT" --seconds "${WARM:-30}" --run-id warm >/dev/null
drain() { # waits until the inbox is empty (bounded: 10 minutes)
    for _ in $(seq 1 3000); do [ "$("${PSQL[@]}" -c "SELECT count(*) FROM uploads WHERE processed_at IS NULL")" = 0 ] && return; sleep 0.2; done
}
lag() { "${PSQL[@]}" -F ' ' -c "SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)), round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)), round(max(ms))
    FROM (SELECT extract(epoch FROM processed_at - received_at) * 1000 AS ms FROM uploads WHERE session_id LIKE '$1-%') x"; }
drain
for run in $(seq 1 "$RUNS"); do
    a0=$(cpu_ticks "$API"); p0=$(cpu_ticks "$POSTMASTER" children)
    line=$(load --url "http://127.0.0.1:$API_PORT" --run-id "max$run")
    a1=$(cpu_ticks "$API"); p1=$(cpu_ticks "$POSTMASTER" children)
    backlog=$("${PSQL[@]}" -c "SELECT count(*) FROM uploads WHERE processed_at IS NULL")
    echo "icewatch run $run (closed loop): $line api_cpu=$(cores $((a1 - a0))) pg_cpu=$(cores $((p1 - p0))) api_rss=$(rss_mb "$API")MB backlog_at_end=$backlog"
    drain; echo "    lag (accept -> processed) p50/p99/max ms: $(lag "max$run")"
    max=$(field rate <<<"$line"); rate=$(awk -v m="$max" -v s="$RATE_SHARE" 'BEGIN { printf "%d", m * s / 100 }')
    ( for _ in $(seq 1 $((SECONDS_PER_RUN / 2))); do sleep 2; "${PSQL[@]}" -c "SELECT count(*) FROM uploads WHERE processed_at IS NULL"; done ) >"$WORK/backlog" &
    started=$(date +%T)
    line=$(load --url "http://127.0.0.1:$API_PORT" --run-id "fixed$run" --rate "$rate" --timeline "$WORK/timeline")
    wait $!
    echo "icewatch run $run (${RATE_SHARE}% = $rate/s): $line backlog every 2 s: $(tr '\n' ' ' <"$WORK/backlog")"
    # Each run starts SESSIONS new sessions within its first seconds (a grain activation and a first report each).
    echo "    started $started; slowest seconds (second: requests, worst latency): $(worst 3 <"$WORK/timeline"); after the first 5 s: $(awk '$1 >= 5' "$WORK/timeline" | worst 1)"
    drain; echo "    lag (accept -> processed) p50/p99/max ms: $(lag "fixed$run")"
done
echo "PostgreSQL checkpoints (time: cause): $(sed -n -E 's/^[0-9-]+ ([0-9:]{8}).*checkpoint starting: (.*)/\1: \2/p' "$PG_DATA/../postgres.log" | paste -sd';')"
echo "api peak RSS: $(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$API/status"); database size: $("${PSQL[@]}" -c "SELECT pg_size_pretty(pg_database_size('icewatch'))")"
