#!/usr/bin/env bash
# The load benchmark (issue 12), one command, loopback only, stops everything it started:
#   bench/load/run.sh [--quick] [--store postgresql|sqlite|both]
# Builds the gateway (Release) and runs it in production mode against PostgreSQL (fsync on, private port)
# and then SQLite, with a fake WeChat upstream (bench/load/FakeWeChat) that signs its replies, and a bare
# Kestrel app (bench/load/BareKestrel) as the ceiling. After a warm-up it runs interleaved rounds of
# `wrk -t2 -c32`: bare, create, QR PNG, first-time notify (each over a distinct pending payment, ≥ 50,000
# seeded), duplicate notify; per workload: req/s, p50/p99, CPU-seconds per 1,000 requests of the gateway
# and of PostgreSQL (/proc), peak RSS, non-success replies, ratio to bare Kestrel. JSON in bench/load/out/.
# The last line is the PostgreSQL summary: "bench: create=R qr=R notify_first=R notify_dup=R".
set -euo pipefail
cd "$(dirname "$0")"
HERE="$PWD"
ROOT="$(cd ../.. && pwd)"

QUICK=0
STORES="postgresql sqlite"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --store) shift; STORES="${1/both/postgresql sqlite}" ;;
    *) echo "usage: $0 [--quick] [--store postgresql|sqlite|both]" >&2; exit 2 ;;
  esac
  shift
done

if [ "$QUICK" = 1 ]; then ROUNDS=1; SECONDS_PER=4; WARMUP=2; SEED=6000; TOPUP_SECONDS=15; CEILING_TX=300; else ROUNDS=3; SECONDS_PER=10; WARMUP=4; SEED=50000; TOPUP_SECONDS=60; CEILING_TX=1500; fi
ROUNDS="${BENCH_ROUNDS:-$ROUNDS}"; SECONDS_PER="${BENCH_SECONDS:-$SECONDS_PER}"; SEED="${BENCH_SEED:-$SEED}"
THREADS=2; CONNECTIONS=32
PROFILE="${BENCH_PROFILE:-0}"   # 1: profile the create and first-notify rounds (pg_stat_statements, WAL, perf of the gateway) into out/
QR_SET=1000           # pending payments the QR workload cycles over (never notified)
API_KEY="sk_bench_$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
WX_KEY="$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"   # 32 characters, the v2 key length
WX_APPID=wx2421b1c4370ec43b; WX_MCHID=10000100; INSTANCE=wxbench

STATE="$(mktemp -d /tmp/gateway-bench.XXXXXX)"; chmod 755 "$STATE"
OUT="$HERE/out"; mkdir -p "$OUT"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
PIDS=(); PG_DATA=""
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
log() { echo "bench: $*" >&2; }

cleanup() {
  set +e
  if [ -n "${WATCHDOG:-}" ]; then kill $(ps -o pid= --ppid "$WATCHDOG") "$WATCHDOG" 2>/dev/null; fi
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  if [ -n "$PG_DATA" ] && [ -f "$PG_DATA/postmaster.pid" ]; then as_pg "'$(pg_bin)/pg_ctl' -D '$PG_DATA' -m fast -w stop" >/dev/null 2>&1; fi
  rm -rf "$STATE"
}
trap cleanup EXIT
trap 'exit 143' TERM INT
WATCHDOG=""

# Each run's ports start from its own base (below the ephemeral range): two runs started at once on one machine
# would otherwise both find the same port free, and one would talk to the other's servers.
PORT_BASE=$(( 10000 + ($$ % 400) * 50 ))
free_port() { # a free loopback port from $1 upwards
  local p=$1
  while (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}

install_tools() {
  local missing=()
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v jq >/dev/null 2>&1 || missing+=(jq)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  [ -n "$(pg_bin)" ] || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

start_postgres() {
  PG_PORT="$(free_port "${BENCH_PG_PORT:-$((PORT_BASE + 30))}")"
  PG_DATA="$STATE/pg"; local sock="$STATE/pgsock"
  mkdir -p "$PG_DATA" "$sock"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG_DATA" "$sock"; fi
  as_pg "'$(pg_bin)/initdb' -D '$PG_DATA' -U gateway --auth=trust -E UTF8" >"$STATE/initdb.log" 2>&1
  # fsync and synchronous_commit stay on (the defaults): a notify is acknowledged only once durable.
  local profile=""
  [ "$PROFILE" = 0 ] || profile="-c shared_preload_libraries=pg_stat_statements,auto_explain -c pg_stat_statements.track=all -c track_wal_io_timing=on -c auto_explain.log_min_duration=3ms"
  as_pg "'$(pg_bin)/pg_ctl' -D '$PG_DATA' -o \"-p $PG_PORT -k '$sock' -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c max_connections=200 $profile\" -l '$PG_DATA/server.log' -w start" >/dev/null
  PG_MAIN="$(head -n 1 "$PG_DATA/postmaster.pid")"
}

alive() { kill -0 "$1" 2>/dev/null || { log "process $1 exited (its port taken?)"; return 1; }; }

wait_http() { # url
  for _ in $(seq 1 300); do curl -fs -o /dev/null "$1" && return 0; sleep 0.2; done
  log "no answer from $1"; return 1
}

ticks() { # utime+stime of a pid, plus its reaped children's (for PostgreSQL's exited backends)
  awk '{ print $14 + $15 + $16 + $17 }' "/proc/$1/stat" 2>/dev/null || echo 0
}
pg_ticks() {
  [ -n "${PG_MAIN:-}" ] || { echo 0; return; }
  local total; total=$(ticks "$PG_MAIN")
  for child in $(ps -o pid= --ppid "$PG_MAIN"); do total=$((total + $(ticks "$child"))); done
  echo "$total"
}

# wrk <name> <pid or 0> <url> <script> [args...]: one run; prints its JSON with CPU and peak RSS added.
run_wrk() {
  local name=$1 pid=$2 url=$3 script=$4; shift 4
  local gw0 pg0 peak=0 sampler
  gw0=$( [ "$pid" != 0 ] && ticks "$pid" || echo 0 ); pg0=$(pg_ticks)
  ( while :; do awk '/VmRSS/ { print $2 }' "/proc/$pid/status" 2>/dev/null; sleep 0.25; done ) >"$STATE/rss" 2>/dev/null & sampler=$!
  local json
  json=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --timeout 10s -s "$HERE/lua/$script" "$url" -- "$@" | grep '^{"requests"') ||
    { log "$name: wrk gave no result (did something stop it, or the process under test?)"; kill "$sampler" 2>/dev/null; return 1; }
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  peak=$(sort -n "$STATE/rss" | tail -n 1); peak=${peak:-0}
  local gw1 pg1 hz; gw1=$( [ "$pid" != 0 ] && ticks "$pid" || echo 0 ); pg1=$(pg_ticks); hz=$(getconf CLK_TCK)
  echo "$json" | jq -c --arg name "$name" --argjson gw "$(( gw1 - gw0 ))" --argjson pg "$(( pg1 - pg0 ))" --argjson hz "$hz" --argjson rss "$peak" \
    '. + {workload: $name, app_cpu_s_per_1k: (if .requests > 0 then ($gw / $hz) * 1000 / .requests else 0 end),
          pg_cpu_s_per_1k: (if .requests > 0 then ($pg / $hz) * 1000 / .requests else 0 end), peak_rss_mb: ($rss / 1024)}'
}

start_gateway() { # store
  local store=$1 conn
  if [ "$store" = postgresql ]; then
    as_pg "'$(pg_bin)/psql' -h 127.0.0.1 -p $PG_PORT -U gateway -d postgres -qc 'DROP DATABASE IF EXISTS bench' -c 'CREATE DATABASE bench'" >/dev/null 2>&1
    conn="Host=127.0.0.1;Port=$PG_PORT;Username=gateway;Database=bench;Maximum Pool Size=64${BENCH_PG_OPTIONS:+;$BENCH_PG_OPTIONS}"   # BENCH_PG_OPTIONS: more Npgsql settings, for A/B runs
    PROVIDER=PostgreSql
  else
    conn="Data Source=$STATE/bench.db"; PROVIDER=Sqlite
  fi
  GW_PORT="$(free_port $((PORT_BASE + 20)))"
  (
    cd "$ROOT/src/Gateway/bin/Release/net10.0"
    export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
    export Gateway__PublicBaseUrl="http://127.0.0.1:$GW_PORT" Gateway__Admin__Enabled=false
    export Gateway__Clients__bench__ApiKeySha256="$(echo -n "$API_KEY" | sha256sum | cut -d' ' -f1)"
    export Gateway__Store__Provider="$PROVIDER" Gateway__Store__ConnectionString="$conn"
    export Gateway__Routes__native__Channel=wechat.native Gateway__Routes__native__Instances__0="$INSTANCE"
    export Gateway__Providers__${INSTANCE}__Plugin=WeChatNative Gateway__Providers__${INSTANCE}__Settings__AppId="$WX_APPID"
    export Gateway__Providers__${INSTANCE}__Settings__MchId="$WX_MCHID" Gateway__Providers__${INSTANCE}__Settings__ApiKey="$WX_KEY"
    export Gateway__Providers__${INSTANCE}__Settings__SignType=MD5 Gateway__Providers__${INSTANCE}__Settings__BaseUrl="http://127.0.0.1:$FAKE_PORT"
    # The benchmark measures the work, not the limiters: every bucket far above what one box can do.
    for limit in Default Notify Clients__bench; do
      export "Gateway__RateLimits__${limit}__PermitsPerSecond=1000000" "Gateway__RateLimits__${limit}__Burst=1000000"
    done
    export Gateway__Reconciliation__Enabled=false
    # The rounds measure request paths: the background query of each seeded payment (first at 30 s by default)
    # would land, tens of thousands at once, in whichever round runs then. None is due within the run.
    export Gateway__Sync__Schedule__0=01:00:00
    export Gateway__Checkout__TokenKey="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"   # required in production
    [ "$PROFILE" = 0 ] || export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0   # JIT symbols for perf
    exec dotnet Gateway.dll --urls "http://127.0.0.1:$GW_PORT"
  ) >"$STATE/gateway-$store.log" 2>&1 &
  GW_PID=$!; PIDS+=("$GW_PID")
  wait_http "http://127.0.0.1:$GW_PORT/health/ready" && alive "$GW_PID" || { tail -n 40 "$STATE/gateway-$store.log" >&2; exit 1; }
}

stop_gateway() { kill "$GW_PID" 2>/dev/null; wait "$GW_PID" 2>/dev/null || true; }

psql_bench() { as_pg "'$(pg_bin)/psql' -h 127.0.0.1 -p $PG_PORT -U gateway -d bench -X -q $*"; }

# BENCH_PROFILE=1: statement and WAL figures of PostgreSQL, and a perf profile of the gateway (if perf is installed), per round profiled.
profile_begin() { # store
  if [ "$1" = postgresql ]; then
    printf '%s\n' 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements;' 'SELECT pg_stat_statements_reset();' "SELECT pg_stat_reset_shared('wal');" > "$STATE/reset.sql"
    psql_bench "-f '$STATE/reset.sql'" >/dev/null
  fi
  if command -v perf >/dev/null 2>&1; then
    perf record -q -e cpu-clock -F 499 -g -p "$GW_PID" -o "$STATE/perf.data" -- sleep "$SECONDS_RUN" >/dev/null 2>&1 & PERF_PID=$!
  fi
}
profile_end() { # store round requests [workload]: writes out/profile-<stamp>-<store>-<workload>-<round>.txt
  local workload=${4:-notify_first}; local file="$OUT/profile-$STAMP-$1-$workload-$2.txt" n=$3
  {
    echo "$workload, $1, round $2: $n requests (profiled: pg_stat_statements and perf add their own cost)"
    if [ "$1" = postgresql ]; then
      cat > "$STATE/profile.sql" <<SQL
\pset pager off
SELECT round(calls::numeric / $n, 2) AS per_request, round((total_exec_time * 1000 / $n)::numeric, 1) AS exec_us_per_request,
  round((mean_exec_time * 1000)::numeric, 1) AS mean_us, round((shared_blks_hit + shared_blks_read)::numeric / greatest(calls, 1), 1) AS blks,
  round(shared_blks_dirtied::numeric / greatest(calls, 1), 2) AS dirtied, round(wal_records::numeric / greatest(calls, 1), 1) AS wal_rec,
  round(wal_fpi::numeric / greatest(calls, 1), 2) AS wal_fpi, round(wal_bytes / greatest(calls, 1)) AS wal_bytes,
  left(regexp_replace(query, '\s+', ' ', 'g'), 100) AS query
FROM pg_stat_statements WHERE calls >= $n / 100 ORDER BY total_exec_time DESC;
SELECT round(wal_records::numeric / $n, 1) AS wal_records_per_request, round(wal_fpi::numeric / $n, 2) AS wal_fpi_per_request,
  round(wal_bytes / $n) AS wal_bytes_per_request, round(wal_write::numeric / $n, 3) AS wal_writes_per_request,
  round(wal_sync::numeric / $n, 3) AS wal_syncs_per_request, round((wal_sync_time / greatest(wal_sync, 1) * 1000)::numeric) AS us_per_wal_sync FROM pg_stat_wal;
SQL
      psql_bench "-f '$STATE/profile.sql'" 2>&1
    fi
    if [ "$1" = postgresql ]; then
      echo "plan nodes of the statements over 3 ms (auto_explain), by count:"
      grep -E '(Scan|Insert on|Update on|Query Text: [A-Z]+ [A-Z]+ [a-z_]+)' "$PG_DATA/server.log" | sed -E 's/\(cost=[^)]*\)//; s/^.*(Query Text: )/\1/' | cut -c1-120 | sort | uniq -c | sort -rn | head -n 20 || true
      : > "$PG_DATA/server.log"
    fi
    if [ -n "${PERF_PID:-}" ]; then
      wait "$PERF_PID" 2>/dev/null || true; PERF_PID=""
      echo "gateway CPU profile (perf, cpu-clock): self time by shared object, then by symbol"
      perf report -i "$STATE/perf.data" --no-children --sort dso,symbol --stdio -g none 2>/dev/null | awk -f "$HERE/perf-groups.awk" | sort -rn
      perf report -i "$STATE/perf.data" --no-children --sort dso,symbol --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -n 60 || true
    fi
  } > "$file"
  log "$1: profile of $workload round $2 in $file"
}

# The database's own ceiling for a first notify: pgbench runs its database work (bench/load/pg/ceiling-notify.sql:
# the conditional transition and the inbox row, one transaction, one commit) with wrk's concurrency and no gateway,
# on copies of the gateway's tables (bench/load/pg/ceiling-setup.sql). What PostgreSQL alone does on this box
# bounds what a first notify through the gateway can reach.
ceiling_setup() { # rows
  psql_bench "-v ON_ERROR_STOP=1 -v rows=$1 -f '$HERE/pg/ceiling-setup.sql'" >/dev/null
}
run_ceiling() { # workload script transactions-per-connection: prints one JSON object like run_wrk's
  local name=$1 script=$2; shift 2
  local pg0 pg1 hz cpu tps n failed lat
  rm -f "$STATE"/ceiling.*
  pg0=$(pg_ticks)
  TIMEFORMAT='%3U %3S'
  { time (cd "$STATE" && "$(pg_bin)/pgbench" -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -t "$1" -l --log-prefix=ceiling \
      -h 127.0.0.1 -p "$PG_PORT" -U gateway -f "$HERE/pg/$script" bench >"$STATE/pgbench.out" 2>&1); } 2>"$STATE/pgbench.time" ||
    { log "pgbench failed:"; tail -n 20 "$STATE/pgbench.out" >&2; return 1; }
  pg1=$(pg_ticks); hz=$(getconf CLK_TCK)
  cpu=$(awk '{ print $1 + $2 }' "$STATE/pgbench.time")
  tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$STATE/pgbench.out")
  n=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$STATE/pgbench.out")
  failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$STATE/pgbench.out"); failed=${failed:-0}
  lat="$STATE/ceiling.lat"; cat "$STATE"/ceiling.[0-9]* | awk '{ print $3 / 1000 }' | sort -n > "$lat"
  jq -nc --argjson n "${n:-0}" --argjson tps "${tps:-0}" --argjson failed "$failed" --argjson pg "$(( pg1 - pg0 ))" --argjson hz "$hz" \
    --argjson cpu "$cpu" --argjson p50 "$(awk -v q=0.50 '{ a[NR] = $1 } END { print NR ? a[int((NR - 1) * q) + 1] : 0 }' "$lat")" \
    --argjson p99 "$(awk -v q=0.99 '{ a[NR] = $1 } END { print NR ? a[int((NR - 1) * q) + 1] : 0 }' "$lat")" --argjson threads "$THREADS" --arg name "$name" \
    '{ requests: $n, seconds: (if $tps > 0 then $n / $tps else 0 end), rps: $tps, p50_ms: $p50, p99_ms: $p99, socket_errors: 0,
       status_errors: $failed, bad_replies: 0, consumed_min: 0, consumed_max: 0, threads: $threads, overflow: 0, workload: $name,
       app_cpu_s_per_1k: 0, client_cpu_s_per_1k: (if $n > 0 then $cpu * 1000 / $n else 0 end),
       pg_cpu_s_per_1k: (if $n > 0 then ($pg / $hz) * 1000 / $n else 0 end), peak_rss_mb: 0 }'
}

orders() { curl -fs "http://127.0.0.1:$FAKE_PORT/bench/orders"; }

# Writes this store's signed notifies (orders since line $1 of the fake upstream's list) to $2, leaving out the QR set.
write_notifies() { # base file
  curl -fs -X POST "http://127.0.0.1:$FAKE_PORT/bench/notifies?path=$STATE/all.txt&appId=$WX_APPID&mchId=$WX_MCHID" >/dev/null
  tail -n +"$(($1 + 1))" "$STATE/all.txt" | grep -vFf "$QR_IDS" > "$2" || true
}

bench_store() { # store: prints one JSON object per measured run (rounds only), to $OUT_RUNS
  local store=$1 url
  start_gateway "$store"; url="http://127.0.0.1:$GW_PORT"
  local base; base=$(orders)
  log "$store: seeding $SEED pending payments through create"
  local tag=0
  while [ $(( $(orders) - base )) -lt "$SEED" ]; do
    tag=$((tag + 1)); SECONDS_RUN=$(( SECONDS_PER > 10 ? SECONDS_PER : 10 ))
    run_wrk seed "$GW_PID" "$url" create.lua "$API_KEY" "$store-seed$tag-$STAMP" >/dev/null
  done
  # The QR set: payments whose create answered 201 (so their QR is stored), never notified (left out of the file).
  QR_IDS="$STATE/qr-ids-$store.txt"; rm -f "$STATE/qr-created-$store".*
  SECONDS_RUN=2
  while [ "$(cat "$STATE/qr-created-$store".* 2>/dev/null | wc -l)" -lt "$QR_SET" ]; do
    tag=$((tag + 1))
    run_wrk seed "$GW_PID" "$url" create.lua "$API_KEY" "$store-qr$tag-$STAMP" "$STATE/qr-created-$store" >/dev/null
  done
  # awk reads to the end: "| head" would stop cat with SIGPIPE, which pipefail turns into a silent exit.
  cat "$STATE/qr-created-$store".* | awk -v n="$QR_SET" 'NR <= n' > "$QR_IDS"
  local notifies="$STATE/notifies-$store.txt"
  write_notifies "$base" "$notifies"
  local first_limit next=0
  first_limit=$(wc -l < "$notifies")
  log "$store: $first_limit payments to notify, warming up"

  SECONDS_RUN=$WARMUP
  run_wrk warmup "$GW_PID" "$url" qr.lua "$QR_IDS" >/dev/null
  # Lines every thread had sent (less what may still have been in flight) are surely notified: the duplicate
  # set. A slow box notifies few in a short warm-up: then it warms up longer from the same first line.
  local w dup_count=0 try
  for try in 1 2 3; do
    w=$(run_wrk warmup "$GW_PID" "$url" notify.lua "$notifies" 0 "$first_limit" "$INSTANCE" "$THREADS" first)
    dup_count=$(( ( $(echo "$w" | jq .consumed_min) - CONNECTIONS / THREADS ) * THREADS ))
    [ "$dup_count" -lt 500 ] || break
    SECONDS_RUN=$(( SECONDS_RUN * 3 ))
  done
  # The next first notify is past every line any thread sent.
  next=$(( $(echo "$w" | jq '.consumed_max * .threads') ))
  [ "$dup_count" -gt 0 ] || { log "warm-up notified no payment: $w"; exit 1; }
  run_wrk warmup "$GW_PID" "$url" notify.lua "$notifies" 0 "$dup_count" "$INSTANCE" "$THREADS" replay >/dev/null

  if [ "$store" = postgresql ]; then
    log "$store: $(( CONNECTIONS * CEILING_TX * ROUNDS )) pending payments for the database ceiling (pgbench)"
    ceiling_setup $(( CONNECTIONS * CEILING_TX * ROUNDS ))
  fi

  SECONDS_RUN=$SECONDS_PER
  # SQLite gets one round: its figures are for comparison, and the whole run stays within its time bound.
  local rounds=$ROUNDS; [ "$store" = postgresql ] || rounds=1
  # Enough pending payments for every first-notify round at the warm-up's rate (+50 %)? Else create more, for at
  # most TOPUP_SECONDS; a round that still runs out stops early rather than send duplicates (and says so).
  local rate need have
  rate=$(echo "$w" | jq '.rps | floor'); need=$(( rate * SECONDS_PER * rounds * 3 / 2 )); have=$(( first_limit - next ))
  if [ "$have" -lt "$need" ]; then
    log "$store: $have pending payments left, $need wanted at $rate notifies/s: creating more (at most ${TOPUP_SECONDS}s)"
    local deadline=$(( $(date +%s) + TOPUP_SECONDS )) mark
    mark=$(orders)
    SECONDS_RUN=5
    while [ $(( $(orders) - mark )) -lt $(( need - have )) ] && [ "$(date +%s)" -lt "$deadline" ]; do
      tag=$((tag + 1)); run_wrk seed "$GW_PID" "$url" create.lua "$API_KEY" "$store-seed$tag-$STAMP" >/dev/null
    done
    write_notifies "$base" "$notifies"   # the same lines first (same order), the new ones after
    first_limit=$(wc -l < "$notifies")
    SECONDS_RUN=$SECONDS_PER
  fi

  for round in $(seq 1 "$rounds"); do
    log "$store: round $round/$rounds"
    run_wrk bare "$BARE_PID" "http://127.0.0.1:$BARE_PORT" bare.lua | jq -c --arg s "$store" --argjson r "$round" '. + {store: $s, round: $r}'
    [ "$PROFILE" = 0 ] || profile_begin "$store"
    local c; c=$(run_wrk create "$GW_PID" "$url" create.lua "$API_KEY" "$store-r$round-$STAMP")
    [ "$PROFILE" = 0 ] || profile_end "$store" "$round" "$(echo "$c" | jq .requests)" create
    echo "$c" | jq -c --arg s "$store" --argjson r "$round" '. + {store: $s, round: $r}'
    run_wrk qr "$GW_PID" "$url" qr.lua "$QR_IDS" | jq -c --arg s "$store" --argjson r "$round" '. + {store: $s, round: $r}'
    [ "$PROFILE" = 0 ] || profile_begin "$store"
    local f; f=$(run_wrk notify_first "$GW_PID" "$url" notify.lua "$notifies" "$next" "$((first_limit - next))" "$INSTANCE" "$THREADS" first)
    echo "$f" | jq -c --arg s "$store" --argjson r "$round" '. + {store: $s, round: $r}'
    [ "$PROFILE" = 0 ] || profile_end "$store" "$round" "$(echo "$f" | jq .requests)"
    [ "$(echo "$f" | jq .overflow)" = 0 ] ||
      log "$store: notify_first round $round ran out of pending payments after $(echo "$f" | jq .seconds) s (raise BENCH_SEED); it stopped there, no duplicate sent"
    next=$(( next + $(echo "$f" | jq '.consumed_max * .threads') ))
    run_wrk notify_dup "$GW_PID" "$url" notify.lua "$notifies" 0 "$dup_count" "$INSTANCE" "$THREADS" replay | jq -c --arg s "$store" --argjson r "$round" '. + {store: $s, round: $r}'
    if [ "$store" = postgresql ]; then
      run_ceiling db_create ceiling-create.sql "$CEILING_TX" | jq -c --arg s "$store" --argjson r "$round" '. + {store: $s, round: $r}'
      run_ceiling db_notify ceiling-notify.sql "$CEILING_TX" | jq -c --arg s "$store" --argjson r "$round" '. + {store: $s, round: $r}'
    fi
  done
  stop_gateway
}

install_tools
log "building (Release)"
for project in "$ROOT/src/Gateway" "$HERE/FakeWeChat" "$HERE/BareKestrel"; do
  dotnet build "$project" -c Release --nologo -v q -clp:ErrorsOnly >"$STATE/build.log" 2>&1 || { cat "$STATE/build.log" >&2; exit 1; }
done

# Bounded in time whatever happens: the measuring stops itself after 10 minutes (the build before may take
# longer on a busy machine, and is not counted).
( sleep 600; log "time limit reached, stopping"; kill -TERM $$ ) 2>/dev/null & WATCHDOG=$!

FAKE_PORT="$(free_port "$PORT_BASE")"
dotnet "$HERE/FakeWeChat/bin/Release/net10.0/FakeWeChat.dll" --urls "http://127.0.0.1:$FAKE_PORT" --Key "$WX_KEY" >"$STATE/fake.log" 2>&1 &
FAKE_PID=$!; PIDS+=("$FAKE_PID")
BARE_PORT="$(free_port $((PORT_BASE + 10)))"
dotnet "$HERE/BareKestrel/bin/Release/net10.0/BareKestrel.dll" --urls "http://127.0.0.1:$BARE_PORT" >"$STATE/bare.log" 2>&1 &
BARE_PID=$!; PIDS+=("$BARE_PID")
wait_http "http://127.0.0.1:$FAKE_PORT/bench/orders" && alive "$FAKE_PID" || { cat "$STATE/fake.log" >&2; exit 1; }
wait_http "http://127.0.0.1:$BARE_PORT/" && alive "$BARE_PID" || { cat "$STATE/bare.log" >&2; exit 1; }

RUNS="$STATE/runs.jsonl"; : > "$RUNS"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
for store in $STORES; do
  if [ "$store" = postgresql ]; then start_postgres; else PG_MAIN=""; fi
  bench_store "$store" >> "$RUNS"
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

# Per store and workload: medians over the rounds, and the ratio to the same rounds' bare Kestrel.
RESULT="$OUT/load-$STAMP.json"
jq -s --arg load_before "$LOAD_BEFORE" --arg load_after "$LOAD_AFTER" --arg cpu "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)" \
  --argjson cores "$(nproc)" --arg quick "$QUICK" '
  # A reply the script counts bad is also a wrk status error when its status is >= 400: counted once.
  def median: sort | if length == 0 then 0 else .[(length - 1) / 2 | floor] end;
  group_by(.store) | map(
    . as $runs | ($runs | map(select(.workload == "bare") | .rps) | median) as $bare |
    { key: $runs[0].store, value: ($runs | group_by(.workload) | map({ key: .[0].workload, value: {
        rps: (map(.rps) | median), p50_ms: (map(.p50_ms) | median), p99_ms: (map(.p99_ms) | median),
        app_cpu_s_per_1k: (map(.app_cpu_s_per_1k) | median), pg_cpu_s_per_1k: (map(.pg_cpu_s_per_1k) | median),
        client_cpu_s_per_1k: (map(.client_cpu_s_per_1k // 0) | median),
        peak_rss_mb: (map(.peak_rss_mb) | max), non_success: (map(.socket_errors + ([.status_errors, .bad_replies] | max)) | add),
        ratio: (if $bare > 0 then ((map(.rps) | median) / $bare * 1000 | round / 1000) else 0 end) } }) | from_entries) }
  ) | from_entries | { machine: { cpu: $cpu, cores: $cores, load_before: $load_before, load_after: $load_after }, quick: ($quick == "1"),
      wrk: "-t'"$THREADS"' -c'"$CONNECTIONS"' -d'"$SECONDS_PER"'s", stores: ., runs: $runs }' \
  --slurpfile runs "$RUNS" "$RUNS" > "$RESULT"

echo
printf '%-11s %-13s %10s %8s %8s %11s %10s %8s %6s %6s\n' store workload req/s p50ms p99ms gwCPUs/1k pgCPUs/1k rssMB bad ratio
jq -r '.stores | to_entries[] | .key as $s | .value | to_entries[] |
  [$s, .key, (.value.rps | floor), .value.p50_ms, .value.p99_ms, (.value.app_cpu_s_per_1k * 1000 | round / 1000),
   (.value.pg_cpu_s_per_1k * 1000 | round / 1000), (.value.peak_rss_mb | floor), .value.non_success, .value.ratio] | @tsv' "$RESULT" |
  while IFS=$'\t' read -r s w r p50 p99 gc pc rss bad ratio; do
    printf '%-11s %-13s %10s %8.2f %8.2f %11s %10s %8s %6s %6s\n' "$s" "$w" "$r" "$p50" "$p99" "$gc" "$pc" "$rss" "$bad" "$ratio"
  done
echo "machine: $(nproc) cores, load average before $LOAD_BEFORE, after $LOAD_AFTER; results: $RESULT"
bad=$(jq '[.stores[][] | .non_success] | add' "$RESULT")
[ "$bad" = 0 ] || log "WARNING: $bad non-success replies (must be 0)"
jq -r '.stores.postgresql as $w | [["db_create", "create"], ["db_notify", "first notify"]][] | select($w[.[0]]) | $w[.[0]] as $c |
  "ceiling: PostgreSQL alone runs a \(.[1])'"'"'s database work at \($c.rps | floor)/s (pgbench -c'"$CONNECTIONS"', no gateway): \($c.ratio) of bare Kestrel, \($c.pg_cpu_s_per_1k * 1000 | round / 1000) ms of PostgreSQL CPU each"' "$RESULT"
summary_store=$(jq -r '.stores | if has("postgresql") then "postgresql" else keys[0] end' "$RESULT")
jq -r --arg s "$summary_store" '.stores[$s] as $w |
  "bench: create=\($w.create.ratio) qr=\($w.qr.ratio) notify_first=\($w.notify_first.ratio) notify_dup=\($w.notify_dup.ratio)"' "$RESULT"
