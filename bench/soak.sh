#!/usr/bin/env bash
# The fault tests as a soak: longer rounds of kill -9 under load, repeated, plus the database
# restart test, against freshly built processes. The test command runs a 20 s, one-round form.
#   bench/soak.sh [SECONDS_PER_ROUND] [ROUNDS]     default: 120 s, 5 rounds
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/tools/lib/common.sh"
ensure_dotnet
export ICEWATCH_CHAOS_SECONDS="${1:-120}" ICEWATCH_CHAOS_ROUNDS="${2:-5}"
log "soak: $ICEWATCH_CHAOS_ROUNDS rounds of $ICEWATCH_CHAOS_SECONDS s with a random process killed every 1.5-3 s"
LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT
status=0
dotnet test "$ROOT/tests/IceWatch.Fault.Tests/IceWatch.Fault.Tests.csproj" -nologo --logger "console;verbosity=detailed" >"$LOG" 2>&1 || status=$?
grep -E "round [0-9]+:|down [0-9.]+-|Passed!|Failed!|Test Run|Total tests|Assert|Error Message" "$LOG" || true
exit "$status"
