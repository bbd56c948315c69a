#!/usr/bin/env bash
# Independent checks of a running Supervisor stand-in with kubectl (and govc for the vSphere side).
# Usage: KUBECTL=<kubectl> GOVC=<govc> GOVC_USERNAME=<user> GOVC_PASSWORD=<pw> smoke.sh <env.json>
# Exits non-zero on the first wrong answer. Scales a node pool up and back down on the way.
set -euo pipefail

envfile=${1:?usage: smoke.sh <env.json>}
KUBECTL=${KUBECTL:-kubectl}
: "${GOVC:?set GOVC to a govc binary}" "${GOVC_PASSWORD:?set GOVC_PASSWORD}"

# env.json keys used here are unique, so sed is enough.
field() { sed -n "s/^ *\"$1\": *\"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}$/\1/p" "$envfile" | head -n1; }
plugin_kc=$(field kubeconfig)
admin_kc=$(field adminKubeconfig)
readonly_token=$(cat "$(field readonlyTokenFile)")
export GOVC_URL=$(field sdkUrl) GOVC_TLS_CA_CERTS=$(field caFile) GOVC_INSECURE=false GOVC_PERSIST_SESSION=false
GOVMOMI_HOME=$(mktemp -d)
export GOVMOMI_HOME
trap 'rm -rf "$GOVMOMI_HOME"' EXIT

admin() { "$KUBECTL" --kubeconfig "$admin_kc" "$@"; }
plugin() { "$KUBECTL" --kubeconfig "$plugin_kc" "$@"; }
readonly_user() { "$KUBECTL" --kubeconfig "$plugin_kc" --token "$readonly_token" "$@"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }
contains() { # contains <description> <needle> <haystack>
  grep -qF -- "$2" <<<"$3" || fail "$1: '$2' not in:"$'\n'"$3"
}

out=$(admin version 2>/dev/null || true)
contains "server version" "Server Version: v1." "$out"
ok "kube-apiserver answers ($(grep 'Server Version' <<<"$out"))"

out=$(admin get crds -o name)
for crd in clusters.cluster.x-k8s.io clusterclasses.cluster.x-k8s.io machinedeployments.cluster.x-k8s.io \
  machines.cluster.x-k8s.io machinesets.cluster.x-k8s.io virtualmachines.vmoperator.vmware.com \
  virtualmachineclasses.vmoperator.vmware.com virtualmachineimages.vmoperator.vmware.com \
  clustervirtualmachineimages.vmoperator.vmware.com tanzukubernetesclusters.run.tanzu.vmware.com; do
  contains "CRDs" "customresourcedefinition.apiextensions.k8s.io/$crd" "$out"
done
ok "Cluster API, VM Operator and TanzuKubernetesCluster CRDs installed"

out=$(admin api-versions)
# the VM Operator versions testenv was asked to serve (TESTENV_VMOP_VERSIONS), by default v1alpha2..v1alpha6
vmop=$(tr ',' ' ' <<<"${TESTENV_VMOP_VERSIONS:-v1alpha2,v1alpha5,v1alpha6}")
for gv in cluster.x-k8s.io/v1beta1 cluster.x-k8s.io/v1beta2 run.tanzu.vmware.com/v1alpha3 \
  $(for v in $vmop; do echo "vmoperator.vmware.com/$v"; done); do
  contains "served versions" "$gv" "$out"
done
ok "served: $(grep -E 'cluster.x-k8s.io|vmoperator|run.tanzu' <<<"$out" | tr '\n' ' ')"

plugin wait --for=jsonpath='{.status.conditions[?(@.type=="Ready")].status}'=True \
  -n demo virtualmachine/demo-web-01 virtualmachine/demo-db-01 --timeout=60s >/dev/null
out=$(plugin get virtualmachines -n demo)
for vm in demo-web-01 demo-db-01 demo-batch-01; do contains "VMs in demo" "$vm" "$out"; done
ok "kubectl get virtualmachines -n demo (plugin token)"$'\n'"$out"

moref=$(plugin get virtualmachine -n demo demo-web-01 -o jsonpath='{.status.uniqueID}')
ip=$(plugin get virtualmachine -n demo demo-web-01 -o jsonpath='{.status.network.primaryIP4}')
out=$("$GOVC" object.collect -s "VirtualMachine:$moref" name guest.ipAddress)
[ "$out" = "demo-web-01"$'\n'"$ip" ] || fail "vSphere VM $moref: want demo-web-01 / $ip, got: $out"
ok "status.uniqueID $moref is the simulator's VM demo-web-01 with IP $ip"

out=$(plugin get clusters -A)
contains "clusters" "demo-cluster" "$out"
ok "kubectl get clusters -A"$'\n'"$out"
class=$(plugin get clusters.v1beta1.cluster.x-k8s.io -n demo demo-cluster -o jsonpath='{.spec.topology.class}' 2>/dev/null)
[ "$class" = tanzukubernetescluster ] || fail "v1beta1 view of demo-cluster: topology.class is '$class'"
ok "v1beta1 and v1beta2 views convert (topology.class = classRef.name = $class)"

# wait_pools <replicas of np-small>: every node pool of demo-cluster reaches its desired size.
wait_pools() {
  local deadline=$((SECONDS + 90)) name desired current ready phase bad small
  while :; do
    bad=0
    while read -r name desired current ready phase; do
      [ "$desired" = "$current" ] && [ "$desired" = "$ready" ] && [ "$phase" = Running ] || bad=1
    done < <(plugin get machinedeployments -n demo -l cluster.x-k8s.io/cluster-name=demo-cluster --no-headers \
      -o custom-columns=N:.metadata.name,D:.spec.replicas,R:.status.replicas,READY:.status.readyReplicas,P:.status.phase)
    small=$(plugin get machinedeployments -n demo -l topology.cluster.x-k8s.io/deployment-name=np-small -o jsonpath='{.items[0].status.readyReplicas}')
    [ $bad = 0 ] && [ "$small" = "$1" ] && return 0
    [ $SECONDS -lt $deadline ] || fail "node pools not ready in 90s:"$'\n'"$(plugin get machinedeployments -n demo)"
    sleep 0.5
  done
}
wait_pools 2
ok "node pools ready"$'\n'"$(plugin get machinedeployments -n demo)"

idx=$(plugin get cluster -n demo demo-cluster -o jsonpath='{range .spec.topology.workers.machineDeployments[*]}{.name}{"\n"}{end}' | grep -n '^np-small$' | cut -d: -f1)
patch() { plugin patch cluster -n demo demo-cluster --type=json -p "[{\"op\":\"replace\",\"path\":\"/spec/topology/workers/machineDeployments/$((idx - 1))/replicas\",\"value\":$1}]" >/dev/null; }
patch 3
wait_pools 3
patch 2
wait_pools 2
ok "np-small scaled 2 -> 3 -> 2 through the Cluster topology"

out=$(plugin get machines -n demo -l cluster.x-k8s.io/cluster-name=demo-cluster -o jsonpath='{range .items[*]}{.spec.providerID}{"\n"}{end}')
[ "$(grep -c '^vsphere://' <<<"$out")" = 4 ] || fail "machines without vsphere:// provider IDs:"$'\n'"$out"
ok "4 machines with provider IDs"

admin get secret -n demo demo-cluster-kubeconfig -o jsonpath='{.data.value}' | grep -q . || fail "no demo-cluster-kubeconfig"
ok "Secret demo-cluster-kubeconfig"

plugin wait --for=jsonpath='{.status.phase}'=running -n team-a tanzukubernetescluster/team-a-tkc --timeout=60s >/dev/null
ok "TanzuKubernetesCluster team-a-tkc running"

[ "$(readonly_user auth can-i create virtualmachines -n demo)" = no ] || fail "the read-only token may create VMs"
readonly_user get virtualmachines -n demo >/dev/null || fail "the read-only token cannot list VMs"
[ "$(plugin auth can-i delete machinedeployments -n demo)" = no ] || fail "the plugin token may delete MachineDeployments"
ok "RBAC: read-only token reads only; plugin token changes only what the actions need"

# demo-cluster's published kubeconfig reaches the workload API server with its CA pinned
workload_kc=$(mktemp)
trap 'rm -rf "$GOVMOMI_HOME" "$workload_kc"' EXIT
admin get secret -n demo demo-cluster-kubeconfig -o jsonpath='{.data.value}' | base64 -d >"$workload_kc"
grep -q insecure-skip-tls-verify "$workload_kc" && fail "demo-cluster's kubeconfig skips TLS verification"
reader() { "$KUBECTL" --kubeconfig "$workload_kc" --token "$(cat "$(field readerTokenFile)")" "$@"; }
[ "$(reader get pods -n demo-web -l backstage.io/kubernetes-id=demo-web -o name | wc -l)" = 3 ] ||
  fail "the workload cluster's reader does not see 3 demo-web pods"
[ "$(reader auth can-i list secrets -A)" = no ] || fail "the workload cluster's reader may list Secrets"
ok "workload cluster: demo-cluster's endpoint with a pinned CA, 3 demo-web pods, a reader that cannot see Secrets"

# the second Supervisor (WCP-Cluster-2): its own API server, CRDs and namespace team-b, none of the first one's
field2() { sed -n '/^  "supervisor2": {/,/^  }/p' "$envfile" | sed -n "s/^ *\"$1\": *\"\([^\"]*\)\".*/\1/p"; }
second() { "$KUBECTL" --kubeconfig "$(field2 kubeconfig)" "$@"; }
second_admin() { "$KUBECTL" --kubeconfig "$(field2 adminKubeconfig)" "$@"; }
[ "$(field2 url)" != "$(field url)" ] || fail "the second Supervisor has the first one's URL"
out=$(second_admin get crds -o name)
contains "second Supervisor's CRDs" "customresourcedefinition.apiextensions.k8s.io/virtualmachines.vmoperator.vmware.com" "$out"
out=$(second get virtualmachines -n team-b -o custom-columns=N:.metadata.name,P:.status.powerState --no-headers)
contains "second Supervisor's VMs in team-b" "team-b-app-01" "$out"
contains "second Supervisor's VM power" "PoweredOn" "$out"
second get namespace demo >/dev/null 2>&1 && fail "the second Supervisor has the first one's namespace demo"
admin get namespace team-b >/dev/null 2>&1 && fail "the first Supervisor mirrored the second one's namespace team-b"
ok "second Supervisor $(field2 url): team-b with team-b-app-01; no namespace of the other Supervisor on either"

echo "smoke: all Supervisor checks passed"
