import {
  ClusterPlacement,
  PlacedVm,
  PlacementRisk,
  VmServiceVm,
  WorkloadCluster,
} from '@backstage-vsphere/plugin-vsphere-common';

export const CONTROL_PLANE = 'control-plane';

/** Whether a VM Service VM is a control-plane node of the named cluster (CAPV and CAPI labels). */
function isControlPlaneOf(vm: VmServiceVm, cluster: string): boolean {
  const l = vm.labels;
  const ofCluster =
    l['capv.vmware.com/cluster.name'] === cluster ||
    l['cluster.x-k8s.io/cluster-name'] === cluster;
  return (
    ofCluster &&
    (l['capv.vmware.com/cluster.role'] === 'controlplane' ||
      'cluster.x-k8s.io/control-plane' in l)
  );
}

function placed(
  name: string,
  group: string,
  vm: VmServiceVm | undefined,
  vcenterVm: VmServiceVm['vcenterVm'],
): PlacedVm {
  return {
    name,
    group,
    moref: vcenterVm?.moref,
    host: vcenterVm?.hostName ?? vcenterVm?.host,
    datastores: vcenterVm?.datastoreNames ?? vcenterVm?.datastores ?? [],
    zone: vm?.zone,
  };
}

/** The one value every VM of a group shares, when all are known and agree. */
function shared(values: (string | undefined)[]): string | undefined {
  const [first] = values;
  return first && values.every(v => v === first) ? first : undefined;
}

function risksOf(
  group: string,
  vms: PlacedVm[],
  multiZone: boolean,
): PlacementRisk[] {
  // one VM is on one host by nature; the risk is in groups meant to survive a failure
  if (vms.length < 2) {
    return [];
  }
  const what = `all ${vms.length} ${
    group === CONTROL_PLANE
      ? 'control-plane VMs'
      : `VMs of node pool '${group}'`
  }`;
  const risks: PlacementRisk[] = [];
  const host = shared(vms.map(vm => vm.host));
  if (host) {
    risks.push({
      kind: 'single-host',
      group,
      on: host,
      message: `${what} run on one host, ${host}: a host failure takes them all down`,
    });
  }
  const datastore = shared(
    vms.map(vm => (vm.datastores.length === 1 ? vm.datastores[0] : undefined)),
  );
  if (datastore) {
    risks.push({
      kind: 'single-datastore',
      group,
      on: datastore,
      message: `${what} are on one datastore, ${datastore}`,
    });
  }
  const zone = shared(vms.map(vm => vm.zone));
  if (multiZone && zone) {
    risks.push({
      kind: 'single-zone',
      group,
      on: zone,
      message: `${what} are in one vSphere zone, ${zone}, of a multi-zone Supervisor`,
    });
  }
  return risks;
}

const uniq = (values: (string | undefined)[]) =>
  [...new Set(values.filter((v): v is string => Boolean(v)))].sort();

/**
 * How each workload cluster's control plane and node pools spread over hosts, datastores and
 * zones, from the VM join, with the risks a vSphere admin looks for.
 * @public
 */
export function clusterPlacements(input: {
  clusters: WorkloadCluster[];
  vms: VmServiceVm[];
}): ClusterPlacement[] {
  const byName = new Map(input.vms.map(vm => [vm.name, vm]));
  // a Supervisor is multi-zone when its VMs report more than one zone
  const multiZone = uniq(input.vms.map(vm => vm.zone)).length > 1;
  return input.clusters.map(cluster => {
    // the cluster's own control-plane Machines when known; else VMs labelled as its control plane
    const controlPlane = cluster.controlPlaneMachines
      ? cluster.controlPlaneMachines.map(m => {
          const vm = byName.get(m.name);
          return placed(
            m.name,
            CONTROL_PLANE,
            vm,
            m.vcenterVm ?? vm?.vcenterVm,
          );
        })
      : input.vms
          .filter(vm => isControlPlaneOf(vm, cluster.name))
          .map(vm => placed(vm.name, CONTROL_PLANE, vm, vm.vcenterVm));
    const pools = cluster.nodePools.map(pool => ({
      name: pool.name,
      vms: pool.machines.map(m => {
        const vm = byName.get(m.name);
        return placed(m.name, pool.name, vm, m.vcenterVm ?? vm?.vcenterVm);
      }),
    }));
    const vms = [...controlPlane, ...pools.flatMap(p => p.vms)];
    return {
      cluster: cluster.name,
      hosts: uniq(vms.map(vm => vm.host)),
      datastores: uniq(vms.flatMap(vm => vm.datastores)),
      zones: uniq(vms.map(vm => vm.zone)),
      vms,
      risks: [
        ...risksOf(CONTROL_PLANE, controlPlane, multiZone),
        ...pools.flatMap(p => risksOf(p.name, p.vms, multiZone)),
      ],
    };
  });
}
