#!/usr/bin/env bash
# The production topology on loopback, from the production build:
#   PostgreSQL, Valkey-compatible Redis, an OpenID Connect provider, the testenv servers, two backend
#   replicas (node packages/backend, app-config.production.yaml) and haproxy in front of them.
#
#   scripts/production.sh up     build what is missing, start everything, wait until it serves
#   scripts/production.sh down   stop exactly what `up` started (by pid)
#   scripts/production.sh test   up, the production browser and replica tests, down
#
# Ports (override with PROD_*): load balancer 29000, replicas 29007/29008, PostgreSQL 25432,
# cache 26379, OIDC 25556; testenv 28443/26443/22379/26444/26445 unless TESTENV_* are set. All below
# 32768, where Linux picks the local ports of outgoing connections, so none is taken by chance.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

STATE="$ROOT/.testenv/production"
LB_PORT=${PROD_LB_PORT:-29000}
REPLICA_PORTS=("${PROD_REPLICA_A_PORT:-29007}" "${PROD_REPLICA_B_PORT:-29008}")
PG_PORT=${PROD_PG_PORT:-25432}
CACHE_PORT=${PROD_CACHE_PORT:-26379}
OIDC_PORT=${PROD_OIDC_PORT:-25556}
export TESTENV_VCSIM_PORT=${TESTENV_VCSIM_PORT:-28443}
export TESTENV_APISERVER_PORT=${TESTENV_APISERVER_PORT:-26443}
export TESTENV_ETCD_PORT=${TESTENV_ETCD_PORT:-22379}
export TESTENV_WORKLOAD_APISERVER_PORT=${TESTENV_WORKLOAD_APISERVER_PORT:-26444}
export TESTENV_SUPERVISOR2_APISERVER_PORT=${TESTENV_SUPERVISOR2_APISERVER_PORT:-26445}
BASE_URL="http://localhost:$LB_PORT"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)

# --- installation -------------------------------------------------------------------------

ensure_debian_packages() {
  local missing=()
  [ -n "$PG_BIN" ] || missing+=(postgresql)
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v haproxy >/dev/null || missing+=(haproxy)
  [ ${#missing[@]} -eq 0 ] && return
  [ "$(id -u)" = 0 ] || die "missing Debian packages: ${missing[*]}; run 'apt-get install ${missing[*]}' as root."
  step "Installing Debian's ${missing[*]}"
  mkdir -p "$TOOLS_DIR"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
    >"$TOOLS_DIR/apt-production.log" 2>&1 || die "apt-get install failed; see .tools/apt-production.log."
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
}

ensure_build() {
  if [ ! -f packages/backend/dist/bundle.tar.gz ] || [ ! -f packages/app/dist/index.html ]; then
    step "Building the production backend and frontend (yarn tsc && yarn build:backend)"
    yarn tsc
    yarn build:backend
  fi
  # the build output laid out as packages/backend/Dockerfile lays it out in /app
  local app="$STATE/app" sum
  sum=$(cat packages/backend/dist/*.tar.gz yarn.lock app-config*.yaml | sha1sum | cut -d' ' -f1)
  [ "$(cat "$app/.build-sum" 2>/dev/null)" = "$sum" ] && return
  step "Laying out the build as the Dockerfile does (production dependencies only) in $app"
  rm -rf "$app"
  mkdir -p "$app/.yarn"
  cp -r .yarn/releases "$app/.yarn/"
  cp .yarnrc.yml backstage.json yarn.lock package.json "$app/"
  tar xzf packages/backend/dist/skeleton.tar.gz -C "$app"
  (cd "$app" && NODE_ENV=production yarn workspaces focus --all --production) >"$STATE/focus.log" 2>&1 ||
    die "installing the production dependencies failed; see $STATE/focus.log"
  cp -r examples templates app-config.yaml app-config.production.yaml "$app/"
  tar xzf packages/backend/dist/bundle.tar.gz -C "$app"
  echo "$sum" >"$app/.build-sum"
}

# --- processes ----------------------------------------------------------------------------

# start <name> <command...>: runs in its own session, pid in $STATE/<name>.pid, log appended to
# $STATE/<name>.log (a restarted replica keeps what it logged before it was killed)
start() {
  local name=$1
  shift
  setsid "$@" >>"$STATE/$name.log" 2>&1 </dev/null &
  echo $! >"$STATE/$name.pid"
}

stop() {
  local name=$1 pid
  pid=$(cat "$STATE/$name.pid" 2>/dev/null) || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.3; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$STATE/$name.pid"
}

wait_for_port() {
  local port=$1 name=$2 deadline=$((SECONDS + 60))
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    kill -0 "$(cat "$STATE/$name.pid")" 2>/dev/null || die "$name exited during start; see $STATE/$name.log"
    [ $SECONDS -lt $deadline ] || die "$name did not listen on $port within 60s; see $STATE/$name.log"
    sleep 0.3
  done
}

# PostgreSQL refuses to run as root: as root it runs as Debian's postgres user
AS_PG=()
[ "$(id -u)" != 0 ] || AS_PG=(runuser -u postgres --)
as_pg() { "${AS_PG[@]}" "$@"; }

start_postgres() {
  local data="$STATE/pg"
  if [ ! -s "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    [ "$(id -u)" != 0 ] || chown postgres "$data"
    printf '%s\n' "$POSTGRES_PASSWORD" >"$STATE/pg-password"
    [ "$(id -u)" != 0 ] || chown postgres "$STATE/pg-password"
    as_pg "$PG_BIN/initdb" -D "$data" -U backstage --pwfile="$STATE/pg-password" -A scram-sha-256 >"$STATE/initdb.log" 2>&1 ||
      die "initdb failed; see $STATE/initdb.log"
    rm -f "$STATE/pg-password"
  fi
  start postgres "${AS_PG[@]}" "$PG_BIN/postgres" -D "$data" -h 127.0.0.1 -p "$PG_PORT" -k "$data" -c max_connections=300
  wait_for_port "$PG_PORT" postgres
}

replica_env() {
  local port=$1
  REPLICA_ENV=(NODE_ENV=production BACKEND_PORT="$port" BACKSTAGE_BASE_URL="$BASE_URL" \
    POSTGRES_HOST=127.0.0.1 POSTGRES_PORT="$PG_PORT" POSTGRES_USER=backstage POSTGRES_PASSWORD="$POSTGRES_PASSWORD" \
    CACHE_URL="redis://127.0.0.1:$CACHE_PORT" AUTH_SESSION_SECRET="$AUTH_SESSION_SECRET" \
    OIDC_METADATA_URL="http://127.0.0.1:$OIDC_PORT/.well-known/openid-configuration" \
    OIDC_CLIENT_ID=backstage OIDC_CLIENT_SECRET="$OIDC_CLIENT_SECRET" \
    VCENTER_NAME="$(jq -r .vcenter.name .testenv/env.json)" VCENTER_URL="$(jq -r .vcenter.url .testenv/env.json)" \
    VCENTER_USERNAME="$(jq -r .vcenter.username .testenv/env.json)" VCENTER_PASSWORD="$(jq -r .vcenter.password .testenv/env.json)" \
    VCENTER_CA_FILE="$(jq -r .vcenter.caFile .testenv/env.json)" SUPERVISOR_CLUSTER="$(jq -r .vcenter.wcpClusterId .testenv/env.json)" \
    SUPERVISOR_URL="$(jq -r .supervisor.url .testenv/env.json)" SUPERVISOR_CA_FILE="$(jq -r .supervisor.caFile .testenv/env.json)" \
    SUPERVISOR_TOKEN_FILE="$(jq -r .supervisor.tokenFile .testenv/env.json)")
}

# start_replica a|b: replica a listens on the first port, b on the second
start_replica() {
  local name=replica-$1 port
  [ "$1" = a ] && port=${REPLICA_PORTS[0]} || port=${REPLICA_PORTS[1]}
  ensure_port_free "$port" "$name"
  replica_env "$port"
  # the build output, as the Dockerfile's CMD runs it in /app
  # exported, not on a command line, so no secret shows in the process list
  (cd "$STATE/app" && export "${REPLICA_ENV[@]}" && start "$name" node packages/backend --config app-config.yaml --config app-config.production.yaml)
  wait_for_http "http://127.0.0.1:$port/.backstage/health/v1/readiness" 300 "$STATE/$name.log" "$(cat "$STATE/$name.pid")"
}

write_haproxy_config() {
  cat >"$STATE/haproxy.cfg" <<EOF
defaults
  mode http
  timeout connect 5s
  timeout client 120s
  timeout server 120s
frontend portal
  bind 127.0.0.1:$LB_PORT
  default_backend replicas
backend replicas
  balance roundrobin
  option httpchk GET /.backstage/health/v1/readiness
  server a 127.0.0.1:${REPLICA_PORTS[0]} check inter 1s fall 2 rise 1
  server b 127.0.0.1:${REPLICA_PORTS[1]} check inter 1s fall 2 rise 1
EOF
}

# secrets of this run's servers, made once and kept next to their data (git-ignored)
load_secrets() {
  mkdir -p "$STATE"
  chmod 711 "$STATE"
  if [ ! -s "$STATE/secrets.env" ]; then
    {
      echo "POSTGRES_PASSWORD=$(openssl rand -hex 16)"
      echo "AUTH_SESSION_SECRET=$(openssl rand -hex 24)"
      echo "OIDC_CLIENT_SECRET=$(openssl rand -hex 24)"
    } >"$STATE/secrets.env"
    chmod 600 "$STATE/secrets.env"
  fi
  set -a
  source "$STATE/secrets.env"
  set +a
}

up() {
  ensure_node
  ensure_deps
  ensure_debian_packages
  need jq "Install jq (apt-get install jq)."
  need openssl "Install openssl (apt-get install openssl)."
  for p in "$LB_PORT" "${REPLICA_PORTS[@]}" "$PG_PORT" "$CACHE_PORT" "$OIDC_PORT"; do ensure_port_free "$p" "production topology"; done
  load_secrets
  rm -f "$STATE"/*.log
  trap down EXIT
  step "Test servers (testenv)"
  if ! "$ROOT/testenv/testenv" status >/dev/null 2>&1; then
    touch "$STATE/started-testenv"
  fi
  "$ROOT/testenv/testenv" up
  ensure_build
  step "PostgreSQL on 127.0.0.1:$PG_PORT"
  start_postgres
  step "Cache (Redis, Valkey's protocol) on 127.0.0.1:$CACHE_PORT"
  start cache redis-server --bind 127.0.0.1 --port "$CACHE_PORT" --save '' --appendonly no
  wait_for_port "$CACHE_PORT" cache
  step "OIDC provider on http://127.0.0.1:$OIDC_PORT"
  start oidc node scripts/production/oidc-provider.mjs "$OIDC_PORT" "$BASE_URL/api/auth/oidc/handler/frame"
  wait_for_port "$OIDC_PORT" oidc
  step "Replica a on :${REPLICA_PORTS[0]} (it migrates the database first), then replica b on :${REPLICA_PORTS[1]}"
  start_replica a
  start_replica b
  step "Load balancer on $BASE_URL"
  write_haproxy_config
  start haproxy haproxy -db -f "$STATE/haproxy.cfg"
  wait_for_http "$BASE_URL/.backstage/health/v1/readiness" 60 "$STATE/haproxy.log" "$(cat "$STATE/haproxy.pid")"
  trap - EXIT
  step "Production topology is up: $BASE_URL (logs in .testenv/production/*.log)"
}

down() {
  for name in haproxy replica-b replica-a oidc cache postgres; do stop "$name"; done
  # the test servers only when `up` started them
  if [ -f "$STATE/started-testenv" ]; then
    "$ROOT/testenv/testenv" down || true
    rm -f "$STATE/started-testenv"
  fi
}

run_tests() {
  ensure_chromium
  up
  trap down EXIT
  # the tests check results with govc and kubectl, which `testenv smoke` builds when missing
  [ -x "$ROOT/.testenv/bin/govc" ] || "$ROOT/testenv/testenv" smoke >"$STATE/smoke.log" 2>&1 ||
    die "testenv smoke failed; see $STATE/smoke.log"
  step "Production-topology tests (browser sign-in through OIDC, cross-replica cache, task recovery)"
  CI=true PLAYWRIGHT_URL="$BASE_URL" PROD_STATE="$STATE" \
    PROD_REPLICA_A_URL="http://127.0.0.1:${REPLICA_PORTS[0]}" PROD_REPLICA_B_URL="http://127.0.0.1:${REPLICA_PORTS[1]}" \
    yarn playwright test --config playwright.production.config.ts
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  test) run_tests ;;
  # the tests restart replica a after killing it
  start-replica) load_secrets && start_replica "${2:?a or b}" ;;
  *) die "usage: scripts/production.sh up|down|test" ;;
esac
