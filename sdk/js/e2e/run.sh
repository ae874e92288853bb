#!/usr/bin/env bash
# End-to-end test of the browser SDK: the built SDK in headless Chromium makes real calls
# through a real coturn and reports to a running IceWatch on a throwaway PostgreSQL; the
# verdicts are read back from the API. Ends with the line "N passed, N failed".
#
# Everything runs inside a network namespace made here (10.201.1.0/24 on a veth pair whose both
# ends stay inside it, plus its own loopback), so nothing reaches any other address. Every
# process is stopped by PID and the namespace is deleted on exit. Needs root (ip netns).
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SDK=$(cd "$HERE/.." && pwd)
REPO=$(cd "$SDK/../.." && pwd)
source "$REPO/tools/lib/common.sh"
source "$REPO/tools/lib/postgres.sh"

API_KEY=sdk-e2e-key-0123456789abcdef # an admin key: reads verdicts and makes the page's publishable key
API_PORT=18080

# Phase two, inside the namespace: PostgreSQL, IceWatch, then the scenarios.
inside() {
  RUN=$1
  trap 'stop_inside' EXIT
  pg_start_private "$RUN/pg"
  (cd "$RUN/api" && exec env ICEWATCH_DATABASE="$PG_CONNECTION" ICEWATCH_BOOTSTRAP_API_KEY="$API_KEY" \
      ASPNETCORE_URLS="http://127.0.0.1:$API_PORT" ICEWATCH_STALL_DEADLINE_SECONDS=5 ICEWATCH_CLIENT_RATE_PER_SECOND=500 \
      dotnet IceWatch.IngestApi.dll) >"$RUN/icewatch.log" 2>&1 &
  API_PID=$!
  echo "$API_PID" >>"$RUN/pids"
  E2E_API="http://127.0.0.1:$API_PORT" E2E_KEY="$API_KEY" E2E_RUN="$RUN" node "$HERE/driver.js"
}

stop_inside() {
  if [[ -n ${API_PID:-} ]] && kill -0 "$API_PID" 2>/dev/null; then
    kill -TERM "$API_PID" 2>/dev/null
    wait "$API_PID" 2>/dev/null
  fi
  pg_stop_private
}

if [[ ${1:-} == --inside ]]; then
  inside "$2"
  exit
fi

NS=iwsdk-e2e-$$
RUN=$(mktemp -d /tmp/icewatch-sdk-e2e.XXXXXX)
chmod 755 "$RUN" # the postgres user must reach the cluster below it

ensure_deps() {
  ensure_dotnet
  ensure_postgres_binaries
  ensure_test_packages
  command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
  command -v firefox-esr >/dev/null || apt_install firefox-esr # the two-browser call's second participant
  # playwright-core only drives Debian's Chromium; no browser is ever downloaded.
  if [[ ! -d $SDK/node_modules/playwright-core || ! -d $SDK/node_modules/esbuild ]]; then
    (cd "$SDK" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >/dev/null)
  fi
}

build() {
  log "building the SDK and IceWatch"
  (cd "$SDK" && npm run --silent build) &&
    dotnet build "$REPO/ingest-api/IceWatch.IngestApi.csproj" -c Release -nologo -v q -o "$RUN/api" >"$RUN/build.log" 2>&1 ||
    { tail -n 30 "$RUN/build.log" >&2; return 1; }
}

ns_up() {
  ip netns add "$NS" &&
    ip -n "$NS" link set lo up &&
    ip -n "$NS" link add iws0 type veth peer name iws1 &&
    ip -n "$NS" addr add 10.201.1.1/24 dev iws0 &&
    ip -n "$NS" addr add 10.201.1.2/24 dev iws1 &&
    ip -n "$NS" link set iws0 up &&
    ip -n "$NS" link set iws1 up
}

cleanup() {
  local pid
  # PostgreSQL first, gracefully; then whatever else we started, by PID.
  if [[ -f $RUN/pg/data/postmaster.pid ]]; then
    PG_OWNED=1 PG_DATA="$RUN/pg/data" pg_stop_private 2>/dev/null
  fi
  if [[ -f $RUN/pids ]]; then
    while read -r pid; do kill -9 "$pid" 2>/dev/null; done <"$RUN/pids"
  fi
  # Only processes started for this test live in the namespace (Chromium's among them).
  if ip netns list | grep -qw "$NS"; then
    for pid in $(ip netns pids "$NS" 2>/dev/null); do kill -9 "$pid" 2>/dev/null; done
    ip netns del "$NS" 2>/dev/null
  fi
  rm -rf "$RUN"
}

main() {
  ensure_deps || return 1
  build || return 1
  ns_up || { log "could not create the network namespace (root needed)"; return 1; }
  ip netns exec "$NS" bash "$HERE/run.sh" --inside "$RUN" &
  local inner=$!
  echo "$inner" >>"$RUN/pids"
  wait "$inner"
}

trap 'cleanup; exit 130' INT TERM
main
status=$?
if [[ $status -ne 0 && -f $RUN/icewatch.log ]]; then
  log "IceWatch log (tail):"
  tail -n 20 "$RUN/icewatch.log" >&2
fi
summary=$(cat "$RUN/summary" 2>/dev/null || echo "0 passed, 1 failed")
cleanup
echo "$summary"
[[ $status -eq 0 && $summary == *" 0 failed" ]]
