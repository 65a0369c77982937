#!/usr/bin/env bash
# Runs every test. Installs (Debian packages) and starts redis-server and PostgreSQL on private
# loopback ports for the run, points the tests at them, and stops them on exit; installs openssl (the v3
# signature tests verify with it), nodejs/npm with the tenpay npm SDK for the independent-client check, and
# chromium with chromedriver (the checkout browser tests). Then fuzzes the parsers briefly
# (fuzz/run.sh --smoke). The last line is always "Tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

REDIS_PORT="${GATEWAY_TEST_REDIS_PORT:-56379}"
PG_PORT="${GATEWAY_TEST_PG_PORT:-55432}"
STATE_DIR="$(mktemp -d /tmp/gateway-test.XXXXXX)"
chmod 755 "$STATE_DIR"

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

install_services() {
  local missing=()
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  [ -n "$(pg_bin)" ] || missing+=(postgresql)
  # node and npm run the tenpay SDK check (tests/Sdk.Tenpay) against the sandbox.
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  # The checkout browser tests drive Debian's headless chromium through its chromedriver.
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "test.sh: installing ${missing[*]}"
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

REDIS_PID=""
PG_DATA=""
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }

stop_services() {
  set +e
  if [ -n "$REDIS_PID" ]; then kill "$REDIS_PID" 2>/dev/null; wait "$REDIS_PID" 2>/dev/null; fi
  if [ -n "$PG_DATA" ] && [ -f "$PG_DATA/postmaster.pid" ]; then as_pg "'$(pg_bin)/pg_ctl' -D '$PG_DATA' -m fast -w stop" >/dev/null 2>&1; fi
  rm -rf "$STATE_DIR"
}
trap stop_services EXIT

start_services() {
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize no \
    --dir "$STATE_DIR" >"$STATE_DIR/redis.log" 2>&1 &
  REDIS_PID=$!

  PG_DATA="$STATE_DIR/pg"
  local pg_sock="$STATE_DIR/pgsock"
  mkdir -p "$PG_DATA" "$pg_sock"
  # PostgreSQL refuses to run as root: as root, the data and socket folders belong to 'postgres'.
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG_DATA" "$pg_sock"; fi
  as_pg "'$(pg_bin)/initdb' -D '$PG_DATA' -U gateway --auth=trust -E UTF8" >"$STATE_DIR/initdb.log" 2>&1
  as_pg "'$(pg_bin)/pg_ctl' -D '$PG_DATA' -o \"-p $PG_PORT -k '$pg_sock' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=500\" -l '$PG_DATA/server.log' -w start" >/dev/null

  # Up to 30 s: a loaded machine can be slow to start it.
  for _ in $(seq 1 300); do
    if redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then break; fi
    sleep 0.1
  done
  if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    echo "test.sh: redis-server did not start on 127.0.0.1:$REDIS_PORT:" >&2
    cat "$STATE_DIR/redis.log" >&2
    exit 1
  fi
}

install_services
start_services
# The tenpay npm SDK, exactly as locked, for the independent-client check (TenpaySdkTests).
npm ci --prefix tests/Sdk.Tenpay --no-audit --no-fund --loglevel=error >/dev/null
export GATEWAY_TEST_REDIS="127.0.0.1:$REDIS_PORT"
export GATEWAY_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=gateway;Database=postgres"
echo "test.sh: redis on $GATEWAY_TEST_REDIS, PostgreSQL on 127.0.0.1:$PG_PORT"

log="$STATE_DIR/dotnet-test.log"
status=0
dotnet test Gateway.sln --nologo "$@" 2>&1 | tee "$log" || status=$?

# The parsers of outside input, fuzzed for ~20 s each (fuzz/run.sh --smoke): a crash or hang fails the run.
# GATEWAY_TEST_FUZZ=0 skips it for a quick local run.
fuzz_summary="fuzz: skipped (GATEWAY_TEST_FUZZ=0)"
if [ "${GATEWAY_TEST_FUZZ:-1}" != "0" ]; then
  fuzz_status=0
  FUZZ_OUT="$STATE_DIR/fuzz" fuzz/run.sh --smoke 2>&1 | tee "$STATE_DIR/fuzz.log" || fuzz_status=$?
  fuzz_summary=$(grep -E '^fuzz: [0-9]+ targets' "$STATE_DIR/fuzz.log" | tail -n 1 || true)
  fuzz_summary=${fuzz_summary:-"fuzz: did not finish"}
  if [ "$fuzz_status" -ne 0 ] && [ "$status" -eq 0 ]; then status=$fuzz_status; fi
fi
# One closing line with the totals of every test project.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "$fuzz_summary"
echo "Tests: $passed passed, $failed failed"
exit "$status"
