#!/usr/bin/env bash
# Brings kubernetes-validate (PyPI, pinned; it bundles the Kubernetes JSON schemas, so validating
# needs no network) into the git-ignored .tools/kubernetes-validate for test/deploy/kubernetes.test.ts,
# which runs it as `<python> -m kubernetes_validate` with that folder on PYTHONPATH, <python> being
# the interpreter that installed it (written to .python). CI runs this from .ci/run; promtool, for
# the alert rules, is Debian's `prometheus` package (apt), also installed there.
set -euo pipefail
cd "$(dirname "$0")/.."

PIN="kubernetes-validate==1.37.0"
TARGET=".tools/kubernetes-validate"
STAMP="$TARGET/.installed"

[ "$(cat "$STAMP" 2>/dev/null || true)" = "$PIN" ] && { echo "kubernetes-validate: present"; exit 0; }

PY=$(command -v python3 || command -v python || true)
if [ -z "$PY" ] || ! "$PY" -m pip --version >/dev/null 2>&1; then
  echo "kubernetes-validate: cannot install $PIN: no python3 with pip here" >&2
  exit 1
fi
echo "kubernetes-validate: installing $PIN into $TARGET"
rm -rf "$TARGET"
"$PY" -m pip install --quiet --disable-pip-version-check --no-warn-script-location --target "$TARGET" "$PIN"
"$PY" -c 'import sys; print(sys.executable)' >"$TARGET/.python"
echo "$PIN" >"$STAMP"
