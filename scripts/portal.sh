#!/usr/bin/env bash
# Runs the portal in the background for browser tests: `portal.sh up` waits until it serves, `portal.sh down` stops it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ARTIFACTS="$ROOT/artifacts"
# PORTAL_APP_PORT / PORTAL_BACKEND_PORT move the portal off its defaults, e.g. when another runs here
APP_PORT=${PORTAL_APP_PORT:-3000}
BACKEND_PORT=${PORTAL_BACKEND_PORT:-7007}
PID_FILE="$ARTIFACTS/portal.pid"
LOG="$ARTIFACTS/portal.log"

up() {
  ensure_node
  ensure_port_free "$APP_PORT" "portal frontend"
  ensure_port_free "$BACKEND_PORT" "portal backend"
  mkdir -p "$ARTIFACTS"
  step "Starting the portal in the background (log: artifacts/portal.log)"
  # its own process group, so `down` ends the frontend and backend children too
  node scripts/testenv-app-config.js >/dev/null
  printf '%s\n' "app: { baseUrl: 'http://localhost:$APP_PORT' }" \
    "backend: { baseUrl: 'http://localhost:$BACKEND_PORT', listen: { port: $BACKEND_PORT }, cors: { origin: 'http://localhost:$APP_PORT' } }" \
    >"$ARTIFACTS/app-config.ports.yaml"
  setsid node .yarn/releases/yarn-4.13.0.cjs start \
    --config "$ROOT/app-config.yaml" --config "$ROOT/.testenv/app-config.testenv.yaml" \
    --config "$ARTIFACTS/app-config.ports.yaml" \
    >"$LOG" 2>&1 &
  echo $! >"$PID_FILE"
  # a portal that fails to come up is stopped, not left holding the ports
  trap down EXIT
  wait_for_http "http://localhost:$BACKEND_PORT/.backstage/health/v1/readiness" 300 "$LOG" "$(cat "$PID_FILE")"
  wait_for_http "http://localhost:$APP_PORT" 300 "$LOG" "$(cat "$PID_FILE")"
  trap - EXIT
  step "Portal is up"
}

down() {
  [ -f "$PID_FILE" ] || return 0
  local pid
  pid=$(cat "$PID_FILE")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  *) die "usage: scripts/portal.sh up|down" ;;
esac
