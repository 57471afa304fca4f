# The Keycloak of `./upskill cluster` (issue 17), sourced by ./upskill after haproxy.sh: two Keycloak
# nodes in production mode (kc.sh start, not start-dev) on the Galera cluster, behind a front of
# their own.
#
#   the SSO front   http://localhost:8780 (UPSKILL_CLUSTER_KEYCLOAK_PORT), HAProxy in HTTP mode:
#                   the only Keycloak address anyone uses (browsers, the WildFly members, tests)
#   keycloak-N      HTTP 8780 + N, management (health) 9780 + N, JGroups 7800 + 10 x N on 127.0.0.1
#
# - Database: `keycloak` on Galera (UPSKILL_CLUSTER_KEYCLOAK_DB), reached through the SQL front like
#   the members' (one writer: Keycloak takes row locks too, for its Liquibase migrations and its
#   JGroups table). No XA: Galera has none (Keycloak's default since 26, stated anyway).
# - One installation: the distribution that `./upskill start` unpacks is copied once and built for
#   MariaDB (`kc.sh build`, stamped with its options) into $GALERA_DIR/keycloak; each node runs a copy
#   of that build in $GALERA_DIR/keycloak-node-N (a node's data/ holds its own transaction log) with
#   `kc.sh start --optimized`.
# - Clustering: Keycloak's own Infinispan over JGroups with its default `jdbc-ping` stack (discovery
#   through a table in its database: no multicast), bound to loopback. User sessions are persisted in
#   the database (Keycloak 26's default), so a node that dies loses no one's sign-in.
# - The realm: imported by the first node's first start (--import-realm). When
#   keycloak-realm/upskill-realm.json changes, the `keycloak` database is made afresh (as the single
#   node's H2 is), since Keycloak skips a realm that exists.
# - The front: HAProxy balances the nodes round-robin, health-checked on each node's /health/ready
#   (management port), sticky by a cookie of its own (Keycloak needs no stickiness: its
#   authentication sessions are in a distributed cache, but sticky spares the hops) and sets
#   X-Forwarded-* (Keycloak honours them from 127.0.0.1 only). Plain HTTP on loopback: the WildFly
#   members talk to Keycloak on the back channel (discovery, keys, code exchange) and would have to
#   trust a self-signed certificate. In production TLS ends at this front, with a real certificate.
#   Its own process, so that `cluster stop` can stop it after the members and before the database.

KC_NODES=(1 2)
# 8780: clear of the servers the tests start meanwhile (8080 + offsets 200…740; 8280 is the
# system tests' WildFly, which runs while ClusterIT does).
KC_FRONT_PORT=${UPSKILL_CLUSTER_KEYCLOAK_PORT:-8780}
CLUSTER_KEYCLOAK_URL="http://localhost:$KC_FRONT_PORT"
KC_DB_NAME=${UPSKILL_CLUSTER_KEYCLOAK_DB:-keycloak}
KC_DB_USER=keycloak
KC_DB_PASSWORD=${UPSKILL_CLUSTER_KEYCLOAK_DB_PASSWORD:-keycloak}
KC_HEAP=${UPSKILL_CLUSTER_KEYCLOAK_HEAP:--Xms128m -Xmx512m}
KC_BUILD_DIR="$GALERA_DIR/keycloak"
KC_BUILD_OPTIONS=(--db=mariadb --transaction-xa-enabled=false --cache=ispn --cache-stack=jdbc-ping
  --health-enabled=true --metrics-enabled=true)

kc_node_dir() { printf '%s' "$GALERA_DIR/keycloak-node-$1"; }
kc_http_port() { printf '%s' $((KC_FRONT_PORT + $1)); }
kc_management_port() { printf '%s' $((KC_FRONT_PORT + 1000 + $1)); }
kc_jgroups_port() { printf '%s' $((7800 + 10 * $1)); }
kc_ready() { [ "$(http_status "http://127.0.0.1:$(kc_management_port "$1")/health/ready")" = 200 ]; }
kc_front_ready() { [ "$(http_status "$CLUSTER_KEYCLOAK_URL/realms/$KEYCLOAK_REALM/.well-known/openid-configuration")" = 200 ]; }

kc_check_settings() {
  [[ "$KC_FRONT_PORT" =~ ^[0-9]+$ ]] && [ "$KC_FRONT_PORT" -le 64000 ] ||
    die "UPSKILL_CLUSTER_KEYCLOAK_PORT must be a port number up to 64000 (it is '$KC_FRONT_PORT')."
  [[ "$KC_DB_NAME" =~ ^[A-Za-z0-9_]+$ ]] ||
    die "UPSKILL_CLUSTER_KEYCLOAK_DB may hold only letters, digits and _ (it is '$KC_DB_NAME')."
  [ "$KC_DB_NAME" != "$GALERA_DB_NAME" ] ||
    die "UPSKILL_CLUSTER_KEYCLOAK_DB must not be Upskill's own database ('$GALERA_DB_NAME')."
}

kc_check_ports() {
  local n
  pid_alive sso-front || cluster_check_port "$KC_FRONT_PORT" "Keycloak front" UPSKILL_CLUSTER_KEYCLOAK_PORT
  for n in "${KC_NODES[@]}"; do
    pid_alive "keycloak-$n" && continue
    cluster_check_port "$(kc_http_port "$n")" "keycloak-$n HTTP" UPSKILL_CLUSTER_KEYCLOAK_PORT
    cluster_check_port "$(kc_management_port "$n")" "keycloak-$n management" UPSKILL_CLUSTER_KEYCLOAK_PORT
    cluster_check_port "$(kc_jgroups_port "$n")" "keycloak-$n JGroups" UPSKILL_CLUSTER_KEYCLOAK_PORT
  done
}

# The distribution built for the cluster, once per Keycloak version and set of build options.
kc_build() {
  local stamp="$KEYCLOAK_VERSION ${KC_BUILD_OPTIONS[*]}" n
  if [ "$(cat "$KC_BUILD_DIR/upskill-build.stamp" 2>/dev/null)" = "$stamp" ]; then return 0; fi
  ensure_keycloak
  step "Building Keycloak $KEYCLOAK_VERSION for the cluster: ${KC_BUILD_OPTIONS[*]} (log: $LOG_DIR/keycloak-build.log)"
  rm -rf "$KC_BUILD_DIR"
  for n in "${KC_NODES[@]}"; do rm -rf "$(kc_node_dir "$n")"; done
  cp -a "$KEYCLOAK_HOME" "$KC_BUILD_DIR"
  rm -rf "$KC_BUILD_DIR/data"
  "$KC_BUILD_DIR/bin/kc.sh" build "${KC_BUILD_OPTIONS[@]}" </dev/null >"$LOG_DIR/keycloak-build.log" 2>&1 ||
    die "Building Keycloak for the cluster failed; see $LOG_DIR/keycloak-build.log"
  printf '%s' "$stamp" >"$KC_BUILD_DIR/upskill-build.stamp"
}

# Keycloak's database and user on Galera (idempotent, as root on a synced node); made afresh when
# the realm file changed since the realm was imported.
kc_database() {
  local n checksum stamp="$GALERA_DIR/keycloak-realm.cksum" password reset=""
  checksum=$(cksum <"$REALM_FILE")
  if [ "$(cat "$stamp" 2>/dev/null)" != "$checksum" ]; then
    reset="DROP DATABASE IF EXISTS \`$KC_DB_NAME\`;"
    for n in "${KC_NODES[@]}"; do rm -rf "$(kc_node_dir "$n")/data"; done
  fi
  password=${KC_DB_PASSWORD//\\/\\\\}
  password=${password//\'/\\\'}
  for n in "${GALERA_NODES[@]}"; do
    galera_synced "$n" || continue
    [ -z "$reset" ] || step "The realm file is new to the cluster's Keycloak: its database '$KC_DB_NAME' is made afresh"
    galera_sql "$n" -e "$reset
      CREATE DATABASE IF NOT EXISTS \`$KC_DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;
      CREATE USER IF NOT EXISTS '$KC_DB_USER'@'%' IDENTIFIED BY '$password';
      ALTER USER '$KC_DB_USER'@'%' IDENTIFIED BY '$password';
      GRANT ALL PRIVILEGES ON \`$KC_DB_NAME\`.* TO '$KC_DB_USER'@'%';" ||
      die "Creating Keycloak's database '$KC_DB_NAME' on galera-$n failed."
    printf '%s' "$checksum" >"$stamp"
    return 0
  done
  die "No Galera node is synced: Keycloak's database cannot be made."
}

# The first telling ERROR of node N's log (not Keycloak's "Failed to start server" before the reason
# or its "For more details" after), shortened, or a pointer to the log.
kc_reason() {
  local line
  line=$(sed 's/\x1b\[[0-9;]*m//g' "$LOG_DIR/keycloak-$1.log" 2>/dev/null | grep -E ' ERROR ' |
    grep -v -E 'Failed to start server|For more details' | head -n 1 |
    sed -e 's/^.* ERROR //' | cut -c1-300 || true)
  printf '%s' "${line:-nothing in its log}"
}

# Node N's last Infinispan cluster view, from its log: "(2) [keycloak-1, keycloak-2]".
kc_view() {
  local view
  view=$(sed 's/\x1b\[[0-9;]*m//g' "$LOG_DIR/keycloak-$1.log" 2>/dev/null |
    sed -n 's/.*ISPN000094: Received new cluster view for channel ISPN: \[[^]]*\] \(([0-9]*) \[[^]]*\]\).*/\1/p' | tail -n 1 | sed 's/(v=[^)]*)//g' || true)
  printf 'cluster view %s' "${view:-(1) not formed yet}"
}

kc_start_node() {
  local n=$1 dir pid began
  dir=$(kc_node_dir "$n")
  if pid_alive "keycloak-$n"; then
    step "keycloak-$n already runs (http://127.0.0.1:$(kc_http_port "$n"))"
    return 0
  fi
  if [ ! -f "$dir/upskill-build.stamp" ] || ! cmp -s "$dir/upskill-build.stamp" "$KC_BUILD_DIR/upskill-build.stamp"; then
    rm -rf "$dir"
    cp -a "$KC_BUILD_DIR" "$dir"
  fi
  mkdir -p "$dir/data/import"
  cp "$REALM_FILE" "$dir/data/import/upskill-realm.json"
  step "Starting keycloak-$n (production mode) on port $(kc_http_port "$n") (log: $LOG_DIR/keycloak-$n.log)"
  # The database password and the bootstrap admin (made only while the master realm has no admin)
  # go by environment, not on the command line.
  KC_DB_PASSWORD=$KC_DB_PASSWORD \
    KC_BOOTSTRAP_ADMIN_USERNAME=${UPSKILL_KEYCLOAK_ADMIN:-admin} \
    KC_BOOTSTRAP_ADMIN_PASSWORD=${UPSKILL_KEYCLOAK_ADMIN_PASSWORD:-admin} \
    JAVA_OPTS_KC_HEAP="$KC_HEAP" \
    setsid "$dir/bin/kc.sh" start --optimized \
    --db-url="jdbc:mariadb://127.0.0.1:$CLUSTER_SQL_PORT/$KC_DB_NAME" --db-username="$KC_DB_USER" \
    --db-pool-max-size=20 \
    --http-enabled=true --http-host=127.0.0.1 --http-port="$(kc_http_port "$n")" \
    --http-management-port="$(kc_management_port "$n")" \
    --hostname="$CLUSTER_KEYCLOAK_URL" --proxy-headers=xforwarded --proxy-trusted-addresses=127.0.0.1 \
    --cache-embedded-network-bind-address=127.0.0.1 --cache-embedded-network-bind-port="$(kc_jgroups_port "$n")" \
    --import-realm --spi-cache-embedded-default-node-name="keycloak-$n" \
    </dev/null >"$LOG_DIR/keycloak-$n.log" 2>&1 &
  pid=$!
  echo "$pid" >"$RUN_DIR/keycloak-$n.pid"
  STARTED+=("keycloak-$n")
  began=$SECONDS
  until kc_ready "$n"; do
    pid_alive "keycloak-$n" || die "keycloak-$n stopped while starting: $(kc_reason "$n") (log: $LOG_DIR/keycloak-$n.log)"
    [ $((SECONDS - began)) -lt "$KEYCLOAK_TIMEOUT" ] ||
      die "keycloak-$n was not ready within ${KEYCLOAK_TIMEOUT}s: $(kc_reason "$n") (log: $LOG_DIR/keycloak-$n.log)"
    sleep 1
  done
  step "keycloak-$n ready after $((SECONDS - began))s: $(kc_view "$n")"
}

sso_front_write_config() {
  local n
  {
    cat <<CFG
# Written by ./upskill cluster start (cluster/keycloak.sh) on every start: edits here are lost.
# The SSO front: HTTP in front of the Keycloak nodes (see cluster/keycloak.sh).
global
  log stdout format raw local0 info
  stats socket $GALERA_DIR/sso-front.sock mode 600 level admin
  maxconn 2000

defaults
  mode http
  log global
  option httplog
  option dontlognull
  timeout connect 3s
  timeout client 60s
  timeout server 60s
  timeout http-request 10s
  timeout http-keep-alive 10s
  timeout check 5s

frontend sso
  bind 127.0.0.1:$KC_FRONT_PORT
  # Set, never appended: what a client sends in these headers is not believed.
  http-request set-header X-Forwarded-For %[src]
  http-request set-header X-Forwarded-Proto http
  http-request set-header X-Forwarded-Host %[req.hdr(host)]
  http-request set-header X-Forwarded-Port $KC_FRONT_PORT
  default_backend keycloak

backend keycloak
  balance roundrobin
  option httpchk GET /health/ready
  http-check expect status 200
  cookie UPSKILL_SSO_NODE insert indirect nocache httponly
  option redispatch
  retries 1
  default-server check inter 2s fastinter 1s downinter 2s rise 2 fall 2
CFG
    for n in "${KC_NODES[@]}"; do
      printf '  server keycloak-%s 127.0.0.1:%s port %s cookie keycloak-%s\n' \
        "$n" "$(kc_http_port "$n")" "$(kc_management_port "$n")" "$n"
    done
  } >"$GALERA_DIR/sso-front.cfg"
}

sso_front_start() {
  if pid_alive sso-front; then
    step "The Keycloak front already runs ($CLUSTER_KEYCLOAK_URL)"
  else
    sso_front_write_config
    step "Starting the Keycloak front on $CLUSTER_KEYCLOAK_URL (log: $LOG_DIR/sso-front.log)"
    haproxy_start sso-front "$GALERA_DIR/sso-front.cfg" "Keycloak front"
  fi
  local began=$SECONDS
  until [ "$(haproxy_servers sso-front | awk '$2 == "UP"' | wc -l)" -eq "${#KC_NODES[@]}" ] && kc_front_ready; do
    pid_alive sso-front || die "The Keycloak front (HAProxy) stopped while starting: $(grep -m1 -E 'ALERT|rror' "$LOG_DIR/sso-front.log" || echo 'see its log') ($LOG_DIR/sso-front.log)"
    [ $((SECONDS - began)) -lt "$CLUSTER_FRONT_TIMEOUT" ] ||
      die "The Keycloak front did not see every Keycloak node healthy within ${CLUSTER_FRONT_TIMEOUT}s ($(haproxy_servers sso-front | tr '\n' ';')); see $LOG_DIR/sso-front.log"
    sleep 0.5
  done
  step "Keycloak front ready after $((SECONDS - began))s: realm '$KEYCLOAK_REALM' at $CLUSTER_KEYCLOAK_URL"
}

# Both nodes, one after the other (the first imports the realm and runs the migrations; on Galera a
# second node migrating at the same time would race it, as Flyway would: see members.sh), then the
# front.
keycloak_cluster_start() {
  kc_check_settings
  kc_build
  local n any=0
  for n in "${KC_NODES[@]}"; do
    if pid_alive "keycloak-$n"; then any=1; fi
  done
  # A first node finding only dead members in JGroups' table waits for them before forming alone.
  if [ "$any" = 0 ]; then kc_database; kc_forget_dead; fi
  for n in "${KC_NODES[@]}"; do kc_start_node "$n"; done
  sso_front_start
}

kc_forget_dead() {
  local n
  for n in "${GALERA_NODES[@]}"; do
    galera_synced "$n" || continue
    galera_sql "$n" -e "DELETE FROM \`$KC_DB_NAME\`.JGROUPS_PING" 2>/dev/null || true
    return 0
  done
}

keycloak_cluster_stop() {
  local i
  stop_process sso-front
  for ((i = ${#KC_NODES[@]} - 1; i >= 0; i--)); do stop_process "keycloak-${KC_NODES[$i]}"; done
}

keycloak_cluster_status() {
  local n servers
  for n in "${KC_NODES[@]}"; do
    if pid_alive "keycloak-$n"; then
      if kc_ready "$n"; then
        say "keycloak-$n: running (pid $(cat "$RUN_DIR/keycloak-$n.pid")), ready, http://127.0.0.1:$(kc_http_port "$n"), $(kc_view "$n")"
      else
        say "keycloak-$n: running (pid $(cat "$RUN_DIR/keycloak-$n.pid")), not ready, http://127.0.0.1:$(kc_http_port "$n")"
      fi
    else
      say "keycloak-$n: not running, http://127.0.0.1:$(kc_http_port "$n")"
    fi
  done
  if pid_alive sso-front; then
    servers=$(haproxy_servers sso-front | awk '{ printf "%s%s %s (%s)", sep, $1, $2, $3; sep = ", " }' || true)
    say "Keycloak front: running (pid $(cat "$RUN_DIR/sso-front.pid")), $CLUSTER_KEYCLOAK_URL, realm '$KEYCLOAK_REALM' $(kc_front_ready && echo answers || echo 'does not answer'); $servers"
  else
    say "Keycloak front: not running ($CLUSTER_KEYCLOAK_URL)"
  fi
}
