import { Entity } from '@backstage/catalog-model';
import { VCenterConfig } from '@backstage-vsphere/plugin-vsphere-node';
import { VsphereCatalogConfig } from '../config';
import { VcenterInventory } from '../inventory/types';
import { clusterEntity } from './clusterEntity';
import { EntityContext } from './common';
import { NameCandidate, assignNames, candidate, identities } from './names';
import { namespaceEntity, namespaceScope } from './namespaceEntity';
import { supervisorEntity } from './supervisorEntity';
import { vcenterVmEntity } from './vcenterVmEntity';
import { vmEntity } from './vmEntity';

/**
 * The name every object of the inventory asks for, after `prefix` (see catalogNamePrefix); the
 * Supervisor's name already carries its vCenter's.
 */
export function nameCandidates(
  inventory: VcenterInventory,
  prefix = '',
): NameCandidate[] {
  return [
    ...inventory.supervisors.map(s =>
      candidate(
        identities.supervisor(s.name),
        `${inventory.vcenter}-${s.name}`,
      ),
    ),
    ...inventory.namespaces.map(ns =>
      candidate(identities.namespace(ns.name), `${prefix}${ns.name}`),
    ),
    ...inventory.vms.map(vm =>
      candidate(
        identities.vm(vm.namespace, vm.name),
        `${prefix}${vm.namespace}-${vm.name}`,
      ),
    ),
    ...inventory.clusters.map(c =>
      candidate(
        identities.cluster(c.namespace, c.name),
        `${prefix}${c.namespace}-${c.name}`,
      ),
    ),
    ...inventory.vcenterVms.map(vm =>
      candidate(identities.vcenterVm(vm.moref), `${prefix}${vm.name}`),
    ),
  ];
}

/**
 * Options of {@link buildEntities}.
 * @public
 */
export interface BuildEntitiesOptions {
  vcenter: Pick<VCenterConfig, 'name' | 'url' | 'clientBaseUrl'>;
  config: VsphereCatalogConfig;
  /** Names asked for by objects outside this inventory (the last full read, for a delta), so that names match. */
  otherCandidates?: NameCandidate[];
  /** What entity names begin with (see catalogNamePrefix); empty by default. */
  namePrefix?: string;
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
  const own = nameCandidates(inventory, options.namePrefix);
  const ownIdentities = new Set(own.map(c => c.identity));
  const context: EntityContext = {
    vcenter: options.vcenter,
    config: options.config,
    names: assignNames([
      ...own,
      ...(options.otherCandidates ?? []).filter(
        c => !ownIdentities.has(c.identity),
      ),
    ]),
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
