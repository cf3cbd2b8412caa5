#!/usr/bin/env bash
# Brings Schemathesis (PyPI, pinned) into the git-ignored .tools/schemathesis for the contract test
# (test/contract/schemathesis.test.ts), which runs it as `<python> -m schemathesis.cli` with that
# folder on PYTHONPATH, <python> being the interpreter that installed it (written to .python). Called by npm install's postinstall after the Temporal binaries; nothing
# is fetched at test time.
set -euo pipefail
cd "$(dirname "$0")/.."

PIN="schemathesis==4.32.5"
TARGET=".tools/schemathesis"
STAMP="$TARGET/.installed"

[ "$(cat "$STAMP" 2>/dev/null || true)" = "$PIN" ] && { echo "schemathesis: present"; exit 0; }

PY=$(command -v python3 || command -v python || true)
if [ -z "$PY" ] || ! "$PY" -m pip --version >/dev/null 2>&1; then
  echo "schemathesis: cannot install $PIN: no python3 with pip here; install them, then run: npm run install:schemathesis" >&2
  exit 0
fi
echo "schemathesis: installing $PIN into $TARGET"
rm -rf "$TARGET"
"$PY" -m pip install --quiet --disable-pip-version-check --no-warn-script-location --target "$TARGET" "$PIN" \
  || { echo "schemathesis: pip install failed; run 'npm run install:schemathesis' again" >&2; exit 0; }
"$PY" -c 'import sys; print(sys.executable)' >"$TARGET/.python"
echo "$PIN" >"$STAMP"
