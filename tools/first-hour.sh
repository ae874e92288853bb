#!/usr/bin/env bash
# A new user's first hour, end to end: a fresh clone, `./icewatch up`, then the README's own
# commands in order (uploads, reads, the web UI, a page to a local webhook, diagnose), each output
# compared with the one the README shows; plus up's exit status on a bad setting, create-key
# beside a running up, and diagnose building once. Everything on 127.0.0.1, on free ports (the
# README's 8080 and 9000 are replaced). Needs root, as ./icewatch up does for its PostgreSQL.
# Ends with the line "N passed, N failed".
#   tools/first-hour.sh [RESULTS_DIR]
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/tools/lib/common.sh"
RESULTS="$(mkdir -p "${1:-$ROOT/.tmp/first-hour}" && cd "${1:-$ROOT/.tmp/first-hour}" && pwd)"
KEY=dev-key-change-me
WORK="$(mktemp -d /tmp/icewatch-first-hour.XXXXXX)"
chmod 755 "$WORK"
CLONE="$WORK/icewatch"
PASSED=0 FAILED=0 UP_PID="" LISTENER_PID=""

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT="$(free_port)" HOOK="$(free_port)"
BASE="http://127.0.0.1:$PORT"

# Records one step: its output goes to RESULTS/NAME.log, the verdict to the summary.
check() {
    local name="$1"; shift
    if "$@" >"$RESULTS/$name.log" 2>&1; then
        PASSED=$((PASSED + 1)); log "first hour: ok      $name"
    else
        FAILED=$((FAILED + 1)); log "first hour: FAILED  $name"; sed 's/^/    /' "$RESULTS/$name.log" | tail -n 40 >&2
    fi
}

readme() { python3 "$ROOT/tools/lib/readme.py" block "$CLONE/README.md" "$1" "$2" | sed "s/8080/$PORT/g; s/9000/$HOOK/g"; }

# Runs the README's command NAME in the clone and compares what it prints with the README's output NAME.
readme_step() {
    local name="$1"
    readme walkthrough "$name" >"$WORK/$name.sh" && readme output "$name" >"$WORK/$name.expected" || return 1
    (cd "$CLONE" && bash -eo pipefail "$WORK/$name.sh") >"$WORK/$name.actual" || return 1
    python3 "$ROOT/tools/lib/readme.py" matches "$WORK/$name.expected" "$WORK/$name.actual"
}

http_ok() { curl -sf -o /dev/null "$@"; }

wait_for() { # SECONDS COMMAND...: until the command succeeds
    local deadline=$((SECONDS + $1)); shift
    until "$@"; do [ "$SECONDS" -lt "$deadline" ] || return 1; sleep 1; done
}

clone() { git clone -q --no-hardlinks "$ROOT" "$CLONE"; }

bad_setting_exits_78_with_one_line() {
    local status=0
    (cd "$CLONE" && ICEWATCH_BOOTSTRAP_API_KEY=short ASPNETCORE_URLS="$BASE" ./icewatch up) >"$WORK/bad.out" 2>"$WORK/bad.err" || status=$?
    cat "$WORK/bad.err"
    [ "$status" -eq 78 ] && [ "$(grep -c '^icewatch: ' "$WORK/bad.err")" -eq 1 ] &&
        grep -qx 'icewatch: configuration error: ICEWATCH_BOOTSTRAP_API_KEY must be at least 16 characters.' "$WORK/bad.err" &&
        ! grep -q 'Unhandled exception' "$WORK/bad.err"
}

start_up() {
    readme walkthrough up >"$WORK/up.sh" && grep -q '^ICEWATCH_BOOTSTRAP_API_KEY=dev-key-change-me ./icewatch up$' "$WORK/up.sh" || return 1
    # Run as the README writes it, exec'd so that UP_PID is ./icewatch itself and gets the stop signal.
    (cd "$CLONE" && export ASPNETCORE_URLS="$BASE" && eval "$(sed 's|\./icewatch up|exec ./icewatch up|' "$WORK/up.sh")") >"$RESULTS/up.console" 2>&1 &
    UP_PID=$!
    wait_for 600 http_ok "$BASE/healthz"
}

create_key_beside_up() {
    local key
    key="$(cd "$CLONE" && ./icewatch create-key acme)" || return 1
    echo "created ${key:0:6}…"
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/v1/sessions/none" -H "Authorization: Bearer $key")" = 404 ]
}

processed() { # SESSION PEER_CONNECTIONS: every upload processed and every verdict final
    curl -sf "$BASE/v1/sessions/$1" -H "Authorization: Bearer $KEY" | python3 -c '
import json, sys
s = json.load(sys.stdin)
pcs = s["peerConnections"]
sys.exit(0 if s["pendingUploads"] == 0 and len(pcs) == int(sys.argv[1]) and all(p["outcome"] != "pending" for p in pcs) else 1)' "$2"
}

ui_shows() { # PATH TEXT...: the signed-in page holds every text
    local page="$WORK/page.html" text
    curl -sf -L -c "$WORK/cookies" -b "$WORK/cookies" -o "$page" "$BASE$1" || return 1
    shift
    for text in "$@"; do grep -qF -- "$text" "$page" || { echo "no '$text' in the page"; return 1; }; done
}

look_at_the_ui() {
    ui_shows "/ui?key=$KEY" 'data-region="eu-west"' '33.33%' 'call-42' &&
        ui_shows "/ui/sessions/call-42" 'turn_auth_failed' 'No candidate pair was formed' &&
        ui_shows "/ui/sessions/call-43" 'creation → connected' 'checking → connected' || return 1
    screenshot session-call-43 "/ui/sessions/call-43"
}

# A picture of a page for people to look at, when Chromium is installed (./icewatch test installs it).
screenshot() {
    command -v chromium >/dev/null || return 0
    rm -rf "$WORK/chromium"
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync --user-data-dir="$WORK/chromium" --window-size=1280,1600 \
        --screenshot="$RESULTS/$1.png" "$BASE$2?key=$KEY" >/dev/null 2>&1
    [ -s "$RESULTS/$1.png" ]
}

get_paged() {
    readme walkthrough listen >"$WORK/listen.sh" && readme output listen >"$WORK/listen.expected" || return 1
    (cd "$CLONE" && eval "exec $(cat "$WORK/listen.sh")") >"$WORK/listen.actual" 2>&1 &
    LISTENER_PID=$!
    wait_for 30 grep -q 'listening for pages' "$WORK/listen.actual" || return 1
    readme walkthrough page >"$WORK/page.sh" && (cd "$CLONE" && bash -eo pipefail "$WORK/page.sh") || return 1
    wait_for 120 grep -q 'worst session' "$WORK/listen.actual" || { cat "$WORK/listen.actual"; return 1; }
    sleep 1
    python3 "$ROOT/tools/lib/readme.py" matches "$WORK/listen.expected" "$WORK/listen.actual" &&
        ui_shows "/ui" 'firing' 'turn_auth_failed' 'Check the TURN username' '/ui/sessions/call-42' &&
        screenshot overview-paged "/ui"
}

diagnose_builds_once() {
    (cd "$CLONE" && ./icewatch diagnose tests/fixtures/recordings/direct-host/sdk-report.json) >/dev/null 2>"$WORK/again.err" || return 1
    cat "$WORK/again.err"
    ! grep -q 'building' "$WORK/again.err"
}

empty_folder_exits_2() {
    local status=0
    mkdir -p "$WORK/empty"
    (cd "$CLONE" && ./icewatch diagnose "$WORK/empty") 2>"$WORK/empty.err" || status=$?
    cat "$WORK/empty.err"
    [ "$status" -eq 2 ] && grep -q 'empty folder, nothing to diagnose' "$WORK/empty.err"
}

stop_up_exits_0() {
    local status=0
    kill -TERM "$UP_PID" && wait "$UP_PID" || status=$?
    UP_PID=""
    tail -n 3 "$RESULTS/up.console"
    [ "$status" -eq 0 ] && [ ! -f "$CLONE/.data/postgres/data/postmaster.pid" ]
}

cleanup() {
    [ -n "$LISTENER_PID" ] && kill "$LISTENER_PID" 2>/dev/null
    if [ -n "$UP_PID" ]; then kill -TERM "$UP_PID" 2>/dev/null; wait "$UP_PID" 2>/dev/null; fi
    # A cluster left by a failed step is stopped by its owner's pg_ctl, never by name.
    if [ -f "$CLONE/.data/postgres/data/postmaster.pid" ]; then
        runuser -u postgres -- "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_ctl" -D "$CLONE/.data/postgres/data" -m fast -w stop >/dev/null 2>&1
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

log "first hour: a fresh clone on $BASE (results in $RESULTS)"
check clone clone
check up-bad-setting bad_setting_exits_78_with_one_line
check up start_up
if [ -n "$UP_PID" ] && http_ok "$BASE/healthz"; then
    check create-key-beside-up create_key_beside_up
    check upload-dump readme_step upload-dump
    check upload-gzip readme_step upload-gzip
    check upload-sdk readme_step upload-sdk
    check processed wait_for 120 bash -c "$(declare -f processed); BASE=$BASE KEY=$KEY; processed call-42 2 && processed call-43 2 && processed call-44 2"
    check read readme_step read
    check ui look_at_the_ui
    check paged get_paged
    check diagnose readme_step diagnose
    check diagnose-builds-once diagnose_builds_once
    check diagnose-empty-folder empty_folder_exits_2
    check up-stops stop_up_exits_0
fi
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
