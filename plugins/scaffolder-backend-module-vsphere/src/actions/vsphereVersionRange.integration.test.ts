import {
  runActionFailing,
  testenvActionOptions,
  testenvClients,
  uniqueName,
} from '../__testUtils__/testenv';
import { createVsphereClusterCreateAction } from './vsphereClusterCreate';
import { createVsphereNodePoolCreateAction } from './vsphereNodePoolCreate';

jest.setTimeout(60_000);

// The testenv's demo namespace has ClusterClass tanzukubernetescluster labelled v1.32 to v1.33
// and builtin-generic-v3.4.0 labelled v1.33 to v1.36; its images provide v1.32.7 and v1.33.3.
const { clients } = testenvClients();
const supervisor = clients.supervisor();
const clusters: string[] = [];

afterAll(async () => {
  await Promise.allSettled(
    clusters.map(n => supervisor.deleteCluster('demo', n)),
  );
  await clients.close();
});

const RULE =
  "ClusterClass 'builtin-generic-v3.4.0' supports v1.33 to v1.36 (labels kubernetes.vmware.com/min-version-supported and kubernetes.vmware.com/max-version-supported); valid: v1.33.3+vmware.1-fips";

describe('ClusterClass version ranges in the cluster and node pool actions', () => {
  it('vsphere:cluster:create refuses a version outside the class range before writing, naming field, rule and range', async () => {
    const { options } = testenvActionOptions(clients);
    const action = createVsphereClusterCreateAction(options);
    const name = uniqueName('it-range');
    const { error } = await runActionFailing(action, {
      namespace: 'demo',
      name,
      clusterClass: 'builtin-generic-v3.4.0',
      version: 'v1.32.7+vmware.1-fips',
      vmClass: 'best-effort-small',
      storageClass: 'vsan-default-storage-policy',
      nodePools: [{ name: 'workers', replicas: 1 }],
    });
    expect(error.name).toBe('InputError');
    expect(error.message).toBe(
      `version: Kubernetes v1.32.7+vmware.1-fips is outside the versions ${RULE}`,
    );
    await expect(
      supervisor.get('Cluster', name, { namespace: 'demo' }),
    ).rejects.toThrow(/not found/i);
  });

  it('vsphere:nodepool:create refuses a pool on a cluster whose version its class no longer supports, and changes nothing', async () => {
    const name = uniqueName('it-range-np');
    clusters.push(name);
    // as after a Supervisor upgrade: the cluster runs a release its class has dropped
    await supervisor.applyCluster({
      name,
      namespace: 'demo',
      clusterClass: 'builtin-generic-v3.4.0',
      version: 'v1.32.7+vmware.1-fips',
      vmClass: 'best-effort-small',
      storageClass: 'vsan-default-storage-policy',
      nodePools: [{ name: 'workers', replicas: 1 }],
    });
    const { options } = testenvActionOptions(clients);
    const action = createVsphereNodePoolCreateAction(options);
    const { error } = await runActionFailing(action, {
      namespace: 'demo',
      cluster: name,
      name: 'extra',
      replicas: 1,
    });
    expect(error.name).toBe('InputError');
    expect(error.message).toBe(
      `cluster: '${name}' runs Kubernetes v1.32.7+vmware.1-fips, outside the versions ${RULE}; upgrade the cluster before adding a node pool`,
    );
    const stored = await supervisor.getWorkloadCluster('demo', name);
    expect(stored.nodePools.map(p => p.name)).toEqual(['workers']);
  });
});
