import { stringifyEntityRef } from '@backstage/catalog-model';
import { toEntityName } from '@backstage-vsphere/plugin-vsphere-node';

function resourceRef(name: string): string {
  return stringifyEntityRef({
    kind: 'resource',
    namespace: 'default',
    name: toEntityName(name),
  });
}

/** `resource:default/<namespace>`, the provider's `vsphere-namespace` entity. */
export function namespaceEntityRef(namespace: string): string {
  return resourceRef(namespace);
}

/** `resource:default/<namespace>-<vm>`, the provider's `virtual-machine` entity. */
export function vmEntityRef(namespace: string, vm: string): string {
  return resourceRef(`${namespace}-${vm}`);
}

/** `resource:default/<namespace>-<cluster>`, the provider's `kubernetes-cluster` entity. */
export function clusterEntityRef(namespace: string, cluster: string): string {
  return resourceRef(`${namespace}-${cluster}`);
}
