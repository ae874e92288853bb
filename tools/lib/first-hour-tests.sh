# The first-hour walk-through (tools/first-hour.sh) as a step of ./icewatch test. Prints the counts
# given plus the walk-through's as one "N passed, N failed, N skipped".
first_hour_tests() {
    local results="$1" p f s wp wf ok=0
    read -r p f s < <(echo "$2" | tr -dc '0-9 \n' | awk '{print $1, $2, $3}')
    log "running the first-hour walk-through (tools/first-hour.sh)"
    bash "$ROOT/tools/first-hour.sh" "$results/first-hour" >"$results/first-hour.txt" 2>&1 || ok=1
    cat "$results/first-hour.txt" >&2
    read -r wp wf < <(tail -n 1 "$results/first-hour.txt" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p')
    [ -n "${wp:-}" ] || { wp=0; wf=1; }
    echo "$((p + wp)) passed, $((f + wf)) failed, ${s:-0} skipped"
    return "$ok"
}
