#!/usr/bin/env bash
# newman-pipeline.sh - the paper's scoring pipeline as a baseline, minus Docker.
#
# Usage: bench/newman-pipeline.sh APP_DIR PORT [NEWMAN_JSON]
#   APP_DIR      a Conduit app (e.g. made by bench/materialize.sh); started with its run.sh
#   PORT         port the app is told to listen on (env PORT)
#   NEWMAN_JSON  optional: where to keep Newman's JSON report (default: a temp file, deleted)
# Prints one line: "<passed> <total>" assertions, from the report's run.stats.assertions.
#
# Steps: a fresh `initdb` PostgreSQL 15 cluster (Debian's /usr/lib/postgresql/15/bin; run as
# `nobody` when we are root) in a new temp dir, on a random free port, superuser user/password
# and database conduit; set-up (`npm install` when APP_DIR has package.json); start the app in its
# own process group with PORT, DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, DB_NAME and DATABASE_URL;
# poll GET /api/health-check every 100 ms for up to 60 s; run Newman on the paper's collection
# (the run goes ahead even if the app never became healthy, as in the paper: every request then
# fails); finally, always (trap), stop the app's process group and PostgreSQL and delete the
# temp dir. Newman 6 is installed into bench/.newman on first use.
# Env: COLLECTION (default /work/shared/reference/constraint-decay/Conduit.postman_collection.json),
#      PG_BIN (default /usr/lib/postgresql/15/bin), VERBOSE=1 to keep app/Newman output on stderr,
#      TIMINGS=1 to print phase durations in ms on stderr ("timings: postgres=... setup=... ...").
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
COLLECTION="${COLLECTION:-/work/shared/reference/constraint-decay/Conduit.postman_collection.json}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
newman="$bench/.newman/node_modules/.bin/newman"

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  echo "usage: $0 APP_DIR PORT [NEWMAN_JSON]" >&2
  exit 2
fi
app="$(cd "$1" && pwd)"
port="$2"
keep_json="${3:-}"

log() { echo "newman-pipeline: $*" >&2; }
now_ms() { date +%s%3N; }
t0="$(now_ms)"

if [ ! -x "$newman" ]; then
  log "installing newman@6 into $bench/.newman"
  npm install --prefix "$bench/.newman" newman@6 --no-audit --no-fund >&2
fi

tmp="$(mktemp -d /tmp/newman-pipeline.XXXXXX)"
chmod 755 "$tmp"
app_pid=""
pg_pid=""

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$app_pid" ]; then
    kill -TERM -- "-$app_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 -- "-$app_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  if [ -n "$pg_pid" ]; then
    kill -INT "$pg_pid" 2>/dev/null || true   # fast shutdown
    for _ in $(seq 100); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pg_pid" 2>/dev/null || true
    wait "$pg_pid" 2>/dev/null || true
  fi
  rm -rf -- "$tmp"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- PostgreSQL: fresh cluster, run as nobody when root --------------------------------------
as_pg=()
if [ "$(id -u)" = 0 ]; then
  as_pg=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  chown 65534:65534 "$tmp"
fi
mkdir -p "$tmp/data" "$tmp/sock"
echo password > "$tmp/pwfile"
[ "$(id -u)" = 0 ] && chown 65534:65534 "$tmp/data" "$tmp/sock" "$tmp/pwfile"
chmod 700 "$tmp/data"

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
pg_port="$(free_port)"

"${as_pg[@]}" "$PG_BIN/initdb" -D "$tmp/data" -U user --pwfile="$tmp/pwfile" \
  --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --no-instructions >"$tmp/initdb.log" 2>&1 \
  || { cat "$tmp/initdb.log" >&2; log "initdb failed"; exit 1; }
echo "CREATE DATABASE conduit;" | "${as_pg[@]}" "$PG_BIN/postgres" --single -D "$tmp/data" postgres \
  >"$tmp/single.log" 2>&1 || { cat "$tmp/single.log" >&2; log "CREATE DATABASE failed"; exit 1; }

"${as_pg[@]}" "$PG_BIN/postgres" -D "$tmp/data" -p "$pg_port" -k "$tmp/sock" \
  -c listen_addresses=127.0.0.1 >"$tmp/postgres.log" 2>&1 &
pg_pid=$!
ready=0
for _ in $(seq 300); do
  if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$pg_port"; then ready=1; break; fi
  kill -0 "$pg_pid" 2>/dev/null || break
  sleep 0.1
done
if [ "$ready" != 1 ]; then
  cat "$tmp/postgres.log" >&2
  log "PostgreSQL did not become ready"
  exit 1
fi

t_pg="$(now_ms)"

# ---- the app ---------------------------------------------------------------------------------
app_out=/dev/null
[ "${VERBOSE:-0}" = 1 ] && app_out=/dev/stderr
if [ -f "$app/package.json" ]; then
  (cd "$app" && npm install --no-audit --no-fund --prefer-offline) >"$app_out" 2>&1 \
    || log "set-up (npm install) failed; starting the app anyway"
fi
t_setup="$(now_ms)"
if [ -f "$app/run.sh" ]; then
  start=(bash "$app/run.sh")
elif [ -f "$app/package.json" ]; then
  start=(npm start --prefix "$app")
else
  start=(python3 "$app/app.py")
fi
(
  cd "$app"
  export PORT="$port" DB_HOST=127.0.0.1 DB_PORT="$pg_port" DB_USER=user DB_PASSWORD=password \
    DB_NAME=conduit DATABASE_URL="postgresql://user:password@127.0.0.1:$pg_port/conduit"
  exec setsid "${start[@]}"
) </dev/null >"$app_out" 2>&1 &
app_pid=$!

healthy=0
deadline=$((SECONDS + 60))
while [ "$SECONDS" -lt "$deadline" ]; do
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/api/health-check" || true)"
  if [ "$code" = 200 ]; then healthy=1; break; fi
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.1
done
t_start="$(now_ms)"
[ "$healthy" = 1 ] || log "app not healthy (exited or 60 s passed); running Newman anyway"

# ---- Newman ----------------------------------------------------------------------------------
user="nm$(od -An -N5 -tx1 /dev/urandom | tr -d ' \n')"
json="${keep_json:-$tmp/newman.json}"
newman_out=/dev/null
[ "${VERBOSE:-0}" = 1 ] && newman_out=/dev/stderr
"$newman" run "$COLLECTION" \
  --env-var "APIURL=http://127.0.0.1:$port/api" \
  --env-var "USERNAME=$user" \
  --env-var "EMAIL=$user@decaybench.dev" \
  --env-var "PASSWORD=pw-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')" \
  --timeout-request 10000 \
  --reporters json --reporter-json-export "$json" >"$newman_out" 2>&1 || true   # exit 1 = failures
[ -s "$json" ] || { log "Newman wrote no report"; exit 1; }
t_suite="$(now_ms)"
if [ "${TIMINGS:-0}" = 1 ]; then
  log "timings: postgres=$((t_pg - t0)) setup=$((t_setup - t_pg)) start=$((t_start - t_setup))" \
    "newman=$((t_suite - t_start)) (ms; cleanup not included)"
fi

node -e '
  const s = require(process.argv[1]).run.stats.assertions;
  console.log(`${s.total - s.failed} ${s.total}`);
' "$(cd "$(dirname "$json")" && pwd)/$(basename "$json")"
