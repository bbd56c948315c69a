import {
  NodePoolMachine,
  VCenterVm,
  VmServiceVm,
  WorkloadCluster,
} from '@backstage-vsphere/plugin-vsphere-common';

/**
 * The UUID in a Machine's `vsphere://<uuid>` providerID, lower-cased.
 *
 * @public
 */
export function providerUuid(providerID?: string): string | undefined {
  const match = providerID?.match(/^vsphere:\/\/(.+)$/i);
  return match ? match[1].toLowerCase() : undefined;
}

/** Looks vCenter VMs up by moref and by UUID (instance UUID, and BIOS UUID where known). */
class VCenterVmIndex {
  private readonly byMoref = new Map<string, VCenterVm>();
  private readonly byUuid = new Map<string, VCenterVm>();

  constructor(vms: VCenterVm[]) {
    for (const vm of vms) {
      this.byMoref.set(vm.moref, vm);
      for (const uuid of [vm.biosUuid, vm.instanceUuid]) {
        if (uuid) {
          this.byUuid.set(uuid.toLowerCase(), vm);
        }
      }
    }
  }

  moref(moref?: string): VCenterVm | undefined {
    return moref ? this.byMoref.get(moref) : undefined;
  }

  uuid(uuid?: string): VCenterVm | undefined {
    return uuid ? this.byUuid.get(uuid) : undefined;
  }
}

/**
 * VM Service VMs with `vcenterVm` set where `status.uniqueID` names a vCenter VM's moref.
 * @public
 */
export function joinVmServiceVms(
  vms: VmServiceVm[],
  vcenterVms: VCenterVm[],
): VmServiceVm[] {
  const index = new VCenterVmIndex(vcenterVms);
  return vms.map(vm => {
    const vcenterVm = index.moref(vm.uniqueID);
    return vcenterVm ? { ...vm, vcenterVm } : vm;
  });
}

/**
 * Workload clusters whose node pool Machines have `vcenterVm` set: by the UUID in the Machine's
 * providerID (the BIOS UUID; the instance UUID is accepted too), else through the VM Service VM
 * that backs the Machine (same name and namespace, as the vSphere provider names a node's
 * VirtualMachine) and its `status.uniqueID`.
 * @public
 */
export function joinClusterMachines(
  clusters: WorkloadCluster[],
  vcenterVms: VCenterVm[],
  vmServiceVms: VmServiceVm[] = [],
): WorkloadCluster[] {
  const index = new VCenterVmIndex(vcenterVms);
  const serviceVms = new Map(
    vmServiceVms.map(vm => [`${vm.namespace}/${vm.name}`, vm]),
  );
  const join = (namespace: string, machine: NodePoolMachine) => {
    const vcenterVm =
      index.uuid(providerUuid(machine.providerID)) ??
      index.moref(serviceVms.get(`${namespace}/${machine.name}`)?.uniqueID);
    return vcenterVm ? { ...machine, vcenterVm } : machine;
  };
  return clusters.map(cluster => ({
    ...cluster,
    ...(cluster.controlPlaneMachines && {
      controlPlaneMachines: cluster.controlPlaneMachines.map(m =>
        join(cluster.namespace, m),
      ),
    }),
    nodePools: cluster.nodePools.map(pool => ({
      ...pool,
      machines: pool.machines.map(m => join(cluster.namespace, m)),
    })),
  }));
}
