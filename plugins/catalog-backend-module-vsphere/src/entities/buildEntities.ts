import { Entity } from '@backstage/catalog-model';
import { VCenterConfig } from '@backstage-vsphere/plugin-vsphere-node';
import { VsphereCatalogConfig } from '../config';
import { VcenterInventory } from '../inventory/types';
import { clusterEntity } from './clusterEntity';
import { EntityContext } from './common';
import { namespaceEntity, namespaceScope } from './namespaceEntity';
import { supervisorEntity } from './supervisorEntity';
import { vcenterVmEntity } from './vcenterVmEntity';
import { vmEntity } from './vmEntity';

/**
 * Options of {@link buildEntities}.
 * @public
 */
export interface BuildEntitiesOptions {
  vcenter: Pick<VCenterConfig, 'name' | 'url' | 'clientBaseUrl'>;
  config: VsphereCatalogConfig;
  /** How many vCenters are configured (1 by default): with several, names begin with the vCenter's. */
  vcenterCount?: number;
  /** Says why something was left out of an entity, for the operator. */
  warn?: (message: string) => void;
  /** Leave out the Supervisor entities (a delta has not changed them). */
  skipSupervisors?: boolean;
}

/**
 * Turns an inventory into entities, sorted by name, with the same output for the same inventory
 * whatever order it was read in, so that unchanged entities are unchanged for the catalog too.
 * @public
 */
export function buildEntities(
  inventory: VcenterInventory,
  options: BuildEntitiesOptions,
): Entity[] {
  const context: EntityContext = {
    vcenter: options.vcenter,
    config: options.config,
    vcenterCount: options.vcenterCount ?? 1,
    warn: options.warn,
  };
  const scopes = new Map(
    inventory.namespaces.map(ns => [ns.name, namespaceScope(context, ns)]),
  );
  const scopeOf = (namespace: string) =>
    scopes.get(namespace) ?? { owner: options.config.defaultOwner };
  const entities = [
    ...(options.skipSupervisors
      ? []
      : inventory.supervisors.map(s => supervisorEntity(context, s))),
    ...inventory.namespaces.map(ns => namespaceEntity(context, ns)),
    ...inventory.vms.map(vm => vmEntity(context, vm, scopeOf(vm.namespace))),
    ...inventory.clusters.map(c =>
      clusterEntity(context, c, scopeOf(c.namespace)),
    ),
    ...inventory.vcenterVms.map(vm => vcenterVmEntity(context, vm)),
  ];
  return entities.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}
