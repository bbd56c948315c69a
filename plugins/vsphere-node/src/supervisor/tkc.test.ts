import { NodePoolIndex } from './nodePools';
import {
  addTanzuNodePool,
  tanzuNodePools,
  toTanzuWorkloadCluster,
} from './tkc';
import {
  machine,
  machineDeployment,
  tanzuCluster,
} from './__testUtils__/fixtures';

describe('toTanzuWorkloadCluster', () => {
  it('maps nodePools and joins the MachineDeployments and Machines of its Cluster', () => {
    const md = machineDeployment('team-a-tkc', 'workers', {
      replicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      phase: 'Running',
    });
    md.metadata.namespace = 'team-a';
    const m = machine('team-a-tkc', 'team-a-tkc-workers-1', {
      'topology.cluster.x-k8s.io/deployment-name': 'workers',
    });
    m.metadata.namespace = 'team-a';

    expect(
      toTanzuWorkloadCluster(tanzuCluster, new NodePoolIndex([md], [m])),
    ).toEqual({
      name: 'team-a-tkc',
      namespace: 'team-a',
      kind: 'TanzuKubernetesCluster',
      version: 'v1.32.7---vmware.1-fips-vkr.2',
      phase: 'running',
      controlPlaneReplicas: 1,
      controlPlaneReady: true,
      conditions: [{ type: 'ControlPlaneReady', status: 'True' }],
      nodePools: [
        {
          name: 'workers',
          desiredReplicas: 2,
          replicas: 2,
          readyReplicas: 2,
          availableReplicas: 2,
          phase: 'Running',
          vmClass: 'best-effort-medium',
          storageClass: 'k8s-gold',
          conditions: [],
          machines: [{ name: 'team-a-tkc-workers-1' }],
        },
      ],
    });
  });

  it('shows desired replicas with nothing ready before the pools exist', () => {
    const [pool] = toTanzuWorkloadCluster(
      tanzuCluster,
      new NodePoolIndex([], []),
    ).nodePools;
    expect(pool).toMatchObject({
      desiredReplicas: 2,
      readyReplicas: 0,
      machines: [],
    });
  });
});

describe('addTanzuNodePool', () => {
  it('adds a pool with its VM class and storage class as fields', () => {
    const pools = addTanzuNodePool(tanzuNodePools(tanzuCluster), 'team-a-tkc', {
      name: 'extra',
      replicas: 1,
      vmClass: 'best-effort-small',
      storageClass: 'k8s-gold',
    });
    expect(pools[1]).toEqual({
      name: 'extra',
      replicas: 1,
      vmClass: 'best-effort-small',
      storageClass: 'k8s-gold',
    });
  });

  it('needs a VM class and a storage class', () => {
    expect(() =>
      addTanzuNodePool([], 'team-a-tkc', { name: 'extra', replicas: 1 }),
    ).toThrow('needs a vmClass and a storageClass');
  });
});
