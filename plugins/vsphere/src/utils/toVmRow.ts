import { VmServiceVm } from '@backstage-vsphere/plugin-vsphere-common';

/** A VM flattened for the table, so its columns sort and search as text. */
export interface VmRow {
  /** The VM's name: unique in its namespace, so it keys the table's row. */
  id: string;
  name: string;
  powerState?: string;
  desiredPowerState?: string;
  className?: string;
  imageName?: string;
  ip?: string;
  host?: string;
  datastore?: string;
  vm: VmServiceVm;
}

/** "4 vCPU, 6Gi": a VM's own size (VM Operator v1alpha6), set apart from its class. */
export function ownSizeText(vm: VmServiceVm): string | undefined {
  const parts = [
    vm.size?.cpus !== undefined ? `${vm.size.cpus} vCPU` : undefined,
    vm.size?.memory,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

/** Prefers the VM Service view, then the vCenter one joined on the managed object id. */
export function toVmRow(vm: VmServiceVm): VmRow {
  const vc = vm.vcenterVm;
  const datastores = vc?.datastoreNames?.length
    ? vc.datastoreNames
    : vc?.datastores;
  return {
    id: vm.name,
    name: vm.name,
    powerState: vm.powerState ?? vc?.powerState,
    desiredPowerState: vm.desiredPowerState,
    // a VM sized apart from its class says so where the class is shown
    className:
      vm.className && ownSizeText(vm)
        ? `${vm.className}, resized to ${ownSizeText(vm)}`
        : vm.className,
    imageName: vm.imageName,
    ip: vm.primaryIP4 ?? vc?.ipAddress,
    host: vc?.hostName ?? vc?.host,
    datastore: datastores?.join(', ') || undefined,
    vm,
  };
}
