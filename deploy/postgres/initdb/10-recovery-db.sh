#!/usr/bin/env bash
# The postgres image runs this once, on first start with an empty data volume (mounted into
# /docker-entrypoint-initdb.d by docker-compose.yml). It gives checkout-recovery its own database
# and role, apart from Temporal's: the worker's DATABASE_URL is
# postgres://recovery:$RECOVERY_DB_PASSWORD@postgresql:5432/recovery.
set -euo pipefail

# The password goes in as a psql variable (:'password' quotes it), never spliced into the SQL.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v password="${RECOVERY_DB_PASSWORD:-recovery}" <<'SQL'
CREATE ROLE recovery LOGIN PASSWORD :'password';
CREATE DATABASE recovery OWNER recovery;
SQL
