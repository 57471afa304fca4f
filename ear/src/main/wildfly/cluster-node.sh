#!/usr/bin/env bash
# Runs one member of an Upskill cluster, in the foreground (the caller puts it in the background and
# keeps its pid):
#   cluster-node.sh JBOSS_HOME NODE_DIR NODE_NAME PORT_OFFSET EAR [standalone.sh options...]
# JBOSS_HOME must have been configured with `UPSKILL_CLUSTER=true configure.sh JBOSS_HOME mysql
# CONNECTOR_JAR` (which writes standalone-upskill-ha.xml). Several members share one JBOSS_HOME; each
# gets its own server folder NODE_DIR (jboss.server.base.dir: configuration, deployments, data, log,
# tmp), made here from JBOSS_HOME/standalone on the first start, with the EAR deployed in it.
# The configuration file is copied afresh on every start, so a changed cluster.cli applies.
#
# The node's settings come from the environment, as for a single node (UPSKILL_DB_URL, UPSKILL_DB_USER,
# UPSKILL_DB_PASSWORD, UPSKILL_KEYCLOAK_URL, UPSKILL_OIDC_WEB_SECRET, ...). All members must use the
# same database (they find one another through it) and the same UPSKILL_ISSUER_KEY or
# UPSKILL_ISSUER_KEY_FILE (else each node generates its own signing key into its own data folder and
# a credential signed by one does not verify on the other). JGroups binds UPSKILL_CLUSTER_ADDRESS
# (default 127.0.0.1): ports 7600 + PORT_OFFSET (TCP) and 57600 + PORT_OFFSET (failure detection).
set -euo pipefail

usage="usage: cluster-node.sh JBOSS_HOME NODE_DIR NODE_NAME PORT_OFFSET EAR [standalone.sh options...]"
jboss_home=${1:?$usage}
node_dir=${2:?$usage}
node_name=${3:?$usage}
offset=${4:?$usage}
ear=${5:?$usage}
shift 5

config="$jboss_home/standalone/configuration/standalone-upskill-ha.xml"
[ -f "$config" ] || { echo "cluster-node.sh: $config is missing: run UPSKILL_CLUSTER=true configure.sh first" >&2; exit 2; }
[ -f "$ear" ] || { echo "cluster-node.sh: no EAR at '$ear'" >&2; exit 2; }
[[ "$node_name" =~ ^[A-Za-z0-9_-]{1,23}$ ]] ||
  { echo "cluster-node.sh: node name '$node_name': 1 to 23 letters, digits, - or _ (it is also the transaction node id)" >&2; exit 2; }
[[ "$offset" =~ ^[0-9]+$ ]] || { echo "cluster-node.sh: port offset '$offset' is not a number" >&2; exit 2; }

mkdir -p "$node_dir/configuration" "$node_dir/deployments" "$node_dir/data" "$node_dir/log" "$node_dir/tmp"
node_dir=$(cd "$node_dir" && pwd)
cp "$jboss_home"/standalone/configuration/*.properties "$node_dir/configuration/"
cp "$config" "$node_dir/configuration/standalone-upskill-ha.xml"
if ! cmp -s "$ear" "$node_dir/deployments/upskill.ear"; then
  rm -f "$node_dir"/deployments/upskill.ear*
  cp "$ear" "$node_dir/deployments/upskill.ear"
else
  rm -f "$node_dir"/deployments/upskill.ear.failed
fi

# --stability=community: the configuration has Micrometer's Prometheus registry (see upskill.cli)
exec "$jboss_home/bin/standalone.sh" -c standalone-upskill-ha.xml --stability=community \
  -Djboss.server.base.dir="$node_dir" \
  -Djboss.node.name="$node_name" \
  -Djboss.socket.binding.port-offset="$offset" \
  -Djboss.bind.address.private="${UPSKILL_CLUSTER_ADDRESS:-127.0.0.1}" \
  "$@"
