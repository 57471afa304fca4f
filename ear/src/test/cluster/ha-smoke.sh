#!/usr/bin/env bash
# A smoke test of two WildFly cluster members on this machine (issue 17), by hand, not in ./upskill test:
#   ear/src/test/cluster/ha-smoke.sh
# It configures the WildFly that ./upskill start unpacked (UPSKILL_CLUSTER=true configure.sh), starts
# node1 and node2 with cluster-node.sh on port offsets 1000 and 1100 (HTTP 9080 and 9180, management
# 10990 and 11090, JGroups 8600/8700 and 58600/58700) against the MariaDB at 127.0.0.1:3306 in the
# database HA_SMOKE_DB (default upskill_ha_try, created when missing; HA_SMOKE_FRESH=true drops it
# first), with ha-probe.war beside the EAR, and checks:
#   - both members are in one view (the jgroups channel "ee", read over the management CLI);
#   - a session made on node1 is read and updated on node2 and back (ha-probe: a SignedIn-like
#     record, maps and lists of strings, a counter);
#   - the verification throttle and an HR client's rate limit hold across both nodes together;
#   - with Keycloak serving the realm at UPSKILL_KEYCLOAK_URL (default http://localhost:8180): a
#     learner signs in (the code is exchanged on node2 for a session begun on node1) and her pages
#     answer on either node. The realm allows redirects to localhost:8080/8280/8380 (and the cluster
#     balancer, https://localhost:8443) only, so the
#     requests carry "Host: localhost:8380" (HA_SMOKE_PUBLIC_HOST) while going to the nodes' own ports;
#   - node1 killed with SIGKILL: node2 drops it from the view, the session and the sign-in survive;
#   - node1 started again joins the view.
# Needs: bash, curl, java, the mariadb/mysql client, ear/target/upskill.ear (./upskill build).
# Stops both nodes at the end, whatever happened.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)
H=${UPSKILL_HOME:-$ROOT/.upskill}
VERSION=$(sed -n 's:.*<version.wildfly>\(.*\)</version.wildfly>.*:\1:p' "$ROOT/pom.xml" | head -n 1)
WILDFLY_HOME=$H/wildfly-$VERSION
EAR=$ROOT/ear/target/upskill.ear
CONNECTOR=$ROOT/ear/target/jdbc/mysql-connector-j.jar
DB=${HA_SMOKE_DB:-upskill_ha_try}
PUBLIC_HOST=${HA_SMOKE_PUBLIC_HOST:-localhost:8380}
KEYCLOAK=${UPSKILL_KEYCLOAK_URL:-http://localhost:8180}
WORK=$H/ha-smoke
LOGS=$H/logs
FAILED=0

say() { printf '%s  %s\n' "$(date +%T)" "$*"; }
ok() { say "ok    $*"; }
bad() { say "FAIL  $*"; FAILED=1; }
check() { if [ "$2" = "$3" ]; then ok "$1"; else bad "$1: expected '$3', got '$2'"; fi; }
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc | sed 's/^\./0./'; }
sql() { mysql -h127.0.0.1 -P3306 -uroot -N -e "$1"; }

[ -x "$WILDFLY_HOME/bin/standalone.sh" ] || { echo "No WildFly at $WILDFLY_HOME: run ./upskill start once" >&2; exit 2; }
[ -f "$EAR" ] || { echo "No EAR at $EAR: run ./upskill build" >&2; exit 2; }
[[ "$DB" =~ ^upskill_ha[a-z0-9_]*$ ]] || { echo "HA_SMOKE_DB must start with upskill_ha (it may be dropped)" >&2; exit 2; }
mkdir -p "$WORK" "$LOGS"

node_pid() { cat "$WORK/node$1.pid" 2>/dev/null || true; }
java_pid() { # the JVM of node N (standalone.sh's child)
  local p
  for p in $(pgrep -f "jboss.node.name=node$1" || true); do
    [ "$(ps -o comm= -p "$p")" = java ] && echo "$p"
  done
}
stop_nodes() {
  local n p
  for n in 1 2; do p=$(node_pid $n); [ -n "$p" ] && kill -TERM -- "-$p" 2>/dev/null || true; done
  for n in 1 2; do
    for _ in $(seq 1 60); do [ -z "$(java_pid $n)" ] && break; sleep 0.5; done
    p=$(java_pid $n); [ -n "$p" ] && kill -KILL "$p" 2>/dev/null || true
  done
  rm -f "$WORK"/node*.pid
}
trap stop_nodes EXIT

# --- the database, the configuration, the probe ----------------------------------------------------
[ "${HA_SMOKE_FRESH:-false}" = true ] && sql "drop database if exists $DB"
sql "create database if not exists $DB character set utf8mb4 collate utf8mb4_unicode_ci"
say "Configuring $WILDFLY_HOME as a cluster member"
UPSKILL_CLUSTER=true bash "$ROOT/ear/src/main/wildfly/configure.sh" "$WILDFLY_HOME" mysql "$CONNECTOR"

servlet_api=$(find ~/.m2/repository/jakarta/servlet/jakarta.servlet-api -name 'jakarta.servlet-api-6*.jar' | head -n 1)
rm -rf "$WORK/probe" && mkdir -p "$WORK/probe/war/WEB-INF/classes"
javac -d "$WORK/probe/war/WEB-INF/classes" -cp "$servlet_api" "$ROOT/ear/src/test/cluster/probe/SessionProbe.java"
cp "$ROOT/ear/src/test/cluster/probe/WEB-INF/web.xml" "$WORK/probe/war/WEB-INF/"
(cd "$WORK/probe/war" && jar cf ../ha-probe.war .)

export UPSKILL_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB" UPSKILL_DB_USER=root
export UPSKILL_KEYCLOAK_URL=$KEYCLOAK UPSKILL_KEYCLOAK_REALM=${UPSKILL_KEYCLOAK_REALM:-upskill}
export UPSKILL_OIDC_WEB_SECRET=${UPSKILL_OIDC_WEB_SECRET:-upskill-web-demo-secret}
export UPSKILL_ISSUER_KEY_FILE=$WORK/issuer-key.json   # one key for both nodes
export UPSKILL_SMTP_PORT=${UPSKILL_SMTP_PORT:-2525}
export UPSKILL_VERIFY_MAX_UNKNOWN_PER_MINUTE=6 UPSKILL_API_CLIENT_LIMITS=hr-demo=10
export LAUNCH_JBOSS_IN_BACKGROUND=1
export JAVA_OPTS="-Xms256m -Xmx768m -XX:MaxMetaspaceSize=512m -Djava.net.preferIPv4Stack=true"

start_node() { # N OFFSET: starts node N, waits for /api/health, prints the seconds it took
  local n=$1 offset=$2 port=$((8080 + $2)) t0 code
  mkdir -p "$WORK/node$n/deployments"
  cp "$WORK/probe/ha-probe.war" "$WORK/node$n/deployments/"
  t0=$(now)
  setsid bash "$ROOT/ear/src/main/wildfly/cluster-node.sh" "$WILDFLY_HOME" "$WORK/node$n" "node$n" "$offset" "$EAR" \
    </dev/null >"$LOGS/ha-node$n.log" 2>&1 &
  echo $! >"$WORK/node$n.pid"
  for _ in $(seq 1 300); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/health" || true)
    [ "$code" = 200 ] && { since "$t0"; return 0; }
    kill -0 "$(node_pid "$n")" 2>/dev/null || break
    sleep 1
  done
  bad "node$n did not answer /api/health (log: $LOGS/ha-node$n.log)"
  exit 1
}
view() { # the "ee" channel's view as node N sees it
  "$WILDFLY_HOME/bin/jboss-cli.sh" --connect --controller="127.0.0.1:$((9990 + $1))" \
    --command='/subsystem=jgroups/channel=ee:read-attribute(name=view)' 2>/dev/null |
    sed -n 's/.*"result" => "\(.*\)".*/\1/p'
}
members() { sed -n 's/.*(\([0-9]*\)) \[.*/\1/p' <<<"$1"; }
log_time() { # the time of day (seconds) of the first log line of node N matching PATTERN after line SKIP
  tail -n +"${3:-1}" "$LOGS/ha-node$1.log" | sed 's/\x1b\[[0-9;]*m//g' | grep -m1 -E "$2" |
    sed 's/^\([0-9:]*\),\([0-9]*\).*/\1.\2/'
}
tod() { local h m s; IFS=: read -r h m s <<<"$1"; echo "$((10#$h * 3600 + 10#$m * 60)) + $s" | bc; }

# --- two nodes, one view ---------------------------------------------------------------------------
say "Starting node1 (offset 1000)"
t1=$(start_node 1 1000); ok "node1 answers after ${t1}s"
say "Starting node2 (offset 1100)"
t2=$(start_node 2 1100); ok "node2 answers after ${t2}s"
join=$(echo "$(tod "$(log_time 2 WFLYCLJG0033)") - $(tod "$(log_time 2 WFLYCLJG0032)")" | bc)
ok "node2 joined node1's view ${join}s after it connected its channel"
v1=$(view 1000); v2=$(view 1100)
check "node1's view has 2 members ($v1)" "$(members "$v1")" 2
check "node2 sees the same view" "$v2" "$v1"

# --- an HTTP session on both nodes -----------------------------------------------------------------
jar_probe=$WORK/probe.cookies && rm -f "$jar_probe"
p=$(curl -s -c "$jar_probe" "http://127.0.0.1:9080/ha-probe/session?set=made-on-node1")
check "node1 makes the session" "$(grep -o 'new=[a-z]*' <<<"$p")" new=true
p=$(curl -s -b "$jar_probe" "http://127.0.0.1:9180/ha-probe/session")
check "node2 reads it" "$(grep -o 'node=node2.*value=made-on-node1.*count=2' <<<"$p" | wc -l)" 1
grep -q "who=Who\[id=42, name=made-on-node1" <<<"$p" && ok "the record came across" || bad "the record: $p"
p=$(curl -s -b "$jar_probe" "http://127.0.0.1:9080/ha-probe/session")
check "node1 sees node2's update" "$(grep -o 'count=[0-9]*' <<<"$p")" count=3

# --- the throttles hold across both nodes ----------------------------------------------------------
codes=""
for i in 1 2 3 4 5 6 7; do
  port=$((i % 2 == 1 ? 9080 : 9180))
  codes="$codes $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/verifications/NOSUCHCODE$i")"
done
check "6 unknown codes a minute in all, over both nodes" "$codes" " 404 404 404 404 404 404 429"
if curl -sf -o /dev/null "$KEYCLOAK/realms/$UPSKILL_KEYCLOAK_REALM/.well-known/openid-configuration"; then
  token=$(curl -s -d grant_type=client_credentials -d client_id=hr-demo -d client_secret=hr-demo-secret \
    "$KEYCLOAK/realms/$UPSKILL_KEYCLOAK_REALM/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
  codes=""
  for i in $(seq 1 11); do
    port=$((i % 2 == 1 ? 9080 : 9180))
    codes="$codes $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/completions")"
  done
  check "hr-demo: 10 requests a minute in all, over both nodes" "$codes" "$(printf ' 200%.0s' $(seq 1 10)) 429"
else
  say "skip  Keycloak does not serve the realm at $KEYCLOAK: no rate-limit or sign-in checks"
  KEYCLOAK=""
fi

# --- sign in, begun on node1, finished on node2 ----------------------------------------------------
app=$WORK/app.cookies kc=$WORK/kc.cookies && rm -f "$app" "$kc"
host="Host: $PUBLIC_HOST"
if [ -n "$KEYCLOAK" ]; then
  curl -s -o /dev/null -c "$app" -H "$host" "http://127.0.0.1:9080/signin?next=/my-learning"
  auth=$(curl -s -D - -o /dev/null -b "$app" -c "$app" -H "$host" "http://127.0.0.1:9080/signin/return" |
    tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
  action=$(curl -s -c "$kc" -b "$kc" "$auth" | grep -o 'action="[^"]*"' | head -n 1 | sed 's/action="//;s/"$//;s/&amp;/\&/g')
  back=$(curl -s -D - -o /dev/null -c "$kc" -b "$kc" --data-urlencode username=learner --data-urlencode password=learner \
    "$action" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
  curl -s -o /dev/null -b "$app" -c "$app" -H "$host" "http://127.0.0.1:9180${back#http://"$PUBLIC_HOST"}"
  next=$(curl -s -D - -o /dev/null -b "$app" -c "$app" -H "$host" "http://127.0.0.1:9180/signin/return" |
    tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
  check "node2 finished the sign-in node1 began, back to the page asked for" "$next" "http://$PUBLIC_HOST/my-learning"
  for port in 9080 9180 9080; do
    page=$(curl -s -b "$app" -c "$app" -H "$host" "http://127.0.0.1:$port/my-learning")
    check "signed in on :$port" "$(grep -c 'Priya Shah' <<<"$page" | sed 's/^[1-9][0-9]*$/yes/')" yes
  done
fi

# --- node1 dies ------------------------------------------------------------------------------------
lines=$(wc -l <"$LOGS/ha-node2.log")
t0=$(now); kill_tod=$(date +%T.%N)
kill -KILL "$(java_pid 1)"
say "node1 killed (SIGKILL)"
p=$(curl -s -b "$jar_probe" "http://127.0.0.1:9180/ha-probe/session")
check "node2 still has the session" "$(grep -o 'value=[^ ]*' <<<"$p")" value=made-on-node1
if [ -n "$KEYCLOAK" ]; then
  page=$(curl -s -b "$app" -c "$app" -H "$host" "http://127.0.0.1:9180/my-learning")
  check "still signed in on node2" "$(grep -c 'Priya Shah' <<<"$page" | sed 's/^[1-9][0-9]*$/yes/')" yes
fi
for _ in $(seq 1 60); do [ -n "$(log_time 2 'ISPN100001: Node node1 left' "$lines")" ] && break; sleep 0.5; done
left=$(log_time 2 'ISPN100001: Node node1 left' "$lines")
ok "node2 dropped node1 from the view $(echo "$(tod "$left") - $(tod "${kill_tod:0:12}")" | bc)s after the kill"
check "node2's view has 1 member" "$(members "$(view 1100)")" 1
check "node1's row is gone from the discovery table" "$(sql "select count(*) from $DB.JGROUPSPING")" 1

# --- node1 comes back ------------------------------------------------------------------------------
say "Starting node1 again"
t3=$(start_node 1 1000); ok "node1 answers again after ${t3}s"
check "the view has 2 members again" "$(members "$(view 1000)")" 2
p=$(curl -s -b "$jar_probe" "http://127.0.0.1:9080/ha-probe/session")
check "node1 has the session again" "$(grep -o 'value=[^ ]*' <<<"$p")" value=made-on-node1

say "Stopping both nodes"
t0=$(now); stop_nodes; ok "both stopped in $(since "$t0")s"
check "a clean stop empties the discovery table" "$(sql "select count(*) from $DB.JGROUPSPING")" 0
[ "$FAILED" = 0 ] && say "ALL PASSED" || { say "SOME CHECKS FAILED"; exit 1; }
