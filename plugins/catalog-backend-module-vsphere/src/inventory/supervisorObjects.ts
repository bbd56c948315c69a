import {
  KubeObject,
  buildWorkloadClusters,
  isClusterNodeVm,
  toVmServiceVm,
} from '@backstage-vsphere/plugin-vsphere-node';
import { ClusterRecord, VmRecord } from './types';

function at(source: unknown, ...path: string[]): unknown {
  let current = source;
  for (const key of path) {
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** VM Service VMs of the given namespaces, without cluster nodes. */
export function toVmRecords(
  supervisor: string,
  objects: KubeObject[],
  namespaces: Set<string>,
): VmRecord[] {
  return objects
    .filter(
      o => namespaces.has(o.metadata.namespace ?? '') && !isClusterNodeVm(o),
    )
    .map(object => {
      const vm = toVmServiceVm(object);
      const record: VmRecord = {
        supervisor,
        namespace: vm.namespace,
        name: vm.name,
        labels: vm.labels,
        annotations: { ...(object.metadata.annotations ?? {}) },
      };
      if (vm.uniqueID) record.moref = vm.uniqueID;
      if (vm.className) record.className = vm.className;
      if (vm.imageName) record.imageName = vm.imageName;
      return record;
    });
}

/** `https://host:port` from a `{host, port}` endpoint, or undefined when it has no host. */
function endpointUrl(endpoint: unknown): string | undefined {
  const host = at(endpoint, 'host');
  const port = at(endpoint, 'port');
  if (typeof host !== 'string' || !host) {
    return undefined;
  }
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return typeof port === 'number' && port !== 443
    ? `https://${hostPart}:${port}`
    : `https://${hostPart}`;
}

/**
 * The API endpoint of a cluster: Cluster API's `spec.controlPlaneEndpoint` (a
 * TanzuKubernetesCluster's own Cluster has it too), else the TanzuKubernetesCluster's status.
 */
function apiServerOf(
  namespace: string,
  name: string,
  clusters: Map<string, KubeObject>,
  tanzu: Map<string, KubeObject>,
): string | undefined {
  const key = `${namespace}/${name}`;
  const fromCluster = endpointUrl(
    at(clusters.get(key), 'spec', 'controlPlaneEndpoint'),
  );
  const apiEndpoints = at(tanzu.get(key), 'status', 'apiEndpoints');
  return (
    fromCluster ??
    (Array.isArray(apiEndpoints) ? endpointUrl(apiEndpoints[0]) : undefined)
  );
}

function byKey(objects: KubeObject[]): Map<string, KubeObject> {
  return new Map(
    objects.map(o => [`${o.metadata.namespace}/${o.metadata.name}`, o]),
  );
}

/** Cluster API and TanzuKubernetesCluster clusters of the given namespaces, with their pools. */
export function toClusterRecords(
  supervisor: string,
  lists: { clusters: KubeObject[]; tanzuClusters: KubeObject[] },
  namespaces: Set<string>,
): ClusterRecord[] {
  const inScope = (o: KubeObject) => namespaces.has(o.metadata.namespace ?? '');
  const clusters = lists.clusters.filter(inScope);
  const tanzuClusters = lists.tanzuClusters.filter(inScope);
  const rawClusters = byKey(clusters);
  const rawTanzu = byKey(tanzuClusters);
  // Status comes from MachineDeployments, which the catalog does not need: pools are read from spec.
  return buildWorkloadClusters({
    clusters,
    tanzuClusters,
    machineDeployments: [],
    machines: [],
  }).map(cluster => {
    const key = `${cluster.namespace}/${cluster.name}`;
    const raw =
      cluster.kind === 'Cluster' ? rawClusters.get(key) : rawTanzu.get(key);
    const record: ClusterRecord = {
      supervisor,
      namespace: cluster.namespace,
      name: cluster.name,
      kind: cluster.kind,
      nodePools: cluster.nodePools.map(pool => {
        const result: ClusterRecord['nodePools'][number] = {
          name: pool.name,
          replicas: pool.desiredReplicas,
        };
        if (pool.class) result.class = pool.class;
        if (pool.vmClass) result.vmClass = pool.vmClass;
        if (pool.storageClass) result.storageClass = pool.storageClass;
        return result;
      }),
      labels: { ...(raw?.metadata.labels ?? {}) },
      annotations: { ...(raw?.metadata.annotations ?? {}) },
    };
    const apiServer = apiServerOf(
      cluster.namespace,
      cluster.name,
      rawClusters,
      rawTanzu,
    );
    if (cluster.clusterClass) record.clusterClass = cluster.clusterClass;
    if (cluster.version) record.version = cluster.version;
    if (apiServer) record.apiServer = apiServer;
    return record;
  });
}
