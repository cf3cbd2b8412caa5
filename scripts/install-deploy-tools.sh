#!/usr/bin/env bash
# Brings kubernetes-validate (PyPI, pinned; it bundles the Kubernetes JSON schemas, so validating
# needs no network) into the git-ignored .tools/kubernetes-validate for test/deploy/kubernetes.test.ts.
# CI runs this from .ci/run; promtool, for the alert rules, is Debian's `prometheus` package (apt),
# also installed there.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/pip-tool.sh
install_pip_tool kubernetes-validate "kubernetes-validate==1.37.0" .tools/kubernetes-validate fail
