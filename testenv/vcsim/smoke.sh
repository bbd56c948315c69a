#!/usr/bin/env bash
# Independent checks of a running simulator with govc.
# Usage: VCSIM_PASSWORD=<pw> [VCSIM_USERNAME=<user>] smoke.sh <env-dir> <govc-binary>
# <env-dir> is the simulator's --dir (holds ready.json and ca.pem). Exits non-zero on the first wrong answer.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: VCSIM_PASSWORD=<pw> $0 <env-dir> <govc-binary>" >&2
  exit 2
fi
envdir=$1
govc=$2
ready="$envdir/ready.json"
: "${VCSIM_PASSWORD:?set VCSIM_PASSWORD to the simulator password}"

[ -f "$ready" ] || { echo "FAIL: $ready not found (simulator not ready?)" >&2; exit 1; }

# ready.json is flat enough for sed; no jq or python needed.
field() { sed -n "s/^ *\"$1\": *\"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}$/\1/p" "$ready" | head -n1; }
sdk_url=$(field sdkUrl)
ca_file=$(field caFile)
vm_count=$(field vmCount)

# Credentials via GOVC_USERNAME/GOVC_PASSWORD so special characters need no URL encoding.
export GOVC_URL="$sdk_url"
export GOVC_USERNAME="${VCSIM_USERNAME:-administrator@vsphere.local}"
export GOVC_PASSWORD="$VCSIM_PASSWORD"
export GOVC_TLS_CA_CERTS="$ca_file"
export GOVC_INSECURE=false
# Keep govc's session cache out of $HOME and log out after each command.
GOVMOMI_HOME=$(mktemp -d)
export GOVMOMI_HOME
export GOVC_PERSIST_SESSION=false
trap 'rm -rf "$GOVMOMI_HOME"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
expect() { # expect <description> <needle> <haystack>
  grep -qxF -- "$2" <<<"$3" || fail "$1: '$2' not in output:"$'\n'"$3"
  echo "ok: $1 ($2)"
}

out=$("$govc" ls /Datacenter/vm)
expect "vm folders" "/Datacenter/vm/Namespaces" "$out"

n=$("$govc" find / -type m | wc -l | tr -d ' ')
# at least the seeded VMs: the Supervisor's reconciler adds VMs for VM Service VMs and nodes
[ "$n" -ge "$vm_count" ] || fail "govc find / -type m: $n VMs, want at least $vm_count"
echo "ok: $n VMs"

out=$("$govc" ls /Datacenter/host)
expect "clusters" "/Datacenter/host/WCP-Cluster" "$out"
expect "clusters" "/Datacenter/host/Compute-Cluster" "$out"
expect "clusters" "/Datacenter/host/WCP-Cluster-2" "$out"

out=$("$govc" namespace.ls)
expect "namespaces" "demo" "$out"
expect "namespaces" "team-a" "$out"
expect "namespaces" "team-b" "$out"

# two Supervisors, one per WCP cluster, each with an id of its own
out=$("$govc" namespace.cluster.ls)
[ "$(grep -c . <<<"$out")" = 2 ] || fail "govc namespace.cluster.ls: want 2 Supervisor clusters, got:"$'\n'"$out"
echo "ok: 2 Supervisor clusters"

out=$("$govc" namespace.vmclass.ls)
for class in best-effort-small best-effort-medium guaranteed-large; do
  expect "vm classes" "$class" "$out"
done

out=$("$govc" library.ls)
expect "content library" "/tkg-images" "$out"
out=$("$govc" library.ls /tkg-images/)
expect "library item" "/tkg-images/ubuntu-2204-kube-v1.33" "$out"

out=$("$govc" storage.policy.ls)
# Lines are "<profile id>  <name>".
for policy in "k8s-gold" "vSAN Default Storage Policy"; do
  grep -q "  $policy\$" <<<"$out" || fail "storage policy $policy missing:"$'\n'"$out"
done
echo "ok: storage policies"

if GOVC_PASSWORD="not-$VCSIM_PASSWORD" "$govc" about >/dev/null 2>&1; then
  fail "a wrong password was accepted"
fi
echo "ok: wrong password rejected"
echo "smoke: all checks passed"
