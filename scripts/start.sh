#!/usr/bin/env bash
# README command 1: set everything up and run the portal on its local default (:3000 and :7007).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_node
ensure_port_free 3000 "portal frontend"
ensure_port_free 7007 "portal backend"
ensure_deps
step "Starting the portal: http://localhost:3000 (backend http://localhost:7007); Ctrl-C stops it"
exec node .yarn/releases/yarn-4.13.0.cjs start
