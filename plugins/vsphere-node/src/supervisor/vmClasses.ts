import { VmServiceVmClass } from '@backstage-vsphere/plugin-vsphere-common';
import {
  KubeObject,
  assignDefined,
  numberAt,
  stringAt,
  valueAt,
} from './objects';

/** Memory is a quantity; an old or hand-written object may carry a bare number of bytes. */
function quantityAt(source: unknown, ...path: string[]): string | undefined {
  const value = valueAt(source, ...path);
  if (typeof value === 'number') {
    return String(value);
  }
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * A VirtualMachineClass object (v1alpha2..v1alpha6 share these fields: v1alpha6 changes no class field) as the common type.
 * @public
 */
export function toVmServiceVmClass(vmClass: KubeObject): VmServiceVmClass {
  return assignDefined<VmServiceVmClass>(
    {
      name: vmClass.metadata.name,
      namespace: vmClass.metadata.namespace ?? '',
    },
    {
      description: stringAt(vmClass, 'spec', 'description'),
      cpus: numberAt(vmClass, 'spec', 'hardware', 'cpus'),
      memory: quantityAt(vmClass, 'spec', 'hardware', 'memory'),
    },
  );
}
