#!/usr/bin/env bash
# HR completions feed benchmark (issue 7): 1,000,000 completions, then
#   - a full sync through GET /api/v1/completions in pages of 1,000 (rows/s), five times: the
#     figure is the median of the last three (the first, right after start while the JIT compiler
#     is still at work, is printed too),
#   - the CSV export GET /api/v1/exports/completions.csv (rows/s, WildFly heap growth by jstat),
#   - an incremental page of 1,000 changes (latency, average and worst of 20).
# Prints figures (also to bench/feed/target/results.txt); it is not a test.
#
#   bench/feed/run.sh
#
# Starts its own Upskill (state in bench/feed/target/upskill-home, http port 8680, database
# upskill_bench_feed on the MariaDB at 127.0.0.1:3306, dropped and recreated), and stops it after
# (UPSKILL_BENCH_KEEP=true leaves it running, for profiling; stop it with UPSKILL_HOME=… upskill stop).
set -euo pipefail

DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$DIR/../.." && pwd)
TARGET="$DIR/target"
RESULTS="$TARGET/results.txt"
DB_NAME=upskill_bench_feed
PORT_OFFSET=600
BASE="http://127.0.0.1:$((8080 + PORT_OFFSET))"
KEYCLOAK=${UPSKILL_KEYCLOAK_URL:-http://localhost:8180}

say() { printf '%s\n' "$*" | tee -a "$RESULTS"; }
fail() { printf 'bench: %s\n' "$*" >&2; exit 1; }
sql() { mariadb --protocol=TCP -h 127.0.0.1 -P 3306 -uroot "$@"; }
command -v mariadb >/dev/null || fail "the mariadb client is missing (apt-get install mariadb-client)"
command -v curl >/dev/null || fail "curl is missing"
command -v jstat >/dev/null || fail "jstat (from the JDK) is missing"

export UPSKILL_HOME="$TARGET/upskill-home"
export UPSKILL_PORT_OFFSET=$PORT_OFFSET
export UPSKILL_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB_NAME?createDatabaseIfNotExist=true"
export UPSKILL_DB_USER=root UPSKILL_DB_PASSWORD= UPSKILL_DEMO_CONTENT=true
export UPSKILL_JAVA_OPTS="-Xms512m -Xmx1024m -XX:MaxMetaspaceSize=512m -Djava.net.preferIPv4Stack=true"
# Five full syncs of 1,000 pages each within a minute or so: more than the default 1,200 requests a
# minute per client, so the benchmark's client is given more (as a trust would give its HR system)
export UPSKILL_API_CLIENT_LIMITS=hr-demo=100000
unset UPSKILL_H2_PATH

STARTED=0
cleanup() {
  local rc=$?
  trap - EXIT
  [ "$STARTED" = 1 ] && [ "${UPSKILL_BENCH_KEEP:-false}" != true ] && "$REPO/upskill" stop >/dev/null 2>&1 || true
  exit "$rc"
}
trap cleanup EXIT

mkdir -p "$TARGET" "$UPSKILL_HOME/downloads"
: >"$RESULTS"
for zip in "$REPO"/.upskill/downloads/*.zip; do
  [ -f "$zip" ] || continue
  [ -e "$UPSKILL_HOME/downloads/${zip##*/}" ] || ln "$zip" "$UPSKILL_HOME/downloads/" 2>/dev/null ||
    cp "$zip" "$UPSKILL_HOME/downloads/"
done
say "Upskill completions feed benchmark ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs)"
sql -e "DROP DATABASE IF EXISTS $DB_NAME; CREATE DATABASE $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
STARTED=1
"$REPO/upskill" start >"$TARGET/start.log" 2>&1 || fail "Upskill did not start; see $TARGET/start.log"
PID=$(cat "$UPSKILL_HOME/run/wildfly-java.pid")

began=$SECONDS
sql "$DB_NAME" <"$DIR/generate-completions.sql" >"$TARGET/generate.log" || fail "the generator failed"
say "• generated 1,000,000 completions in $((SECONDS - began)) s; the feed holds $(sql -N "$DB_NAME" -e 'SELECT COUNT(*) FROM completion_change') changes (the demo data's first)"

TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=hr-demo -d client_secret=hr-demo-secret \
  "$KEYCLOAK/realms/upskill/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
[ -n "$TOKEN" ] || fail "no token from $KEYCLOAK"
auth=(-H "Authorization: Bearer $TOKEN")
page() { curl -s --max-time 60 "${auth[@]}" "$BASE/api/v1/completions?limit=1000${1:+&cursor=$1}"; }

# A first touch (connection pool, caches, the token's keys)
cursor=""
for _ in $(seq 1 20); do cursor=$(page "$cursor" | sed -n 's/.*"nextCursor":"\([^"]*\)".*/\1/p'); done

# 1. Full sync, pages of 1,000. The feed numbers its changes 1..N without gaps, so the
#    cursor each page hands out is known in advance (checked on one page below): one curl process
#    asks for every page in turn over one kept-alive connection, so the figure is the server's,
#    not the shell's.
total=$(sql -N "$DB_NAME" -e 'SELECT COUNT(*) FROM completion_change')
cursor_of() { printf 'v1:%s' "$1" | base64 | tr '+/' '-_' | tr -d '='; }
expected=$(cursor_of 1000)
actual=$(page "" | sed -n 's/.*"nextCursor":"\([^"]*\)".*/\1/p')
[ "$expected" = "$actual" ] || fail "the first page's cursor is $actual, not $expected"
config="$TARGET/pages.curl"
: >"$config"
for ((n = 0; n < total; n += 1000)); do
  if [ "$n" = 0 ]; then
    printf 'url = "%s/api/v1/completions?limit=1000"\noutput = "/dev/null"\n' "$BASE" >>"$config"
  else
    printf 'url = "%s/api/v1/completions?limit=1000&cursor=%s"\noutput = "/dev/null"\n' "$BASE" "$(cursor_of "$n")" >>"$config"
  fi
done
pages=$(grep -c '^url' "$config")
rates=()
full_sync() {
  local start end codes rate
  start=$(date +%s.%N)
  codes=$(curl -s "${auth[@]}" -w '%{http_code}\n' -K "$config" | sort | uniq -c | tr '\n' ' ')
  end=$(date +%s.%N)
  rate=$(awk -v r="$total" -v a="$start" -v b="$end" 'BEGIN{printf "%.0f", r/(b-a)}')
  rates+=("$rate")
  say "  sync $1: $total rows in $pages pages in $(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.1f", b-a}') s = $rate rows/s (HTTP statuses: $codes)"
}
# The JIT compiler (one C2 thread on two CPUs) is still compiling the request's path during the
# first syncs after a start; a server that has been up for a while (the nightly sync's case) runs
# it compiled. Five syncs: the first two are the warm-up (printed), the figure is the median of the
# other three.
say "• full sync, pages of 1,000, five times in a row:"
for run in 1 2 3 4 5; do full_sync "$run"; done
say "• full sync (median of syncs 3–5): $(printf '%s\n' "${rates[@]:2}" | sort -n | sed -n 2p) rows/s; right after start (sync 1): ${rates[0]} rows/s"

# 2. CSV export, with the heap sampled every 200 ms (used = S0U+S1U+EU+OU, in MB)
jcmd "$PID" GC.run >/dev/null 2>&1 || true
jstat -gc "$PID" 200 >"$TARGET/jstat.txt" &
JSTAT=$!
sleep 1
read -r size seconds < <(curl -s --max-time 600 "${auth[@]}" -o "$TARGET/completions.csv" \
  -w '%{size_download} %{time_total}\n' "$BASE/api/v1/exports/completions.csv")
sleep 1
kill "$JSTAT" 2>/dev/null || true
lines=$(($(wc -l <"$TARGET/completions.csv") - 1))
heap=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ { used=($3+$4+$6+$8)/1024; old=$8/1024;
              if (first=="") { first=used; oldfirst=old }
              if (used>max) max=used; if (old>oldmax) oldmax=old }
            END { printf "heap in use (young garbage included) %.0f → peak %.0f MB (+%.0f MB); old generation %.0f → peak %.0f MB (+%.0f MB)", first, max, max-first, oldfirst, oldmax, oldmax-oldfirst }' "$TARGET/jstat.txt")
say "• CSV export: $lines rows, $((size / 1048576)) MB in ${seconds} s = $(awk -v r="$lines" -v s="$seconds" 'BEGIN{printf "%.0f", r/s}') rows/s"
say "  $heap"

# 3. An incremental page: the last 1,000 changes after a stored cursor
last=$(sql -N "$DB_NAME" -e 'SELECT MAX(sequence_no) FROM completion_change')
incremental=$(printf 'v1:%s' "$((last - 1000))" | base64 | tr '+/' '-_' | tr -d '=')
for _ in 1 2 3; do curl -s -o /dev/null "${auth[@]}" "$BASE/api/v1/completions?limit=1000&cursor=$incremental"; done
times=()
for _ in $(seq 1 20); do
  times+=("$(curl -s -o /dev/null -w '%{time_total}' "${auth[@]}" "$BASE/api/v1/completions?limit=1000&cursor=$incremental")")
done
say "• incremental page of 1,000: $(printf '%s\n' "${times[@]}" | awk '{s+=$1; if ($1>m) m=$1} END {printf "average %.1f ms, worst %.1f ms over %d requests", s/NR*1000, m*1000, NR}')"
say "Goals: full sync ≥ 100,000 rows/s, export heap growth < 128 MB, incremental page < 50 ms."
