#!/usr/bin/env bash
# Configures an unpacked WildFly for Upskill, offline and repeatably:
#   configure.sh JBOSS_HOME mysql|h2 [CONNECTOR_JAR]
# It writes standalone/configuration/standalone-upskill.xml from the distribution's pristine
# standalone.xml (so running it twice gives the same result) and, for mysql, installs Connector/J
# as the module com.mysql; the password attribute is written only when UPSKILL_DB_PASSWORD is set
# (an empty password is then simply left out). Used by ./upskill start and by the ear module's integration tests.
# With UPSKILL_CLUSTER=true it writes standalone-upskill-ha.xml instead, from the pristine
# standalone-ha.xml (the HA profile), with cluster.cli applied last: the configuration of a cluster
# member (mysql only: the members share the database and find one another through it). Both files
# can sit side by side in one WildFly; standalone-upskill.xml is then left as it was.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
jboss_home=${1:?usage: configure.sh JBOSS_HOME mysql|h2 [CONNECTOR_JAR]}
database=${2:?usage: configure.sh JBOSS_HOME mysql|h2 [CONNECTOR_JAR]}
connector=${3:-}

config_dir="$jboss_home/standalone/configuration"
if [ "${UPSKILL_CLUSTER:-false}" = true ]; then
  [ "$database" = mysql ] || { echo "configure.sh: a cluster needs the shared mysql database, not '$database'" >&2; exit 2; }
  profile=standalone-ha.xml
  target=standalone-upskill-ha.xml
  log="$jboss_home/standalone/configure-upskill-ha.log"
else
  profile=standalone.xml
  target=standalone-upskill.xml
  log="$jboss_home/standalone/configure-upskill.log"
fi
[ -f "$config_dir/$profile.pristine" ] || cp "$config_dir/$profile" "$config_dir/$profile.pristine"
cp "$config_dir/$profile.pristine" "$config_dir/$target"

case "$database" in
  mysql)
    [ -f "$connector" ] || { echo "configure.sh: Connector/J jar not found: '$connector'" >&2; exit 2; }
    module_dir="$jboss_home/modules/com/mysql/main"
    mkdir -p "$module_dir"
    cp "$here/modules/com/mysql/main/module.xml" "$module_dir/module.xml"
    cp "$connector" "$module_dir/mysql-connector-j.jar"
    datasource_cli="$here/datasource-mysql.cli"
    ;;
  h2)
    datasource_cli="$here/datasource-h2.cli"
    ;;
  *)
    echo "configure.sh: database must be mysql or h2, not '$database'" >&2
    exit 2
    ;;
esac

script=$(mktemp)
trap 'rm -f "$script"' EXIT
{
  echo "embed-server --server-config=$target --std-out=discard --stability=community"
  grep -v '^\s*#' "$here/upskill.cli" | grep -v '^\s*$'
  # WildFly refuses an empty password attribute; Connector/J treats a missing one as empty. So the
  # attribute is only written when the password that will be used (UPSKILL_DB_PASSWORD) is set.
  if [ -n "${UPSKILL_DB_PASSWORD:-}" ]; then
    grep -v '^\s*#' "$datasource_cli" | grep -v '^\s*$'
  else
    grep -v '^\s*#' "$datasource_cli" | grep -v '^\s*$' | sed 's/ --password="[^"]*"//'
  fi
  if [ "$target" = standalone-upskill-ha.xml ]; then
    grep -v '^\s*#' "$here/cluster.cli" | grep -v '^\s*$'
  else
    grep -v '^\s*#' "$here/single-node.cli" | grep -v '^\s*$'
  fi
  echo "stop-embedded-server"
} >"$script"

JAVA_OPTS="${JAVA_OPTS:-} -Djava.util.logging.manager=org.jboss.logmanager.LogManager" \
  "$jboss_home/bin/jboss-cli.sh" --file="$script" >"$log" 2>&1 || {
  echo "configure.sh: the WildFly configuration failed; see $log" >&2
  exit 1
}
