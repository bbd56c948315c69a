import { KubeObject } from '../objects';

/** A v1beta2 Cluster as the Cluster API stores it since v1.11 (`classRef`, metav1 conditions). */
export const v1beta2Cluster: KubeObject = {
  apiVersion: 'cluster.x-k8s.io/v1beta2',
  kind: 'Cluster',
  metadata: { name: 'demo-cluster', namespace: 'demo', resourceVersion: '100' },
  spec: {
    topology: {
      classRef: { name: 'tanzukubernetescluster' },
      version: 'v1.33.3+vmware.1-fips',
      controlPlane: { replicas: 3 },
      variables: [
        { name: 'vmClass', value: 'best-effort-medium' },
        { name: 'storageClass', value: 'vsan-default-storage-policy' },
      ],
      workers: {
        machineDeployments: [
          {
            class: 'node-pool',
            name: 'np-small',
            replicas: 2,
            variables: {
              overrides: [{ name: 'vmClass', value: 'best-effort-small' }],
            },
          },
          { class: 'node-pool', name: 'np-large', replicas: 1 },
        ],
      },
    },
  },
  status: {
    phase: 'Provisioned',
    initialization: { controlPlaneInitialized: true },
    conditions: [
      {
        type: 'ControlPlaneAvailable',
        status: 'True',
        reason: 'Available',
        lastTransitionTime: '2026-01-01T00:00:00Z',
      },
    ],
  },
};

/** The same cluster as a v1beta1 client reads it (`class`, `controlPlaneReady`). */
export const v1beta1Cluster: KubeObject = {
  apiVersion: 'cluster.x-k8s.io/v1beta1',
  kind: 'Cluster',
  metadata: { name: 'old-cluster', namespace: 'demo' },
  spec: {
    topology: {
      class: 'tanzukubernetescluster',
      version: 'v1.31.4+vmware.1',
      controlPlane: { replicas: 1 },
      variables: [{ name: 'vmClass', value: 'guaranteed-large' }],
      workers: {
        machineDeployments: [
          { class: 'node-pool', name: 'workers', replicas: 4 },
        ],
      },
    },
  },
  status: {
    phase: 'Provisioning',
    controlPlaneReady: false,
    infrastructureReady: true,
    conditions: [
      {
        type: 'Ready',
        status: 'False',
        severity: 'Info',
        reason: 'WaitingForControlPlane',
      },
    ],
  },
};

export function machineDeployment(
  cluster: string,
  pool: string,
  status: Record<string, unknown>,
): KubeObject {
  return {
    apiVersion: 'cluster.x-k8s.io/v1beta2',
    kind: 'MachineDeployment',
    metadata: {
      name: `${cluster}-${pool}-x7k2p`,
      namespace: 'demo',
      labels: {
        'cluster.x-k8s.io/cluster-name': cluster,
        'topology.cluster.x-k8s.io/deployment-name': pool,
      },
    },
    spec: { replicas: 2 },
    status,
  };
}

export function machine(
  cluster: string,
  name: string,
  labels: Record<string, string>,
  extra: { providerID?: string; nodeName?: string; phase?: string } = {},
): KubeObject {
  return {
    apiVersion: 'cluster.x-k8s.io/v1beta2',
    kind: 'Machine',
    metadata: {
      name,
      namespace: 'demo',
      labels: { 'cluster.x-k8s.io/cluster-name': cluster, ...labels },
    },
    spec: extra.providerID ? { providerID: extra.providerID } : {},
    status: {
      ...(extra.phase ? { phase: extra.phase } : {}),
      ...(extra.nodeName ? { nodeRef: { name: extra.nodeName } } : {}),
    },
  };
}

/** A TanzuKubernetesCluster v1alpha3, the older way to ask for a cluster. */
export const tanzuCluster: KubeObject = {
  apiVersion: 'run.tanzu.vmware.com/v1alpha3',
  kind: 'TanzuKubernetesCluster',
  metadata: { name: 'team-a-tkc', namespace: 'team-a', resourceVersion: '7' },
  spec: {
    topology: {
      controlPlane: {
        replicas: 1,
        vmClass: 'best-effort-small',
        storageClass: 'k8s-gold',
        tkr: { reference: { name: 'v1.32.7---vmware.1-fips-vkr.2' } },
      },
      nodePools: [
        {
          name: 'workers',
          replicas: 2,
          vmClass: 'best-effort-medium',
          storageClass: 'k8s-gold',
        },
      ],
    },
  },
  status: {
    phase: 'running',
    conditions: [{ type: 'ControlPlaneReady', status: 'True' }],
  },
};
