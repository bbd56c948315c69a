import { Entity } from '@backstage/catalog-model';
import { ANNOTATION_MOREF } from '@backstage-vsphere/plugin-vsphere-common';
import { VcenterVmRecord } from '../inventory/types';
import {
  EntityContext,
  baseAnnotations,
  nameOf,
  resourceEntity,
  searchLink,
} from './common';

/** A vCenter VM outside the Supervisor; no namespace names its owner, so the default does. */
export function vcenterVmEntity(
  context: EntityContext,
  vm: VcenterVmRecord,
): Entity {
  return resourceEntity(
    {
      name: nameOf(context, { kind: 'vcenter-vm', moref: vm.moref }),
      title: vm.name,
      description: `vCenter virtual machine '${vm.name}' (${vm.moref})`,
      annotations: {
        ...baseAnnotations(context),
        [ANNOTATION_MOREF]: vm.moref,
      },
      tags: ['vsphere'],
      links: [searchLink(context, vm.name)],
    },
    {
      type: 'virtual-machine',
      owner: context.config.defaultOwner,
      system: context.config.system,
    },
  );
}
