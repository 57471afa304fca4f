# The two HAProxy processes of `./upskill cluster` (issue 17), sourced by ./upskill after galera.sh:
#   the SQL front   127.0.0.1:3310 (UPSKILL_CLUSTER_SQL_PORT), TCP, ONE Galera node at a time
#   the balancer    https://localhost:8443 (UPSKILL_CLUSTER_HTTPS_PORT), HTTP, the WildFly members
# Both are Debian's haproxy (2.6), installed when missing, run as root in the foreground under
# setsid (their pid in $RUN_DIR/sql-front.pid and balancer.pid, their log in $LOG_DIR), each with a
# configuration written on every start into $GALERA_DIR and an admin socket there (`show stat`,
# `show servers state`; `cluster status` reads them with socat).
#
# Why two processes and not one with both listeners: stop goes in reverse start order (balancer,
# WildFly members, SQL front, Galera). A member that stops cleanly still needs the database (JGroups
# removes its row from JGROUPSPING, timers end their transactions); one HAProxy for both would cut
# the database before the members are down.
#
# --- The SQL front: a single writer -----------------------------------------------------------------
# Galera replicates synchronously but its row locks are local to the node that takes them: two
# transactions that lock the same row on two different nodes both go ahead, and the one that commits
# second fails certification with error 1213 (deadlock) at COMMIT. Upskill relies on row locks:
# the completions feed numbers its changes under a lock, the webhook dispatcher claims deliveries
# with SELECT ... FOR UPDATE SKIP LOCKED, the scheduled jobs claim their tick with a lock. So every
# WildFly member must write to the same Galera node. The usual layout (Severalnines' and Percona's
# HAProxy guides for Galera) is one active server and the others as `backup`: HAProxy sends every
# connection to the first server that is up and uses a backup only when no active one is
# (`option allbackups` is not set, so only the first backup that is up). Connector/J gets one
# address (the datasource validates each connection as it leaves the pool, so after a switch it
# drops the dead ones and opens new ones, which land on the new writer).
#
# Health: `option mysql-check` only sees that mariadbd accepts a login, which a Galera node does
# while it is Joining, Donor, or in a non-primary component (and then answers every query with
# ERROR 1047 "WSREP has not yet prepared node for application use"). A node counts only when it is
# Synced (wsrep_local_state 4) in a Primary component with wsrep_ready ON, what Percona's
# `clustercheck` reports over HTTP through xinetd. Here HAProxy runs that test itself as an
# `external-check` script (sql-front-check, written next to the configuration): it asks the node
# over its own unix socket as root (root@localhost signs in by unix_socket: no password anywhere),
# so no extra daemon or port per node. HAProxy insists on `insecure-fork-wanted` for it; this
# HAProxy serves only loopback and runs nothing but that script.
#
# No failing back (HAProxy's own recipe, "Emulating active/passive application clustering with
# HAProxy"): a `stick-table` with one key (`stick on int(1)`) remembers the writer in use.
# When galera-1 dies the entry moves to the backup that takes over, and when galera-1 is Synced
# again new connections still go to the writer in the table, so the old and the new writer are
# never both written to (plain backups would fail back at once while the pool still holds
# connections to the backup: two writers). `on-marked-down shutdown-sessions` cuts the connections
# to a writer that is marked down, so none lingers on a node that is Desynced or out of the primary
# component (a killed node's connections break by themselves).
#
# --- The balancer -------------------------------------------------------------------------------------
# TLS ends here with a self-signed certificate for localhost and 127.0.0.1, made with openssl on the
# first start ($GALERA_DIR/balancer.pem; delete it for a new one). HTTP/1.1 to the members, which
# see X-Forwarded-For/-Proto/-Host/-Port (always set here, never passed on from the client) and
# honour them (proxy-address-forwarding on their listener, cluster.cli), so OIDC redirects, links
# and the remote address of throttles name the public address and the real client.
# Health: GET /api/health every 2 s (200 while the member's database answers). Sticky sessions:
# HAProxy inserts its own cookie UPSKILL_NODE naming the server (`indirect`: only when it changes;
# `nocache`). WildFly also ends JSESSIONID with ".node1" (the route of the session's primary owner
# in the distributed cache), but a cookie of the balancer works from the first answer, also for
# pages without a session, and `option redispatch` sends a request whose node is down to the
# other one (which has the session: sessions are kept on both) and sets the cookie anew.

CLUSTER_SQL_PORT=${UPSKILL_CLUSTER_SQL_PORT:-3310}
CLUSTER_HTTPS_PORT=${UPSKILL_CLUSTER_HTTPS_PORT:-8443}
CLUSTER_PUBLIC_URL=${UPSKILL_CLUSTER_PUBLIC_URL:-https://localhost:$CLUSTER_HTTPS_PORT}
CLUSTER_FRONT_TIMEOUT=${UPSKILL_CLUSTER_FRONT_TIMEOUT:-30}

haproxy_ensure_package() {
  command -v haproxy >/dev/null 2>&1 && command -v openssl >/dev/null 2>&1 && return 0
  step "Installing haproxy and openssl from Debian's packages (log: $LOG_DIR/haproxy-install.log)"
  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y haproxy openssl; } \
    >"$LOG_DIR/haproxy-install.log" 2>&1 ||
    die "Installing haproxy failed; see $LOG_DIR/haproxy-install.log"
}

# Port PORT (what WHAT is, SETTING that moves it) must be free.
cluster_check_port() {
  local port=$1 what=$2 setting=$3
  if port_open "$port" || ss -ltnH "sport = :$port" 2>/dev/null | grep -q .; then
    die "Port $port ($what) is in use by $(galera_port_owner "$port"); stop it or set $setting."
  fi
}

# A command to an HAProxy admin socket (sql-front or balancer).
haproxy_command() {
  printf '%s\n' "$2" | timeout 5 socat - "UNIX-CONNECT:$GALERA_DIR/$1.sock" 2>/dev/null
}

# "server state" lines of one HAProxy's backend servers: name, status (UP, DOWN, ...), check result.
haproxy_servers() {
  haproxy_command "$1" "show stat" | awk -F, '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    $col["svname"] != "FRONTEND" && $col["svname"] != "BACKEND" && $col["svname"] != "" {
      status = $col["status"]; gsub(/ /, "-", status)   # "UP 1/2" while it changes
      printf "%s %s %s %s\n", $col["svname"], status, $col["check_status"], $col["bck"] }'
}

haproxy_start() { # NAME CONFIG WHAT
  local name=$1 cfg=$2 what=$3 log="$LOG_DIR/$1.log" pid
  haproxy -c -q -f "$cfg" >"$log" 2>&1 || die "HAProxy refuses its $what configuration $cfg: $(grep -m1 ALERT "$log")"
  setsid haproxy -db -f "$cfg" </dev/null >>"$log" 2>&1 &
  pid=$!
  echo "$pid" >"$RUN_DIR/$name.pid"
  STARTED+=("$name")
}

# --- the SQL front -------------------------------------------------------------------------------------

sql_front_write_config() {
  local check="$GALERA_DIR/sql-front-check" n backup
  cat >"$check" <<CHECK
#!/bin/sh
# Written by ./upskill cluster start (cluster/haproxy.sh): HAProxy's external check of one Galera
# node (HAPROXY_SERVER_NAME is galera-N). Succeeds only when the node is Synced (wsrep_local_state
# 4), in the Primary component and ready. Asks over the node's socket as root (unix_socket sign-in).
out=\$(timeout 3 mariadb --no-defaults --protocol=socket -S "$GALERA_DIR/\$HAPROXY_SERVER_NAME/mariadb.sock" \\
  -uroot -N -B -e "SELECT GROUP_CONCAT(VARIABLE_VALUE ORDER BY VARIABLE_NAME SEPARATOR ' ')
    FROM information_schema.GLOBAL_STATUS
    WHERE VARIABLE_NAME IN ('WSREP_CLUSTER_STATUS', 'WSREP_LOCAL_STATE', 'WSREP_READY')" 2>/dev/null) || exit 1
[ "\$out" = "Primary 4 ON" ]
CHECK
  chmod 755 "$check"
  {
    cat <<CFG
# Written by ./upskill cluster start (cluster/haproxy.sh) on every start: edits here are lost.
# The SQL front: one Galera node takes every connection (see cluster/haproxy.sh for why).
global
  log stdout format raw local0 info
  stats socket $GALERA_DIR/sql-front.sock mode 600 level admin
  maxconn 2000
  external-check
  insecure-fork-wanted

defaults
  mode tcp
  log global
  option tcplog
  timeout connect 3s
  # Pooled connections sit idle for long; the pool validates each one before use anyway.
  timeout client 1h
  timeout server 1h
  timeout check 4s

listen galera-writer
  bind 127.0.0.1:$CLUSTER_SQL_PORT
  option external-check
  external-check path "/usr/bin:/bin"
  external-check command $check
  # The writer in use, remembered: no failing back to galera-1 while connections are on a backup.
  # One key only, but size 2: HAProxy allocates the entry to store before it finds the existing
  # one, so a full table (size 1, nopurge) would keep naming the dead writer (tried: HAProxy 2.6).
  stick-table type integer size 2 nopurge
  stick on int(1)
  default-server check inter 1s fastinter 500ms downinter 1s rise 2 fall 2 on-marked-down shutdown-sessions
CFG
    for n in "${GALERA_NODES[@]}"; do
      backup=""
      [ "$n" = "${GALERA_NODES[0]}" ] || backup=" backup"
      printf '  server galera-%s 127.0.0.1:%s%s\n' "$n" "$(galera_sql_port "$n")" "$backup"
    done
  } >"$GALERA_DIR/sql-front.cfg"
}

# The Galera node the SQL front hands a new connection to (its wsrep_node_name), or nothing.
sql_front_writer() {
  MYSQL_PWD=$GALERA_DB_PASSWORD timeout 5 mariadb --no-defaults --protocol=tcp -h127.0.0.1 -P"$CLUSTER_SQL_PORT" \
    --connect-timeout=3 -u"$GALERA_DB_USER" -N -B -e 'SELECT @@wsrep_node_name' 2>/dev/null
}

sql_front_start() {
  haproxy_ensure_package
  if pid_alive sql-front; then
    step "The SQL front already runs (127.0.0.1:$CLUSTER_SQL_PORT, writer $(sql_front_writer || echo none))"
    return 0
  fi
  cluster_check_port "$CLUSTER_SQL_PORT" "SQL front" UPSKILL_CLUSTER_SQL_PORT
  sql_front_write_config
  step "Starting the SQL front on 127.0.0.1:$CLUSTER_SQL_PORT: one Galera writer, the others backups (log: $LOG_DIR/sql-front.log)"
  haproxy_start sql-front "$GALERA_DIR/sql-front.cfg" "SQL front"
  local began=$SECONDS writer=""
  until writer=$(sql_front_writer) && [ -n "$writer" ]; do
    pid_alive sql-front || die "The SQL front (HAProxy) stopped while starting: $(grep -m1 -E 'ALERT|rror' "$LOG_DIR/sql-front.log" || echo 'see its log') ($LOG_DIR/sql-front.log)"
    [ $((SECONDS - began)) -lt "$CLUSTER_FRONT_TIMEOUT" ] ||
      die "The SQL front did not hand out a Galera connection within ${CLUSTER_FRONT_TIMEOUT}s; see $LOG_DIR/sql-front.log"
    sleep 0.5
  done
  step "SQL front ready after $((SECONDS - began))s: writer $writer"
}

sql_front_stop() { stop_process sql-front; }

sql_front_status() {
  if ! pid_alive sql-front; then
    say "SQL front: not running (127.0.0.1:$CLUSTER_SQL_PORT)"
    return 0
  fi
  local writer servers
  writer=$(sql_front_writer || true)
  servers=$(haproxy_servers sql-front | awk '{ printf "%s%s %s%s", sep, $1, $2, ($4 == 1 ? " (backup)" : ""); sep = ", " }' || true)
  say "SQL front: running (pid $(cat "$RUN_DIR/sql-front.pid")), 127.0.0.1:$CLUSTER_SQL_PORT, writer ${writer:-none answers}; $servers"
}

# --- the balancer --------------------------------------------------------------------------------------

balancer_certificate() {
  local pem="$GALERA_DIR/balancer.pem"
  [ -s "$pem" ] && return 0
  step "Making the balancer's self-signed certificate for localhost ($pem)"
  (umask 077 && openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$pem.key" -out "$pem.crt" >"$LOG_DIR/balancer-certificate.log" 2>&1 &&
    cat "$pem.crt" "$pem.key" >"$pem" && rm -f "$pem.key") ||
    die "openssl could not make the balancer's certificate; see $LOG_DIR/balancer-certificate.log"
}

balancer_write_config() {
  local n
  {
    cat <<CFG
# Written by ./upskill cluster start (cluster/haproxy.sh) on every start: edits here are lost.
# The balancer: HTTPS in front of the WildFly members (see cluster/haproxy.sh).
global
  log stdout format raw local0 info
  stats socket $GALERA_DIR/balancer.sock mode 600 level admin
  maxconn 4000
  ssl-default-bind-options ssl-min-ver TLSv1.2

defaults
  mode http
  log global
  option httplog
  option dontlognull
  timeout connect 3s
  timeout client 60s
  timeout server 120s
  timeout http-request 10s
  timeout http-keep-alive 10s
  timeout check 5s

frontend https
  bind 127.0.0.1:$CLUSTER_HTTPS_PORT ssl crt $GALERA_DIR/balancer.pem alpn h2,http/1.1
  # Set, never appended: what a client sends in these headers is not believed.
  http-request set-header X-Forwarded-For %[src]
  http-request set-header X-Forwarded-Proto https
  http-request set-header X-Forwarded-Host %[req.hdr(host)]
  http-request set-header X-Forwarded-Port $CLUSTER_HTTPS_PORT
  default_backend wildfly

backend wildfly
  balance roundrobin
  option httpchk GET /api/health
  http-check expect status 200
  cookie UPSKILL_NODE insert indirect nocache httponly secure
  # A request whose server cannot be reached goes to another one (one retry, then redispatch).
  option redispatch
  retries 1
  default-server check inter 2s fastinter 1s downinter 2s rise 2 fall 2
CFG
    for n in "${CLUSTER_MEMBERS[@]}"; do
      printf '  server node%s 127.0.0.1:%s cookie node%s\n' "$n" "$(member_http_port "$n")" "$n"
    done
  } >"$GALERA_DIR/balancer.cfg"
}

https_status() { # the HTTP status of an https URL of the balancer (self-signed: not verified)
  curl -k -s -o /dev/null -m 10 -w '%{http_code}' "$1" 2>/dev/null || printf '000'
}

balancer_start() {
  if pid_alive balancer; then
    step "The balancer already runs ($CLUSTER_PUBLIC_URL)"
    return 0
  fi
  command -v curl >/dev/null 2>&1 || die "The cluster needs curl (apt-get install -y curl)."
  cluster_check_port "$CLUSTER_HTTPS_PORT" "HTTPS balancer" UPSKILL_CLUSTER_HTTPS_PORT
  balancer_certificate
  balancer_write_config
  step "Starting the balancer on https://127.0.0.1:$CLUSTER_HTTPS_PORT (log: $LOG_DIR/balancer.log)"
  haproxy_start balancer "$GALERA_DIR/balancer.cfg" "balancer"
  local began=$SECONDS
  # Every member must be UP in the balancer (its health checks passed), not just one.
  until [ "$(haproxy_servers balancer | awk '$2 == "UP"' | wc -l)" -eq "${#CLUSTER_MEMBERS[@]}" ] &&
    [ "$(https_status "https://127.0.0.1:$CLUSTER_HTTPS_PORT/api/health")" = 200 ]; do
    pid_alive balancer || die "The balancer (HAProxy) stopped while starting: $(grep -m1 -E 'ALERT|rror' "$LOG_DIR/balancer.log" || echo 'see its log') ($LOG_DIR/balancer.log)"
    [ $((SECONDS - began)) -lt "$CLUSTER_FRONT_TIMEOUT" ] ||
      die "The balancer did not see every member healthy within ${CLUSTER_FRONT_TIMEOUT}s ($(haproxy_servers balancer | tr '\n' ';')); see $LOG_DIR/balancer.log"
    sleep 0.5
  done
  step "Balancer ready after $((SECONDS - began))s: $CLUSTER_PUBLIC_URL"
}

balancer_stop() { stop_process balancer; }

balancer_status() {
  if ! pid_alive balancer; then
    say "Balancer: not running ($CLUSTER_PUBLIC_URL)"
    return 0
  fi
  local servers
  servers=$(haproxy_servers balancer | awk '{ printf "%s%s %s (%s)", sep, $1, $2, $3; sep = ", " }' || true)
  say "Balancer: running (pid $(cat "$RUN_DIR/balancer.pid")), $CLUSTER_PUBLIC_URL, /api/health answers $(https_status "https://127.0.0.1:$CLUSTER_HTTPS_PORT/api/health"); $servers"
}
