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
    className: vm.className,
    imageName: vm.imageName,
    ip: vm.primaryIP4 ?? vc?.ipAddress,
    host: vc?.hostName ?? vc?.host,
    datastore: datastores?.join(', ') || undefined,
    vm,
  };
}
