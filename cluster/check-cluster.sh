#!/usr/bin/env bash
# A script-level check of the whole `./upskill cluster` (issue 17), until a Java ClusterIT replaces it.
# Run as root with the cluster stopped:   cluster/check-cluster.sh
#   CHECK_CLUSTER_FRESH=true   first removes $UPSKILL_HOME/cluster (Galera data, members' folders,
#                              certificate, issuer key): a start from scratch
# It checks, through the balancer only (https://localhost:8443, curl -k):
#   - cluster start: 3 Galera nodes, the SQL front, 2 Keycloak nodes, two WildFly members, the
#     balancer; its time;
#   - GET /api/health answers 200;
#   - the sign-in redirect to Keycloak carries redirect_uri=https://localhost:8443/... (X-Forwarded-*
#     honoured) and a learner signs in through the balancer on the cluster's Keycloak;
#   - sticky sessions: every request with the same cookies is served by the same member (read from
#     the balancer's log, each request marked with its own query string);
#   - kill -9 of the member that served: the next request with the same cookies is answered by the
#     other member (and the learner is still signed in); `cluster start` brings the member back;
#   - kill -9 of the Galera writer: the SQL front switches to a backup, writes through it and
#     /api/health through the balancer work again within CHECK_CLUSTER_FAILOVER_LIMIT s (measured);
#     `cluster start` brings the node back and the writer stays where it is (no failing back);
#   - cluster stop: nothing of the cluster runs any more.
# Exits non-zero on the first failure (the cluster is then left as it is: ./upskill cluster status).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
UPSKILL="$ROOT/upskill"
UPSKILL_HOME=${UPSKILL_HOME:-$ROOT/.upskill}
case "$UPSKILL_HOME" in /*) ;; *) UPSKILL_HOME="$PWD/$UPSKILL_HOME" ;; esac
RUN="$UPSKILL_HOME/run"
LOGS="$UPSKILL_HOME/logs"
HTTPS_PORT=${UPSKILL_CLUSTER_HTTPS_PORT:-8443}
SQL_FRONT=${UPSKILL_CLUSTER_SQL_PORT:-3310}
PUBLIC=${UPSKILL_CLUSTER_PUBLIC_URL:-https://localhost:$HTTPS_PORT}
DB_USER=${UPSKILL_GALERA_DB_USER:-upskill}
DB_PASSWORD=${UPSKILL_GALERA_DB_PASSWORD:-upskill}
LIMIT=${CHECK_CLUSTER_FAILOVER_LIMIT:-30}
WORK="$UPSKILL_HOME/check-cluster"

passed=0
failed=0
ok() { passed=$((passed + 1)); printf '  ok   %s\n' "$*"; }
fail() {
  failed=1
  printf '  FAIL %s\n' "$*" >&2
  printf 'check-cluster: %s passed, 1 failed (the cluster is left as it is: ./upskill cluster status)\n' "$passed" >&2
  exit 1
}
trap 'status=$?; if [ "$status" != 0 ] && [ "$failed" = 0 ] && [ "$status" != 2 ]; then
  printf "  FAIL a command failed (exit %s) at line %s\ncheck-cluster: %s passed, 1 failed\n" "$status" "$LINENO" "$passed" >&2; fi' EXIT

now() { printf '%s' "$EPOCHREALTIME"; }
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

# Waits until "$@" succeeds, polling every 0.2 s, for at most LIMIT seconds; prints the seconds taken.
wait_for() {
  local limit=$1 began=$EPOCHREALTIME deadline=$((SECONDS + $1))
  shift
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.2
  done
  since "$began"
}

jar="$WORK/cookies"
request=0
# GET PATH through the balancer with the check's cookies; sets STATUS, SERVED (the member the
# balancer's log names for it), LOCATION and BODY.
get() {
  local path=$1 sep='?' mark line i
  request=$((request + 1))
  mark="check-cluster-$$-$request"
  case "$path" in *\?*) sep='&' ;; esac
  STATUS=$(curl -k -s -m 30 -b "$jar" -c "$jar" -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' \
    "$PUBLIC$path$sep$mark") || STATUS=000
  BODY=$(cat "$WORK/body" 2>/dev/null || true)
  LOCATION=$(tr -d '\r' <"$WORK/headers" 2>/dev/null | sed -n 's/^[Ll]ocation: //p' | head -n 1 || true)
  SERVED=""
  for i in $(seq 1 20); do   # the balancer logs a request when it ends
    line=$(grep -F "$mark" "$LOGS/balancer.log" | tail -n 1 || true)
    if [ -n "$line" ]; then
      SERVED=$(sed -n 's|.* wildfly/\(node[0-9]*\) .*|\1|p' <<<"$line")
      break
    fi
    sleep 0.1
  done
}
health_ok() { [ "$(curl -k -s -m 5 -o /dev/null -w '%{http_code}' "$PUBLIC/api/health")" = 200 ]; }
front_sql() {
  MYSQL_PWD=$DB_PASSWORD timeout 10 mariadb --no-defaults --protocol=tcp -h127.0.0.1 -P"$SQL_FRONT" \
    --connect-timeout=3 -u"$DB_USER" -N -B "$@"
}
writer() { front_sql -e 'SELECT @@wsrep_node_name'; }
writer_is_not() { local w; w=$(writer) && [ -n "$w" ] && [ "$w" != "$1" ]; }
# A page answers: 200 for a signed-in learner, else 200 or a redirect to the sign-in.
page_ok() { if [ "$signed_in" = 1 ]; then [ "$STATUS" = 200 ]; else [[ "$STATUS" =~ ^[23] ]]; fi; }
front_write() { front_sql upskill -e "INSERT INTO cluster_check_writes (at) VALUES (NOW(6))"; }
root_sql() { # N SQL: as root over galera-N's socket
  timeout 30 mariadb --no-defaults --protocol=socket -S "$UPSKILL_HOME/cluster/galera-$1/mariadb.sock" -uroot -N -B -e "$2"
}

[ "$(id -u)" = 0 ] || { echo "check-cluster: run it as root (./upskill cluster needs root)." >&2; exit 2; }
command -v curl >/dev/null || { echo "check-cluster: needs curl" >&2; exit 2; }
if "$UPSKILL" cluster status 2>/dev/null | grep -E '^(galera-[0-9]|node[0-9]|SQL front|Balancer): (running|starting)'; then
  echo "check-cluster: part of the cluster already runs; stop it first (./upskill cluster stop)." >&2
  exit 2
fi
if [ "${CHECK_CLUSTER_FRESH:-false}" = true ]; then
  echo "check-cluster: removing $UPSKILL_HOME/cluster (a start from scratch)"
  rm -rf "$UPSKILL_HOME/cluster"
fi
rm -rf "$WORK" && mkdir -p "$WORK" "$LOGS"

echo "check-cluster: start"
t=$(now)
"$UPSKILL" cluster start >"$LOGS/check-cluster-start.log" 2>&1 ||
  fail "./upskill cluster start failed: $(grep '^upskill:' "$LOGS/check-cluster-start.log" | tail -n 1)"
start_seconds=$(since "$t")
status=$("$UPSKILL" cluster status)
[ "$(grep -c 'cluster size 3, Synced, ready ON, Primary' <<<"$status")" = 3 ] || fail "not 3 Galera nodes Synced: $status"
grep -q '^SQL front: running.*writer galera-' <<<"$status" || fail "the SQL front has no writer: $status"
[ "$(grep -cE '^node[12]: running .*answers 200, cluster view \[[^]]*\] \(2\)' <<<"$status")" = 2 ] ||
  fail "not both members running, healthy, in a 2-member view: $(grep '^node' <<<"$status")"
grep -q '^Balancer: running.*answers 200; node1 UP.*node2 UP' <<<"$status" || fail "the balancer does not have both members UP: $status"
ok "cluster start in ${start_seconds}s: 3 Galera nodes Synced, SQL front writer $(writer), node1 and node2 in one view, both UP in the balancer"
printf '%s\n' "$status" | sed 's/^/       /'

get /api/health
[ "$STATUS" = 200 ] || fail "GET $PUBLIC/api/health answers $STATUS"
ok "GET $PUBLIC/api/health through the balancer: 200 ($BODY), served by $SERVED"

# --- the public address in what the members build from the request ---------------------------------
get "/signin?next=/my-learning"
get /signin/return
case "$LOCATION" in
  *redirect_uri=https%3A%2F%2Flocalhost%3A$HTTPS_PORT%2F*) ;;
  *) fail "the sign-in redirect does not carry redirect_uri=$PUBLIC/...: $STATUS ${LOCATION:-no Location}" ;;
esac
ok "the sign-in redirect to Keycloak carries redirect_uri=$(sed 's/.*redirect_uri=\([^&]*\).*/\1/' <<<"$LOCATION") (served by $SERVED)"
first=$SERVED

signed_in=0
kc="$WORK/keycloak-cookies"
form=$(curl -s -m 30 -c "$kc" -b "$kc" "$LOCATION" || true)
action=$(grep -o 'action="[^"]*"' <<<"$form" | head -n 1 | sed 's/action="//;s/"$//;s/&amp;/\&/g')
if [ -z "$action" ]; then
  fail "the cluster's Keycloak does not show its sign-in form for $PUBLIC: $(grep -o -m1 'Invalid parameter[^<]*' <<<"$form" || echo 'no form')"
else
  back=$(curl -s -m 30 -D - -o /dev/null -c "$kc" -b "$kc" --data-urlencode username=learner --data-urlencode password=learner \
    "$action" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
  case "$back" in "$PUBLIC"/*) ;; *) fail "Keycloak did not send the learner back to $PUBLIC: ${back:-nothing}" ;; esac
  get "${back#"$PUBLIC"}"
  [ "$SERVED" = "$first" ] || fail "the code came back to $SERVED, not to $first which began the sign-in"
  get /signin/return
  get /my-learning
  grep -q 'Priya Shah' <<<"$BODY" || fail "after signing in, /my-learning ($STATUS, $SERVED) does not name Priya Shah"
  signed_in=1
  ok "a learner signed in through the balancer (Keycloak sent her back to $PUBLIC/...), /my-learning names her"
fi

# --- sticky sessions ----------------------------------------------------------------------------------
served=""
for i in 1 2 3 4 5 6; do get /my-learning; served="$served ${SERVED:-nobody}"; done
[ "$served" = "$(printf " $first%.0s" 1 2 3 4 5 6)" ] || fail "requests with the same cookies went to:$served (first: $first)"
grep -q "UPSKILL_NODE.*$first" "$jar" || fail "no UPSKILL_NODE cookie naming $first in the cookie jar"
ok "sticky: 6 more requests with the same cookies all served by $first (cookie UPSKILL_NODE=$first)"
other=node1
[ "$first" = node1 ] && other=node2

# --- kill -9 the member that served ---------------------------------------------------------------------
n=${first#node}
pid=$(cat "$RUN/cluster-node$n-java.pid")
kill -KILL "$pid"
t=$(now)
get /my-learning
took=$(since "$t")
[ "$SERVED" = "$other" ] || fail "after $first (JVM pid $pid) was killed, the request was served by '${SERVED:-nobody}' ($STATUS)"
page_ok || fail "after $first was killed, $other answered $STATUS"
if [ "$signed_in" = 1 ]; then
  grep -q 'Priya Shah' <<<"$BODY" || fail "on $other the learner is no longer signed in"
  ok "kill -9 $first: the next request (same cookies) answered by $other in ${took}s, the learner still signed in"
else
  ok "kill -9 $first: the next request (same cookies) answered by $other in ${took}s"
fi
marked=$(wait_for 30 bash -c "printf 'show stat\n' | socat - UNIX-CONNECT:$UPSKILL_HOME/cluster/balancer.sock | grep -q '^wildfly,$first,.*,DOWN'") ||
  fail "the balancer did not mark $first DOWN within 30s"
ok "the balancer marked $first DOWN ${marked}s after the kill (health checks)"
for i in 1 2 3; do get /my-learning; [ "$SERVED" = "$other" ] || fail "request $i after the switch served by '$SERVED'"; done
ok "3 more requests stay on $other"

t=$(now)
"$UPSKILL" cluster start >"$LOGS/check-cluster-member.log" 2>&1 ||
  fail "./upskill cluster start (bringing $first back) failed: $(grep '^upskill:' "$LOGS/check-cluster-member.log" | tail -n 1)"
member_back=$(since "$t")
# (the status is read whole before grep: grep -q would end the pipe early, and pipefail says so)
status=$("$UPSKILL" cluster status)
grep -qE "^$first: running .*answers 200, cluster view \[[^]]*\] \(2\)" <<<"$status" ||
  fail "$first is not back in a 2-member view: $(grep "^$first" <<<"$status")"
ok "cluster start brought $first back into the view (2 members) in ${member_back}s"

# --- kill -9 the Galera writer --------------------------------------------------------------------------
old=$(writer)
root_sql "${old#galera-}" "CREATE TABLE IF NOT EXISTS upskill.cluster_check_writes (id BIGINT AUTO_INCREMENT PRIMARY KEY, at DATETIME(6) NOT NULL)"
front_write || fail "a write through the SQL front fails before the kill"
health_ok || fail "/api/health is not 200 before the writer is killed"
gpid=$(cat "$RUN/$old.pid")
kill -KILL "$gpid"
t=$(now)
switched=$(wait_for "$LIMIT" writer_is_not "$old") || fail "the SQL front did not switch away from $old within ${LIMIT}s"
new=$(writer)
ok "kill -9 $old (pid $gpid): the SQL front hands out $new after ${switched}s"
# /api/health first (it only reads: a connection to the new writer is enough), then a write
# (which waits until the survivors have evicted the dead node).
healthy=$(wait_for "$LIMIT" health_ok) || fail "/api/health through the balancer was not 200 within ${LIMIT}s of the kill"
healthy=$(since "$t")
ok "/api/health through the balancer answers 200 again ${healthy}s after the kill"
wrote=$(wait_for "$LIMIT" front_write) || fail "no write through the SQL front succeeded within ${LIMIT}s of the kill"
wrote=$(since "$t")
ok "a write through the SQL front succeeds again ${wrote}s after the kill"
get /my-learning
page_ok || fail "after the writer's death /my-learning answers $STATUS"
if [ "$signed_in" = 1 ]; then grep -q 'Priya Shah' <<<"$BODY" || fail "after the writer's death the learner is not signed in"; fi
ok "pages answer ($STATUS on $SERVED) after the writer's death"

t=$(now)
"$UPSKILL" cluster start >"$LOGS/check-cluster-galera.log" 2>&1 ||
  fail "./upskill cluster start (bringing $old back) failed: $(grep '^upskill:' "$LOGS/check-cluster-galera.log" | tail -n 1)"
galera_back=$(since "$t")
status=$("$UPSKILL" cluster status)
grep -q "^$old: running.*cluster size 3, Synced" <<<"$status" || fail "$old is not back Synced: $(grep "^$old" <<<"$status")"
# The SQL front's own health check must see $old up again before "it did not fail back" means anything
front_sees_up() { "$UPSKILL" cluster status | grep '^SQL front:' | grep -q "$1 UP"; }
wait_for 60 front_sees_up "$old" >/dev/null || fail "the SQL front does not see $old up again within 60 s"
[ "$(writer)" = "$new" ] || fail "the SQL front went back to $(writer) once $old returned: two writers in turn"
ok "cluster start brought $old back (Synced, ${galera_back}s); the writer stays $new (no failing back)"
front_sql -e "DROP TABLE upskill.cluster_check_writes"

# --- stop -----------------------------------------------------------------------------------------------
t=$(now)
"$UPSKILL" cluster stop >"$LOGS/check-cluster-stop.log" 2>&1 || fail "./upskill cluster stop failed"
stop_seconds=$(since "$t")
left=$("$UPSKILL" cluster status | grep -E ': (running|starting)' || true)
[ -z "$left" ] || fail "after cluster stop still running: $left"
for port in "$HTTPS_PORT" "$SQL_FRONT" 9080 9180 3311 3312 3313; do
  ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || fail "port $port still answers after cluster stop"
done
ok "cluster stop in ${stop_seconds}s: nothing runs, the ports are free"

echo "check-cluster: start ${start_seconds}s; member failover ${took}s (marked DOWN ${marked}s), member back ${member_back}s;"
echo "check-cluster: writer failover: front switched ${switched}s, first write ${wrote}s, /api/health 200 ${healthy}s; node back ${galera_back}s; stop ${stop_seconds}s"
echo "check-cluster: $passed passed, 0 failed"
