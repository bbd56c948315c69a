#!/usr/bin/env bash
# README command 2: set everything up and run the whole test suite (static checks, unit, integration, browser).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_node
ensure_deps
ensure_chromium

cleanup() { bash "$ROOT/scripts/portal.sh" down || true; }
trap cleanup EXIT

step "Type check";        yarn tsc
step "Lint";              yarn lint:all
step "Prettier";          yarn prettier:check
step "Unit tests";        CI=true yarn test
step "Browser tests"
bash "$ROOT/scripts/portal.sh" up
CI=true PLAYWRIGHT_URL=http://localhost:3000 yarn test:e2e
step "All tests passed"
