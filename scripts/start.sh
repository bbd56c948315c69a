#!/usr/bin/env bash
# README command 1: set everything up and run the portal on its local default (:3000 and :7007),
# pointed at the test environment's vSphere simulator and Supervisor.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_node
ensure_port_free 3000 "portal frontend"
ensure_port_free 7007 "portal backend"
ensure_deps
step "Starting the test environment (vSphere simulator + Supervisor); the first run builds it"
"$ROOT/testenv/testenv" up
node scripts/testenv-app-config.js >/dev/null
step "Starting the portal: http://localhost:3000 (backend http://localhost:7007); Ctrl-C stops it"
step "The test environment keeps running; 'testenv/testenv down' stops it"
exec node .yarn/releases/yarn-4.13.0.cjs start \
  --config "$ROOT/app-config.yaml" --config "$ROOT/.testenv/app-config.testenv.yaml"
