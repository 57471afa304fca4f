#!/usr/bin/env bash
# Upskill "exam start" load benchmark: N learners start the same 20-question timed quiz in one
# burst, autosave three times and submit, for N = 250, 500, 1000, 2000. Prints figures (errors,
# p50/p99 per request type, SQL statements per request); it is not a test.
#
#   bench/quiz/run.sh
#
# Uses (or starts, and then stops) its own Upskill on port 8580 (offset 500) on the database
# upskill_bench; never drops a database, only deletes the attempts of its own quiz between runs.
# Settings: BENCH_SIZES ("250 500 1000 2000"), BENCH_WARMUP_N (50; 0 for none),
# UPSKILL_HOME (bench/quiz/target/upskill-home), UPSKILL_PORT_OFFSET (500),
# UPSKILL_KEYCLOAK_URL (http://localhost:8180). See the "Exam start" section of bench/README.md.
set -euo pipefail

QUIZ_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$QUIZ_DIR/../.." && pwd)
TARGET="$QUIZ_DIR/target"
RESULTS="$TARGET/results.txt"

SIZES=${BENCH_SIZES:-250 500 1000 2000}
WARMUP_N=${BENCH_WARMUP_N:-50}
for n in $SIZES $WARMUP_N; do
  [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -le 9999 ] || { echo "bench: bad size '$n' (BENCH_SIZES, BENCH_WARMUP_N)" >&2; exit 2; }
done

DB_HOST=127.0.0.1
DB_PORT=3306
DB_NAME=upskill_bench   # never anything else: this script deletes rows in it
export UPSKILL_HOME=${UPSKILL_HOME:-$TARGET/upskill-home}
export UPSKILL_PORT_OFFSET=${UPSKILL_PORT_OFFSET:-500}
export UPSKILL_DB_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$DB_NAME?createDatabaseIfNotExist=true&characterEncoding=UTF-8&allowPublicKeyRetrieval=true&useSSL=false"
export UPSKILL_DB_USER=root
export UPSKILL_DB_PASSWORD=
KEYCLOAK=${UPSKILL_KEYCLOAK_URL:-http://localhost:${UPSKILL_KEYCLOAK_PORT:-8180}}
BASE="http://localhost:$((8080 + UPSKILL_PORT_OFFSET))"
CONTROLLER="localhost:$((9990 + UPSKILL_PORT_OFFSET))"
WILDFLY_VERSION=$(sed -n 's:.*<version.wildfly>\(.*\)</version.wildfly>.*:\1:p' "$REPO/pom.xml" | head -n 1)
CLI="$UPSKILL_HOME/wildfly-$WILDFLY_VERSION/bin/jboss-cli.sh"

# shellcheck source=bench/quiz/lib.sh
source "$QUIZ_DIR/lib.sh"
sql -e "SELECT 1" >/dev/null 2>&1 || fail "Cannot reach MariaDB/MySQL at $DB_HOST:$DB_PORT as root with an empty password."

mkdir -p "$TARGET"
BEGAN=$SECONDS
say "Upskill exam-start benchmark ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg))"

# --- the benchmark's own Upskill ------------------------------------------------------------------

STARTED=0
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ "$STARTED" = 1 ]; then
    step "Stopping the benchmark's Upskill (the one this script started)"
    "$REPO/upskill" stop >/dev/null 2>&1 || say "  (./upskill stop failed; see $UPSKILL_HOME/run)"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'say ""; say "Interrupted."; exit 130' INT
trap 'exit 143' TERM

status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$1" || true; }

if [ "$(status_of "$BASE/api/health")" = 200 ]; then
  step "Upskill already answers at $BASE: using it (it must run on $DB_NAME, with its management on $CONTROLLER)"
else
  # Someone may be starting the shared Keycloak: give it a while before ./upskill start starts one.
  for _ in $(seq 1 60); do
    [ "$(status_of "$KEYCLOAK/realms/upskill/.well-known/openid-configuration")" = 200 ] && break
    sleep 2
  done
  mkdir -p "$UPSKILL_HOME/downloads"
  for zip in "$REPO"/.upskill/downloads/*.zip; do   # the developer's cached WildFly/Keycloak zips
    [ -f "$zip" ] || continue
    [ -e "$UPSKILL_HOME/downloads/${zip##*/}" ] ||
      ln "$zip" "$UPSKILL_HOME/downloads/" 2>/dev/null || cp "$zip" "$UPSKILL_HOME/downloads/"
  done
  step "Starting Upskill for the benchmark at $BASE on $DB_NAME (log: $TARGET/start.log)"
  STARTED=1
  "$REPO/upskill" start >"$TARGET/start.log" 2>&1 || { cat "$TARGET/start.log" >&2; fail "Upskill did not start"; }
fi
[ -x "$CLI" ] || fail "jboss-cli not found at $CLI (set UPSKILL_HOME to the running instance's home)"
LOG="$UPSKILL_HOME/logs/wildfly.log"
[ "$(sql -N -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema='$DB_NAME' AND table_name='quiz'")" = 1 ] ||
  fail "$DB_NAME has no quiz table: is the Upskill at $BASE running on another database?"

# --- learners in Keycloak, the quiz, statistics --------------------------------------------------------

MAX_N=$WARMUP_N
for n in $SIZES; do [ "$n" -gt "$MAX_N" ] && MAX_N=$n; done

create_learners "$MAX_N"

step "Preparing the 20-question quiz on PY-CLIN (bench/quiz/prepare-quiz.sql)"
QUIZ=$(sql -N "$DB_NAME" <"$QUIZ_DIR/prepare-quiz.sql" | tail -n 1 | awk '{print $1}')
SLOTS=$(sql -N "$DB_NAME" -e "SELECT COUNT(*) FROM quiz_slot WHERE quiz_id = ${QUIZ:-0}")
[[ "$QUIZ" =~ ^[0-9]+$ ]] && [ "$SLOTS" = 20 ] || fail "The quiz was not prepared (id '$QUIZ', $SLOTS slots)"
say "  quiz $QUIZ, $SLOTS slots"

PU='/deployment=upskill.ear/subdeployment=upskill-ejb.jar/subsystem=jpa/hibernate-persistence-unit=upskill.ear\/upskill-ejb.jar#upskill'
step "Enabling Hibernate statistics on $CONTROLLER"
"$CLI" --controller="$CONTROLLER" -c --command="$PU:write-attribute(name=statistics-enabled,value=true)" \
  >"$TARGET/cli.log" 2>&1 || { cat "$TARGET/cli.log" >&2; fail "jboss-cli could not enable the statistics"; }

step "Compiling the Gatling simulation (bench/quiz/pom.xml)"
mvn -B -q -ntp -f "$QUIZ_DIR/pom.xml" test-compile >"$TARGET/build.log" 2>&1 ||
  { tail -n 30 "$TARGET/build.log" >&2; fail "The simulation did not compile; see $TARGET/build.log"; }

# --- the runs -------------------------------------------------------------------------------------

LOG_OFFSET=$( [ -f "$LOG" ] && wc -c <"$LOG" || echo 0)
ROWS=()
DETAILS=()
[ "$WARMUP_N" = 0 ] || run_one "$WARMUP_N" "warm-up"
for n in $SIZES; do run_one "$n" ""; done

# --- report ---------------------------------------------------------------------------------------

{
  say ""
  say "Upskill exam start: N learners start quiz $QUIZ (20 questions, 20 min) at once, autosave 3 times (7, 14, 20 answers), submit"
  say "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, Gatling and WildFly and MariaDB on the same machine; base $BASE"
  say "latency ms of successful requests; SQL = Hibernate prepared statements per request (all requests of that type);"
  say "burst s = from the burst to the last answer (start phase, submit phase); errors by request type and cause"
  say ""
  print_results
  if [ -f "$LOG" ]; then
    new=$(tail -c +$((LOG_OFFSET + 1)) "$LOG" | sed 's/\x1b\[[0-9;]*m//g')
    errors=$(printf '%s\n' "$new" | grep -c ' ERROR ' || true)
    warnings=$(printf '%s\n' "$new" | grep -c ' WARN ' || true)
    say "WildFly log during the runs ($LOG): $errors ERROR and $warnings WARN lines"
    printf '%s\n' "$new" | grep -E '^[0-9:,]+ (ERROR|WARN) ' |
      sed -E 's/^[0-9:,]+ (ERROR|WARN) +\[([^]]*)\] \([^)]*\) /\1 [\2] /' | cut -c1-200 |
      sort | uniq -c | sort -rn | head -8 | sed 's/^/  /' || true
  fi
  say "Whole run $((SECONDS - BEGAN)) s. Gatling's HTML reports: $TARGET/gatling/"
} | tee "$RESULTS"
