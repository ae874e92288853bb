# Builds a project once into .build/NAME and again only when its sources change: the fingerprint
# is a hash of the source files' names and contents, so a branch switch or an edit rebuilds and a
# rerun does not (dotnet build's own up-to-date check still costs seconds).
build_once() {
    local name="$1" project="$2" out="$ROOT/.build/$1" fingerprint verb=(build)
    shift 2
    # --publish: published for this machine's runtime (the CLI is compiled ahead of time to a native program).
    if [ "${1:-}" = "--publish" ]; then verb=(publish --use-current-runtime); shift; fi
    fingerprint="$(source_fingerprint "$@")"
    if [ -f "$out/.fingerprint" ] && [ "$(cat "$out/.fingerprint")" = "$fingerprint" ]; then return 0; fi
    log "building $name (Release)"
    if [ "${verb[0]}" = publish ]; then ensure_native_toolchain; fi
    mkdir -p "$out"
    rm -f "$out/.fingerprint"
    dotnet "${verb[@]}" "$ROOT/$project" -c Release -nologo -v q -o "$out" >"$ROOT/.build/$name.build.log" 2>&1 || {
        cat "$ROOT/.build/$name.build.log" >&2
        log "building $name failed"
        exit 1
    }
    echo "$fingerprint" >"$out/.fingerprint"
}

# The source folders given (relative to the repository), plus the build files every project shares.
source_fingerprint() {
    local dirs=() dir
    for dir in "$@"; do dirs+=("$ROOT/$dir"); done
    {
        find "${dirs[@]}" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.json' -o -name '*.props' -o -name '*.targets' \) \
            -not -path '*/bin/*' -not -path '*/obj/*'
        ls "$ROOT"/Directory.*.props "$ROOT/global.json" 2>/dev/null
    } | LC_ALL=C sort | xargs -d '\n' sha256sum | sha256sum | cut -d' ' -f1
}
