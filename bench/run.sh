#!/usr/bin/env bash
# Upskill load benchmark: catalogue page, a course page and the catalogue JSON against the trivial
# GET /api/ping on the same WildFly in the same run. Prints figures; it is not a test.
#
#   bench/run.sh
#
# Starts its own Upskill (state in bench/target/upskill-home, http port 8580, database
# upskill_bench on the MariaDB at 127.0.0.1:3306, which it drops and recreates), loads the data
# (bench/generate-data.sql), runs wrk against 127.0.0.1 only, prints the table (also written to
# bench/target/results.txt) and stops what it started, also on failure or CTRL-C.
# Settings (all optional): BENCH_WARMUP (s per endpoint, 10), BENCH_DURATION (s per endpoint, 20),
# BENCH_THREADS (2), BENCH_CONNECTIONS (16). See bench/README.md.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH_DIR")
TARGET="$BENCH_DIR/target"
RESULTS="$TARGET/results.txt"

DB_HOST=127.0.0.1
DB_PORT=3306
DB_NAME=upskill_bench
PORT_OFFSET=500
BASE="http://127.0.0.1:$((8080 + PORT_OFFSET))"

say() { printf '%s\n' "$*"; }
step() { printf '• %s\n' "$*"; }
fail() { printf 'bench: %s\n' "$*" >&2; exit 1; }

number_setting() { # name default max
  local value=${!1:-$2}
  [[ "$value" =~ ^[0-9]+$ ]] && [ "$value" -ge 1 ] && [ "$value" -le "$3" ] ||
    fail "$1=$value: expected a whole number from 1 to $3"
  printf '%s' "$value"
}
WARMUP=$(number_setting BENCH_WARMUP 10 60)
DURATION=$(number_setting BENCH_DURATION 20 120)
THREADS=$(number_setting BENCH_THREADS 2 16)
CONNECTIONS=$(number_setting BENCH_CONNECTIONS 16 256)
[ "$CONNECTIONS" -ge "$THREADS" ] || fail "BENCH_CONNECTIONS must be at least BENCH_THREADS"

# The benchmark's own Upskill: its own state folder, ports and database.
export UPSKILL_HOME="$TARGET/upskill-home"
export UPSKILL_PORT_OFFSET=$PORT_OFFSET
export UPSKILL_DB_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$DB_NAME?createDatabaseIfNotExist=true"
export UPSKILL_DB_USER=root
export UPSKILL_DB_PASSWORD=
export UPSKILL_DEMO_CONTENT=true
unset UPSKILL_H2_PATH

# --- tools -------------------------------------------------------------------------------------------

apt_install() { # package
  [ "$(id -u)" = 0 ] || fail "$1 is missing; install it with: sudo apt-get install -y $1"
  step "Installing $1 from Debian's packages"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null 2>&1 ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null; } ||
    fail "Could not install $1 with apt-get"
}
command -v wrk >/dev/null 2>&1 || apt_install wrk
command -v curl >/dev/null 2>&1 || apt_install curl
if command -v mariadb >/dev/null 2>&1; then SQL_CLIENT=mariadb
elif command -v mysql >/dev/null 2>&1; then SQL_CLIENT=mysql
else apt_install mariadb-client; SQL_CLIENT=mariadb; fi
sql() { "$SQL_CLIENT" --protocol=TCP -h "$DB_HOST" -P "$DB_PORT" -uroot "$@"; }

# --- start and stop ----------------------------------------------------------------------------------

STARTED=0
WRK_RUNNING=0
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ "$STARTED" = 1 ]; then
    step "Stopping the benchmark's Upskill"
    "$REPO/upskill" stop >/dev/null 2>&1 || say "  (./upskill stop failed; see $UPSKILL_HOME/run)"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'say ""; say "Interrupted."; exit 130' INT
trap 'exit 143' TERM

mkdir -p "$TARGET" "$UPSKILL_HOME/downloads"
BEGAN=$SECONDS
say "Upskill load benchmark ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load average $(cut -d" " -f1-3 /proc/loadavg))"

sql -e "SELECT 1" >/dev/null 2>&1 ||
  fail "Cannot reach MariaDB/MySQL at $DB_HOST:$DB_PORT as root with an empty password."

# A benchmark instance left over from an interrupted run would keep the old database open.
if [ -f "$UPSKILL_HOME/run/wildfly.pid" ] && kill -0 "$(cat "$UPSKILL_HOME/run/wildfly.pid")" 2>/dev/null; then
  step "Stopping a benchmark Upskill left over from an earlier run"
  "$REPO/upskill" stop >/dev/null 2>&1 || true
fi

recreate_database() {
  sql -e "DROP DATABASE IF EXISTS \`$DB_NAME\`;
          CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
}

# The developer's cached WildFly and Keycloak zips save a Maven download (hard link, else copy).
for zip in "$REPO"/.upskill/downloads/*.zip; do
  [ -f "$zip" ] || continue
  [ -e "$UPSKILL_HOME/downloads/${zip##*/}" ] ||
    ln "$zip" "$UPSKILL_HOME/downloads/" 2>/dev/null || cp "$zip" "$UPSKILL_HOME/downloads/"
done

step "Starting Upskill for the benchmark on port $((8080 + PORT_OFFSET)) on a fresh database $DB_NAME (log: $TARGET/start.log)"
STARTED=1
started_at=$SECONDS
sources_changed_since() { # file: is any source of the EAR newer than it?
  [ -n "$(find "$REPO/pom.xml" "$REPO/ejb" "$REPO/web" "$REPO/api" "$REPO/ear/pom.xml" "$REPO/ear/src/main" \
      -newer "$1" -type f -not -path '*/target/*' -print -quit 2>/dev/null)" ]
}
for attempt in 1 2 3; do
  # A fresh database each time, so that Flyway and the demo content run on start.
  recreate_database
  if "$REPO/upskill" start >"$TARGET/start.log" 2>&1; then break; fi
  # Someone may be half-way through an edit of the sources: give them a minute, then try again.
  # A failed build is always retried; a failed deployment only when the sources changed since.
  failed="$UPSKILL_HOME/wildfly-$(sed -n 's:.*<version.wildfly>\(.*\)</version.wildfly>.*:\1:p' "$REPO/pom.xml" | head -n 1)/standalone/deployments/upskill.ear.failed"
  cause=""
  [ -f "$failed" ] && cause=$(grep -o 'Caused by: [^"]*' "$failed" | tail -n 1 | cut -c1-300 | sed 's/\\$//')
  sed 's/^/  /' "$TARGET/start.log" | grep -E '^  (•|upskill:)' >&2 || true
  [ -z "$cause" ] || say "  $cause" >&2
  [ "$attempt" -lt 3 ] || fail "Upskill did not start after $attempt attempts; see $TARGET/start.log"
  if grep -q "The build failed" "$TARGET/start.log"; then
    say "  the build failed (see $UPSKILL_HOME/logs/build.log); trying again in 60 s"
    sleep 60
  elif grep -q "Deploying Upskill failed" "$TARGET/start.log"; then
    say "  the deployment failed; trying again in 60 s if the sources change meanwhile"
    sleep 60
    sources_changed_since "$REPO/ear/target/upskill.ear" ||
      fail "Upskill did not deploy and its sources did not change; see $UPSKILL_HOME/logs/wildfly.log"
  else
    fail "Upskill did not start; see $TARGET/start.log"
  fi
done
grep '^•' "$TARGET/start.log" | sed 's/^/  /' || true
START_SECONDS=$((SECONDS - started_at))

step "Loading the benchmark data (bench/generate-data.sql)"
generator_began=$SECONDS
COUNTS=$(sql --table "$DB_NAME" <"$BENCH_DIR/generate-data.sql") || fail "The data generator failed."
GENERATOR_SECONDS=$((SECONDS - generator_began))
say "$COUNTS" | sed 's/^/  /'
say "  (in ${GENERATOR_SECONDS}s)"

# --- which endpoints are there -----------------------------------------------------------------------

http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$BASE$1" || printf '000'; }

NAMES=()
PATHS=()
NOTES=()
SKIPPED=()
HDRS=()
add() { NAMES+=("$1"); PATHS+=("$2"); HDRS+=("${3:-X-Bench: 1}"); }
# A request that names a session (as every browser after its first page does) bypasses the
# anonymous page cache: this measures rendering the page from the database each time.
UNCACHED="Cookie: JSESSIONID=bench-without-page-cache"

add "trivial" "/api/ping"
if [ "$(http_code /courses)" = 404 ]; then
  add "catalogue page" "/"
  add "catalogue search" "/?q=python"
  SKIPPED+=("/courses answers 404: measured the catalogue on / instead")
else
  add "catalogue page" "/courses"
  add "catalogue search" "/courses?q=python"
  add "catalogue, uncached" "/courses" "$UNCACHED"
fi
if [ "$(http_code /courses/PY-CLIN)" = 404 ]; then
  SKIPPED+=("course page /courses/PY-CLIN answers 404 (not there yet): not measured")
else
  add "course page" "/courses/PY-CLIN"
  add "course, uncached" "/courses/PY-CLIN" "$UNCACHED"
fi
add "catalogue JSON" "/api/v1/courses?page=1&pageSize=20"

total=$(curl -s --max-time 30 "$BASE/api/v1/courses?page=1&pageSize=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
say "  /api/v1/courses reports ${total:-?} published courses"

# What each endpoint answers before the load: status, size, whether it starts a session, and about
# how many SQL statements one request sends (MariaDB's server-wide Questions counter over 20
# requests one after the other, less the one SHOW STATUS: approximate when other clients are busy).
questions() { sql -N -e "SHOW GLOBAL STATUS LIKE 'Questions'" | awk '{print $2}'; }
SAMPLES=20
for i in "${!PATHS[@]}"; do
  headers=$(curl -s -D - -o "$TARGET/sample-$i.body" --max-time 30 -H "${HDRS[$i]}" "$BASE${PATHS[$i]}" || true)
  status=$(printf '%s' "$headers" | sed -n '1s/^HTTP\/[0-9.]* \([0-9]*\).*/\1/p' | tr -d '\r')
  size=$(wc -c <"$TARGET/sample-$i.body")
  note="HTTP ${status:-000}, ${size} B"
  [ "${status:-000}" = 200 ] || note="$note (NOT 200!)"
  before=$(questions)
  for _ in $(seq 1 "$SAMPLES"); do curl -s -o /dev/null --max-time 30 -H "${HDRS[$i]}" "$BASE${PATHS[$i]}" || true; done
  after=$(questions)
  note="$note, ~$(awk -v d="$((after - before - 1))" -v n="$SAMPLES" 'BEGIN { printf "%.0f", d / n }') SQL/req"
  if printf '%s' "$headers" | grep -qi '^set-cookie:.*JSESSIONID'; then note="$note, new session each"; fi
  NOTES+=("$note")
done

# --- load --------------------------------------------------------------------------------------------

run_wrk() { # seconds url output header
  timeout --foreground -k 5 $(($1 + 30)) \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1s" --timeout 10s --latency -H "$4" "$2" >"$3" 2>&1 || true
}

# Where the CPU went during a measurement: WildFly, the database server (shared with anything else
# that uses it), wrk, and everything else on the machine (a build or a test run next to the
# benchmark makes its figures worthless). All in clock ticks.
WILDFLY_PID=$(cat "$UPSKILL_HOME/run/wildfly-java.pid" 2>/dev/null || true)
DB_PID=$(pidof -s mariadbd 2>/dev/null || pidof -s mysqld 2>/dev/null || true)
machine_ticks() { awk '/^cpu / { b = $2 + $3 + $4 + $7 + $8 + $9; print b, b + $5 + $6 }' /proc/stat; }
process_ticks() { awk '{ print $14 + $15 }' "/proc/${1:-0}/stat" 2>/dev/null || echo 0; }
# CPU ticks of every process now: "pid ticks", to name the busiest other processes afterwards.
process_table() {
  local stat
  for stat in /proc/[0-9]*/stat; do
    awk '{ pid = $1; sub(/^.*\) /, ""); print pid, $12 + $13 }' "$stat" 2>/dev/null || true
  done
}
CHILD_TICKS=0
children_ticks() { # CPU of this shell's finished children (wrk), from the builtin `times`
  times >"$TARGET/.times" # here, in this shell: in a pipe or $(...) it would read a fresh zero
  CHILD_TICKS=$(awk -v hz="$(getconf CLK_TCK)" 'NR == 2 {
      t = 0
      for (f = 1; f <= 2; f++) { split($f, p, "m"); sub(/s$/, "", p[2]); t += p[1] * 60 + p[2] }
      printf "%.0f", t * hz }' "$TARGET/.times")
}

step "Warming up: ${WARMUP}s per endpoint"
for i in "${!PATHS[@]}"; do
  run_wrk "$WARMUP" "$BASE${PATHS[$i]}" "$TARGET/warmup-$i.txt" "${HDRS[$i]}"
done

step "Measuring: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency, one endpoint after the other"
RPS=()
P99=()
FLAGS=()
CPU=()
OTHER_MAX=0
process_table >"$TARGET/.procs-before"
for i in "${!PATHS[@]}"; do
  out="$TARGET/wrk-$i.txt"
  read -r busy0 all0 < <(machine_ticks)
  wf0=$(process_ticks "$WILDFLY_PID")
  db0=$(process_ticks "$DB_PID")
  children_ticks
  wrk0=$CHILD_TICKS
  run_wrk "$DURATION" "$BASE${PATHS[$i]}" "$out" "${HDRS[$i]}"
  read -r busy1 all1 < <(machine_ticks)
  wf1=$(process_ticks "$WILDFLY_PID")
  db1=$(process_ticks "$DB_PID")
  children_ticks
  wrk1=$CHILD_TICKS
  cpu=$(awk -v all="$((all1 - all0))" -v busy="$((busy1 - busy0))" -v wf="$((wf1 - wf0))" \
    -v db="$((db1 - db0))" -v wrk="$((wrk1 - wrk0))" 'BEGIN {
      if (all <= 0) { print "? ? ? ?"; exit }
      other = busy - wf - db - wrk; if (other < 0) other = 0
      printf "%.0f %.0f %.0f %.0f", 100 * wf / all, 100 * db / all, 100 * wrk / all, 100 * other / all }')
  CPU+=("$cpu")
  other=${cpu##* }
  [[ "$other" =~ ^[0-9]+$ ]] && [ "$other" -gt "$OTHER_MAX" ] && OTHER_MAX=$other
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  p99=$(awk '$1 == "99%" {
      v = $2; u = v; sub(/^[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
      if (u == "us") v /= 1000; else if (u == "s") v *= 1000; else if (u == "m") v *= 60000
      printf "%.1f", v }' "$out")
  non2xx=$(awk -F': *' '/Non-2xx or 3xx responses/ {print $2}' "$out")
  errors=$(sed -n 's/.*Socket errors: *//p' "$out")
  flag=""
  [ -z "$non2xx" ] || flag="NON-2xx: $non2xx"
  [ -z "$errors" ] || flag="${flag:+$flag; }socket errors: $errors"
  [ -n "$rps" ] || { flag="${flag:+$flag; }wrk failed, see $out"; rps=0; }
  RPS+=("$rps")
  P99+=("${p99:-?}")
  FLAGS+=("$flag")
  read -r cpu_wf cpu_db cpu_wrk cpu_other <<<"$cpu"
  printf '  %-20s %10s req/s  p99 %8s ms  CPU: WildFly %s%%, database %s%%, wrk %s%%, other %s%%  %s\n' \
    "${NAMES[$i]}" "$rps" "${p99:-?}" "$cpu_wf" "$cpu_db" "$cpu_wrk" "$cpu_other" "$flag"
done

process_table >"$TARGET/.procs-after"
# The three other processes that used the most CPU during the measurements (those still running).
BUSIEST=$(awk -v skip=" ${WILDFLY_PID:-x} ${DB_PID:-x} $$ " 'NR == FNR { before[$1] = $2; next }
    index(skip, " " $1 " ") == 0 && $2 - before[$1] > 0 { print $2 - before[$1], $1 }' \
    "$TARGET/.procs-before" "$TARGET/.procs-after" | sort -rn | head -n 3 |
  while read -r ticks pid; do
    printf '%ss pid %s: %s\n' "$((ticks / $(getconf CLK_TCK)))" "$pid" \
      "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-100)"
  done)

# --- report ------------------------------------------------------------------------------------------

percent() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f", 100 * a / b; else printf "?" }'; }

{
  say ""
  say "Upskill load benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, wrk and WildFly on the same machine"
  say "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency after ${WARMUP}s warm-up per endpoint; base $BASE"
  say "data: ${total:-?} published courses, $(sql -N "$DB_NAME" -e "SELECT COUNT(*) FROM person") persons, $(sql -N "$DB_NAME" -e "SELECT COUNT(*) FROM enrolment") enrolments"
  say ""
  row='%-20s %-36s %9s %8s %7s  %-19s %s\n'
  printf "$row" "endpoint" "path" "req/s" "p99 ms" "vs ping" "CPU wf/db/wrk/other" "notes"
  printf "$row" "--------" "----" "-----" "------" "-------" "-------------------" "-----"
  for i in "${!PATHS[@]}"; do
    notes=${NOTES[$i]}
    [ -z "${FLAGS[$i]}" ] || notes="${FLAGS[$i]}!  $notes"
    printf "$row" "${NAMES[$i]}" "${PATHS[$i]}" "${RPS[$i]}" "${P99[$i]}" \
      "$(percent "${RPS[$i]}" "${RPS[0]}")%" "$(printf '%s/%s/%s/%s%%' ${CPU[$i]})" "$notes"
  done
  for line in "${SKIPPED[@]}"; do say "note: $line"; done
  if [ "$OTHER_MAX" -ge 10 ]; then
    say "WARNING: other processes used up to ${OTHER_MAX}% of the machine's CPU during the measurements"
    say "         (a build or test run?): these figures are not reliable; rerun on a quiet machine."
    [ -z "$BUSIEST" ] || printf '%s\n' "$BUSIEST" | sed 's/^/         CPU time of /'
  fi
  say ""
  ratio=$(percent "${RPS[1]}" "${RPS[0]}")
  verdict="not met"
  [ "$ratio" != "?" ] && [ "$ratio" -ge 50 ] && verdict="met"
  [ -z "${FLAGS[1]}${FLAGS[0]}" ] || verdict="$verdict, but see the notes: errors during the run"
  [ "$OTHER_MAX" -lt 10 ] || verdict="$verdict; machine busy, see the warning"
  say "catalogue page at ${ratio}% of /api/ping (goal >= 50%: $verdict)"
} | tee "$RESULTS"

# --- what looked wrong -------------------------------------------------------------------------------

log="$UPSKILL_HOME/logs/wildfly.log"
if [ -f "$log" ]; then
  errors=$(grep -c ' ERROR ' "$log" || true)
  warnings=$(grep -c ' WARN ' "$log" || true)
  say ""
  say "WildFly log ($log): $errors ERROR and $warnings WARN lines"
  if [ "$errors" -gt 0 ]; then
    sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^[0-9:,]+ ERROR ' |
      sed -E 's/^[0-9:,]+ ERROR +\[([^]]*)\] \([^)]*\) /[\1] /' | cut -c1-160 |
      sort | uniq -c | sort -rn | head -5 | sed 's/^/  /'
  fi
fi
say "Start ${START_SECONDS}s, data ${GENERATOR_SECONDS}s, whole run $((SECONDS - BEGAN))s. Results in $RESULTS"
