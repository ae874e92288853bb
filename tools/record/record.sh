#!/usr/bin/env bash
# Records IceWatch's golden fixtures from a real Chromium or Firefox ESR and a
# real coturn.
#
#   tools/record/record.sh                 # every scenario
#   tools/record/record.sh turn-udp-relay  # only the named ones
#
# Everything runs inside two private network namespaces with addresses of
# their own (10.201.0.0/24) and no route out, so no packet leaves this machine.
# Fixtures go to tests/fixtures/recordings/<scenario>/ (override: RECORD_OUT).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
OUT=${RECORD_OUT:-$REPO/tests/fixtures/recordings}
NS=icewatch-rec
TURN_NS=icewatch-turn
RUN=$(mktemp -d /tmp/icewatch-record.XXXXXX)

# Installs what the lab needs, only when missing. Never downloads a browser:
# Chromium and Firefox ESR come from Debian; playwright-core only drives
# Chromium (Firefox's page drives itself).
ensure_deps() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v turnserver >/dev/null || missing+=(coturn)
  command -v nft >/dev/null || missing+=(nftables)
  command -v ip >/dev/null || missing+=(iproute2)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v node >/dev/null || missing+=(nodejs npm)
  if ((${#missing[@]})); then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  fi
  if [[ ! -d $HERE/node_modules/playwright-core ]]; then
    (cd "$HERE" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  fi
}

# The lab network: two namespaces joined by a veth pair, no route out.
# icewatch-rec holds the browser side (10.201.0.2), icewatch-turn the TURN
# server (10.201.0.1), so a scenario's firewall rules bind the client only.
ns_up() {
  ns_down
  ip netns add "$NS"
  ip netns add "$TURN_NS"
  ip -n "$NS" link set lo up
  ip -n "$TURN_NS" link set lo up
  ip -n "$NS" link add iwc0 type veth peer name iwt0 netns "$TURN_NS"
  ip -n "$NS" addr add 10.201.0.2/24 dev iwc0
  ip -n "$TURN_NS" addr add 10.201.0.1/24 dev iwt0
  ip -n "$NS" link set iwc0 up
  ip -n "$TURN_NS" link set iwt0 up
}

ns_down() {
  ip netns del "$NS" 2>/dev/null || true
  ip netns del "$TURN_NS" 2>/dev/null || true
}

# A self-signed certificate for TURN over TLS (Chromium is told to accept it).
make_cert() {
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=turn.icewatch.lab \
    -keyout "$RUN/turn.key" -out "$RUN/turn.crt" 2>/dev/null
}

cleanup() {
  local pid
  if [[ -f $RUN/pids ]]; then
    while read -r pid; do kill -9 "$pid" 2>/dev/null || true; done <"$RUN/pids"
  fi
  ns_down
  rm -rf "$RUN"
}
trap cleanup EXIT

ensure_deps
if (($#)); then scenarios=("$@"); else mapfile -t scenarios < <(node "$HERE/lib/scenarios.js"); fi
ns_up
make_cert
failures=0
for s in "${scenarios[@]}"; do
  echo "== $s"
  # The recorder runs in the background so its PID is known to cleanup.
  TURN_NS=$TURN_NS ip netns exec "$NS" node "$HERE/lib/run-scenario.js" "$s" "$OUT/$s" "$RUN" &
  echo $! >>"$RUN/pids"
  if ! wait $!; then
    echo "!! $s failed (turnserver log below)" >&2
    tail -n 20 "$RUN/turnserver-$s.log" >&2 2>/dev/null || true
    failures=$((failures + 1))
  fi
done
echo "recorded $((${#scenarios[@]} - failures)) of ${#scenarios[@]} scenarios into $OUT"
exit $((failures > 0))
