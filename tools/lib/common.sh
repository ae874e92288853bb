# Shared helpers for ./icewatch and .ci/run.
log() { printf '[icewatch] %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

APT_UPDATED=0
apt_install() {
    log "installing with apt: $*"
    if [ "$APT_UPDATED" -eq 0 ]; then
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        APT_UPDATED=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_dotnet() {
    command -v dotnet >/dev/null || { log "the .NET 10 SDK is required (https://dot.net)"; exit 1; }
    export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}

# The diagnose CLI compiled ahead of time to a native program for this machine, into $1 (icewatch-cli).
publish_cli() {
    ensure_native_toolchain
    dotnet publish "$ROOT/cli/IceWatch.Cli.csproj" -c Release --use-current-runtime -nologo -v q -o "$1" >"$1.log" 2>&1 || {
        cat "$1.log" >&2
        log "publishing the diagnose CLI failed"
        return 1
    }
}

# Native AOT links with clang or gcc, against the C library's objects and headers.
ensure_native_toolchain() {
    if { command -v clang || command -v gcc; } >/dev/null && [ -f /usr/include/stdio.h ]; then return 0; fi
    apt_install gcc libc6-dev
}

# Packages the end-to-end tests drive for real.
ensure_test_packages() {
    local missing=()
    command -v chromium >/dev/null || missing+=(chromium)
    command -v turnserver >/dev/null || missing+=(coturn)
    command -v nft >/dev/null || missing+=(nftables)
    command -v ip >/dev/null || missing+=(iproute2)
    command -v promtool >/dev/null || missing+=(prometheus)
    command -v prometheus-alertmanager >/dev/null || missing+=(prometheus-alertmanager)
    python3 -c 'import yaml' 2>/dev/null || missing+=(python3-yaml)
    command -v curl >/dev/null || missing+=(curl)
    if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
}

# Prints "N passed, N failed, N skipped" from the TRX files of a test run.
summarize_trx() {
    local dir="$1" passed=0 failed=0 skipped=0 p f s
    for trx in "$dir"/*.trx; do
        [ -f "$trx" ] || continue
        p=$(grep -o 'passed="[0-9]*"' "$trx" | head -1 | tr -dc 0-9); f=$(grep -o 'failed="[0-9]*"' "$trx" | head -1 | tr -dc 0-9)
        s=$(grep -o 'notExecuted="[0-9]*"' "$trx" | head -1 | tr -dc 0-9)
        passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
    done
    echo "$passed passed, $failed failed, $skipped skipped"
}
