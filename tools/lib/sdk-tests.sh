# The browser SDK: unit tests (node --test), then the end-to-end test with Chromium, coturn and
# IceWatch. Prints the .NET counts given plus the SDK's as one "N passed, N failed, N skipped".
sdk_tests() {
    local results="$1" p f s sp sf ok=0
    read -r p f s < <(echo "$2" | tr -dc '0-9 \n' | awk '{print $1, $2, $3}')
    command -v node >/dev/null || apt_install nodejs npm
    log "running the browser SDK's unit tests"
    node --test "$ROOT/sdk/js/test/" >"$results/sdk-unit.tap" 2>&1 || ok=1
    sp=$(grep -m1 '^# pass' "$results/sdk-unit.tap" | tr -dc 0-9 || true); sf=$(grep -m1 '^# fail' "$results/sdk-unit.tap" | tr -dc 0-9 || true)
    [ -n "$sp" ] || sf=$((${sf:-0} + 1))
    log "SDK unit tests: ${sp:-0} passed, ${sf:-0} failed"
    p=$((p + ${sp:-0})); f=$((f + ${sf:-0}))
    log "running the browser SDK's end-to-end test"
    bash "$ROOT/sdk/js/e2e/run.sh" >"$results/sdk-e2e.txt" 2>&1 || ok=1
    cat "$results/sdk-e2e.txt" >&2
    read -r sp sf < <(tail -n 1 "$results/sdk-e2e.txt" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p')
    [ -n "${sp:-}" ] || { sp=0; sf=1; }
    p=$((p + sp)); f=$((f + sf))
    echo "$p passed, $f failed, ${s:-0} skipped"
    return "$ok"
}
