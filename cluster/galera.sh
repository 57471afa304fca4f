# The 3-node MariaDB Galera cluster of `./upskill cluster` (issue 17), sourced by ./upskill.
#
# Three mariadbd processes from Debian's mariadb-server and galera-4 packages, run as root, each with
# its own folder under $UPSKILL_HOME/cluster/galera-N (my.cnf, data/, socket, pid file), its own
# loopback ports and its error log in $UPSKILL_HOME/logs/galera-N.log. Nothing here reads or touches
# the machine's own MariaDB (/etc/mysql, /var/lib/mysql, port 3306): every mariadbd and mariadb
# client gets --defaults-file or --no-defaults.
#
# Ports of node N (1..3), from two settings:
#   SQL          UPSKILL_GALERA_SQL_PORT  + N - 1          (3311, 3312, 3313)
#   replication  UPSKILL_GALERA_REPL_PORT + 10 * (N - 1)   (4567, 4577, 4587)
#   IST          replication port + 1                      (4568, 4578, 4588)
#   SST          replication port + 2                      (4569, 4579, 4589)

GALERA_NODES=(1 2 3)
GALERA_SQL_PORT=${UPSKILL_GALERA_SQL_PORT:-3311}
GALERA_REPL_PORT=${UPSKILL_GALERA_REPL_PORT:-4567}
# State snapshot transfer (a joiner's full copy) by mariabackup: rsync SST cannot work with nodes
# running as root (the joiner's rsync daemon drops to user nobody and cannot write the data folder).
GALERA_SST=mariabackup
GALERA_TIMEOUT=${UPSKILL_GALERA_TIMEOUT:-180}
GALERA_STOP_TIMEOUT=${UPSKILL_GALERA_STOP_TIMEOUT:-120}
GALERA_DB_NAME=${UPSKILL_GALERA_DB_NAME:-upskill}
GALERA_DB_USER=${UPSKILL_GALERA_DB_USER:-upskill}
GALERA_DB_PASSWORD=${UPSKILL_GALERA_DB_PASSWORD:-upskill}
GALERA_BUFFER_POOL=${UPSKILL_GALERA_BUFFER_POOL:-128M}
GALERA_GCACHE=${UPSKILL_GALERA_GCACHE:-256M}
GALERA_PROVIDER_OPTIONS=${UPSKILL_GALERA_PROVIDER_OPTIONS:-}
GALERA_DIR="$UPSKILL_HOME/cluster"
GALERA_MARIADBD=/usr/sbin/mariadbd
GALERA_PROVIDER=/usr/lib/galera/libgalera_smm.so

galera_dir() { printf '%s' "$GALERA_DIR/galera-$1"; }
galera_cnf() { printf '%s' "$GALERA_DIR/galera-$1/my.cnf"; }
galera_sock() { printf '%s' "$GALERA_DIR/galera-$1/mariadb.sock"; }
galera_log() { printf '%s' "$LOG_DIR/galera-$1.log"; }
galera_sql_port() { printf '%s' $((GALERA_SQL_PORT + $1 - 1)); }
galera_repl_port() { printf '%s' $((GALERA_REPL_PORT + 10 * ($1 - 1))); }
galera_ist_port() { printf '%s' $(($(galera_repl_port "$1") + 1)); }
galera_sst_port() { printf '%s' $(($(galera_repl_port "$1") + 2)); }

galera_check_settings() {
  local name value
  for name in GALERA_SQL_PORT GALERA_REPL_PORT GALERA_TIMEOUT GALERA_STOP_TIMEOUT; do
    value=${!name}
    [[ "$value" =~ ^[0-9]+$ ]] || die "UPSKILL_${name} must be a number (it is '$value')."
  done
  [ $((GALERA_REPL_PORT + 22)) -le 65535 ] && [ $((GALERA_SQL_PORT + 2)) -le 65535 ] ||
    die "UPSKILL_GALERA_SQL_PORT or UPSKILL_GALERA_REPL_PORT is too high."
  [ ${#GALERA_DIR} -le 80 ] ||
    die "UPSKILL_HOME is too long a path for the Galera nodes' sockets ($GALERA_DIR/galera-N/mariadb.sock, at most 108 characters)."
  for name in GALERA_DB_NAME GALERA_DB_USER; do
    [[ "${!name}" =~ ^[A-Za-z0-9_]+$ ]] || die "UPSKILL_${name} may hold only letters, digits and _ (it is '${!name}')."
  done
}

# The pid of node N's mariadbd when it runs (from our pid file, else from its own), else nothing.
galera_pid() {
  local n=$1 file pid
  for file in "$RUN_DIR/galera-$n.pid" "$(galera_dir "$n")/mariadb.pid"; do
    [ -f "$file" ] || continue
    pid=$(cat "$file" 2>/dev/null || true)
    [[ "$pid" =~ ^[0-9]+$ ]] || continue
    if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$(galera_cnf "$n")"; then
      printf '%s' "$pid"
      return 0
    fi
  done
  return 1
}

galera_running() { galera_pid "$1" >/dev/null; }

# SQL as root over node N's socket (root@localhost authenticates by unix_socket).
galera_sql() {
  local n=$1
  shift
  timeout 10 mariadb --no-defaults --protocol=socket -S "$(galera_sock "$n")" -uroot -N -B "$@" 2>/dev/null
}

# "size|state|ready|status" of a running node: wsrep_cluster_size, wsrep_local_state_comment,
# wsrep_ready, wsrep_cluster_status (Primary or not). Fails when the node does not answer.
galera_state() {
  local out
  out=$(galera_sql "$1" -e "SHOW GLOBAL STATUS WHERE Variable_name IN
      ('wsrep_cluster_size','wsrep_local_state_comment','wsrep_ready','wsrep_cluster_status')") || return 1
  [ -n "$out" ] || return 1
  printf '%s\n' "$out" | awk -F '\t' '{ v[$1] = $2 }
    END { printf "%s|%s|%s|%s", v["wsrep_cluster_size"], v["wsrep_local_state_comment"], v["wsrep_ready"], v["wsrep_cluster_status"] }'
}

galera_synced() {
  local state
  state=$(galera_state "$1") || return 1
  case "$state" in *"|Synced|ON|Primary") return 0 ;; *) return 1 ;; esac
}

# Why a node failed, from its error log since byte OFFSET: the first [ERROR] line that says something
# (MariaDB ends every failure with a bare "Aborting"), else the last thing it said about WSREP.
galera_log_reason() {
  local n=$1 offset=$2 reason
  reason=$(tail -c +"$((offset + 1))" "$(galera_log "$n")" 2>/dev/null |
    grep -E '\[ERROR\]' | grep -vE '\[ERROR\] (Aborting|mariadbd: Aborting)$' |
    grep -vE 'WSREP: (Process completed with error|Command did not run|Failed to read)' |
    head -n 1 | sed -e 's/^.*\[ERROR\] //' -e 's/ ([0-9]\{8\} [0-9:.]*)$//' -e 's/[[:space:]]*$//' \
      -e 's|^WSREP: \./[A-Za-z0-9_/]*\.[ch]pp:[A-Za-z0-9_]*():[0-9]*: |WSREP: |' || true)
  if [ -n "$reason" ]; then
    printf '%s' "$reason"
    return 0
  fi
  reason=$(tail -c +"$((offset + 1))" "$(galera_log "$n")" 2>/dev/null | grep -E 'WSREP' | tail -n 1 |
    sed -e 's/^[0-9-]* [0-9:]* [0-9]* \[[A-Za-z]*\] //' -e 's/ ([0-9]\{8\} [0-9:.]*)$//' -e 's/[[:space:]]*$//' || true)
  printf '%s' "${reason:+its last words: }${reason:-nothing in its log}"
}

# What a donor said about a failed state transfer, from the other nodes' logs since OFFSETS[m].
galera_donor_reason() {
  local n=$1 m line
  for m in "${GALERA_NODES[@]}"; do
    [ "$m" != "$n" ] && [ -n "${GALERA_LOG_OFFSET[$m]:-}" ] || continue
    line=$(tail -c +"$((GALERA_LOG_OFFSET[$m] + 1))" "$(galera_log "$m")" 2>/dev/null |
      grep -E '^WSREP_SST: \[ERROR\]|^rsync: |^\[[0-9]+\] .*(error|failed)' | head -n 1 |
      sed -e 's/^WSREP_SST: \[ERROR\] //' -e 's/ ([0-9]\{8\} [0-9:.]*)$//' || true)
    if [ -n "$line" ]; then
      printf '; donor galera-%s says: %s' "$m" "$line"
      return 0
    fi
  done
}

galera_ensure_packages() {
  local missing=()
  [ -x "$GALERA_MARIADBD" ] && [ -x /usr/bin/wsrep_sst_common ] || missing+=(mariadb-server)
  command -v mariadb >/dev/null 2>&1 || missing+=(mariadb-client)
  [ -f "$GALERA_PROVIDER" ] || missing+=(galera-4)
  command -v ss >/dev/null 2>&1 || missing+=(iproute2)
  command -v mariabackup >/dev/null 2>&1 || missing+=(mariadb-backup)
  command -v socat >/dev/null 2>&1 || missing+=(socat)
  [ ${#missing[@]} -eq 0 ] && return 0
  step "Installing ${missing[*]} from Debian's packages (log: $LOG_DIR/galera-install.log)"
  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"; } \
    >"$LOG_DIR/galera-install.log" 2>&1 ||
    die "Installing ${missing[*]} failed; see $LOG_DIR/galera-install.log"
}

galera_sst_password() {
  local file="$GALERA_DIR/sst-password"
  if [ ! -s "$file" ]; then
    (umask 077 && LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 24 >"$file")
  fi
  cat "$file"
}

galera_write_cnf() {
  local n=$1 dir address="" m
  dir=$(galera_dir "$n")
  for m in "${GALERA_NODES[@]}"; do address="$address${address:+,}127.0.0.1:$(galera_repl_port "$m")"; done
  mkdir -p "$dir/data"
  (umask 077 && cat >"$(galera_cnf "$n")" <<CNF)
# Written by ./upskill cluster start (cluster/galera.sh) on every start: edits here are lost.
[mysqld]
user = root
datadir = $dir/data
socket = $dir/mariadb.sock
pid-file = $dir/mariadb.pid
log-error = $(galera_log "$n")
port = $(galera_sql_port "$n")
bind-address = 127.0.0.1
skip-name-resolve
character-set-server = utf8mb4
collation-server = utf8mb4_general_ci
default-storage-engine = InnoDB
binlog_format = ROW
innodb_autoinc_lock_mode = 2
innodb_buffer_pool_size = $GALERA_BUFFER_POOL
innodb_flush_log_at_trx_commit = 2
performance_schema = OFF
max_connections = 300

wsrep_on = ON
wsrep_provider = $GALERA_PROVIDER
wsrep_cluster_name = upskill
wsrep_cluster_address = gcomm://$address
wsrep_node_name = galera-$n
wsrep_node_address = 127.0.0.1:$(galera_repl_port "$n")
wsrep_node_incoming_address = 127.0.0.1:$(galera_sql_port "$n")
wsrep_provider_options = "gmcast.listen_addr=tcp://127.0.0.1:$(galera_repl_port "$n");ist.recv_addr=127.0.0.1:$(galera_ist_port "$n");gcache.size=$GALERA_GCACHE;pc.recovery=TRUE${GALERA_PROVIDER_OPTIONS:+;$GALERA_PROVIDER_OPTIONS}"
wsrep_sst_method = $GALERA_SST
wsrep_sst_receive_address = 127.0.0.1:$(galera_sst_port "$n")
wsrep_sst_auth = upskill_sst:$(galera_sst_password)
wsrep_slave_threads = 2

[sst]
sst-log-archive-dir = $LOG_DIR/galera-$n-sst-archive
CNF
}

# seqno and safe_to_bootstrap from node N's grastate.dat ("" when it has none).
galera_grastate() {
  local file
  file="$(galera_dir "$1")/data/grastate.dat"
  [ -f "$file" ] || return 0
  awk '/^seqno:/ { s = $2 } /^safe_to_bootstrap:/ { b = $2 } END { printf "%s %s", s, b }' "$file"
}

# The last committed position (uuid:seqno) of a node stopped uncleanly (its grastate.dat says
# seqno -1), read from InnoDB by mariadbd --wsrep-recover (what Debian's galera_recovery does for
# systemd). Started with it as --wsrep_start_position, the node can catch up by IST, not a full SST.
# Sets GALERA_POSITION[N] ("" when mariadbd could not tell); run once per node and command.
declare -A GALERA_POSITION=()
declare -a GALERA_LOG_OFFSET=()
galera_recover_position() {
  local n=$1 out
  [ -z "${GALERA_POSITION[$n]+set}" ] || return 0
  out="$(galera_dir "$n")/recover.log"
  rm -f "$out"
  timeout "$GALERA_TIMEOUT" "$GALERA_MARIADBD" --defaults-file="$(galera_cnf "$n")" --wsrep-recover \
    --log-error="$out" >/dev/null 2>&1 || true
  GALERA_POSITION[$n]=$(sed -n 's/.*WSREP: Recovered position: *//p' "$out" 2>/dev/null | tail -n 1 | tr -d '[:space:]')
}

# Which node bootstraps when none runs, into GALERA_BOOTSTRAP: one whose grastate.dat has
# safe_to_bootstrap: 1 (the last to leave after a clean stop), else the one with the highest seqno
# (recovered from InnoDB for a node that was killed), else node 1 (a fresh cluster).
galera_pick_bootstrap() {
  local n state seqno best="" best_seqno=-2 have_data=0
  GALERA_BOOTSTRAP=1
  for n in "${GALERA_NODES[@]}"; do
    state=$(galera_grastate "$n")
    [ -n "$state" ] || continue
    have_data=1
    if [ "${state#* }" = 1 ]; then
      GALERA_BOOTSTRAP=$n
      return 0
    fi
  done
  [ "$have_data" = 1 ] || return 0
  for n in "${GALERA_NODES[@]}"; do
    state=$(galera_grastate "$n")
    [ -n "$state" ] || continue
    seqno=${state%% *}
    if [ "$seqno" = -1 ] || [ -z "$seqno" ]; then
      galera_write_cnf "$n"
      galera_recover_position "$n"
      seqno=${GALERA_POSITION[$n]##*:}
      step "galera-$n was not stopped cleanly: its recovered position is seqno ${seqno:-unknown}"
    fi
    [[ "$seqno" =~ ^-?[0-9]+$ ]] || continue
    if [ "$seqno" -gt "$best_seqno" ]; then best=$n best_seqno=$seqno; fi
  done
  [ -n "$best" ] || die "No Galera node has a usable state (see $GALERA_DIR/galera-*/data/grastate.dat)."
  sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$(galera_dir "$best")/data/grastate.dat"
  GALERA_BOOTSTRAP=$best
}

galera_port_owner() {
  local owner
  owner=$(ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*users:(("\([^"]*\)",pid=\([0-9]*\).*/\1 (pid \2)/p' | head -n 1)
  printf '%s' "${owner:-another program}"
}

galera_check_ports() {
  local n port what
  for n in "$@"; do
    for what in SQL replication IST SST; do
      case "$what" in
        SQL) port=$(galera_sql_port "$n") ;;
        replication) port=$(galera_repl_port "$n") ;;
        IST) port=$(galera_ist_port "$n") ;;
        SST) port=$(galera_sst_port "$n") ;;
      esac
      if port_open "$port" || ss -ltnH "sport = :$port" 2>/dev/null | grep -q .; then
        local setting=UPSKILL_GALERA_REPL_PORT
        [ "$what" = SQL ] && setting=UPSKILL_GALERA_SQL_PORT
        die "Port $port (galera-$n $what) is in use by $(galera_port_owner "$port"); stop it or set $setting."
      fi
    done
  done
}

# Starts node N (bootstrap: "new", else "join") and waits until it is Synced in a primary component.
galera_start_node() {
  local n=$1 mode=$2 dir log offset pid started state transfer
  dir=$(galera_dir "$n")
  log=$(galera_log "$n")
  galera_write_cnf "$n"
  if [ "$mode" = new ] && [ ! -d "$dir/data/mysql" ]; then
    step "Creating galera-$n's data folder"
    mariadb-install-db --defaults-file="$(galera_cnf "$n")" --skip-test-db --auth-root-authentication-method=socket \
      >"$LOG_DIR/galera-$n-install.log" 2>&1 || die "mariadb-install-db failed for galera-$n; see $LOG_DIR/galera-$n-install.log"
  fi
  local args=() grastate position
  grastate=$(galera_grastate "$n")
  if [ -n "$grastate" ] && [ "${grastate%% *}" = -1 ]; then
    local reported=${GALERA_POSITION[$n]+set}
    galera_recover_position "$n"
    position=${GALERA_POSITION[$n]}
    if [ -n "$position" ] && [ -z "$reported" ]; then
      step "galera-$n was not stopped cleanly: recovered position ${position##*:} from its InnoDB data"
    fi
    if [ -n "$position" ]; then
      args+=(--wsrep_start_position="$position")
    fi
  fi
  if [ "$mode" = new ]; then
    rm -f "$dir/data/gvwstate.dat"
    args+=(--wsrep-new-cluster)
    step "Bootstrapping the Galera cluster on galera-$n (SQL 127.0.0.1:$(galera_sql_port "$n"), log: $log)"
  else
    step "Starting galera-$n (SQL 127.0.0.1:$(galera_sql_port "$n")), joining the cluster (log: $log)"
  fi
  touch "$log"
  offset=$(stat -c %s "$log")
  local m
  GALERA_LOG_OFFSET=()
  for m in "${GALERA_NODES[@]}"; do GALERA_LOG_OFFSET[$m]=$(stat -c %s "$(galera_log "$m")" 2>/dev/null || echo 0); done
  started=$SECONDS
  setsid "$GALERA_MARIADBD" --defaults-file="$(galera_cnf "$n")" "${args[@]}" </dev/null >>"$log" 2>&1 &
  pid=$!
  disown "$pid"
  echo "$pid" >"$RUN_DIR/galera-$n.pid"
  STARTED+=("galera-$n")
  until galera_synced "$n"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      die "galera-$n stopped while starting: $(galera_log_reason "$n" "$offset")$(galera_donor_reason "$n") (log: $log)"
    fi
    if [ $((SECONDS - started)) -ge "$GALERA_TIMEOUT" ]; then
      state=$(galera_state "$n" || printf 'not answering SQL')
      die "galera-$n did not reach Synced within ${GALERA_TIMEOUT}s (state: ${state//|/, }): $(galera_log_reason "$n" "$offset")$(galera_donor_reason "$n") (log: $log)"
    fi
    sleep 0.5
  done
  transfer=$(tail -c +"$((offset + 1))" "$log" | sed -n 's/^WSREP_SST: \[INFO\] [a-z]* \([IS]ST\) completed on joiner.*/\1/p' | tail -n 1)
  case "$transfer" in
    SST) transfer="full copy (SST by $GALERA_SST)" ;;
    IST) transfer="incremental (IST)" ;;
    *) transfer="no state transfer needed" ;;
  esac
  step "galera-$n synced after $((SECONDS - started))s: $transfer"
}

# The SST user (mariabackup reads the donor through it), the app's database and user; idempotent.
galera_create_users() {
  local n=$1 sst_password app_password
  sst_password=$(galera_sst_password)
  app_password=${GALERA_DB_PASSWORD//\\/\\\\}
  app_password=${app_password//\'/\\\'}
  galera_sql "$n" -e "
    DROP USER IF EXISTS ''@'localhost', ''@'$(hostname)';
    CREATE USER IF NOT EXISTS 'upskill_sst'@'localhost' IDENTIFIED BY '$sst_password';
    ALTER USER 'upskill_sst'@'localhost' IDENTIFIED BY '$sst_password';
    GRANT RELOAD, PROCESS, LOCK TABLES, BINLOG MONITOR ON *.* TO 'upskill_sst'@'localhost';
    CREATE DATABASE IF NOT EXISTS \`$GALERA_DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;
    CREATE USER IF NOT EXISTS '$GALERA_DB_USER'@'%' IDENTIFIED BY '$app_password';
    ALTER USER '$GALERA_DB_USER'@'%' IDENTIFIED BY '$app_password';
    GRANT ALL PRIVILEGES ON \`$GALERA_DB_NAME\`.* TO '$GALERA_DB_USER'@'%';" ||
    die "Creating the database '$GALERA_DB_NAME' and its user on galera-$n failed."
  # A donor signs in with the wsrep_sst_auth it holds in memory: keep it equal to the password file.
  local m
  for m in "${GALERA_NODES[@]}"; do
    galera_running "$m" && galera_sql "$m" -e "SET GLOBAL wsrep_sst_auth = 'upskill_sst:$sst_password'" || true
  done
}

galera_start() {
  galera_check_settings
  galera_ensure_packages
  mkdir -p "$GALERA_DIR" "$RUN_DIR" "$LOG_DIR"
  local n running=() stopped=() primary=""
  for n in "${GALERA_NODES[@]}"; do
    if galera_running "$n"; then running+=("$n"); else stopped+=("$n"); fi
  done
  if [ ${#stopped[@]} -eq 0 ]; then
    step "The Galera cluster is already running"
  else
    galera_check_ports "${stopped[@]}"
    local began=$SECONDS
    if [ ${#running[@]} -eq 0 ]; then
      galera_pick_bootstrap
      galera_start_node "$GALERA_BOOTSTRAP" new
      galera_create_users "$GALERA_BOOTSTRAP"
      local rest=()
      for n in "${stopped[@]}"; do [ "$n" = "$GALERA_BOOTSTRAP" ] || rest+=("$n"); done
      stopped=("${rest[@]}")
    else
      for n in "${running[@]}"; do
        if galera_synced "$n"; then primary=$n; break; fi
      done
      [ -n "$primary" ] || die "galera-${running[0]} runs but is not Synced in a primary component ($(galera_state "${running[0]}" | tr '|' ' ' || echo 'not answering')); run ./upskill cluster stop, then start."
      galera_create_users "$primary"
    fi
    for n in "${stopped[@]}"; do galera_start_node "$n" join; done
    step "Galera nodes started in $((SECONDS - began))s"
  fi
  for n in "${GALERA_NODES[@]}"; do
    if galera_synced "$n"; then galera_create_users "$n"; break; fi
  done
}

galera_signal_session() {
  local signal=$1 sid=$2 pids
  pids=$(ps -o pid= -s "$sid" 2>/dev/null | tr -s ' \n' ' ' || true)
  # shellcheck disable=SC2086
  [ -z "${pids// /}" ] || kill -"$signal" $pids 2>/dev/null || true
}

galera_stop_node() {
  local n=$1 quiet=${2:-} pid deadline
  pid=$(galera_pid "$n") || { rm -f "$RUN_DIR/galera-$n.pid"; return 0; }
  [ -n "$quiet" ] || step "Stopping galera-$n (pid $pid)"
  # The node's whole session (it was started with setsid): a joiner only looks at signals once its
  # state transfer is over, so its SST script and that script's socat, mbstream or rsync (some in
  # process groups of their own, under timeout) must end for it to end.
  galera_signal_session TERM "$pid"
  deadline=$((SECONDS + GALERA_STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    say "galera-$n did not stop within ${GALERA_STOP_TIMEOUT}s; killing it (the next start recovers it)" >&2
    galera_signal_session KILL "$pid"
  fi
  rm -f "$RUN_DIR/galera-$n.pid"
}

# Highest node first, so that node 1 leaves last and is the one safe to bootstrap from next time.
galera_stop() {
  local i
  for ((i = ${#GALERA_NODES[@]} - 1; i >= 0; i--)); do galera_stop_node "${GALERA_NODES[$i]}"; done
}

galera_status() {
  local n pid state port grastate size comment ready status
  for n in "${GALERA_NODES[@]}"; do
    port=$(sed -n 's/^port = //p' "$(galera_cnf "$n")" 2>/dev/null || true)
    port=${port:-$(galera_sql_port "$n")}
    if pid=$(galera_pid "$n"); then
      if state=$(galera_state "$n"); then
        IFS='|' read -r size comment ready status <<<"$state"
        say "galera-$n: running (pid $pid), 127.0.0.1:$port, cluster size $size, $comment, ready $ready, $status"
      else
        say "galera-$n: running (pid $pid), 127.0.0.1:$port, not answering SQL yet (starting or receiving a state transfer)"
      fi
    else
      grastate=$(galera_grastate "$n")
      if [ -n "$grastate" ] && [ "${grastate%% *}" != "" ]; then
        say "galera-$n: not running, 127.0.0.1:$port (data kept: seqno ${grastate%% *}, safe_to_bootstrap ${grastate#* })"
      else
        say "galera-$n: not running, 127.0.0.1:$port (no usable data yet: the next start copies it whole)"
      fi
    fi
  done
}
