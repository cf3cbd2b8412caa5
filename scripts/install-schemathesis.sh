#!/usr/bin/env bash
# Brings Schemathesis (PyPI, pinned) into the git-ignored .tools/schemathesis for the contract test
# (test/contract/schemathesis.test.ts). Called by npm install's postinstall after the Temporal
# binaries; nothing is fetched at test time. A machine without pip only warns: the install goes on.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/pip-tool.sh
install_pip_tool schemathesis "schemathesis==4.32.5" .tools/schemathesis warn \
  "install python3 with pip, then run: npm run install:schemathesis"
