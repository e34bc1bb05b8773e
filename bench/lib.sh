# Plumbing for bench/run: tools, the servers under test, pinned wrk runs, statistics and the result rows.
# Sourced, not run; bench/run sets ROOT, OUT, APP, RUNS, ABS_RUNS, DURATION, WARMUP and QUICK first.

SERVER_CPU=0 WRK_CPU=1
PORT_SITE=${BENCH_PORT_SITE:-5581} PORT_NGINX=${BENCH_PORT_NGINX:-5582}
TICK=$(getconf CLK_TCK)

log() { printf '\n== %s\n' "$*" >&2; }
fail() { echo "bench/run: $*" >&2; exit 1; }
load1() { cut -d' ' -f1 /proc/loadavg; }

# --- tools -------------------------------------------------------------------------------------------------
# wrk, nginx with the Brotli static module and Hugo come from Debian's packages. Installing nginx would start
# its service on port 80; policy-rc.d (the Debian way to say "no services now") keeps it stopped.
install_tools() {
    local missing=()
    command -v wrk >/dev/null || missing+=(wrk)
    [ -x /usr/sbin/nginx ] || missing+=(nginx)
    [ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
    command -v hugo >/dev/null || missing+=(hugo)
    command -v taskset >/dev/null || missing+=(util-linux)
    [ ${#missing[@]} -eq 0 ] && return
    log "installing ${missing[*]} from Debian's packages"
    local as_root=(); [ "$(id -u)" -eq 0 ] || as_root=(sudo)
    local policy=/usr/sbin/policy-rc.d made_policy=""
    if [ ! -e $policy ]; then
        printf '#!/bin/sh\nexit 101\n' | "${as_root[@]}" tee $policy >/dev/null && "${as_root[@]}" chmod +x $policy && made_policy=1
    fi
    "${as_root[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    [ -z "$made_policy" ] || "${as_root[@]}" rm -f $policy
}

# --- the site ----------------------------------------------------------------------------------------------
SERVER_PID=""
READY=/compare/django-vs-flask
# Rate limits raised by setting, so wrk measures pages, not 429s.
COMMON=(--Content:Watch=false --Logging:LogLevel:Default=Warning --Logging:LogLevel:FrameworkCompare=Information
        --RateLimits:PermitLimit=1000000000 --RateLimits:CostlyPagePermitLimit=1000000000)

# start_site NAME CONTENT DB CPUS [settings…]: starts the site (pinned to CPUS unless empty) and waits for the first
# 200 of $READY; sets SERVER_PID, STARTUP_MS, STARTUP_CPU_MS (the process's utime + stime then) and STARTUP_LOAD.
start_site() {
    local name=$1 content=$2 db=$3 cpus=$4; shift 4
    local pin=(); [ -z "$cpus" ] || pin=(taskset -c "$cpus")
    STARTUP_LOAD=$(load1)
    local started; started=$(date +%s%N)
    "${pin[@]}" "$APP" --urls "http://127.0.0.1:$PORT_SITE" --Content:Path="$content" --ConnectionStrings:Site="Data Source=$db" \
        "${COMMON[@]}" "$@" >"$OUT/logs/$name.log" 2>&1 &
    SERVER_PID=$!
    local ready
    ready=$(python3 bench/wait_200.py "http://127.0.0.1:$PORT_SITE$READY" "$SERVER_PID" "$started") ||
        { tail -20 "$OUT/logs/$name.log" >&2; fail "the site ($name) did not answer 200 on $READY"; }
    read -r STARTUP_MS STARTUP_CPU_MS <<<"$ready"
}
stop_server() {
    [ -n "$SERVER_PID" ] || return 0
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}
new_db() { rm -f "$1" "$1-wal" "$1-shm"; }
import_ms() { sed -n 's/.*Imported [0-9]* content files.* in \([0-9]*\) ms.*/\1/p' "$OUT/logs/$1.log" | head -1; }
status_mb() { awk -v k="$2:" '$1 == k { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

MEMORY_SAMPLER=""
start_memory_sampler() { rm -f "$OUT/memory.txt"; python3 bench/sample_memory.py "$SERVER_PID" "$OUT/memory.txt" & MEMORY_SAMPLER=$!; }
# Sets PEAK_RESIDENT_MB, PEAK_PRIVATE_MB and MEMORY_SAMPLES (not in a subshell: only this shell can wait for the sampler).
stop_memory_sampler() {
    kill "$MEMORY_SAMPLER"; wait "$MEMORY_SAMPLER" || true; MEMORY_SAMPLER=""
    read -r PEAK_RESIDENT_MB PEAK_PRIVATE_MB MEMORY_SAMPLES <"$OUT/memory.txt" || fail "the memory sampler wrote nothing"
}

# http_check URL: fails unless the page answers 200; prints its Content-Encoding for Accept-Encoding: br.
http_check() {
    local headers; headers=$(curl -s -o /dev/null -D - -H 'Accept-Encoding: br' "$1")
    grep -q '^HTTP/[0-9.]* 200' <<<"$headers" || fail "$1 answered $(head -1 <<<"$headers")"
    awk 'tolower($1) == "content-encoding:" { print $2 }' <<<"$headers" | tr -d '\r'
}

# --- nginx -------------------------------------------------------------------------------------------------
NGINX=/usr/sbin/nginx
# start_nginx ROOT: one worker, pinned like the site, serving ROOT's precompressed files.
start_nginx() {
    cat >"$OUT/nginx.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
worker_processes 1;
pid $OUT/nginx.pid;
error_log $OUT/logs/nginx-error.log;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$PORT_NGINX;
        root $1;
        gzip_static on;
        brotli_static on;
        location / { try_files \$uri \$uri/index.html =404; }
        error_page 404 /404.html;
    }
}
CONF
    taskset -c $SERVER_CPU "$NGINX" -c "$OUT/nginx.conf" -p "$OUT"
    for _ in $(seq 1 100); do curl -s -o /dev/null -f "http://127.0.0.1:$PORT_NGINX/" && return; sleep 0.05; done
    fail "nginx did not answer"
}
stop_nginx() { [ -f "$OUT/nginx.pid" ] && kill "$(cat "$OUT/nginx.pid")" 2>/dev/null; rm -f "$OUT/nginx.pid"; }

# --- pinned wrk runs ---------------------------------------------------------------------------------------
declare -A TP_RPS TP_RUNS TP_CORE TP_BAD TP_P99
# "busy total" jiffies of wrk's core
core_ticks() { awk -v c="cpu$WRK_CPU" '$1 == c { total = 0; for (i = 2; i <= NF; i++) total += $i; print total - $5 - $6, total }' /proc/stat; }
busy_pct() { awk -v b0="$1" -v t0="$2" -v b1="$3" -v t1="$4" 'BEGIN { printf "%.0f", (t1 > t0 ? 100 * (b1 - b0) / (t1 - t0) : 0) }'; }

# "requests/s p50-ms p99-ms failed" from wrk --latency output; failed counts non-2xx answers and socket errors.
parse_wrk() {
    awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
         /Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
         /Non-2xx/ { bad += $NF } /Socket errors/ { for (i = 4; i <= NF; i += 2) bad += $i }
         END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, bad }' "$1"
}

# wrk_pinned FILE DURATION [wrk args…]: one wrk run on wrk's core, with the core's utilisation and wrk's own CPU share
# appended to FILE as "core-busy-% wrk-%".
wrk_pinned() {
    local file=$1 duration=$2; shift 2
    local before after
    before=$(core_ticks)
    local TIMEFORMAT='%U %S %R'
    { time taskset -c $WRK_CPU wrk -t1 -d"$duration" --timeout 10s --latency "$@" >"$file" 2>&1; } 2>"$file.time"
    after=$(core_ticks)
    # shellcheck disable=SC2086
    echo "core $(busy_pct $before $after) wrk $(awk '{ printf "%.0f", 100 * ($1 + $2) / $3 }' "$file.time")" >>"$file"
}

# throughput NAME URL CONNECTIONS [wrk args…]: a warm-up, then $RUNS measured runs; sets TP_RPS (median req/s),
# TP_P99 (median p99 ms), TP_RUNS and TP_CORE (per run) and TP_BAD (why runs are invalid; empty when all are valid).
throughput() {
    local name=$1 url=$2 connections=$3; shift 3
    log "$name: $url, $RUNS × $DURATION, $connections connections"
    wrk_pinned "$OUT/wrk/$name-warmup.txt" "$WARMUP" -c"$connections" "$@" "$url"
    local rps=() p99=() core=() busy_runs=() failed_runs=()
    for run in $(seq 1 "$RUNS"); do
        local file="$OUT/wrk/$name-$run.txt" r p50 p q failed busy own
        wrk_pinned "$file" "$DURATION" -c"$connections" "$@" "$url"
        read -r r p50 p failed < <(parse_wrk "$file")
        read -r _ busy _ own < <(tail -1 "$file")
        rps+=("$r") p99+=("$p") core+=("$busy% (wrk $own%)")
        [ "$busy" -le 90 ] || busy_runs+=("$run")
        [ "$failed" -eq 0 ] || failed_runs+=("$run ($failed)")
    done
    TP_RPS[$name]=$(median "${rps[@]}") TP_P99[$name]=$(median "${p99[@]}")
    TP_RUNS[$name]=$(join ' · ' "${rps[@]}") TP_CORE[$name]=$(join ' · ' "${core[@]}") TP_BAD[$name]=""
    [ ${#busy_runs[@]} -eq 0 ] || TP_BAD[$name]+="$name: wrk's core over 90% in run $(join ', ' "${busy_runs[@]}"); "
    [ ${#failed_runs[@]} -eq 0 ] || TP_BAD[$name]+="$name: failed requests in run $(join ', ' "${failed_runs[@]}"); "
}

# --- statistics --------------------------------------------------------------------------------------------
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%g\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
join() { local sep=$1; shift; local out=$1; shift; for v in "$@"; do out+="$sep$v"; done; echo "$out"; }
range() { printf '%s\n' "$@" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print (lo == hi ? lo : lo "–" hi) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }
thousands() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"${1%.*}"; }

# --- rows --------------------------------------------------------------------------------------------------
: >"$OUT/rows.tsv"
# judge VALUE TARGET min|max [invalid-reason]: yes / no, INVALID, or marked not decisive in quick mode.
judge() {
    [ -z "${4:-}" ] || { echo "INVALID"; return; }
    [ -n "$1" ] || { echo "not measured"; return; }
    local met; met=$(awk -v v="$1" -v t="$2" -v d="$3" 'BEGIN { print ((d == "max" ? v <= t : v >= t) ? "yes" : "no") }')
    [ -z "$QUICK" ] && echo "$met" || echo "$met (quick: not decisive)"
}
# row ID FIGURE MEASURED TARGET MET CONDITIONS
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$OUT/rows.tsv"; printf '| %s | %s | %s | %s | %s | %s |\n' "$@" >&2; }
