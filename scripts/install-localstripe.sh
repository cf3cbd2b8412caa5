#!/usr/bin/env bash
# Brings localstripe (PyPI, pinned: a stateful Stripe-protocol server with PaymentIntents and test
# cards such as pm_card_visa) into the git-ignored .tools/localstripe, for `npm start` and the
# checkout tests. Called by npm install's postinstall; a machine without pip only warns.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/pip-tool.sh
install_pip_tool localstripe "localstripe==1.15.10" .tools/localstripe warn \
  "install python3 with pip, then run: npm run install:localstripe"
