#!/usr/bin/env bash
# One command for the benchmarks (see bench/README.md). Starts a separate copy of testenv at
# benchmark scale, runs the inventory, provisioning, entity-page (in-process and over HTTP against
# Backstage's Kubernetes plugin), live-inventory (freshness, idle cost) and catalog benchmarks,
# prints a markdown report and writes bench/results/<date>.md. Stops only the testenv copy it
# started.
#
# Settings: BENCH_ROOT (/tmp/bench-root), BENCH_VMS (10000), BENCH_VCSIM_PORT (24443),
# BENCH_APISERVER_PORT (24643), BENCH_ETCD_PORT (24379), BENCH_WORKLOAD_APISERVER_PORT (24644), BENCH_RUNS (3), BENCH_NAIVE_SAMPLE (500),
# BENCH_SKIP_ENTITY (unset), BENCH_SKIP_PROVISION (unset), BENCH_HTTP_SECONDS (10),
# BENCH_SEED_WAIT_MS (600000), BENCH_CHANGES (20), BENCH_IDLE_SECONDS (60),
# BENCH_KEEP_TESTENV (unset: the copy is stopped at the end), BENCH_ONLY=http (the seed and the
# HTTP benchmark only, reported in bench/results/<date>-http.md) or BENCH_ONLY=inventory,http (the
# inventory too, in bench/results/<date>-inventory-http.md).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
# scripts/lib.sh sets ROOT (the repository) and other names: this script's names start with B_
B_ROOT=${BENCH_ROOT:-/tmp/bench-root}
RUNS=${BENCH_RUNS:-3}
SAMPLE=${BENCH_NAIVE_SAMPLE:-500}
ONLY=${BENCH_ONLY:-}
case "$ONLY" in "" | http | inventory,http) ;; *) echo "bench: BENCH_ONLY must be 'http', 'inventory,http' or unset" >&2; exit 2 ;; esac
# a partial run's report is named after what it ran: <date>-http.md, <date>-inventory-http.md
ONLY_NAME=${ONLY//,/-}
export TESTENV_VMS=${BENCH_VMS:-10000}
# seeding 10,000 VMs takes minutes on a loaded 2-core machine: wait longer than testenv's 180 s
export TESTENV_TIMEOUT=${TESTENV_TIMEOUT:-900}
export TESTENV_VCSIM_PORT=${BENCH_VCSIM_PORT:-24443}
export TESTENV_APISERVER_PORT=${BENCH_APISERVER_PORT:-24643}
export TESTENV_ETCD_PORT=${BENCH_ETCD_PORT:-24379}
export TESTENV_WORKLOAD_APISERVER_PORT=${BENCH_WORKLOAD_APISERVER_PORT:-24644}
export TESTENV_SUPERVISOR2_APISERVER_PORT=${BENCH_SUPERVISOR2_APISERVER_PORT:-24645}
mkdir -p "$B_ROOT"
B_ROOT=$(cd "$B_ROOT" && pwd -P)
case "$B_ROOT/" in
  "$(cd "$REPO" && pwd -P)/"*) echo "bench: BENCH_ROOT must be outside the repository" >&2; exit 2 ;;
esac
B_COPY=$B_ROOT/testenv
B_STATE=$B_ROOT/.testenv
B_TESTENV=$B_COPY/testenv
export TESTENV_FILE=$B_STATE/env.json
export BENCH_TMP=$B_ROOT/tmp

say() { printf 'bench: %s\n' "$*" >&2; }

# shellcheck source=/dev/null
cd "$REPO" && source scripts/lib.sh && ensure_node >/dev/null
ts() { node --require @backstage/cli/config/nodeTransform.cjs "$@"; }

# --- the testenv copy: its state lives in $B_ROOT/.testenv, apart from the developers' one ---
mkdir -p "$BENCH_TMP"
if [ -x "$B_TESTENV" ]; then
  "$B_TESTENV" down >&2 || true # only what this copy started
fi
# refresh the copy; the guards keep this from ever touching the repository's own testenv/
if [ -d "$B_COPY" ] && [ "$B_COPY" = "$B_ROOT/testenv" ] && [ "$B_COPY" != "$REPO/testenv" ]; then
  rm -rf -- "$B_COPY"
fi
cp -a "$REPO/testenv" "$B_COPY"
cleanup() {
  local rp
  rp=$(cat "$B_STATE/reconciler/pid" 2>/dev/null || true)
  [ -n "$rp" ] && kill -CONT "$rp" 2>/dev/null || true
  if [ -z "${BENCH_KEEP_TESTENV:-}" ]; then
    say "stopping the testenv copy"
    "$B_TESTENV" down >&2 || true
  fi
}
trap cleanup EXIT
say "starting testenv copy in $B_ROOT with $TESTENV_VMS VMs"
"$B_TESTENV" up >&2
(cd "$B_COPY/tools/govc" && go build -o "$B_STATE/bin/govc" github.com/vmware/govmomi/govc) >&2
GOVC=$B_STATE/bin/govc

RESULTS=$BENCH_TMP/results.jsonl
# BENCH_RESUME_AT=freshness continues a run that stopped there: earlier results are kept, the
# sections before it skipped (the entity seed is applied again, without waiting)
RESUME=${BENCH_RESUME_AT:-}
if [ -z "$RESUME" ]; then
  : >"$RESULTS"
fi

# --- 1. inventory, before anything else adds VMs ---
# the reconciler would keep adding node VMs of the testenv's demo clusters while we read: pause it
RP=$(cat "$B_STATE/reconciler/pid")
kill -STOP "$RP"
for i in $(seq "$({ [ -n "$RESUME" ] || [ "$ONLY" = http ]; } && echo 0 || echo "$RUNS")"); do
  say "inventory run $i/$RUNS: our client, govc, naive sample"
  ts bench/inventory.ts client 1000 | tee -a "$RESULTS" >&2
  ts bench/inventory.ts govc "$GOVC" | tee -a "$RESULTS" >&2
  ts bench/inventory.ts watch | tee -a "$RESULTS" >&2
  ts bench/inventory.ts naive "$SAMPLE" | tee -a "$RESULTS" >&2
done
kill -CONT "$RP"

# --- provisioning: needs the reconciler running, and before the entity seed queues 500 VMs in it ---
if [ -z "${BENCH_SKIP_PROVISION:-}" ] && [ -z "$RESUME$ONLY" ]; then
  for i in $(seq "$RUNS"); do
    for poll in 3000 250; do
      say "provisioning run $i/$RUNS, poll interval ${poll} ms"
      BENCH_POLL_MS=$poll ts bench/provision.ts | tee -a "$RESULTS" >&2
    done
  done
fi

# --- 2. entity page ---
if [ -z "${BENCH_SKIP_ENTITY:-}" ]; then
  say "seeding the entity (500 VMs, 10 clusters x 3 node pools), waiting until all are placed in vCenter"
  BENCH_SEED_WAIT_MS=${BENCH_SEED_WAIT_MS:-600000} ts bench/entity.ts seed | tee -a "$RESULTS" >&2
  # the testenv reconciler keeps creating simulator VMs for the seeded objects; pause it so it
  # neither competes for the 2 cores nor changes the inventory while we measure
  kill -STOP "$RP"
  for deadline in $([ -n "$RESUME$ONLY" ] || echo 4000 30000); do
    say "entity page, source deadline ${deadline} ms"
    BENCH_COLD_RUNS=${BENCH_COLD_RUNS:-$RUNS} BENCH_SOURCE_DEADLINE_MS=$deadline ts bench/entity.ts measure | tee -a "$RESULTS" >&2
  done
  # the same entity through HTTP, ours against Backstage's Kubernetes plugin, each a real backend
  say "entity page over HTTP: our route and the Kubernetes plugin, 1/10/50 viewers"
  [ -n "$RESUME" ] || ts bench/http.ts | tee -a "$RESULTS" >&2
  # live inventory: upstream changes (kubectl scale, govc power) until visible, with the
  # reconciler still paused so that nothing but the change under test happens
  if [ -z "$ONLY" ]; then
    say "freshness: ${BENCH_CHANGES:-20} kubectl scales and govc power changes"
    ts bench/live.ts freshness | tee -a "$RESULTS" >&2
    say "idle cost: 0/100/1000 open pages, ours and the Kubernetes plugin's tab"
    ts bench/live.ts idle | tee -a "$RESULTS" >&2
  fi
  kill -CONT "$RP"
fi

# --- catalog: full run, unchanged second run, deletions through the snapshot's deltas ---
if [ -z "$ONLY" ]; then
  say "catalog: full run, second run, deletions"
  ts bench/catalog.ts | tee -a "$RESULTS" >&2
fi

# --- report ---
DATE=$(date -u +%Y-%m-%d)
GO_VERSION=$(go version)
SIM_GOVMOMI=$(cd "$B_COPY/vcsim" && go list -m -f '{{.Version}}' github.com/vmware/govmomi)
GOVC_GOVMOMI=$(cd "$B_COPY/tools/govc" && go list -m -f '{{.Version}}' github.com/vmware/govmomi)
MEMORY=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)
GIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$REPO" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')
NODE_VERSION=$(node --version)
RESUME_NOTE=
if [ -n "$RESUME" ]; then
  RESUME_NOTE="\"Sections 1-3 (and the seed) come from a run that stopped at the freshness benchmark; sections 6-8 from its continuation (BENCH_RESUME_AT=$RESUME) on a freshly started testenv copy with the same settings, the seed applied again without waiting for placement.\","
fi
cat >"$BENCH_TMP/meta.json" <<JSON
{
  "date": "$DATE",
  "report": "$DATE${ONLY:+-$ONLY_NAME}",
  "nproc": "$(nproc)",
  "memory": "$MEMORY",
  "node": "$NODE_VERSION",
  "go": "$GO_VERSION",
  "govmomiSim": "$SIM_GOVMOMI",
  "govmomiGovc": "$GOVC_GOVMOMI",
  "git": "$GIT",
  "root": "$B_ROOT",
  "vms": "$TESTENV_VMS",
  "vcsimPort": "$TESTENV_VCSIM_PORT",
  "apiPort": "$TESTENV_APISERVER_PORT",
  "command": "BENCH_RUNS=$RUNS BENCH_HTTP_SECONDS=${BENCH_HTTP_SECONDS:-10} BENCH_IDLE_SECONDS=${BENCH_IDLE_SECONDS:-60} bench/run.sh (node --require @backstage/cli/config/nodeTransform.cjs bench/inventory.ts client 1000 | govc <govc> | watch | naive $SAMPLE; bench/provision.ts; bench/entity.ts seed | measure; bench/http.ts; bench/live.ts freshness | idle; bench/catalog.ts)",
  "notMeasured": [
    "The REST one-request-per-VM path (GET /api/vcenter/vm/{vm}): the simulator does not serve /api/vcenter/vm, so the naive baseline is one SOAP RetrievePropertiesEx per VM, on a sample, extrapolated linearly.",
    "A built (bundled) backend: the HTTP benchmark's backends run from TypeScript sources through the transform, as in local development; a production image has less RSS.",
    "The Kubernetes plugin with its default object types (pods, services, deployments, ...): the testenv's service account may not list them and our overview does not show them; it is configured with resourcequotas plus the three custom resources.",
    "Provisioning through the scaffolder's task engine (database task store, checkpoints, log streaming): the actions' handlers are run directly; cluster creation (vsphere:cluster:create) is not timed, only a node pool added to an existing cluster.",
    "autocannon runs on the same 2 cores as the backend under test, so warm latencies include that contention for both backends alike.",
    "An open page in a browser: a page is a signals WebSocket subscriber plus the overview read it makes on each notice (what the vSphere tab does); the browser's rendering is not timed.",
    $RESUME_NOTE
    "Settings of this run: BENCH_RUNS=$RUNS, BENCH_HTTP_SECONDS=${BENCH_HTTP_SECONDS:-10}, BENCH_IDLE_SECONDS=${BENCH_IDLE_SECONDS:-60}, BENCH_CHANGES=${BENCH_CHANGES:-20}${BENCH_SKIP_PROVISION:+, provisioning (section 4) skipped (BENCH_SKIP_PROVISION=1)}${ONLY:+, only $([ "$ONLY" = http ] || echo 'the inventory, ')the seed and section 3 (BENCH_ONLY=$ONLY)}: kept small to fit the machine's time."
  ]
}
JSON
ts bench/report.ts "$RESULTS" "$BENCH_TMP/meta.json"
# the committed reports are prettier-formatted like the rest of the repository
"$REPO/node_modules/.bin/prettier" --write "$REPO/bench/results/$DATE${ONLY:+-$ONLY_NAME}.md" >/dev/null
