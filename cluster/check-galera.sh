#!/usr/bin/env bash
# A script-level check of `./upskill cluster` (Galera part), until a Java ClusterIT replaces it:
#   start the 3 nodes, write on galera-1, read on galera-3, kill -9 galera-2, keep writing on galera-1,
#   restart galera-2 (it must catch up by IST and see every write), stop, start again (the data is
#   still there), stop. Exits non-zero on the first failure. Run as root with the cluster stopped:
#   cluster/check-galera.sh
# It uses the same settings as ./upskill (UPSKILL_HOME, UPSKILL_GALERA_*), works in its own
# database galera_check (dropped at the end) and leaves the cluster stopped.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
UPSKILL="$ROOT/upskill"
UPSKILL_HOME=${UPSKILL_HOME:-$ROOT/.upskill}
case "$UPSKILL_HOME" in /*) ;; *) UPSKILL_HOME="$PWD/$UPSKILL_HOME" ;; esac
SQL_PORT=${UPSKILL_GALERA_SQL_PORT:-3311}
DB_USER=${UPSKILL_GALERA_DB_USER:-upskill}
DB_PASSWORD=${UPSKILL_GALERA_DB_PASSWORD:-upskill}
DB_NAME=${UPSKILL_GALERA_DB_NAME:-upskill}
TIMEOUT=${UPSKILL_GALERA_TIMEOUT:-180}

passed=0
failed=0
ok() { passed=$((passed + 1)); printf '  ok   %s\n' "$*"; }
fail() {
  failed=1
  printf '  FAIL %s\n' "$*" >&2
  printf 'check-galera: %s passed, 1 failed (the cluster is left as it is: ./upskill cluster status)\n' "$passed" >&2
  exit 1
}
# Any other failing command (set -e) ends the check too, and says so.
trap 'status=$?; if [ "$status" != 0 ] && [ "$failed" = 0 ] && [ "$status" != 2 ]; then
  printf "  FAIL a command failed (exit %s)\ncheck-galera: %s passed, 1 failed\n" "$status" "$passed" >&2; fi' EXIT

# SQL as root on node N over its socket (root@localhost authenticates by unix_socket).
sql() {
  local n=$1
  shift
  timeout 30 mariadb --no-defaults --protocol=socket -S "$UPSKILL_HOME/cluster/galera-$n/mariadb.sock" \
    -uroot -N -B "$@"
}
# A causal read: wsrep_sync_wait=1 makes the node apply everything the cluster committed before it.
read_count() { sql "$1" -e "SET SESSION wsrep_sync_wait = 1; SELECT COUNT(*) FROM galera_check.t"; }
status_var() { sql "$1" -e "SHOW GLOBAL STATUS LIKE '$2'" | cut -f2; }
node_pid() { cat "$UPSKILL_HOME/run/galera-$1.pid"; }

now() { printf '%s' "$EPOCHREALTIME"; }
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

# Waits until "$@" succeeds, polling every 0.2 s, for at most LIMIT seconds; prints the seconds taken.
wait_for() {
  local limit=$1 began=$EPOCHREALTIME deadline=$((SECONDS + $1))
  shift
  until "$@" 2>/dev/null; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.2
  done
  since "$began"
}
cluster_size_is() { [ "$(status_var "$1" wsrep_cluster_size)" = "$2" ]; }

[ "$(id -u)" = 0 ] || { echo "check-galera: run it as root (./upskill cluster needs root)." >&2; exit 2; }
if "$UPSKILL" cluster status 2>/dev/null | grep -q ': running'; then
  echo "check-galera: a Galera node already runs; stop the cluster first (./upskill cluster stop)." >&2
  exit 2
fi

system_pid=""
if [ -f /run/mysqld/mysqld.pid ] && (exec 3<>/dev/tcp/127.0.0.1/3306) 2>/dev/null; then
  system_pid=$(cat /run/mysqld/mysqld.pid)
fi

echo "check-galera: start"
t=$(now)
"$UPSKILL" cluster start >"$UPSKILL_HOME/logs/check-galera-start.log" 2>&1 ||
  fail "./upskill cluster start failed: $(tail -n 1 "$UPSKILL_HOME/logs/check-galera-start.log")"
start_seconds=$(since "$t")
synced=$("$UPSKILL" cluster status | grep -c 'cluster size 3, Synced, ready ON, Primary' || true)
[ "$synced" = 3 ] || fail "after start, $synced of 3 nodes are Synced in a 3-node primary component"
ok "cluster start: 3 nodes Synced, cluster size 3, in ${start_seconds}s"

for n in 1 2 3; do
  port=$((SQL_PORT + n - 1))
  got=$(timeout 30 mariadb --no-defaults -h 127.0.0.1 -P "$port" -u "$DB_USER" -p"$DB_PASSWORD" "$DB_NAME" -N -B \
    -e "SELECT @@wsrep_node_name") || fail "user $DB_USER cannot sign in to database $DB_NAME at 127.0.0.1:$port"
  [ "$got" = "galera-$n" ] || fail "127.0.0.1:$port answers as '$got', not galera-$n"
done
ok "user $DB_USER signs in to database $DB_NAME over TCP on all 3 nodes"

echo "check-galera: write on galera-1, read on galera-3"
sql 1 -e "DROP DATABASE IF EXISTS galera_check; CREATE DATABASE galera_check;
  CREATE TABLE galera_check.t (id INT AUTO_INCREMENT PRIMARY KEY, phase VARCHAR(20) NOT NULL, n INT NOT NULL);
  USE galera_check; INSERT INTO t (phase, n) SELECT 'before-kill', seq FROM seq_1_to_100;"
[ "$(read_count 3)" = 100 ] || fail "galera-3 reads $(read_count 3) rows, not the 100 written on galera-1"
ok "100 rows written on galera-1 are read on galera-3"

echo "check-galera: kill -9 galera-2"
pid2=$(node_pid 2)
kill -KILL "$pid2"
t=$(now)
detected=$(wait_for 60 cluster_size_is 1 2) || fail "galera-1 still counts 3 nodes 60s after galera-2 was killed"
ok "galera-2 (pid $pid2) killed; galera-1 sees a 2-node cluster after ${detected}s"
[ "$(status_var 1 wsrep_ready)" = ON ] && [ "$(status_var 1 wsrep_cluster_status)" = Primary ] ||
  fail "galera-1 is not ready in a primary component after galera-2 died"
sql 1 galera_check -e "INSERT INTO t (phase, n) SELECT 'after-kill', seq FROM seq_1_to_200"
sql 3 -e "INSERT INTO galera_check.t (phase, n) VALUES ('after-kill-on-3', 1)"
[ "$(read_count 1)" = 301 ] && [ "$(read_count 3)" = 301 ] || fail "after the kill, galera-1 and galera-3 do not both read 301 rows"
ok "writes go on with galera-2 dead: 201 more rows, 301 on galera-1 and galera-3"

echo "check-galera: restart galera-2"
log2="$UPSKILL_HOME/logs/galera-2.log"
offset=$(stat -c %s "$log2")
t=$(now)
"$UPSKILL" cluster start >"$UPSKILL_HOME/logs/check-galera-rejoin.log" 2>&1 ||
  fail "./upskill cluster start (restarting galera-2) failed: $(tail -n 1 "$UPSKILL_HOME/logs/check-galera-rejoin.log")"
rejoin_seconds=$(since "$t")
grep -q 'galera-2 synced after .*incremental (IST)' "$UPSKILL_HOME/logs/check-galera-rejoin.log" ||
  fail "galera-2 did not catch up by IST: $(grep 'galera-2 synced' "$UPSKILL_HOME/logs/check-galera-rejoin.log" || echo 'no sync line')"
ist=$(tail -c +"$((offset + 1))" "$log2" | sed -n 's/.*WSREP: Receiving IST: \([0-9]*\) writesets.*/\1/p' | head -n 1)
[ "$(status_var 2 wsrep_local_state_comment)" = Synced ] && [ "$(status_var 2 wsrep_cluster_size)" = 3 ] ||
  fail "galera-2 is not Synced in a 3-node cluster after its restart"
ok "galera-2 rejoined by IST (${ist:-?} write sets) and is Synced in ${rejoin_seconds}s (the whole ./upskill cluster start)"
[ "$(read_count 2)" = 301 ] || fail "galera-2 reads $(read_count 2) rows after rejoining, not 301"
checksums=$(for n in 1 2 3; do sql "$n" -e "CHECKSUM TABLE galera_check.t" | cut -f2; done | sort -u | wc -l)
[ "$checksums" = 1 ] || fail "the three nodes' CHECKSUM TABLE galera_check.t differ"
ok "galera-2 sees every write (301 rows); the table's checksum is the same on the 3 nodes"

echo "check-galera: stop, start again, stop"
"$UPSKILL" cluster stop >/dev/null 2>&1 || fail "./upskill cluster stop failed"
! "$UPSKILL" cluster status | grep -q ': running' || fail "a node still runs after ./upskill cluster stop"
safe=$(grep -l '^safe_to_bootstrap: 1' "$UPSKILL_HOME"/cluster/galera-*/data/grastate.dat 2>/dev/null | wc -l)
[ "$safe" = 1 ] || fail "after a clean stop, $safe nodes (not 1) have safe_to_bootstrap: 1"
ok "cluster stop: no node runs, exactly one node is marked safe to bootstrap"
t=$(now)
"$UPSKILL" cluster start >"$UPSKILL_HOME/logs/check-galera-restart.log" 2>&1 ||
  fail "./upskill cluster start after a stop failed: $(tail -n 1 "$UPSKILL_HOME/logs/check-galera-restart.log")"
restart_seconds=$(since "$t")
[ "$(read_count 3)" = 301 ] || fail "after stop and start, galera-3 reads $(read_count 3) rows, not 301"
ok "cluster start after stop resumes the kept data (301 rows) in ${restart_seconds}s"
sql 1 -e "DROP DATABASE galera_check"
"$UPSKILL" cluster stop >/dev/null 2>&1 || fail "./upskill cluster stop failed"
! "$UPSKILL" cluster status | grep -q ': running' || fail "a node still runs after the last ./upskill cluster stop"
ok "cluster stopped again"

if [ -n "$system_pid" ]; then
  [ "$(cat /run/mysqld/mysqld.pid 2>/dev/null)" = "$system_pid" ] && kill -0 "$system_pid" 2>/dev/null &&
    (exec 3<>/dev/tcp/127.0.0.1/3306) 2>/dev/null || fail "the machine's own MariaDB (pid $system_pid, port 3306) no longer runs"
  ok "the machine's own MariaDB on 3306 still runs (pid $system_pid), untouched"
fi

echo "check-galera: start ${start_seconds}s, kill noticed ${detected}s, rejoin ${rejoin_seconds}s, restart after stop ${restart_seconds}s"
echo "check-galera: $passed passed, 0 failed"
