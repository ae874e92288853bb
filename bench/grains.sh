#!/usr/bin/env bash
# Session grains on a real silo (in process) and a private PostgreSQL:
#   memory: heap per active session grain for real recordings, and how many 8 GiB holds;
#   long session: CPU and time per upload at the start and the end of an hour of reports.
#   bench/grains.sh [SESSIONS]    default 5000 sessions held at once
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/tools/lib/common.sh"
source "$ROOT/tools/lib/postgres.sh"
SESSIONS="${1:-5000}"
WORK="$(mktemp -d)"; chmod 755 "$WORK"
trap 'pg_stop_private; rm -rf "$WORK"' EXIT
dotnet build "$ROOT/bench/grains" -c Release -nologo -v q -o "$WORK/bench" >/dev/null
ICEWATCH_PG_PORT=54460 pg_start_private "$WORK/pg"
PSQL=("$(pg_bindir)/psql" -h 127.0.0.1 -p "$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$PG_CONNECTION")" -U icewatch -tAq)
bench() { dotnet "$WORK/bench/icewatch-bench-grains.dll" "$@"; }
fresh() { "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null; echo "${PG_CONNECTION/Database=icewatch/Database=$1}"; }
for recording in turn-udp-relay direct-host turn-wrong-password; do
    bench memory "$(fresh "mem_${recording//-/_}")" "$ROOT/tests/fixtures/recordings/$recording/sdk-report.json" "$SESSIONS"
done
bench long-session "$(fresh long_session)"
