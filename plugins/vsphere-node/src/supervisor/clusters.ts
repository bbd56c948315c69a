import { JsonObject, JsonValue } from '@backstage/types';
import { WorkloadCluster } from '@backstage-vsphere/plugin-vsphere-common';
import { API_GROUP_NAMES } from './resources';
import {
  NodePoolIndex,
  controlPlaneMachines,
  NodePoolSpec,
  TopologyWorker,
  toNodePool,
  workerEntry,
} from './nodePools';
import {
  KubeObject,
  arrayAt,
  assignDefined,
  booleanAt,
  conditionsAt,
  numberAt,
  stringAt,
} from './objects';
import { toTanzuWorkloadCluster } from './tkc';

/**
 * A Cluster API cluster on a ClusterClass, independent of the Cluster API version.
 * @public
 */
export interface ClusterSpec {
  name: string;
  namespace: string;
  /** The ClusterClass, e.g. `tanzukubernetescluster` on vSphere Kubernetes Service. */
  clusterClass: string;
  /** The Kubernetes release, e.g. `v1.33.3+vmware.1-fips`. */
  version: string;
  controlPlaneReplicas?: number;
  /** VM class and storage class of every node unless a pool overrides them. */
  vmClass: string;
  storageClass: string;
  nodePools: NodePoolSpec[];
  /** More ClusterClass variables, e.g. `defaultStorageClass`. */
  variables?: Array<{ name: string; value: JsonValue }>;
  clusterNetwork?: JsonObject;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** The topology's worker pools; `workers` and its list may be absent on a fresh cluster. */
export function topologyWorkers(cluster: KubeObject): TopologyWorker[] {
  return arrayAt(
    cluster,
    'spec',
    'topology',
    'workers',
    'machineDeployments',
  ).filter((w): w is TopologyWorker => typeof stringAt(w, 'name') === 'string');
}

/** v1beta1 says `controlPlaneReady`; v1beta2 reports conditions and initialization instead. */
function controlPlaneReady(cluster: KubeObject): boolean | undefined {
  const v1beta1 = booleanAt(cluster, 'status', 'controlPlaneReady');
  if (v1beta1 !== undefined) {
    return v1beta1;
  }
  const available = conditionsAt(cluster, 'status', 'conditions').find(
    c => c.type === 'ControlPlaneAvailable' || c.type === 'ControlPlaneReady',
  );
  if (available) {
    return available.status === 'True';
  }
  return booleanAt(
    cluster,
    'status',
    'initialization',
    'controlPlaneInitialized',
  );
}

/**
 * A Cluster API Cluster (v1beta1 or v1beta2) with its node pools as the common type.
 * @public
 */
export function toWorkloadCluster(
  cluster: KubeObject,
  index: NodePoolIndex,
): WorkloadCluster {
  const variables = arrayAt(cluster, 'spec', 'topology', 'variables');
  return assignDefined<WorkloadCluster>(
    {
      name: cluster.metadata.name,
      namespace: cluster.metadata.namespace ?? '',
      kind: 'Cluster',
      conditions: conditionsAt(cluster, 'status', 'conditions'),
      nodePools: topologyWorkers(cluster).map(worker =>
        toNodePool(worker, cluster, index, variables),
      ),
    },
    {
      // v1beta2 names the class by reference, v1beta1 by string.
      clusterClass:
        stringAt(cluster, 'spec', 'topology', 'classRef', 'name') ??
        stringAt(cluster, 'spec', 'topology', 'class'),
      version: stringAt(cluster, 'spec', 'topology', 'version'),
      phase: stringAt(cluster, 'status', 'phase'),
      controlPlaneReplicas: numberAt(
        cluster,
        'spec',
        'topology',
        'controlPlane',
        'replicas',
      ),
      controlPlaneReady: controlPlaneReady(cluster),
      controlPlaneMachines: controlPlaneMachines(
        index,
        cluster.metadata.namespace ?? '',
        cluster.metadata.name,
      ),
    },
  );
}

/** A TanzuKubernetesCluster creates a Cluster of its own; show the TanzuKubernetesCluster once. */
function isOwnedByTanzuCluster(cluster: KubeObject): boolean {
  return (cluster.metadata.ownerReferences ?? []).some(
    ref => ref.kind === 'TanzuKubernetesCluster',
  );
}

/**
 * Every workload cluster of the given lists, Cluster API and TanzuKubernetesCluster, with node
 * pools joined to their MachineDeployments and Machines.
 * @public
 */
export function buildWorkloadClusters(lists: {
  clusters: KubeObject[];
  tanzuClusters?: KubeObject[];
  machineDeployments: KubeObject[];
  machines: KubeObject[];
}): WorkloadCluster[] {
  const index = new NodePoolIndex(lists.machineDeployments, lists.machines);
  const tanzu = lists.tanzuClusters ?? [];
  const tanzuNames = new Set(
    tanzu.map(t => `${t.metadata.namespace}/${t.metadata.name}`),
  );
  const clusters = lists.clusters
    .filter(
      c =>
        !isOwnedByTanzuCluster(c) &&
        !tanzuNames.has(`${c.metadata.namespace}/${c.metadata.name}`),
    )
    .map(c => toWorkloadCluster(c, index));
  return [
    ...clusters,
    ...tanzu.map(t => toTanzuWorkloadCluster(t, index)),
  ].sort(
    (a, b) =>
      a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name),
  );
}

/** The server-side-apply body of a Cluster in the given Cluster API version. */
export function clusterManifest(
  spec: ClusterSpec,
  version: string,
): KubeObject {
  const defaultClass = spec.nodePools.find(p => p.class)?.class ?? 'node-pool';
  const topology: Record<string, unknown> = {
    ...(version === 'v1beta1'
      ? { class: spec.clusterClass }
      : { classRef: { name: spec.clusterClass } }),
    version: spec.version,
    controlPlane: { replicas: spec.controlPlaneReplicas ?? 1 },
    variables: [
      { name: 'vmClass', value: spec.vmClass },
      { name: 'storageClass', value: spec.storageClass },
      ...(spec.variables ?? []),
    ],
    workers: {
      machineDeployments: spec.nodePools.map(p => workerEntry(p, defaultClass)),
    },
  };
  const metadata: KubeObject['metadata'] = {
    name: spec.name,
    namespace: spec.namespace,
  };
  if (spec.labels) metadata.labels = spec.labels;
  if (spec.annotations) metadata.annotations = spec.annotations;
  return {
    apiVersion: `${API_GROUP_NAMES.clusterApi}/${version}`,
    kind: 'Cluster',
    metadata,
    spec: {
      ...(spec.clusterNetwork ? { clusterNetwork: spec.clusterNetwork } : {}),
      topology,
    },
  };
}
