import { stringifyEntityRef } from '@backstage/catalog-model';
import { toEntityName } from '@backstage-vsphere/plugin-vsphere-node';

function resourceRef(name: string): string {
  return stringifyEntityRef({
    kind: 'resource',
    namespace: 'default',
    name: toEntityName(name),
  });
}

/** Where an object is: the catalog name prefix of its vCenter (see catalogNamePrefix). */
type Scope = { catalogPrefix: string };

/** `resource:default/<namespace>`, the provider's `vsphere-namespace` entity. */
export function namespaceEntityRef(scope: Scope, namespace: string): string {
  return resourceRef(`${scope.catalogPrefix}${namespace}`);
}

/** `resource:default/<namespace>-<vm>`, the provider's `virtual-machine` entity. */
export function vmEntityRef(
  scope: Scope,
  namespace: string,
  vm: string,
): string {
  return resourceRef(`${scope.catalogPrefix}${namespace}-${vm}`);
}

/** `resource:default/<namespace>-<cluster>`, the provider's `kubernetes-cluster` entity. */
export function clusterEntityRef(
  scope: Scope,
  namespace: string,
  cluster: string,
): string {
  return resourceRef(`${scope.catalogPrefix}${namespace}-${cluster}`);
}
