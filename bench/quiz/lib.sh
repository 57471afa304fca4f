# Shared by bench/quiz/run.sh (one Upskill) and bench/cluster/run.sh (the cluster): messages, the
# SQL client, the learners in Keycloak and one run of the Gatling simulation. Sourced; expects
# DB_HOST, DB_PORT, DB_USER (root when unset), DB_PASSWORD (none when unset), and for the functions
# KEYCLOAK, TARGET, QUIZ_DIR, QUIZ, BASE, DB_NAME, ROWS and DETAILS of the script.

say() { printf '%s\n' "$*"; }
step() { printf '• %s\n' "$*"; }
fail() { printf 'bench: %s\n' "$*" >&2; exit 1; }

command -v curl >/dev/null 2>&1 || fail "curl is missing (apt-get install -y curl)"
if command -v mariadb >/dev/null 2>&1; then SQL_CLIENT=mariadb
elif command -v mysql >/dev/null 2>&1; then SQL_CLIENT=mysql
else fail "a MariaDB/MySQL client is missing (apt-get install -y mariadb-client)"; fi
sql() { "$SQL_CLIENT" --protocol=TCP -h "$DB_HOST" -P "$DB_PORT" -u"${DB_USER:-root}" ${DB_PASSWORD:+-p"$DB_PASSWORD"} "$@"; }

admin_token() {
  curl -s --max-time 30 -d grant_type=password -d client_id=admin-cli \
    -d "username=${UPSKILL_KEYCLOAK_ADMIN:-admin}" -d "password=${UPSKILL_KEYCLOAK_ADMIN_PASSWORD:-admin}" \
    "$KEYCLOAK/realms/master/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

# Creates the learners bench-0001…bench-MAX in Keycloak (partial import, 500 per request).
create_learners() { # MAX
  local max=$1 added=0 from to body token answer count i u
  step "Creating the learners bench-0001…bench-$(printf '%04d' "$max") in Keycloak (partial import, existing ones skipped)"
  for ((from = 1; from <= max; from += 500)); do
    to=$((from + 499 < max ? from + 499 : max))
    body="$TARGET/users-$from.json"
    {
      printf '{"ifResourceExists":"SKIP","users":['
      for ((i = from; i <= to; i++)); do
        u=$(printf 'bench-%04d' "$i")
        [ "$i" = "$from" ] || printf ','
        printf '{"username":"%s","enabled":true,"email":"%s@example.org","emailVerified":true,"firstName":"Bench","lastName":"%04d","credentials":[{"type":"password","value":"%s","temporary":false}],"realmRoles":["learner"]}' "$u" "$u" "$i" "$u"
      done
      printf ']}'
    } >"$body"
    token=$(admin_token)
    [ -n "$token" ] || fail "No admin token from $KEYCLOAK (master realm, admin-cli)"
    answer=$(curl -s --max-time 300 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      --data-binary @"$body" "$KEYCLOAK/admin/realms/upskill/partialImport")
    count=$(printf '%s' "$answer" | sed -n 's/.*"added":\([0-9]*\).*/\1/p')
    [ -n "$count" ] || fail "Keycloak's partial import failed: $(printf '%s' "$answer" | cut -c1-300)"
    added=$((added + count))
  done
  say "  $added added"
}

# One run of the simulation: N learners, a label for the table, a tag for the file names (N when
# none). BENCH_* variables set by the caller (BENCH_CA_PEM, BENCH_METRICS, BENCH_KILL_COMMAND…)
# reach the simulation as they are.
run_one() { # N label [tag]
  local n=$1 label=$2 tag=${3:-$1}
  local out="$TARGET/result-$tag"
  step "N=$n${label:+ ($label)}: deleting earlier attempts on quiz $QUIZ, then running Gatling (log: $TARGET/gatling-$tag.log)"
  { printf 'SET @quiz := %s;\n' "$QUIZ"; cat "$QUIZ_DIR/reset-attempts.sql"; } | sql "$DB_NAME"
  rm -f "$out.row" "$out.details"
  local rc=0
  BENCH_N=$n BENCH_LABEL="$n${label:+ ($label)}" BENCH_QUIZ=$QUIZ BENCH_BASE=$BASE BENCH_KEYCLOAK=$KEYCLOAK \
    BENCH_CLI=$CLI BENCH_CONTROLLER=$CONTROLLER BENCH_OUT=$out \
    mvn -B -ntp -f "$QUIZ_DIR/pom.xml" gatling:test >"$TARGET/gatling-$tag.log" 2>&1 || rc=$?
  grep '^\[bench\]' "$TARGET/gatling-$tag.log" | sed 's/^/  /' || true
  if [ -f "$out.row" ]; then
    ROWS+=("$(cat "$out.row")")
    DETAILS+=("$(cat "$out.details")")
    say "  $(cat "$out.row")"
  else
    ROWS+=("$(printf '%-20s' "$n${label:+ ($label)}") FAILED: see $TARGET/gatling-$tag.log")
    grep -E 'ERROR|Exception' "$TARGET/gatling-$tag.log" | head -n 5 | sed 's/^/  /' || true
  fi
  [ "$rc" = 0 ] || say "  (Gatling exited with $rc; see $TARGET/gatling-$tag.log)"
}


# The table of the runs (ROWS) and their details (DETAILS).
print_results() {
  printf '%-20s %7s %7s %7s %7s %7s %7s %6s %6s %6s %6s %6s  %s\n' \
    "N" "start" "" "save" "" "submit" "" "SQL/" "req" "" "burst" "s" ""
  printf '%-20s %7s %7s %7s %7s %7s %7s %6s %6s %6s %6s %6s  %s\n' \
    "" "p50" "p99" "p50" "p99" "p50" "p99" "start" "save" "submit" "start" "submit" "errors"
  for row in "${ROWS[@]}"; do say "$row"; done
  say ""
  for d in "${DETAILS[@]}"; do say "$d"; say ""; done
}
