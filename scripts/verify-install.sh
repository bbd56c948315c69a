#!/usr/bin/env bash
# Installs the plugin set the way an adopter does, from nothing: a brand-new app from
# @backstage/create-app in a temporary folder, all our packages from `yarn pack` tarballs, exactly
# the lines the package READMEs give, then type check, builds, and a browser test against the
# running testenv. Needs `testenv/testenv up` first (scripts/test.sh runs it).
#
# Env: ADOPTER_BACKEND_PORT (27007 by default) serves the adopter app's backend and its built
# frontend; ADOPTER_KEEP=1 keeps the temporary app for a look afterwards.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

# Pinned: a new create-app is a new adopter baseline, checked on purpose (and a new cache key).
CREATE_APP_VERSION=0.9.2
PORT=${ADOPTER_BACKEND_PORT:-27007}
URL="http://localhost:$PORT"
LOGS="$ROOT/artifacts/verify-install"
CACHE="$ROOT/.tools/adopter-cache/create-app-$CREATE_APP_VERSION-node-$NODE_PACKAGE_VERSION"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/backstage-vsphere-adopter.XXXXXX")
APP="$WORK/app"
PACKS="$WORK/packs"
# the node_modules folders yarn writes in a create-app monorepo; kept between runs in $CACHE
CACHED_DIRS=(node_modules packages/app/node_modules packages/backend/node_modules)

rm -rf "$LOGS"
mkdir -p "$LOGS" "$PACKS" "$CACHE"
started=$SECONDS
app_pid=

# Runs one named step with its output in its own log; a failure names both.
run() {
  local name=$1 log="$LOGS/$2"
  shift 2
  step "$name (log: ${log#"$ROOT/"})"
  "$@" >"$log" 2>&1 || die "step '$name' failed; see $log"
}

app_yarn() { (cd "$APP" && node .yarn/releases/yarn-*.cjs "$@"); }

stop_app() {
  [ -n "$app_pid" ] || return 0
  kill -TERM -- "-$app_pid" 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$app_pid" 2>/dev/null || true
  app_pid=
}

# node_modules go back to the cache (a rename, same disk) whether the run passed or not
cleanup() {
  stop_app
  if [ -f "$APP/.install-done" ]; then
    for d in "${CACHED_DIRS[@]}"; do
      [ -d "$APP/$d" ] || continue
      mkdir -p "$(dirname "$CACHE/$d")"
      rm -rf "$CACHE/$d" && mv "$APP/$d" "$CACHE/$d"
    done
    # yarn's record of which native packages it built; without it they are all built again
    [ -f "$APP/.yarn/install-state.gz" ] && cp "$APP/.yarn/install-state.gz" "$CACHE/install-state.gz"
  fi
  if [ -n "${ADOPTER_KEEP:-}" ]; then
    echo "The adopter app is kept in $APP"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

ensure_node
ensure_port_free "$PORT" "adopter app backend"

# create-app checks that `yarn` is on PATH; the repository's pinned release serves
mkdir -p "$WORK/bin"
printf '#!/bin/sh\nexec node "%s" "$@"\n' "$ROOT/.yarn/releases/yarn-4.13.0.cjs" >"$WORK/bin/yarn"
chmod +x "$WORK/bin/yarn"
export PATH="$WORK/bin:$PATH"

# --skip-install: the yarn.lock seed create-app fetches cannot be reached here, so it warns and we install
run "Create app (@backstage/create-app@$CREATE_APP_VERSION in $APP)" create-app.log \
  bash -c "echo adopter-app | npx -y '@backstage/create-app@$CREATE_APP_VERSION' --skip-install --path '$APP'"

run "Build our packages" build-plugins.log bash -c '
  set -e
  node .yarn/releases/yarn-4.13.0.cjs tsc
  for dir in plugins/*/; do (cd "$dir" && node ../../node_modules/.bin/backstage-cli package build); done'

step "Pack our packages (listings: ${LOGS#"$ROOT/"}/pack-*.txt)"
for dir in plugins/*/; do
  pkg=$(basename "$dir")
  (cd "$dir" && node "$ROOT/.yarn/releases/yarn-4.13.0.cjs" pack --out "$PACKS/$pkg.tgz") \
    >"$LOGS/pack-$pkg.log" 2>&1 || die "step 'yarn pack $dir' failed; see $LOGS/pack-$pkg.log"
  tar -tzf "$PACKS/$pkg.tgz" | sort >"$LOGS/pack-$pkg.txt"
  # what an adopter downloads holds no tests, fixtures or test-environment code
  if grep -E '(\.test\.|__testUtils__|__fixtures__|testenv|/src/)' "$LOGS/pack-$pkg.txt"; then
    die "the tarball of $dir ships test files (listed above); fix 'files' in its package.json."
  fi
done

# The packages are not on the registry yet, so the tarballs stand in for it: each README's
# `yarn add <name>` becomes `yarn add <name>@<tarball>`, and resolutions point our packages'
# dependencies on each other at the tarballs too.
node - "$APP" "$PACKS" "$ROOT" <<'EOF' >"$LOGS/resolutions.log" 2>&1 || die "step 'Point resolutions at the tarballs' failed; see $LOGS/resolutions.log"
const fs = require('node:fs');
const path = require('node:path');
const [app, packs, root] = process.argv.slice(2);
const file = path.join(app, 'package.json');
const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
for (const dir of fs.readdirSync(path.join(root, 'plugins'))) {
  const { name } = require(path.join(root, 'plugins', dir, 'package.json'));
  pkg.resolutions[name] = `file:${path.join(packs, `${dir}.tgz`)}`;
}
fs.writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
console.log(pkg.resolutions);
EOF

step "Restore cached node_modules (${CACHE#"$ROOT/"})"
for d in "${CACHED_DIRS[@]}"; do
  [ -d "$CACHE/$d" ] && mkdir -p "$(dirname "$APP/$d")" && mv "$CACHE/$d" "$APP/$d"
done
# the last resolution for this create-app version, without our packages (their tarballs change)
[ -f "$CACHE/yarn.lock" ] && cp "$CACHE/yarn.lock" "$APP/yarn.lock"
[ -f "$CACHE/install-state.gz" ] && cp "$CACHE/install-state.gz" "$APP/.yarn/install-state.gz"
touch "$APP/.install-done"

# create-app's own ranges drift without the seed lock (plugin-signals-backend then wants a newer
# backend-defaults: "httpRouter.addWebSocketHandler is not a function"); aligning every
# @backstage package is what that lock would have done. Not a README line: the baseline app's fix.
run "Align the app's @backstage packages (yarn up '@backstage/*')" align.log app_yarn up '@backstage/*'

lines=$(node scripts/verify-install/readme-lines.js)
echo "$lines" >"$LOGS/readme-lines.json"
step "Add the README lines (${LOGS#"$ROOT/"}/readme-lines.json)"
while IFS=$'\t' read -r cwd name; do
  tgz=$(node -e "const r=require('$APP/package.json').resolutions; console.log(r[process.argv[1]].slice(5))" "$name")
  run "yarn --cwd $cwd add $name (from $(basename "$tgz"))" "add-$(basename "$tgz" .tgz).log" \
    app_yarn --cwd "$cwd" add "$name@file:$tgz"
done < <(node -e 'for (const a of JSON.parse(process.argv[1]).adds) for (const p of a.packages) console.log(`${a.cwd}\t${p}`)' "$lines")

node - "$APP/packages/backend/src/index.ts" "$lines" <<'EOF' || die "step 'Add the backend.add lines' failed: packages/backend/src/index.ts has no 'backend.start();'"
const fs = require('node:fs');
const [file, lines] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
if (!text.includes('backend.start();')) process.exit(1);
const added = JSON.parse(lines).backendLines.join('\n');
fs.writeFileSync(file, text.replace('backend.start();', `${added}\n\nbackend.start();`));
EOF

run "yarn install (the app's whole tree)" install.log app_yarn install
# what the app resolved, for the next run's cache and for reading what an adopter gets
node -e '
const fs = require("node:fs");
const blocks = fs.readFileSync(process.argv[1], "utf8").split("\n\n");
fs.writeFileSync(process.argv[2], blocks.filter(b => !/^"?@backstage-vsphere\//m.test(b)).join("\n\n"));
' "$APP/yarn.lock" "$CACHE/yarn.lock"
# A fresh create-app app already warns that packages/app provides no @types/react; yarn names
# the first requester alphabetically, which is ours once installed, so that one line is not ours.
if grep -E 'YN0002|YN0060' "$LOGS/install.log" | grep -F '@backstage-vsphere' |
  grep -vE "app@workspace:packages/app doesn't provide @types/react \(p[0-9a-f]+\), requested by @backstage-vsphere/[a-z-]+ and other dependencies" \
    >"$LOGS/peer-warnings.txt"; then
  die "yarn install printed peer warnings for our packages; see $LOGS/peer-warnings.txt"
fi

run "yarn tsc" tsc.log app_yarn tsc
run "yarn build:backend" build-backend.log app_yarn build:backend
run "Frontend build (yarn workspace app build)" build-app.log app_yarn workspace app build

"$ROOT/testenv/testenv" status >/dev/null 2>&1 ||
  die "step 'Start the app' needs the testenv servers; run 'testenv/testenv up' (with the same TESTENV_* ports) first."
# app-config for this run only: the ports, the testenv's vCenter and Supervisor, test entities
node scripts/testenv-app-config.js >/dev/null
cat >"$APP/app-config.adopter.yaml" <<EOF
app:
  baseUrl: $URL
backend:
  baseUrl: $URL
  listen:
    port: $PORT
  cors:
    origin: $URL
catalog:
  locations:
    - type: file
      target: $ROOT/scripts/verify-install/catalog-info.yaml
    - type: file
      target: $ROOT/templates/supervisor-namespace/template.yaml
      rules:
        - allow: [Template]
EOF

step "Start the app on $URL (log: ${LOGS#"$ROOT/"}/app.log)"
# its own process group, so stop_app ends the backend's children too
(cd "$APP" && exec setsid node .yarn/releases/yarn-4.13.0.cjs workspace backend start \
  --config "$APP/app-config.yaml" --config "$ROOT/.testenv/app-config.testenv.yaml" \
  --config "$APP/app-config.adopter.yaml") >"$LOGS/app.log" 2>&1 &
app_pid=$!
wait_for_http "$URL/.backstage/health/v1/readiness" 300 "$LOGS/app.log" "$app_pid"

run "Browser test (report: artifacts/verify-install/report)" browser.log \
  env CI=true ADOPTER_URL="$URL" node .yarn/releases/yarn-4.13.0.cjs playwright test \
  -c scripts/verify-install/playwright.config.ts

stop_app
step "The adopter app installed, built and served the plugins in $((SECONDS - started))s"
