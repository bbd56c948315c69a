import { SupervisorCapacity } from '@backstage-vsphere/plugin-vsphere-common';
import { NotFoundError } from '@backstage/errors';
import { VCenterClient } from '../vcenter';
import { supervisorCapacity } from './capacity';

/**
 * Reads what {@link supervisorCapacity} needs from one vCenter: hosts, clusters, datastores and
 * policies in bulk, then each namespace of the cluster (the list carries no limits).
 * @public
 */
export async function readSupervisorCapacity(
  vc: VCenterClient,
  cluster: string,
  options: { signal?: AbortSignal } = {},
): Promise<SupervisorCapacity> {
  const [hosts, clusters, datastores, summaries, storagePolicies] =
    await Promise.all([
      vc.listHostUsage(options),
      vc.listClusters(options),
      vc.listDatastores(options),
      vc.listNamespaces(options),
      vc.listStoragePolicies(options),
    ]);
  const found = clusters.find(c => c.moref === cluster || c.name === cluster);
  if (!found) {
    throw new NotFoundError(`vCenter '${vc.name}' has no cluster '${cluster}'`);
  }
  const namespaces = await Promise.all(
    summaries
      .filter(ns => ns.cluster === found.moref)
      .map(ns => vc.getNamespace(ns.name, options)),
  );
  return supervisorCapacity({
    vcenter: vc.name,
    cluster: found,
    hosts,
    datastores,
    namespaces,
    storagePolicies,
  });
}
