#!/usr/bin/env bash
# Configures an unpacked WildFly for Upskill, offline and repeatably:
#   configure.sh JBOSS_HOME mysql|h2 [CONNECTOR_JAR]
# It writes standalone/configuration/standalone-upskill.xml from the distribution's pristine
# standalone.xml (so running it twice gives the same result) and, for mysql, installs Connector/J
# as the module com.mysql; the password attribute is written only when UPSKILL_DB_PASSWORD is set
# (an empty password is then simply left out). Used by ./upskill start and by the ear module's integration tests.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
jboss_home=${1:?usage: configure.sh JBOSS_HOME mysql|h2 [CONNECTOR_JAR]}
database=${2:?usage: configure.sh JBOSS_HOME mysql|h2 [CONNECTOR_JAR]}
connector=${3:-}

config_dir="$jboss_home/standalone/configuration"
[ -f "$config_dir/standalone.xml.pristine" ] || cp "$config_dir/standalone.xml" "$config_dir/standalone.xml.pristine"
cp "$config_dir/standalone.xml.pristine" "$config_dir/standalone-upskill.xml"

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
  echo "embed-server --server-config=standalone-upskill.xml --std-out=discard"
  grep -v '^\s*#' "$here/upskill.cli" | grep -v '^\s*$'
  # WildFly refuses an empty password attribute; Connector/J treats a missing one as empty. So the
  # attribute is only written when the password that will be used (UPSKILL_DB_PASSWORD) is set.
  if [ -n "${UPSKILL_DB_PASSWORD:-}" ]; then
    grep -v '^\s*#' "$datasource_cli" | grep -v '^\s*$'
  else
    grep -v '^\s*#' "$datasource_cli" | grep -v '^\s*$' | sed 's/ --password="[^"]*"//'
  fi
  echo "stop-embedded-server"
} >"$script"

JAVA_OPTS="${JAVA_OPTS:-} -Djava.util.logging.manager=org.jboss.logmanager.LogManager" \
  "$jboss_home/bin/jboss-cli.sh" --file="$script" >"$jboss_home/standalone/configure-upskill.log" 2>&1 || {
  echo "configure.sh: the WildFly configuration failed; see $jboss_home/standalone/configure-upskill.log" >&2
  exit 1
}
