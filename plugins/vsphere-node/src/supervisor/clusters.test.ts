import { buildWorkloadClusters, clusterManifest } from './clusters';
import {
  machine,
  machineDeployment,
  v1beta1Cluster,
  v1beta2Cluster,
} from './__testUtils__/fixtures';

describe('buildWorkloadClusters', () => {
  it("lists a cluster's control-plane Machines apart from its node pools", () => {
    const [cluster] = buildWorkloadClusters({
      clusters: [v1beta2Cluster],
      machineDeployments: [],
      machines: [
        machine(
          'demo-cluster',
          'demo-cluster-control-plane-x1',
          { 'cluster.x-k8s.io/control-plane': '' },
          { providerID: 'vsphere://4210dddd', phase: 'Running' },
        ),
        // another cluster's control plane stays with that cluster
        machine('other', 'other-control-plane-y2', {
          'cluster.x-k8s.io/control-plane': '',
        }),
      ],
    });
    expect(cluster.controlPlaneMachines).toEqual([
      {
        name: 'demo-cluster-control-plane-x1',
        phase: 'Running',
        providerID: 'vsphere://4210dddd',
      },
    ]);
    expect(cluster.nodePools.flatMap(p => p.machines)).toEqual([]);
  });

  it('maps a v1beta2 topology to node pools with their MachineDeployment and Machines', () => {
    const [cluster] = buildWorkloadClusters({
      clusters: [v1beta2Cluster],
      machineDeployments: [
        machineDeployment('demo-cluster', 'np-small', {
          replicas: 2,
          readyReplicas: 1,
          availableReplicas: 1,
          phase: 'ScalingUp',
          conditions: [
            {
              type: 'Available',
              status: 'False',
              reason: 'WaitingForReplicas',
            },
          ],
        }),
        // Another cluster's pool of the same name must not leak in.
        machineDeployment('other', 'np-small', { readyReplicas: 9 }),
      ],
      machines: [
        machine(
          'demo-cluster',
          'demo-cluster-np-small-abc',
          { 'topology.cluster.x-k8s.io/deployment-name': 'np-small' },
          {
            providerID: 'vsphere://4210aaaa',
            nodeName: 'node-a',
            phase: 'Running',
          },
        ),
        // Machines that carry only the MachineDeployment's name still join.
        machine('demo-cluster', 'demo-cluster-np-small-def', {
          'cluster.x-k8s.io/deployment-name': 'demo-cluster-np-small-x7k2p',
        }),
      ],
    });

    expect(cluster).toEqual({
      name: 'demo-cluster',
      namespace: 'demo',
      kind: 'Cluster',
      clusterClass: 'tanzukubernetescluster',
      version: 'v1.33.3+vmware.1-fips',
      phase: 'Provisioned',
      controlPlaneReplicas: 3,
      controlPlaneReady: true,
      conditions: [
        {
          type: 'ControlPlaneAvailable',
          status: 'True',
          reason: 'Available',
          lastTransitionTime: '2026-01-01T00:00:00Z',
        },
      ],
      nodePools: [
        {
          name: 'np-small',
          class: 'node-pool',
          desiredReplicas: 2,
          replicas: 2,
          readyReplicas: 1,
          availableReplicas: 1,
          phase: 'ScalingUp',
          vmClass: 'best-effort-small',
          storageClass: 'vsan-default-storage-policy',
          conditions: [
            {
              type: 'Available',
              status: 'False',
              reason: 'WaitingForReplicas',
            },
          ],
          machines: [
            {
              name: 'demo-cluster-np-small-abc',
              phase: 'Running',
              nodeName: 'node-a',
              providerID: 'vsphere://4210aaaa',
            },
            { name: 'demo-cluster-np-small-def' },
          ],
        },
        {
          // No MachineDeployment yet: desired from the topology, nothing ready, cluster vmClass.
          name: 'np-large',
          class: 'node-pool',
          desiredReplicas: 1,
          readyReplicas: 0,
          vmClass: 'best-effort-medium',
          storageClass: 'vsan-default-storage-policy',
          conditions: [],
          machines: [],
        },
      ],
    });
  });

  it('reads the v1beta1 shape: class by name, controlPlaneReady, severity conditions', () => {
    const [cluster] = buildWorkloadClusters({
      clusters: [v1beta1Cluster],
      machineDeployments: [
        {
          ...machineDeployment('old-cluster', 'workers', {
            replicas: 4,
            readyReplicas: 3,
            availableReplicas: 3,
            updatedReplicas: 4,
            phase: 'Running',
          }),
          apiVersion: 'cluster.x-k8s.io/v1beta1',
        },
      ],
      machines: [],
    });
    expect(cluster).toMatchObject({
      name: 'old-cluster',
      clusterClass: 'tanzukubernetescluster',
      version: 'v1.31.4+vmware.1',
      phase: 'Provisioning',
      controlPlaneReady: false,
      conditions: [
        { type: 'Ready', status: 'False', reason: 'WaitingForControlPlane' },
      ],
      nodePools: [
        {
          name: 'workers',
          desiredReplicas: 4,
          replicas: 4,
          readyReplicas: 3,
          vmClass: 'guaranteed-large',
          phase: 'Running',
        },
      ],
    });
  });

  it('shows a TanzuKubernetesCluster once, not also the Cluster it owns', () => {
    const owned = {
      ...v1beta2Cluster,
      metadata: {
        ...v1beta2Cluster.metadata,
        name: 'tkc',
        ownerReferences: [{ kind: 'TanzuKubernetesCluster', name: 'tkc' }],
      },
    };
    const clusters = buildWorkloadClusters({
      clusters: [owned, v1beta2Cluster],
      tanzuClusters: [
        {
          apiVersion: 'run.tanzu.vmware.com/v1alpha3',
          kind: 'TanzuKubernetesCluster',
          metadata: { name: 'tkc', namespace: 'demo' },
          spec: { topology: { nodePools: [] } },
        },
      ],
      machineDeployments: [],
      machines: [],
    });
    expect(clusters.map(c => `${c.kind}/${c.name}`)).toEqual([
      'Cluster/demo-cluster',
      'TanzuKubernetesCluster/tkc',
    ]);
  });
});

describe('clusterManifest', () => {
  const spec = {
    name: 'c1',
    namespace: 'demo',
    clusterClass: 'tanzukubernetescluster',
    version: 'v1.33.3+vmware.1-fips',
    vmClass: 'best-effort-small',
    storageClass: 'k8s-gold',
    nodePools: [{ name: 'np-1', replicas: 2, vmClass: 'guaranteed-large' }],
  };

  it('names the class by reference in v1beta2', () => {
    expect(clusterManifest(spec, 'v1beta2')).toEqual({
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'Cluster',
      metadata: { name: 'c1', namespace: 'demo' },
      spec: {
        topology: {
          classRef: { name: 'tanzukubernetescluster' },
          version: 'v1.33.3+vmware.1-fips',
          controlPlane: { replicas: 1 },
          variables: [
            { name: 'vmClass', value: 'best-effort-small' },
            { name: 'storageClass', value: 'k8s-gold' },
          ],
          workers: {
            machineDeployments: [
              {
                class: 'node-pool',
                name: 'np-1',
                replicas: 2,
                variables: {
                  overrides: [{ name: 'vmClass', value: 'guaranteed-large' }],
                },
              },
            ],
          },
        },
      },
    });
  });

  it('names the class by string in v1beta1', () => {
    const topology = clusterManifest(spec, 'v1beta1').spec!.topology as Record<
      string,
      unknown
    >;
    expect(topology.class).toBe('tanzukubernetescluster');
    expect(topology.classRef).toBeUndefined();
  });
});
