#!/usr/bin/env bash
# README command 2: set everything up and run the whole test suite: static checks, unit tests,
# the test environment's smoke test, integration tests against it, browser tests on the portal, and
# the plugins installed from their tarballs into a brand-new app (scripts/verify-install.sh).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_node
ensure_deps
ensure_chromium

started_testenv=
cleanup() {
  bash "$ROOT/scripts/portal.sh" down || true
  # stop the test servers only when this run started them
  [ -z "$started_testenv" ] || "$ROOT/testenv/testenv" down || true
}
trap cleanup EXIT

step "Type check"; yarn tsc
step "Lint"; yarn lint:all
step "Prettier"; yarn prettier:check
# after the type check, whose dist-types the reports are made from
step "API reports (a changed public API needs 'yarn build:api-reports' and the reports committed)"
yarn test:api-reports
step "Unit tests"; CI=true yarn test:unit

step "Test servers"
if ! "$ROOT/testenv/testenv" status >/dev/null 2>&1; then
  started_testenv=1
fi
# 1,000 VMs: the inventory tests page through them
TESTENV_VMS=${TESTENV_VMS:-1000} "$ROOT/testenv/testenv" up
"$ROOT/testenv/testenv" smoke

step "Integration tests (against the test servers, one file at a time)"
CI=true yarn test:integration

step "Browser tests"
bash "$ROOT/scripts/portal.sh" up
CI=true PLAYWRIGHT_URL=http://localhost:3000 yarn test:e2e
bash "$ROOT/scripts/portal.sh" down

step "Fresh adopter app (create-app, our tarballs, the README lines, builds, a browser test)"
bash "$ROOT/scripts/verify-install.sh"
step "Production topology (PostgreSQL, Redis, OIDC provider, two replicas from the build behind haproxy)"
stage_started=$SECONDS
bash "$ROOT/scripts/production.sh" test
step "Production topology stage took $((SECONDS - stage_started)) s"
step "All tests passed"
