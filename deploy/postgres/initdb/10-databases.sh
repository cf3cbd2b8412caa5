#!/usr/bin/env bash
# The postgres image runs this once, on first start with an empty data volume (mounted into
# /docker-entrypoint-initdb.d by docker-compose.yml). Temporal and checkout-recovery each get a
# role of their own, neither a superuser, so one cannot read or drop the other's data:
#   temporal  may create databases: the temporal-schema job creates temporal and temporal_visibility
#             with temporal-sql-tool, as Temporal's reference layout does;
#   recovery  owns the `recovery` database (the ledger, preferences, opt-outs): the worker's and the
#             API's DATABASE_URL is postgres://recovery:$RECOVERY_DB_PASSWORD@postgresql:5432/recovery.
set -euo pipefail

# Passwords go in as psql variables (:'name' quotes them), never spliced into the SQL.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v temporal_password="${TEMPORAL_DB_PASSWORD:?}" \
  -v recovery_password="${RECOVERY_DB_PASSWORD:?}" <<'SQL'
CREATE ROLE temporal LOGIN CREATEDB PASSWORD :'temporal_password';
CREATE ROLE recovery LOGIN PASSWORD :'recovery_password';
CREATE DATABASE recovery OWNER recovery;
REVOKE ALL ON DATABASE recovery FROM PUBLIC;
SQL
