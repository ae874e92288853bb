# A private PostgreSQL cluster for ./icewatch up, started from the installed binaries.
PG_PID_FILE=""
PG_DATA=""

pg_bindir() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

ensure_postgres_binaries() {
    if [ -z "$(pg_bindir)" ] || [ ! -x "$(pg_bindir)/initdb" ]; then
        apt_install postgresql
    fi
}

# Runs a command as the owner of the cluster: initdb refuses root, so root drops to 'postgres'.
pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_free_port() {
    local port first="${ICEWATCH_PG_PORT:-54329}"
    for port in $(seq "$first" $((first + 70))); do
        if ! (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
    done
    log "no free port for PostgreSQL in $first-$((first + 70))"; exit 1
}

# The port of the cluster in DIR/data when its server is running, else nothing.
pg_running_port() {
    local data="$1/data" pid
    [ -f "$data/postmaster.pid" ] || return 0
    pid="$(head -1 "$data/postmaster.pid")"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then sed -n 4p "$data/postmaster.pid"; fi
}

# Starts the cluster in DIR, or joins it when it already runs (another ./icewatch up): then
# PG_OWNED stays 0 and pg_stop_private leaves it running for its owner.
PG_OWNED=0
pg_start_private() {
    local dir="$1" bin running
    bin="$(pg_bindir)"
    running="$(pg_running_port "$dir")"
    if [ -n "$running" ]; then
        log "using the PostgreSQL already running on 127.0.0.1:$running (started by another ./icewatch)"
        PG_CONNECTION="Host=127.0.0.1;Port=$running;Username=icewatch;Database=icewatch"
        return 0
    fi
    PG_DATA="$dir/data"
    PG_OWNED=1
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$dir"
        if ! runuser -u postgres -- test -w "$dir"; then
            log "the postgres user cannot reach $dir; set ICEWATCH_DATABASE or move the checkout"; exit 1
        fi
    fi
    if [ ! -f "$PG_DATA/PG_VERSION" ]; then
        log "creating a private PostgreSQL cluster in $PG_DATA (kept between runs)"
        pg_as_owner "$bin/initdb" -D "$PG_DATA" -U icewatch --auth=trust -E UTF8 --locale=C >/dev/null
    fi
    local port
    port="$(pg_free_port)"
    log "starting PostgreSQL on 127.0.0.1:$port"
    pg_as_owner "$bin/pg_ctl" -D "$PG_DATA" -l "$dir/postgres.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=on" start >/dev/null
    PG_PID_FILE="$PG_DATA/postmaster.pid"
    pg_as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U icewatch -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = 'icewatch'" | grep -q 1 ||
        pg_as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U icewatch icewatch
    PG_CONNECTION="Host=127.0.0.1;Port=$port;Username=icewatch;Database=icewatch"
}

pg_stop_private() {
    [ "$PG_OWNED" -eq 1 ] && [ -n "$PG_DATA" ] && [ -f "$PG_DATA/postmaster.pid" ] || return 0
    log "stopping PostgreSQL"
    pg_as_owner "$(pg_bindir)/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null || {
        local pid; pid="$(head -1 "$PG_DATA/postmaster.pid" 2>/dev/null)"
        [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null
    }
    PG_DATA=""
    PG_OWNED=0
}
