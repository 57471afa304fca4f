#!/usr/bin/env bash
# Upskill's exam-start burst on the cluster: the simulation of bench/quiz (N learners start the same
# 20-question timed quiz at once, autosave three times, submit) for N = 500, 1000, 2000, three ways
# in the same run:
#   one node     straight to node1 (http://127.0.0.1:9080; node2 idle), the single-node figure
#   balancer     through the HTTPS balancer (https://localhost:8443) to both members
#   node killed  through the balancer, node1 killed with SIGKILL during the second save round;
#                node1 is started again (./upskill cluster start) before the next run
# Prints errors, p50/p99 per phase and the requests each member served (its Micrometer counter
# upskill_api_requests_seconds_count on its management /metrics). A benchmark, not a test.
#
#   sudo ./upskill cluster start && sudo bench/cluster/run.sh
#
# Needs the running cluster (it starts nothing but the killed member). It writes in the cluster's
# database: the quiz "Bench: exam start (20 questions)" on PY-CLIN (bench/quiz/prepare-quiz.sql),
# the learners bench-NNNN and their PY-CLIN enrolments; between runs it deletes that quiz's attempts
# only. Settings: BENCH_SIZES ("500 1000 2000"), BENCH_WARMUP_N (50; 0 for none), BENCH_WAYS
# ("one-node balancer node-killed"). See "Cluster" in bench/README.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
QUIZ_DIR="$REPO/bench/quiz"
TARGET="$HERE/target"
RESULTS="$TARGET/results.txt"

SIZES=${BENCH_SIZES:-500 1000 2000}
WARMUP_N=${BENCH_WARMUP_N:-50}
WAYS=${BENCH_WAYS:-one-node balancer node-killed}
for n in $SIZES $WARMUP_N; do
  [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -le 9999 ] || { echo "bench: bad size '$n' (BENCH_SIZES, BENCH_WARMUP_N)" >&2; exit 2; }
done
for way in $WAYS; do
  case "$way" in one-node | balancer | node-killed) ;; *) echo "bench: unknown way '$way' (BENCH_WAYS)" >&2; exit 2 ;; esac
done

# The cluster's addresses, as ./upskill cluster uses them (README, "A cluster")
STATE="$REPO/.upskill"
RUN_DIR="$STATE/run"
DB_HOST=127.0.0.1
DB_PORT=${UPSKILL_CLUSTER_SQL_PORT:-3310}
DB_NAME=${UPSKILL_GALERA_DB_NAME:-upskill}
DB_USER=upskill
DB_PASSWORD=upskill
OFFSET=${UPSKILL_CLUSTER_PORT_OFFSET:-1000}
NODE1="http://127.0.0.1:$((8080 + OFFSET))"
BALANCER="https://localhost:${UPSKILL_CLUSTER_HTTPS_PORT:-8443}"
PEM="$STATE/cluster/balancer.pem.crt"
KEYCLOAK=${UPSKILL_KEYCLOAK_URL:-http://localhost:${UPSKILL_KEYCLOAK_PORT:-8180}}
export BENCH_METRICS="node1=http://127.0.0.1:$((9990 + OFFSET))/metrics node2=http://127.0.0.1:$((9990 + OFFSET + 100))/metrics"
export BENCH_CA_PEM="$PEM"
CLI=""          # no Hibernate statistics: two deployments would each count half
CONTROLLER=""

# shellcheck source=bench/quiz/lib.sh
source "$QUIZ_DIR/lib.sh"

status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 --cacert "$PEM" "$1" || true; }
need_cluster() {
  [ -f "$PEM" ] && [ "$(status_of "$BALANCER/api/health")" = 200 ] ||
    fail "No cluster answers at $BALANCER: start it with 'sudo ./upskill cluster start'."
  local url
  for url in "$NODE1" "http://127.0.0.1:$((8180 + OFFSET))"; do
    [ "$(status_of "$url/api/health")" = 200 ] || fail "The member at $url does not answer: 'sudo ./upskill cluster start' starts it."
  done
}
need_cluster
sql -e "SELECT 1" >/dev/null 2>&1 || fail "Cannot reach the cluster's database through the SQL front at $DB_HOST:$DB_PORT."
case " $WAYS " in *" node-killed "*) [ "$(id -u)" = 0 ] || fail "node-killed restarts a member with ./upskill cluster start, which needs root." ;; esac

mkdir -p "$TARGET"
BEGAN=$SECONDS
say "Upskill cluster exam-start benchmark ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg))"

MAX_N=$WARMUP_N
for n in $SIZES; do [ "$n" -gt "$MAX_N" ] && MAX_N=$n; done
ROWS=()
DETAILS=()
BASE=$BALANCER
create_learners "$MAX_N"

step "Preparing the 20-question quiz on PY-CLIN (bench/quiz/prepare-quiz.sql)"
QUIZ=$(sql -N "$DB_NAME" <"$QUIZ_DIR/prepare-quiz.sql" | tail -n 1 | awk '{print $1}')
SLOTS=$(sql -N "$DB_NAME" -e "SELECT COUNT(*) FROM quiz_slot WHERE quiz_id = ${QUIZ:-0}")
[[ "$QUIZ" =~ ^[0-9]+$ ]] && [ "$SLOTS" = 20 ] || fail "The quiz was not prepared (id '$QUIZ', $SLOTS slots)"
say "  quiz $QUIZ, $SLOTS slots"

step "Compiling the Gatling simulation (bench/quiz/pom.xml)"
mvn -B -q -ntp -f "$QUIZ_DIR/pom.xml" test-compile >"$TARGET/build.log" 2>&1 ||
  { tail -n 30 "$TARGET/build.log" >&2; fail "The simulation did not compile; see $TARGET/build.log"; }

# node1 back after a kill: ./upskill cluster start starts the members that are missing
restart_node1() {
  local began=$SECONDS
  step "Starting node1 again (./upskill cluster start; log: $TARGET/restart.log)"
  UPSKILL_SKIP_BUILD=true "$REPO/upskill" cluster start >>"$TARGET/restart.log" 2>&1 ||
    { tail -n 20 "$TARGET/restart.log" >&2; fail "The cluster did not start again"; }
  need_cluster
  say "  node1 serves again after $((SECONDS - began)) s"
}

# What the database holds after a run: the attempts submitted and those with all 20 answers (a
# save or submit acknowledged and then lost with a killed member would show here)
stored() { # label
  local counts
  counts=$(sql -N "$DB_NAME" -e "SELECT COUNT(*), COALESCE(SUM(n = $SLOTS), 0) FROM (SELECT a.id,
      (SELECT COUNT(*) FROM attempt_response r WHERE r.attempt_id = a.id) AS n FROM quiz_attempt a
      WHERE a.quiz_id = $QUIZ AND a.submitted_at IS NOT NULL) t")
  set -- "$1" $counts
  say "  in the database: $2 attempts submitted, $3 of them with all $SLOTS answers"
  DETAILS+=("$1 in the database: $2 attempts submitted, $3 of them with all $SLOTS answers")
}

if [ "$WARMUP_N" != 0 ]; then BASE=$BALANCER run_one "$WARMUP_N" "warm-up" "warmup"; fi
for n in $SIZES; do
  for way in $WAYS; do
    case "$way" in
      one-node) BASE=$NODE1 run_one "$n" "one node" "$n-one-node" ; stored "N=$n (one node)" ;;
      balancer) BASE=$BALANCER run_one "$n" "balancer" "$n-balancer" ; stored "N=$n (balancer)" ;;
      node-killed)
        BASE=$BALANCER BENCH_KILL_PHASE=2 \
          BENCH_KILL_COMMAND="kill -9 \$(cat '$RUN_DIR/cluster-node1-java.pid')" \
          run_one "$n" "node1 killed" "$n-node-killed"
        stored "N=$n (node1 killed)"
        restart_node1
        ;;
    esac
  done
done

{
  say ""
  say "Upskill exam start on the cluster: N learners start quiz $QUIZ (20 questions, 20 min) at once, autosave 3 times, submit"
  say "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs; Gatling, both WildFly members, 3 Galera nodes, HAProxy and Keycloak on the same machine"
  say "one node = straight to node1 ($NODE1); balancer = $BALANCER to node1 and node2; node1 killed = balancer, SIGKILL to node1 during save round 2"
  say "latency ms of successful requests; burst s = from the burst to the last answer (start phase, submit phase)"
  say ""
  print_results
  say "Whole run $((SECONDS - BEGAN)) s. Gatling's HTML reports: $QUIZ_DIR/target/gatling/"
} | tee "$RESULTS"
