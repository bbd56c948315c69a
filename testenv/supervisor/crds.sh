#!/usr/bin/env bash
# Collects the CRDs the Supervisor stand-in serves into <out-dir>: the official Cluster API and
# VM Operator CRDs, taken from their pinned Go module releases, plus our TanzuKubernetesCluster CRD.
# Usage: crds.sh <out-dir>
set -euo pipefail

# Pinned upstream releases. Cluster API's version is the one go.mod pins for its conversion code
# (it keeps config/crd/bases/ in its module up to v1.13); VM Operator is not a Go dependency.
CAPI_MODULE=sigs.k8s.io/cluster-api
VMOP_MODULE=github.com/vmware-tanzu/vm-operator
VMOP_VERSION=v1.10.0

CAPI_CRDS=(clusters clusterclasses machinedeployments machinesets machines machinehealthchecks machinepools)
VMOP_CRDS=(virtualmachines virtualmachineclasses virtualmachineimages clustervirtualmachineimages
  virtualmachineservices virtualmachinepublishrequests virtualmachinesetresourcepolicies
  virtualmachinewebconsolerequests virtualmachinegroups virtualmachinesnapshots)

out=${1:?usage: crds.sh <out-dir>}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
command -v go >/dev/null || { echo "crds.sh: Go is not installed (needed to fetch the CRD modules)" >&2; exit 1; }

# module_dir prints where `go mod download` unpacked a module release (from the module cache).
module_dir() {
  local json dir
  # Run outside any module so no go.mod or go.sum is touched.
  json=$(cd / && go mod download -json "$1@$2") || { echo "crds.sh: cannot download $1@$2" >&2; return 1; }
  dir=$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' <<<"$json")
  [ -d "$dir" ] || { echo "crds.sh: no directory for $1@$2 in: $json" >&2; return 1; }
  echo "$dir"
}

CAPI_VERSION=$(cd "$here" && go list -m -f '{{.Version}}' "$CAPI_MODULE")
mkdir -p "$out"
rm -f "$out"/*.yaml
capi=$(module_dir "$CAPI_MODULE" "$CAPI_VERSION")
vmop=$(module_dir "$VMOP_MODULE" "$VMOP_VERSION")
for name in "${CAPI_CRDS[@]}"; do
  install -m 0644 "$capi/config/crd/bases/cluster.x-k8s.io_$name.yaml" "$out/"
done
for name in "${VMOP_CRDS[@]}"; do
  install -m 0644 "$vmop/config/crd/bases/vmoperator.vmware.com_$name.yaml" "$out/"
done
install -m 0644 "$here"/manifests/crds/*.yaml "$out/"
printf '%s@%s\n%s@%s\n' "$CAPI_MODULE" "$CAPI_VERSION" "$VMOP_MODULE" "$VMOP_VERSION" >"$out/VERSIONS"
echo "crds.sh: $(ls "$out"/*.yaml | wc -l) CRDs in $out"
