#!/bin/sh
# One-shot schema job (the temporal-schema service in docker-compose.yml), after Temporal's reference
# layout (samples-server compose/scripts/setup-postgres.sh): temporal-sql-tool from the admin-tools
# image creates Temporal's two databases and brings their schemas to the versions this admin-tools
# release ships. Rerunning it is how an upgrade migrates: run it with the new admin-tools image
# before starting the new temporalio/server.
set -eu

: "${POSTGRES_SEEDS:?set POSTGRES_SEEDS (the PostgreSQL host)}"
: "${POSTGRES_USER:?set POSTGRES_USER (the temporal role)}"
: "${SQL_PASSWORD:?set SQL_PASSWORD (the temporal role password)}"
PORT="${DB_PORT:-5432}"
SCHEMA_ROOT=/etc/temporal/schema/postgresql/v12

echo "waiting for PostgreSQL on ${POSTGRES_SEEDS}:${PORT}"
tries=0
until nc -z -w 5 "$POSTGRES_SEEDS" "$PORT"; do
  tries=$((tries + 1))
  [ "$tries" -lt 30 ] || { echo "PostgreSQL never answered on ${POSTGRES_SEEDS}:${PORT}" >&2; exit 1; }
  sleep 2
done

sql_tool() {
  temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$PORT" -u "$POSTGRES_USER" "$@"
}

for pair in temporal:temporal temporal_visibility:visibility; do
  db="${pair%%:*}"
  dir="${pair#*:}"
  # setup-schema lays down the version tables at 0.0, so it runs only right after the database is
  # created; on a rerun `create` fails (the database exists) and update-schema alone moves the
  # schema forward from the version it records.
  if sql_tool --db "$db" create; then
    sql_tool --db "$db" setup-schema -v 0.0
  else
    echo "$db: not created (it exists already); updating its schema"
  fi
  sql_tool --db "$db" update-schema -d "$SCHEMA_ROOT/$dir/versioned"
done
echo "temporal and temporal_visibility schemas are up to date"
