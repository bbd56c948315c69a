import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_MOREF,
  ANNOTATION_SUPERVISOR,
  ANNOTATION_SUPERVISOR_NAMESPACE,
} from '@backstage-vsphere/plugin-vsphere-common';
import { NamespaceRecord } from '../inventory/types';
import {
  EntityContext,
  baseAnnotations,
  nameOf,
  namespaceLink,
  resourceEntity,
  resourceRef,
} from './common';
import { SYSTEM_KEY, namespaceOwner, refFromMetadata } from './owners';

/** The annotation a Supervisor puts on a namespace's Kubernetes object: its resource pool. */
const RESOURCE_POOL_ANNOTATION = 'vmware-system-resource-pool';

/** The owner and System a namespace passes on to its VMs and clusters. */
export function namespaceScope(
  context: EntityContext,
  namespace: NamespaceRecord,
): { owner: string; system?: string } {
  return {
    owner: namespaceOwner(namespace, context.config),
    system:
      refFromMetadata(namespace, SYSTEM_KEY, 'system') ?? context.config.system,
  };
}

/** A Supervisor namespace, depending on its Supervisor when that one is configured. */
export function namespaceEntity(
  context: EntityContext,
  namespace: NamespaceRecord,
): Entity {
  const annotations: Record<string, string> = {
    ...baseAnnotations(context),
    [ANNOTATION_SUPERVISOR_NAMESPACE]: namespace.name,
  };
  if (namespace.supervisor) {
    annotations[ANNOTATION_SUPERVISOR] = namespace.supervisor;
  }
  const resourcePool = namespace.annotations[RESOURCE_POOL_ANNOTATION];
  if (resourcePool) {
    annotations[ANNOTATION_MOREF] = resourcePool;
  }
  return resourceEntity(
    {
      name: nameOf(context, { kind: 'namespace', namespace: namespace.name }),
      title: namespace.name,
      description:
        namespace.description ??
        `vSphere Supervisor namespace '${namespace.name}'`,
      annotations,
      tags: ['vsphere', 'supervisor-namespace'],
      links: [namespaceLink(context, namespace.name)],
    },
    {
      type: 'vsphere-namespace',
      ...namespaceScope(context, namespace),
      dependsOn: namespace.supervisor
        ? [
            resourceRef(
              nameOf(context, {
                kind: 'supervisor',
                supervisor: namespace.supervisor,
              }),
            ),
          ]
        : undefined,
    },
  );
}
