import { VCenterVm } from '@backstage-vsphere/plugin-vsphere-common';
import { VCenterCluster } from '@backstage-vsphere/plugin-vsphere-node';
import { VsphereCatalogConfig } from '../config';
import { VcenterVmRecord } from './types';

/**
 * The vCenter VMs to ingest: not VM Service VMs (those have entities of their own), in one of
 * the configured folders and on a host of one of the configured clusters, when those are set.
 */
export function filterVcenterVms(
  vms: VCenterVm[],
  serviceMorefs: Set<string>,
  filters: VsphereCatalogConfig['vcenterVmFilters'],
  clusters: VCenterCluster[],
): VcenterVmRecord[] {
  const hostCluster = new Map<string, VCenterCluster>();
  for (const cluster of clusters) {
    for (const host of cluster.hosts) hostCluster.set(host, cluster);
  }
  const folders = new Set(filters.folders);
  const inCluster = (cluster?: VCenterCluster) =>
    filters.clusters.length === 0 ||
    (cluster !== undefined &&
      (filters.clusters.includes(cluster.name) ||
        filters.clusters.includes(cluster.moref)));
  return vms.flatMap(vm => {
    const cluster = vm.host ? hostCluster.get(vm.host) : undefined;
    if (
      serviceMorefs.has(vm.moref) ||
      (folders.size > 0 && !folders.has(vm.folder ?? '')) ||
      !inCluster(cluster)
    ) {
      return [];
    }
    const record: VcenterVmRecord = { moref: vm.moref, name: vm.name };
    if (vm.folder) record.folder = vm.folder;
    if (cluster) record.cluster = cluster.moref;
    return [record];
  });
}
