# The WildFly members of `./upskill cluster` (issue 17), sourced by ./upskill after haproxy.sh.
#
# Two members, node1 and node2, in the HA profile (ear/src/main/wildfly/cluster.cli), one WildFly
# installation (the one `./upskill start` unpacks) configured once more with UPSKILL_CLUSTER=true
# (standalone-upskill-ha.xml beside the single node's file), each run by cluster-node.sh in its own
# server folder $GALERA_DIR/wildfly-nodeN (data, log, deployments) with its log also copied to
# $LOG_DIR/cluster-nodeN.log. Port offsets UPSKILL_CLUSTER_PORT_OFFSET (1000) + 100 x (N - 1):
# node1 HTTP 9080, management 10990, JGroups 8600/58600; node2 9180, 11090, 8700/58700.
#
# What they share, as cluster members must:
#   - the database, through the SQL front (one Galera writer; JDBC_PING finds members there);
#   - the credential-signing key: UPSKILL_ISSUER_KEY when set, else the file $GALERA_DIR/issuer-key.json
#     (UPSKILL_ISSUER_KEY_FILE), which node1 generates on the very first start; node2 starts only
#     after node1 answers, so it reads that key and never makes one of its own;
#   - the public address https://localhost:8443 (UPSKILL_PUBLIC_URL: QR codes, credential ids, links
#     in emails), the balancer's;
#   - Keycloak: the cluster's own two Keycloak nodes, through their front http://localhost:8780
#     (cluster/keycloak.sh), never the single node's Keycloak of `./upskill start`.
# Members start one after the other: the first forms the JGroups cluster and runs the Flyway
# migrations, the second joins it once the first answers. That also keeps migrations from running
# twice at once: on Galera (wsrep_on) Flyway does not take its named lock (GET_LOCK) but locks its
# history table with SELECT ... FOR UPDATE, which Galera does not hold across statements the way
# InnoDB does (flyway/flyway#4271). Starting both at once on two cores is not faster either, and
# makes both coordinator for a moment (then they merge).

CLUSTER_MEMBERS=(1 2)
CLUSTER_PORT_OFFSET=${UPSKILL_CLUSTER_PORT_OFFSET:-1000}
CLUSTER_START_TIMEOUT=${UPSKILL_CLUSTER_START_TIMEOUT:-300}
CLUSTER_JAVA_OPTS=${UPSKILL_CLUSTER_JAVA_OPTS:--Xms256m -Xmx768m -XX:MaxMetaspaceSize=512m -Djava.net.preferIPv4Stack=true}

member_offset() { printf '%s' $((CLUSTER_PORT_OFFSET + 100 * ($1 - 1))); }
member_http_port() { printf '%s' $((8080 + $(member_offset "$1"))); }
member_management_port() { printf '%s' $((9990 + $(member_offset "$1"))); }
member_dir() { printf '%s' "$GALERA_DIR/wildfly-node$1"; }
member_log() { printf '%s' "$(member_dir "$1")/log/server.log"; }
member_health() { http_status "http://127.0.0.1:$(member_http_port "$1")/api/health"; }

# Whether member N's JVM runs (not only its launcher script).
member_running() { pid_alive "cluster-node$1" && pid_alive "cluster-node$1-java"; }

members_configure() {
  local stamp
  [[ "$CLUSTER_PORT_OFFSET" =~ ^[0-9]+$ ]] || die "UPSKILL_CLUSTER_PORT_OFFSET must be a number (it is '$CLUSTER_PORT_OFFSET')."
  stamp="ha $(cat "$ROOT"/ear/src/main/wildfly/*.cli "$CONFIGURE" | cksum) $(cksum <"$CONNECTOR") password:set"
  if [ "$(cat "$WILDFLY_HOME/standalone/upskill-ha-config.stamp" 2>/dev/null)" = "$stamp" ]; then
    return 0
  fi
  step "Configuring WildFly's HA profile for the cluster members (standalone-upskill-ha.xml)"
  # The password attribute is written only when UPSKILL_DB_PASSWORD is set (configure.sh): it is.
  UPSKILL_CLUSTER=true UPSKILL_DB_PASSWORD=$GALERA_DB_PASSWORD bash "$CONFIGURE" "$WILDFLY_HOME" mysql "$CONNECTOR" ||
    die "Configuring WildFly's HA profile failed (see $WILDFLY_HOME/standalone/configure-upskill-ha.log)."
  printf '%s' "$stamp" >"$WILDFLY_HOME/standalone/upskill-ha-config.stamp"
}

member_check_ports() {
  local n=$1 offset port what
  offset=$(member_offset "$n")
  for what in "HTTP 8080" "HTTPS 8443" "management 9990" "JGroups 7600" "JGroups failure detection 57600" "AJP 8009"; do
    port=$((${what##* } + offset))
    cluster_check_port "$port" "node$n ${what% *}" UPSKILL_CLUSTER_PORT_OFFSET
  done
}

# The JGroups discovery table keeps the rows of members that were killed; a first member finding
# only dead ones tries to join them for 20 s before it forms the cluster alone. With no member
# running, every row is stale: empty it (the table exists once a member has run).
members_forget_dead() {
  local n
  for n in "${GALERA_NODES[@]}"; do
    galera_synced "$n" || continue
    galera_sql "$n" -e "DELETE FROM \`$GALERA_DB_NAME\`.JGROUPSPING" || true
    return 0
  done
}

member_start() {
  local n=$1 port pid began
  port=$(member_http_port "$n")
  if member_running "$n"; then
    step "node$n already runs (http://127.0.0.1:$port, /api/health answers $(member_health "$n"))"
    return 0
  fi
  stop_process "cluster-node$n" quiet   # a launcher whose JVM is gone
  rm -f "$RUN_DIR/cluster-node$n-java.pid"
  member_check_ports "$n"
  mkdir -p "$(member_dir "$n")"
  step "Starting WildFly member node$n on port $port (log: $LOG_DIR/cluster-node$n.log)"
  (
    export UPSKILL_DB_URL="jdbc:mysql://127.0.0.1:$CLUSTER_SQL_PORT/$GALERA_DB_NAME"
    export UPSKILL_DB_USER=$GALERA_DB_USER UPSKILL_DB_PASSWORD=$GALERA_DB_PASSWORD
    export UPSKILL_KEYCLOAK_URL="$CLUSTER_KEYCLOAK_URL" UPSKILL_KEYCLOAK_REALM="$KEYCLOAK_REALM"
    export UPSKILL_OIDC_WEB_SECRET=${UPSKILL_OIDC_WEB_SECRET:-upskill-web-demo-secret}
    export UPSKILL_PUBLIC_URL="$CLUSTER_PUBLIC_URL"
    export UPSKILL_ISSUER_KEY_FILE=${UPSKILL_ISSUER_KEY_FILE:-$GALERA_DIR/issuer-key.json}
    export JBOSS_PIDFILE="$RUN_DIR/cluster-node$n-java.pid" LAUNCH_JBOSS_IN_BACKGROUND=1
    export JAVA_OPTS="$CLUSTER_JAVA_OPTS"
    exec setsid bash "$ROOT/ear/src/main/wildfly/cluster-node.sh" "$WILDFLY_HOME" "$(member_dir "$n")" \
      "node$n" "$(member_offset "$n")" "$EAR" </dev/null >"$LOG_DIR/cluster-node$n.log" 2>&1
  ) &
  pid=$!
  echo "$pid" >"$RUN_DIR/cluster-node$n.pid"
  STARTED+=("cluster-node$n")
  began=$SECONDS
  until [ "$(member_health "$n")" = 200 ]; do
    pid_alive "cluster-node$n" || die "node$n stopped while starting: $(member_reason "$n") (log: $LOG_DIR/cluster-node$n.log)"
    [ -f "$(member_dir "$n")/deployments/upskill.ear.failed" ] &&
      die "Deploying Upskill on node$n failed: $(member_reason "$n") (log: $LOG_DIR/cluster-node$n.log)"
    [ $((SECONDS - began)) -lt "$CLUSTER_START_TIMEOUT" ] ||
      die "node$n did not answer /api/health within ${CLUSTER_START_TIMEOUT}s: $(member_reason "$n") (log: $LOG_DIR/cluster-node$n.log)"
    sleep 1
  done
  step "node$n ready after $((SECONDS - began))s: $(member_view "$n")"
}

# The first ERROR of member N's log, shortened, or a pointer to the log.
member_reason() {
  local line
  line=$(sed 's/\x1b\[[0-9;]*m//g' "$LOG_DIR/cluster-node$1.log" 2>/dev/null | grep -m1 -E ' ERROR ' |
    sed -e 's/^[0-9:,]* ERROR //' | cut -c1-300 || true)
  printf '%s' "${line:-nothing in its log}"
}

# Member N's JGroups view, from its management interface (jboss-cli signs in as the local user,
# no password; a few seconds for the CLI's JVM): "cluster view [node1|1] (2) [node1, node2]". The
# log does not tell it: WildFly logs only the first view (WFLYCLJG0033) and Infinispan who joined.
member_view() {
  local view
  view=$(timeout 60 "$WILDFLY_HOME/bin/jboss-cli.sh" --connect --controller="127.0.0.1:$(member_management_port "$1")" \
    --command='/subsystem=jgroups/channel=ee:read-attribute(name=view)' 2>/dev/null |
    sed -n 's/.*"result" => "\(.*\)".*/\1/p' | sed 's/(v=[^)]*)//g' || true)
  printf 'cluster view %s' "${view:-not known (the management interface does not answer)}"
}

members_start() {
  members_configure
  local n any=0
  for n in "${CLUSTER_MEMBERS[@]}"; do
    if member_running "$n"; then any=1; fi
  done
  [ "$any" = 1 ] || members_forget_dead
  for n in "${CLUSTER_MEMBERS[@]}"; do member_start "$n"; done
}

members_stop() {
  local i
  for ((i = ${#CLUSTER_MEMBERS[@]} - 1; i >= 0; i--)); do
    stop_process "cluster-node${CLUSTER_MEMBERS[$i]}"
    rm -f "$RUN_DIR/cluster-node${CLUSTER_MEMBERS[$i]}-java.pid"
  done
}

members_status() {
  local n
  for n in "${CLUSTER_MEMBERS[@]}"; do
    if member_running "$n"; then
      say "node$n: running (pid $(cat "$RUN_DIR/cluster-node$n-java.pid")), http://127.0.0.1:$(member_http_port "$n")/api/health answers $(member_health "$n"), $(member_view "$n")"
    elif pid_alive "cluster-node$n"; then
      say "node$n: starting (launcher pid $(cat "$RUN_DIR/cluster-node$n.pid")), http://127.0.0.1:$(member_http_port "$n")"
    else
      say "node$n: not running, http://127.0.0.1:$(member_http_port "$n")"
    fi
  done
}
