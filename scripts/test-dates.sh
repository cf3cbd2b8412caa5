#!/usr/bin/env bash
# The clock-sensitive tests with the machine's clock seen at far dates (libfaketime, Debian's
# `faketime`): a test that only passes in some month, year or hour fails here, not on that day.
# The time-skipping test server, Node and the SDK's core all read the faked clock. The dev server
# (a static Go binary) cannot be faked, nor can the PostgreSQL server (its now() stamps opt-outs), so
# the tests that run on them are left to the plain run: TEST_DATABASE_URL is unset here.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v faketime >/dev/null || { echo "test:dates needs faketime (Debian: apt-get install faketime)" >&2; exit 1; }

FILES=$(find dist/test/workflow dist/test/policy dist/test/activities dist/test/links dist/test/config dist/test/replay \
  -name '*.test.js' | sort)
# Late at night in Europe in summer; the last evening of a leap year; late evening in New York.
DATES=${TEST_DATES:-"2027-06-15T23:30:00Z 2028-12-31T20:00:00Z 2029-01-15T04:10:00Z"}
for at in $DATES; do
  echo "== the clock at $at"
  # shellcheck disable=SC2086
  TZ=UTC env -u TEST_DATABASE_URL faketime "${at/T/ }" node --test --test-concurrency=2 --test-timeout=300000 $FILES
done
