import {
  SupervisorClient,
  VCenterClient,
  VsphereClients,
} from '@backstage-vsphere/plugin-vsphere-node';

/**
 * The vCenter calls the inventory reader makes.
 * @public
 */
export type VcenterSource = Pick<
  VCenterClient,
  'listNamespaces' | 'getNamespace' | 'listClusters' | 'listVms'
>;

/**
 * The Supervisor calls the inventory reader makes.
 * @public
 */
export type SupervisorSource = Pick<
  SupervisorClient,
  'list' | 'get' | 'apiVersions'
>;

/**
 * Where one vCenter's inventory is read from; tests pass stubs.
 * @public
 */
export interface VcenterSources {
  vcenter(): VcenterSource;
  supervisor(name: string): SupervisorSource;
}

/** The shared clients of one configured vCenter. */
export function vcenterSources(
  clients: VsphereClients,
  vcenterName: string,
): VcenterSources {
  return {
    vcenter: () => clients.vcenter(vcenterName),
    supervisor: name => clients.supervisor(vcenterName, name),
  };
}

/** True for `@backstage/errors`' NotFoundError, also when thrown by another copy of the package. */
export function isNotFound(error: unknown): boolean {
  return (error as Error | undefined)?.name === 'NotFoundError';
}
