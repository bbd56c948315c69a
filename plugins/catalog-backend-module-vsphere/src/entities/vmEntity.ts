import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_MOREF,
  ANNOTATION_NAMESPACE_OWNER,
  ANNOTATION_SUPERVISOR,
  ANNOTATION_SUPERVISOR_NAMESPACE,
  ANNOTATION_VM,
} from '@backstage-vsphere/plugin-vsphere-common';
import { VmRecord } from '../inventory/types';
import {
  EntityContext,
  baseAnnotations,
  nameOf,
  namespaceLink,
  resourceEntity,
  resourceRef,
  searchLink,
} from './common';
import { OWNER_KEY, refFromMetadata } from './owners';

/**
 * A VM Service VM, depending on its namespace. Only what changes with intent (class, image) is
 * in the entity; power state and addresses are live data for the vSphere tab.
 */
export function vmEntity(
  context: EntityContext,
  vm: VmRecord,
  scope: { owner: string; system?: string },
): Entity {
  const annotations: Record<string, string> = {
    ...baseAnnotations(context),
    [ANNOTATION_SUPERVISOR]: vm.supervisor,
    [ANNOTATION_SUPERVISOR_NAMESPACE]: vm.namespace,
    [ANNOTATION_VM]: vm.name,
    [ANNOTATION_NAMESPACE_OWNER]: scope.owner,
  };
  if (vm.moref) {
    annotations[ANNOTATION_MOREF] = vm.moref;
  }
  return resourceEntity(
    {
      name: nameOf(context, {
        kind: 'vm',
        namespace: vm.namespace,
        name: vm.name,
      }),
      title: vm.name,
      description: `VM Service virtual machine '${vm.name}' in Supervisor namespace '${vm.namespace}'`,
      annotations,
      tags: ['vsphere', 'vm-service'],
      links: [
        searchLink(context, vm.name),
        namespaceLink(context, vm.namespace),
      ],
    },
    {
      type: 'virtual-machine',
      owner: refFromMetadata(vm, OWNER_KEY, 'group') ?? scope.owner,
      system: scope.system,
      dependsOn: [
        resourceRef(
          nameOf(context, { kind: 'namespace', namespace: vm.namespace }),
        ),
      ],
      vmClass: vm.className,
      image: vm.imageName,
    },
  );
}
